/**
 * One folder holds every data dir the browser suite creates, so that the
 * teardown can prove none of them holds an Aadhaar number, PID data or a key.
 * Beside them (never inside one) lies the secrets file: every Eko sandbox of the
 * run, in a test or inside a demo kiosk, writes its keys there for that scan.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { TEST_SECRETS_FILE_ENV } from '../../main/simulators/eko/sandbox';
import { SECRETS_FILE_NAME } from '../support/privacy-scan';

export default function globalSetup(): void {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-e2e-run-'));
  process.env.KIOSK_E2E_ROOT = root;
  // Workers and the kiosks they start inherit it.
  process.env[TEST_SECRETS_FILE_ENV] = path.join(root, SECRETS_FILE_NAME);
}
