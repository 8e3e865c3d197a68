/**
 * The browser suite's secrets file: every key the run gives out (each Eko sandbox's developer and
 * access keys, any key passed to a kiosk) is appended there, one JSON line per writer, so the
 * privacy scan after the suite knows every key it must not find in a data dir
 * (./privacy-scan.ts). The file lies beside the data dirs, never inside one.
 *
 * Test-owned: the app and its sandbox know nothing of it. Test code that starts a sandbox
 * records its keys here (startRecordedEkoSandbox), and a kiosk started by the tests
 * (./kiosk-process.ts → ./kiosk-entry.ts) runs with recordingDemoPeers, which record the keys of
 * the sandbox a demo-profile kiosk starts for itself.
 */
import fs from 'node:fs';
import { demoPeers } from '../../main/host/demo-peers';
import type { DemoPeers } from '../../main/services/demo-peers';
import { startEkoSandbox, type EkoSandbox, type EkoSandboxOptions } from '../../main/simulators/eko';

/** Names the run's secrets file; set by test/e2e/global-setup.ts, inherited by workers and the kiosks they start. */
export const SUITE_SECRETS_FILE_ENV = 'KIOSK_TEST_SECRETS_FILE';

/** The secrets file's name in the browser suite's root (beside the kiosk data dirs). */
export const SECRETS_FILE_NAME = 'suite-secrets.jsonl';

/** Appends secrets to the run's secrets file (named by SUITE_SECRETS_FILE_ENV); nothing when it is not set. */
export function recordSuiteSecrets(source: string, secrets: readonly string[]): void {
  const file = process.env[SUITE_SECRETS_FILE_ENV];
  const values = secrets.filter((s) => s.length > 0);
  if (file && values.length > 0) fs.appendFileSync(file, `${JSON.stringify({ source, secrets: values })}\n`);
}

/** startEkoSandbox, with the sandbox's keys recorded for the privacy scan: for test code that starts a sandbox itself. */
export async function startRecordedEkoSandbox(options: EkoSandboxOptions = {}): Promise<EkoSandbox> {
  const sandbox = await startEkoSandbox(options);
  recordSuiteSecrets('eko-sandbox', [sandbox.developerKey, sandbox.accessKey]);
  return sandbox;
}

/** The demo profile's peers (main/host/demo-peers.ts), recording the keys of every sandbox they start. */
export function recordingDemoPeers(peers: DemoPeers = demoPeers): DemoPeers {
  return {
    startRdSimulator: (host) => peers.startRdSimulator(host),
    async startEkoSandbox(options) {
      const sandbox = await peers.startEkoSandbox(options);
      recordSuiteSecrets('demo-eko-sandbox', [sandbox.credentials.developerKey, sandbox.credentials.accessKey]);
      return sandbox;
    },
  };
}
