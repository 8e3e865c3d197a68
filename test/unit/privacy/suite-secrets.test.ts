/**
 * The privacy scan learns every key of the run from test code alone (test/support/suite-secrets.ts):
 * the app and its sandbox know nothing of the secrets file. A kiosk started the way the browser
 * suite starts one (startKiosk → test/support/kiosk-entry.ts) records the keys of the demo sandbox
 * it starts for itself, and those are that sandbox's real keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { demoPeers } from '../../../main/host/demo-peers';
import { ekoHeaders } from '../../../main/protocol/eko-signing';
import { startKiosk, type KioskProcess } from '../../support/kiosk-process';
import { readSuiteSecrets } from '../../support/privacy-scan';
import { SECRETS_FILE_NAME, SUITE_SECRETS_FILE_ENV, recordingDemoPeers } from '../../support/suite-secrets';
import { makeTempDir } from '../../support/temp-dir';

const savedEnv = process.env[SUITE_SECRETS_FILE_ENV];
let kiosk: KioskProcess | null = null;
afterEach(async () => {
  await kiosk?.stop();
  kiosk = null;
  if (savedEnv === undefined) delete process.env[SUITE_SECRETS_FILE_ENV];
  else process.env[SUITE_SECRETS_FILE_ENV] = savedEnv;
});

function secretsFile(): string {
  const file = path.join(makeTempDir('privacy-root-'), SECRETS_FILE_NAME);
  process.env[SUITE_SECRETS_FILE_ENV] = file;
  return file;
}

/** The lines of the secrets file: who recorded which keys. */
function entries(file: string): { source: string; secrets: string[] }[] {
  return fs.existsSync(file) ? fs.readFileSync(file, 'utf8').trim().split('\n').map((l) => JSON.parse(l) as { source: string; secrets: string[] }) : [];
}

/** The status a sandbox answers a signed wallet-balance call with: 403 when the keys are not its own. */
async function signedStatus(baseUrl: string, developerKey: string, accessKey: string): Promise<number> {
  const res = await fetch(`${baseUrl}/user/account/balance?initiator_id=9962981729&customer_id_type=mobile_number&customer_id=9962981729`, {
    headers: { ...ekoHeaders(developerKey, accessKey, Date.now()) },
  });
  await res.arrayBuffer();
  return res.status;
}

describe('suite secrets', () => {
  it('recording demo peers record the keys of the sandbox they start, and nothing without a secrets file', async () => {
    delete process.env[SUITE_SECRETS_FILE_ENV];
    const unrecorded = await recordingDemoPeers().startEkoSandbox({ initiatorId: '9962981729', userCode: '20810200', agentMobile: '9962981729', edition: 'spec' });
    await unrecorded.close();

    const file = secretsFile();
    const sandbox = await recordingDemoPeers(demoPeers).startEkoSandbox({ initiatorId: '9962981729', userCode: '20810200', agentMobile: '9962981729', edition: 'spec' });
    try {
      const { baseUrl, developerKey, accessKey } = sandbox.credentials;
      expect(entries(file)).toEqual([{ source: 'demo-eko-sandbox', secrets: [developerKey, accessKey] }]);
      expect(await signedStatus(baseUrl, developerKey, accessKey)).toBe(200);
      expect(await signedStatus(baseUrl, developerKey, 'not-its-access-key')).toBe(403);
    } finally {
      await sandbox.close();
    }
  });

  it('a demo kiosk started as the browser suite starts one records its own sandbox\'s keys', async () => {
    const file = secretsFile();
    kiosk = await startKiosk();
    // startKiosk gave it no key: every key in the file is one the kiosk's own sandbox recorded.
    const recorded = entries(file);
    expect(recorded.map((e) => e.source)).toEqual(['demo-eko-sandbox']);
    const [developerKey, accessKey] = recorded[0]!.secrets;
    expect(readSuiteSecrets(file)).toEqual([developerKey, accessKey]);
    // They are the keys of the sandbox that kiosk talks to (its log names the sandbox's address, never the keys).
    const log = fs.readFileSync(path.join(kiosk.dataDir, 'logs', 'kiosk.log'), 'utf8');
    const baseUrl = /"baseUrl":"(http:\/\/127\.0\.0\.1:\d+\/ekoapi\/v3)"/.exec(log)?.[1];
    expect(baseUrl).toBeDefined();
    expect(log).not.toContain(accessKey);
    expect(await signedStatus(baseUrl!, developerKey!, accessKey!)).toBe(200);
    expect(await signedStatus(baseUrl!, developerKey!, `${accessKey}x`)).toBe(403);
  }, 60_000);
});
