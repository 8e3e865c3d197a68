import fs from 'node:fs';
import { scanForPrivateData } from '../support/privacy-scan';

export default function globalTeardown(): void {
  const root = process.env.KIOSK_E2E_ROOT;
  if (!root || !fs.existsSync(root)) throw new Error('privacy scan: the e2e data root is missing');
  const dirs = fs.readdirSync(root);
  const findings = scanForPrivateData(root);
  if (findings.length > 0) {
    const lines = findings.slice(0, 20).map((f) => `  ${f.what} ${f.sample} in ${f.file}`);
    throw new Error(`privacy scan: the browser suite left private data on disk:\n${lines.join('\n')}`);
  }
  console.log(`privacy scan: ${dirs.length} data dirs of the browser suite hold no Aadhaar number, PID data or key`);
  fs.rmSync(root, { recursive: true, force: true });
}
