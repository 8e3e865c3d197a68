/**
 * Saved settings that do not load must not brick the counter: boot starts the training
 * profile, getSettings says what to fix, nothing runs against the live Eko server until the
 * operator fixes it, and saving switches to the real services. A bad environment variable
 * (or data folder) still stops start-up with one line naming it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Envelope } from '../../../app/contract';
import { boot, type Booted } from '../../../main/host/boot';
import { ConfigError } from '../../../main/services/config/config';
import { hashPin } from '../../../main/services/settings/pin';
import { createDevFileSecretStore } from '../../../main/services/settings/secret-store';
import { startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko';
import { makeTempDir } from '../../support/temp-dir';

const PIN = '2580';
let live: EkoSandbox;
const stops: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  live = await startEkoSandbox({ developerKey: 'dev7c1e9a0f4b2d8e6a5c3b1f0d9e80567', accessKey: 'acc-4f1d2c3b-9a8e-4d7c-b6a5-e4f3d2c1b0a9', initiatorId: '9876543210', userCode: '30000001' });
  stops.push(() => live.close());
}, 30_000);
afterAll(async () => {
  for (const stop of stops.reverse()) await stop().catch(() => undefined);
});

async function value<T = Record<string, unknown>>(on: Booted, name: string, input: unknown = {}): Promise<T> {
  const envelope: Envelope = await on.dispatch(name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}

async function bootOn(dataDir: string, env: Record<string, string> = {}): Promise<Booted> {
  const booted = await boot({ host: 'web', env, dataDir });
  stops.push(() => booted.services.stop());
  return booted;
}

function writeConfig(dataDir: string, content: unknown): void {
  fs.writeFileSync(path.join(dataDir, 'config.json'), typeof content === 'string' ? content : JSON.stringify(content, null, 2));
}

describe('setup needed: saved keys that do not decrypt on this PC', () => {
  let dataDir: string;
  let booted: Booted;

  beforeAll(async () => {
    dataDir = makeTempDir();
    // Encrypted with another data dir's key: as DPAPI data from another PC or Windows user.
    const otherPc = createDevFileSecretStore(makeTempDir());
    writeConfig(dataDir, {
      profile: 'production',
      setupDone: true,
      operatorPinHash: await hashPin(PIN),
      eko: {
        baseUrl: live.baseUrl,
        aadhaarPublicKey: live.aadhaarPublicKey,
        developerKeyEncrypted: otherPc.encrypt(live.developerKey),
        accessKeyEncrypted: otherPc.encrypt(live.accessKey),
        initiatorId: live.initiatorId,
        userCode: live.userCode,
        agentMobile: '9123456789',
        latlong: '19.0760,72.8777',
      },
    });
    booted = await bootOn(dataDir);
  }, 30_000);

  it('boots, on the training profile with the built-in sandbox, not the live server', async () => {
    expect(booted.startupProblem).toMatchObject({ setting: 'config.json → eko.developerKey', reason: 'keyNotReadable' });
    expect(await value(booted, 'getAppInfo')).toMatchObject({ profile: 'demo', training: true });
    expect((await value<{ baseUrl: string }>(booted, 'getEkoStatus')).baseUrl).not.toBe(live.baseUrl);
    // A wallet call answers from the sandbox (the demo agent), not the live account.
    expect(await value(booted, 'getSettlementBalance')).not.toMatchObject({ customerId: '9123456789' });
    expect(live.requestCount()).toBe(0);
  });

  it('getSettings names the problem and shows the saved settings; the PIN still guards them', async () => {
    expect(await value(booted, 'getSettings')).toMatchObject({
      firstRun: false,
      pinSet: true,
      profile: 'production',
      configProblem: { setting: 'config.json → eko.developerKey', field: 'eko.developerKey', problem: 'keyNotReadable' },
      eko: { baseUrl: live.baseUrl, initiatorId: live.initiatorId, developerKey: { set: false }, accessKey: { set: false } },
    });
    expect(await booted.dispatch('saveSettings', { profile: 'production', eko: { developerKey: live.developerKey } })).toMatchObject({
      ok: false,
      error: { code: 'settings.pinRequired' },
    });
    expect(live.requestCount()).toBe(0); // nothing reached the live server while setup was needed
  });

  it('re-entering the keys fixes it: the live services run, and the next start loads them', async () => {
    const { token } = await value<{ token: string }>(booted, 'unlockSettings', { pin: PIN });
    const saved = await value(booted, 'saveSettings', { token, profile: 'production', eko: { developerKey: live.developerKey, accessKey: live.accessKey } });
    expect(saved).toMatchObject({ configProblem: null, profile: 'production', eko: { developerKey: { set: true, source: 'saved' } } });
    expect(await value(booted, 'getAppInfo')).toMatchObject({ profile: 'production', training: false });
    expect((await value<{ baseUrl: string }>(booted, 'getEkoStatus')).baseUrl).toBe(live.baseUrl);
    expect(await value(booted, 'getSettlementBalance')).toMatchObject({ customerId: '9123456789' });
    expect(live.requestCount()).toBeGreaterThan(0); // the counter that stayed at 0 above does count

    const again = await bootOn(dataDir);
    expect(again.startupProblem).toBeNull();
    expect(again.config.profile).toBe('production');
  }, 30_000);
});

describe('setup needed: a damaged config.json', () => {
  it('boots on training; first-run setup (no PIN could be read) writes a good file and ends it', async () => {
    const dataDir = makeTempDir();
    writeConfig(dataDir, '{ "profile": "production", "setupDone": tr');
    const booted = await bootOn(dataDir);
    expect(booted.startupProblem?.reason).toBe('fileDamaged');
    expect(await value(booted, 'getAppInfo')).toMatchObject({ profile: 'demo', training: true });
    const settings = await value<{ firstRun: boolean; configProblem: { setting: string; problem: string } }>(booted, 'getSettings');
    expect(settings).toMatchObject({ firstRun: true, configProblem: { problem: 'fileDamaged', field: null } });
    expect(settings.configProblem.setting).toBe(path.join(dataDir, 'config.json'));

    const saved = await value(booted, 'saveSettings', { profile: 'production', eko: { ...liveAccount(), latlong: '19.0760,72.8777' }, newPin: PIN });
    expect(saved).toMatchObject({ firstRun: false, configProblem: null, profile: 'production' });
    expect(await value(booted, 'getAppInfo')).toMatchObject({ profile: 'production', training: false });
    expect(JSON.parse(fs.readFileSync(path.join(dataDir, 'config.json'), 'utf8'))).toMatchObject({ profile: 'production', setupDone: true });
  }, 30_000);
});

function liveAccount() {
  return {
    baseUrl: live.baseUrl,
    aadhaarPublicKey: live.aadhaarPublicKey,
    developerKey: live.developerKey,
    accessKey: live.accessKey,
    initiatorId: live.initiatorId,
    userCode: live.userCode,
  };
}

describe('what still stops start-up', () => {
  it('a bad environment variable: one line naming it (the shell and the web host show it)', async () => {
    const err = await boot({ host: 'web', env: { KIOSK_LATLONG: 'delhi' }, dataDir: makeTempDir() }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).message).toBe('Configuration error in KIOSK_LATLONG: "delhi" is not "latitude,longitude" (e.g. 28.6139,77.2090)');
  });

  it('a bad environment variable behind a damaged config.json', async () => {
    const dataDir = makeTempDir();
    writeConfig(dataDir, 'not json');
    await expect(boot({ host: 'web', env: { KIOSK_PROFILE: 'prod' }, dataDir })).rejects.toMatchObject({ setting: 'KIOSK_PROFILE' });
  });

  it('a data folder that cannot be created names KIOSK_DATA_DIR', async () => {
    const file = path.join(makeTempDir(), 'not-a-folder');
    fs.writeFileSync(file, '');
    const err = await boot({ host: 'web', env: { KIOSK_DATA_DIR: path.join(file, 'kiosk') } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).setting).toBe('KIOSK_DATA_DIR');
    expect((err as ConfigError).message).not.toContain('\n');
  });
});
