/**
 * One folder holds every data dir the browser suite creates, so that the
 * teardown can prove none of them holds an Aadhaar number, PID data or a key.
 * Beside them (never inside one) lies the secrets file: the keys of every Eko sandbox
 * of the run, in a test or inside a demo kiosk, are recorded there for that scan
 * (test/support/suite-secrets.ts).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { SECRETS_FILE_NAME, SUITE_SECRETS_FILE_ENV } from '../support/suite-secrets';

export default function globalSetup(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-run-'));
  process.env.KIOSK_E2E_ROOT = root;
  // Workers and the kiosks they start inherit it.
  process.env[SUITE_SECRETS_FILE_ENV] = path.join(root, SECRETS_FILE_NAME);
}
