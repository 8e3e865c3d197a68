/**
 * Operator settings end to end on the web host's services: first-run setup, switching
 * the running services to a second Eko server without restarting the process, Test
 * connection, a bad configuration rolled back, a fresh start reading the saved keys,
 * and no entered key in any log line or in config.json.
 */
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../app/contract';
import { boot, type Booted } from '../../../main/host/boot';
import { LOG_FILE_NAME } from '../../../main/services/log/logger';
import { startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko';
import { makeTempDir } from '../../support/temp-dir';

const PIN = '2580';
let sandbox: EkoSandbox;
let booted: Booted;
let dataDir: string;
const lines: string[] = [];
const cleanups: Array<() => Promise<unknown>> = [];

async function call(name: string, input: unknown = {}, on: Booted = booted): Promise<Envelope> {
  return on.dispatch(name, input);
}
async function value<T = Record<string, unknown>>(name: string, input: unknown = {}, on: Booted = booted): Promise<T> {
  const envelope = await call(name, input, on);
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise((resolve) => server.close(resolve));
  return port;
}

beforeAll(async () => {
  sandbox = await startEkoSandbox({ developerKey: 'dev7c1e9a0f4b2d8e6a5c3b1f0d9e80567', accessKey: 'acc-4f1d2c3b-9a8e-4d7c-b6a5-e4f3d2c1b0a9', initiatorId: '9876543210', userCode: '30000001' });
  cleanups.push(() => sandbox.close());
  dataDir = makeTempDir();
  booted = await boot({ host: 'web', env: {}, dataDir, onLogLine: (l) => lines.push(l) });
  cleanups.push(() => booted.services.stop());
}, 30_000);

afterAll(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup().catch(() => undefined);
});

const candidate = () => ({
  baseUrl: sandbox.baseUrl,
  developerKey: sandbox.developerKey,
  accessKey: sandbox.accessKey,
  initiatorId: sandbox.initiatorId,
  userCode: sandbox.userCode,
  agentMobile: '9123456789',
  latlong: '19.0760,72.8777',
  aadhaarPublicKey: sandbox.aadhaarPublicKey,
});

