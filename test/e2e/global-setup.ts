/**
 * One folder holds every data dir the browser suite creates, so that the
 * teardown can prove none of them holds an Aadhaar number, PID data or a key.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

export default function globalSetup(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-run-'));
  process.env.KIOSK_E2E_ROOT = root;
}
