import fs from 'node:fs';
import { scanSuiteDataDirs } from '../support/privacy-scan';

/** After the browser suite: no data dir it made may hold an Aadhaar number, PID data or any key the run used. */
export default function globalTeardown(): void {
  const root = process.env.KIOSK_E2E_ROOT;
  if (!root || !fs.existsSync(root)) throw new Error('privacy scan: the e2e data root is missing');
  // Throws when no data dir was made or no key was recorded: such a scan would prove nothing.
  const { dirs, secrets, findings } = scanSuiteDataDirs(root);
  if (findings.length > 0) {
    const lines = findings.slice(0, 20).map((f) => `  ${f.what} ${f.sample} in ${f.file}`);
    throw new Error(`privacy scan: the browser suite left private data on disk:\n${lines.join('\n')}`);
  }
  console.log(`privacy scan: ${dirs.length} data dirs of the browser suite hold no Aadhaar number, PID data or any of the ${secrets} keys the run used`);
  fs.rmSync(root, { recursive: true, force: true });
}