describe('operator settings on running services', () => {
  let token = '';

  it('starts in demo, first run, training', async () => {
    expect(await value('getAppInfo')).toMatchObject({ profile: 'demo', training: true, host: 'web' });
    expect(await value('getSettings')).toMatchObject({ firstRun: true, pinSet: false, secretStorage: 'dev-file', profile: 'demo' });
  });

  it('Test connection on first run: the candidate server answers; a closed port is an error, not a throw', async () => {
    const ok = await value('testConnection', { profile: 'production', eko: candidate() });
    expect(ok).toMatchObject({ ok: true, baseUrl: sandbox.baseUrl, error: null });
    expect(ok.walletBalance).toMatch(/^\d+(\.\d+)?$/);

    const port = await closedPort();
    const down = await value<{ ok: boolean; error: { code: string; detail: string } }>('testConnection', {
      profile: 'production',
      eko: { ...candidate(), baseUrl: `http://127.0.0.1:${port}/ekoapi/v3` },
    });
    expect(down.ok).toBe(false);
    expect(down.error.code).toBe('eko.offline');
    expect(JSON.stringify(down)).not.toContain(sandbox.accessKey);
    // Testing changed nothing that runs.
    expect(await value('getAppInfo')).toMatchObject({ profile: 'demo' });
  }, 30_000);

  it('saving switches the running services to the new server and profile, without a restart', async () => {
    const demoBaseUrl = (await value<{ baseUrl: string }>('getEkoStatus')).baseUrl;
    const saved = await value('saveSettings', { profile: 'production', eko: candidate(), newPin: PIN });
    expect(saved).toMatchObject({
      firstRun: false,
      pinSet: true,
      profile: 'production',
      eko: { baseUrl: sandbox.baseUrl, developerKey: { set: true, masked: '••••0567', source: 'saved' } },
    });
    expect(await value('getAppInfo')).toMatchObject({ profile: 'production', training: false, agent: { userCode: '30000001', mobile: '9123456789' } });
    const status = await value<{ baseUrl: string }>('getEkoStatus');
    expect(status.baseUrl).toBe(sandbox.baseUrl);
    expect(status.baseUrl).not.toBe(demoBaseUrl);
    // The new client signs with the saved keys: the second sandbox accepts it.
    expect(await value('getSettlementBalance')).toMatchObject({ customerId: '9123456789' });
    expect(booted.config.profile).toBe('production');

    const bytes = fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8');
    expect(bytes).not.toContain(sandbox.developerKey);
    expect(bytes).not.toContain(sandbox.accessKey);
  }, 30_000);

  it('after setup: the PIN opens a session; Test connection of what runs', async () => {
    expect(await call('testConnection', {})).toMatchObject({ ok: false, error: { code: 'settings.pinRequired' } });
    expect(await call('unlockSettings', { pin: '1111' })).toMatchObject({ ok: false, error: { code: 'settings.pinWrong', params: { triesLeft: '4' } } });
    ({ token } = await value<{ token: string }>('unlockSettings', { pin: PIN }));
    expect(await value('testConnection', { token })).toMatchObject({ ok: true, baseUrl: sandbox.baseUrl });
  });

  it('a key that is no RSA key is refused on its field, in plain words, and the previous configuration keeps running', async () => {
    // Passes the contract's text checks (long enough) and looks like base64, but is no RSA key.
    const notAKey = Buffer.alloc(120, 7).toString('base64');
    const refused = await call('saveSettings', { token, profile: 'production', eko: { aadhaarPublicKey: notAKey } });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: 'input.invalid', params: { field: 'eko.aadhaarPublicKey', problem: 'is not an RSA public key (base64 DER or PEM)' } },
    });
    expect(await value('getAppInfo')).toMatchObject({ profile: 'production' });
    expect(await value<{ baseUrl: string }>('getEkoStatus')).toMatchObject({ baseUrl: sandbox.baseUrl });
    expect(await value('getSettlementBalance')).toMatchObject({ customerId: '9123456789' });
    expect(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8')).not.toContain(notAKey);
  }, 30_000);

  it('a fresh start on the same data dir reads the saved keys', async () => {
    const again = await boot({ host: 'web', env: {}, dataDir });
    try {
      expect(again.config.profile).toBe('production');
      expect(again.config.eko).toMatchObject({ baseUrl: sandbox.baseUrl, developerKey: sandbox.developerKey, accessKey: sandbox.accessKey });
      expect(await value('getSettlementBalance', {}, again)).toMatchObject({ customerId: '9123456789' });
    } finally {
      await again.services.stop();
    }
  }, 30_000);

  it('back to demo: the TRAINING profile runs the built-in sandbox again', async () => {
    const saved = await value('saveSettings', { token, profile: 'demo' });
    expect(saved).toMatchObject({ profile: 'demo', eko: { baseUrl: null, developerKey: { set: false, source: 'sandbox' } } });
    expect(await value('getAppInfo')).toMatchObject({ profile: 'demo', training: true });
    expect((await value<{ baseUrl: string }>('getEkoStatus')).baseUrl).not.toBe(sandbox.baseUrl);
    const file = JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    expect(file.eko).toEqual({ latlong: '19.0760,72.8777' });
  }, 30_000);

  it('no log line (memory or kiosk.log) holds an entered key', () => {
    const logs = [lines.join('\n'), fs.readFileSync(path.join(dataDir, 'logs', LOG_FILE_NAME), 'utf8')];
    expect(lines.some((l) => l.includes('settings saved'))).toBe(true);
    for (const log of logs) {
      expect(log).not.toContain(sandbox.developerKey);
      expect(log).not.toContain(sandbox.accessKey);
      expect(log).not.toContain(token);
    }
  });
});
