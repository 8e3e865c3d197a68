import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { contract, type KioskError } from '../../../app/contract';
import { ConfigError, loadConfig, type KioskConfig } from '../../../main/services/config/config';
import { loadStartupConfig } from '../../../main/services/config/startup';
import { EKO_STAGING_AADHAAR_KEY } from '../../../main/services/config/eko-public-keys';
import type { Services } from '../../../main/services';
import { createLogger } from '../../../main/services/log/logger';
import { createDevFileSecretStore, unavailableSecretStore, type SecretStore } from '../../../main/services/settings/secret-store';
import { createSettingsService, maskSecret } from '../../../main/services/settings/settings-service';
import { hashPin } from '../../../main/services/settings/pin';
import { makeTempDir } from '../../support/temp-dir';

const DEV_KEY = 'a1b2c3d4e5f60718293a4b5c6d7e0567';
const ACCESS_KEY = '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0';
const PIN = '2580';

const production = {
  baseUrl: 'https://api.eko.in:25002/ekoicici/v3',
  developerKey: DEV_KEY,
  accessKey: ACCESS_KEY,
  initiatorId: '9876543210',
  userCode: '30000001',
  agentMobile: '9123456789',
  latlong: '19.0760,72.8777',
};

function setup(options: { file?: unknown; store?: SecretStore; env?: Record<string, string> } = {}) {
  const dir = makeTempDir();
  if (options.file !== undefined) fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify(options.file));
  const store = options.store ?? createDevFileSecretStore(dir);
  const env = options.env ?? {};
  const lines: string[] = [];
  const logger = createLogger({ dir: null, onLine: (l) => lines.push(l) });
  let t = 1_700_000_000_000;
  const fake = (config: KioskConfig) => ({ config, enquiry: { last: () => ({ state: 'none' }) } }) as unknown as Services;
  let current = fake(loadConfig(env, { dataDir: dir, decrypt: (b) => store.decrypt(b) }));
  const replace = vi.fn(async (config: KioskConfig, commit?: () => void | Promise<void>) => {
    await commit?.();
    current = fake(config);
    return current;
  });
  const settings = createSettingsService({ env, dataDir: dir, secretStore: store, logger, live: { current: () => current, replace }, now: () => t });
  const file = () => fs.readFileSync(path.join(dir, 'config.json'), 'utf8');
  return { dir, store, settings, replace, lines, file, current: () => current, advance: (ms: number) => (t += ms) };
}

async function failure(promise: Promise<unknown>): Promise<KioskError> {
  try {
    await promise;
  } catch (err) {
    return err as KioskError;
  }
  throw new Error('expected a rejection');
}

describe('settings service: first run', () => {
  it('a fresh PC is a first run; demo setup needs only a profile and a PIN, no token', async () => {
    const s = setup();
    expect(await s.settings.get()).toMatchObject({ firstRun: true, pinSet: false, locked: false, profile: 'demo', secretStorage: 'dev-file' });
    expect((await failure(s.settings.save({ profile: 'demo' }))).params).toMatchObject({ field: 'newPin' });
    expect(fs.existsSync(path.join(s.dir, 'config.json'))).toBe(false);

    const after = await s.settings.save({ profile: 'demo', newPin: PIN });
    expect(after).toMatchObject({ firstRun: false, pinSet: true, profile: 'demo' });
    const saved = JSON.parse(s.file());
    expect(saved).toMatchObject({ profile: 'demo', setupDone: true });
    expect(saved.operatorPinHash).toMatch(/^scrypt\$/);
    expect(s.file()).not.toContain(PIN);
    // Nothing that runs changed: no restart.
    expect(s.replace).not.toHaveBeenCalled();
  });

  it('a config.json without setupDone (hand-written, or older app) is still a first run', async () => {
    const s = setup({ file: { profile: 'staging' } });
    expect((await s.settings.get()).firstRun).toBe(true);
  });
});

describe('settings service: PIN, tokens', () => {
  async function setUp() {
    const s = setup();
    await s.settings.save({ profile: 'demo', newPin: PIN });
    return s;
  }

  it('after setup every change needs a token from the PIN; tokens expire after 10 minutes and on lock', async () => {
    const s = await setUp();
    expect((await failure(s.settings.save({ profile: 'demo', receiptPaperMm: 80 }))).code).toBe('settings.pinRequired');
    expect((await failure(s.settings.save({ profile: 'demo', token: 'x'.repeat(43) }))).code).toBe('settings.tokenExpired');
    expect((await failure(s.settings.testConnection({}))).code).toBe('settings.pinRequired');
    expect(await failure(s.settings.unlock({ pin: '1111' }))).toMatchObject({ code: 'settings.pinWrong', params: { triesLeft: '4' } });

    const { token, expiresAt } = await s.settings.unlock({ pin: PIN });
    expect(token.length).toBeGreaterThanOrEqual(32);
    expect(Date.parse(expiresAt) - 1_700_000_000_000).toBe(600_000);
    await s.settings.save({ token, profile: 'demo', receiptPaperMm: 80 });
    expect(s.current().config.receiptPaperMm).toBe(80);

    s.advance(600_001);
    expect((await failure(s.settings.save({ token, profile: 'demo', receiptPaperMm: 58 }))).code).toBe('settings.tokenExpired');

    const second = await s.settings.unlock({ pin: PIN });
    await s.settings.lock({ token: second.token });
    expect((await failure(s.settings.save({ token: second.token, profile: 'demo' }))).code).toBe('settings.tokenExpired');
    expect(s.current().config.receiptPaperMm).toBe(80);
  });

  it('5 wrong PINs lock the settings (getSettings says until when)', async () => {
    const s = await setUp();
    for (let i = 0; i < 4; i++) await failure(s.settings.unlock({ pin: '1111' }));
    expect((await failure(s.settings.unlock({ pin: '1111' }))).code).toBe('settings.locked');
    expect((await failure(s.settings.unlock({ pin: PIN }))).code).toBe('settings.locked');
    expect(await s.settings.get()).toMatchObject({ locked: true, lockedUntil: new Date(1_700_000_000_000 + 300_000).toISOString() });
    s.advance(300_001);
    await expect(s.settings.unlock({ pin: PIN })).resolves.toHaveProperty('token');
  });

  it('changing the PIN: the old one stops working', async () => {
    const s = await setUp();
    const { token } = await s.settings.unlock({ pin: PIN });
    await s.settings.save({ token, profile: 'demo', newPin: '9173' });
    expect((await failure(s.settings.unlock({ pin: PIN }))).code).toBe('settings.pinWrong');
    await expect(s.settings.unlock({ pin: '9173' })).resolves.toHaveProperty('token');
  });
});

describe('settings service: production keys', () => {
  it('saves keys only encrypted, shows them masked, and loadConfig decrypts them', async () => {
    const s = setup();
    const after = await s.settings.save({ profile: 'production', eko: production, newPin: PIN });
    const bytes = s.file();
    for (const secret of [DEV_KEY, ACCESS_KEY, Buffer.from(DEV_KEY).toString('base64'), Buffer.from(ACCESS_KEY).toString('base64'), PIN]) {
      expect(bytes).not.toContain(secret);
    }
    const saved = JSON.parse(bytes);
    expect(saved.eko).not.toHaveProperty('developerKey');
    expect(saved.eko).not.toHaveProperty('accessKey');
    expect(saved.eko.developerKeyEncrypted).toMatch(/^[A-Za-z0-9+/]+=*$/);

    expect(after.eko.developerKey).toEqual({ set: true, masked: '••••0567', source: 'saved' });
    expect(after.eko.accessKey).toEqual({ set: true, masked: '••••e1f0', source: 'saved' });
    expect(after).toMatchObject({ profile: 'production', eko: { initiatorId: '9876543210', userCode: '30000001', agentMobile: '9123456789', latlong: '19.0760,72.8777' } });
    expect(contract.getSettings.output.safeParse(after).success).toBe(true);
    expect(JSON.stringify(after)).not.toContain(DEV_KEY);
    expect(JSON.stringify(after)).not.toContain(ACCESS_KEY);

    // What the next start reads: the same keys, decrypted.
    const reloaded = loadConfig({}, { dataDir: s.dir, decrypt: (b) => s.store.decrypt(b) });
    expect(reloaded.eko).toMatchObject({ developerKey: DEV_KEY, accessKey: ACCESS_KEY, baseUrl: production.baseUrl });
    expect(s.replace).toHaveBeenCalledTimes(1);
    expect(s.replace.mock.calls[0]![0]).toMatchObject({ profile: 'production', eko: { developerKey: DEV_KEY } });

    // Keys left out are kept; the entered ones went to the logger's secrets.
    const { token } = await s.settings.unlock({ pin: PIN });
    await s.settings.save({ token, profile: 'production', eko: { latlong: '12.9716, 77.5946' } });
    const again = loadConfig({}, { dataDir: s.dir, decrypt: (b) => s.store.decrypt(b) });
    expect(again.eko).toMatchObject({ developerKey: DEV_KEY, accessKey: ACCESS_KEY, latlong: '12.9716,77.5946' });
    expect(s.lines.join('\n')).not.toContain(DEV_KEY);
  });

  it('names the field that is wrong or missing, and writes nothing', async () => {
    const s = setup();
    const cases: Array<[Record<string, unknown>, string, 'production' | 'demo']> = [
      [{ ...production, developerKey: undefined }, 'eko.developerKey', 'production'],
      [{ ...production, accessKey: undefined }, 'eko.accessKey', 'production'],
      [{ ...production, initiatorId: undefined }, 'eko.initiatorId', 'production'],
      [{ ...production, latlong: undefined }, 'eko.latlong', 'production'],
      [{ ...production, baseUrl: 'http://eko.example.com/v3' }, 'eko.baseUrl', 'production'],
      // demo pointed at another server needs that server's Aadhaar key (only production/staging have one built in)
      [{ ...production, baseUrl: 'http://127.0.0.1:9/ekoapi/v3' }, 'eko.aadhaarPublicKey', 'demo'],
    ];
    for (const [eko, field, profile] of cases) {
      const err = await failure(s.settings.save({ profile, eko: eko as never, newPin: PIN }));
      expect(err.code, field).toBe('input.invalid');
      expect(err.params?.field, field).toBe(field);
      expect(err.params?.problem).toBeTruthy();
    }
    expect(fs.existsSync(path.join(s.dir, 'config.json'))).toBe(false);
    expect(s.replace).not.toHaveBeenCalled();
  });

  it('the contract refuses malformed fields before the service runs', () => {
    const input = contract.saveSettings.input;
    const field = (value: unknown) => {
      const r = input.safeParse(value);
      return r.success ? null : r.error.issues[0]!.path.join('.');
    };
    expect(field({ profile: 'production', eko: { initiatorId: '98765' } })).toBe('eko.initiatorId');
    expect(field({ profile: 'production', eko: { userCode: 'abc' } })).toBe('eko.userCode');
    expect(field({ profile: 'production', eko: { agentMobile: '5123456789' } })).toBe('eko.agentMobile');
    expect(field({ profile: 'production', eko: { latlong: 'delhi' } })).toBe('eko.latlong');
    expect(field({ profile: 'production', eko: { latlong: '91.0,77.2' } })).toBe('eko.latlong');
    expect(field({ profile: 'production', eko: { developerKey: 'has space in it' } })).toBe('eko.developerKey');
    expect(field({ profile: 'production', eko: { baseUrl: 'ftp://eko.in/v3' } })).toBe('eko.baseUrl');
    expect(field({ profile: 'production', newPin: '1234' })).toBe('newPin');
    expect(field({ profile: 'production', colour: 'blue' })).not.toBeNull();
    expect(field({ profile: 'production', eko: production, newPin: PIN })).toBeNull();
  });

  it('a profile change drops the old account (keys, ids) unless re-entered; the shop location stays', async () => {
    const s = setup();
    await s.settings.save({ profile: 'production', eko: production, newPin: PIN });
    const { token } = await s.settings.unlock({ pin: PIN });
    const staging = await s.settings.save({ token, profile: 'staging' });
    expect(staging.eko.developerKey).toEqual({ set: true, masked: '••••0567', source: 'profile' }); // Eko's public UAT key ends 0567 too
    const saved = JSON.parse(s.file());
    expect(saved.eko).toEqual({ latlong: '19.0760,72.8777' });
    expect(s.current().config.eko).toMatchObject({ initiatorId: '9962981729', baseUrl: 'https://staging.eko.in/ekoapi/v3', aadhaarPublicKey: EKO_STAGING_AADHAAR_KEY });
  });

  it('null deletes a saved key; a clear key in a hand-written file is re-saved encrypted', async () => {
    const s = setup({ file: { profile: 'production', setupDone: false, eko: { ...production } } });
    await s.settings.save({ profile: 'production', newPin: PIN });
    const saved = JSON.parse(s.file());
    expect(saved.eko.developerKey).toBeUndefined();
    expect(s.file()).not.toContain(DEV_KEY);
    expect(s.store.decrypt(saved.eko.developerKeyEncrypted)).toBe(DEV_KEY);

    const { token } = await s.settings.unlock({ pin: PIN });
    const err = await failure(s.settings.save({ token, profile: 'production', eko: { accessKey: null } }));
    expect(err.params?.field).toBe('eko.accessKey');
  });

  it('no secret storage: keys are refused, nothing is written in clear', async () => {
    const s = setup({ store: unavailableSecretStore() });
    expect((await failure(s.settings.save({ profile: 'production', eko: production, newPin: PIN }))).code).toBe('settings.secretStorageUnavailable');
    expect(fs.existsSync(path.join(s.dir, 'config.json'))).toBe(false);
    // The demo profile needs no keys: setup still works.
    await expect(s.settings.save({ profile: 'demo', newPin: PIN })).resolves.toMatchObject({ firstRun: false });
  });

  it('KIOSK_* variables are reported and still win', async () => {
    const s = setup({ env: { KIOSK_LATLONG: '26.9124,75.7873' } });
    const after = await s.settings.save({ profile: 'demo', eko: { latlong: '19.0760,72.8777' }, newPin: PIN });
    expect(after.envOverrides).toEqual(['KIOSK_LATLONG']);
    expect(after.eko.latlong).toBe('26.9124,75.7873');
  });

  it('a failed restart is the error the operator sees, and config.json stays as it was', async () => {
    const s = setup();
    await s.settings.save({ profile: 'demo', newPin: PIN });
    const before = s.file();
    s.replace.mockImplementationOnce(async () => {
      throw new ConfigError('KIOSK_EKO_AADHAAR_KEY', 'is not an RSA public key');
    });
    const { token } = await s.settings.unlock({ pin: PIN });
    expect((await failure(s.settings.save({ token, profile: 'production', eko: production }))).code).toBe('config.invalid');
    expect(s.file()).toBe(before);
  });
});

describe('loadConfig with encrypted keys', () => {
  it('a key encrypted elsewhere is a ConfigError naming it, with what to do; the environment still wins', async () => {
    const s = setup();
    await s.settings.save({ profile: 'production', eko: production, newPin: PIN });
    const otherPc = createDevFileSecretStore(makeTempDir());
    otherPc.encrypt('x');
    let err: unknown;
    try {
      loadConfig({}, { dataDir: s.dir, decrypt: (b) => otherPc.decrypt(b) });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).setting).toBe('config.json → eko.developerKey');
    expect((err as ConfigError).message).toContain('re-enter it in the operator settings');
    expect(() => loadConfig({}, { dataDir: s.dir })).toThrow(/eko.developerKey.*stored encrypted/);
    const env = { KIOSK_EKO_DEVELOPER_KEY: 'env-dev-key-1', KIOSK_EKO_ACCESS_KEY: 'env-access-key-1' };
    expect(loadConfig(env, { dataDir: s.dir, decrypt: (b) => otherPc.decrypt(b) }).eko.developerKey).toBe('env-dev-key-1');
  });
});

describe('settings service: setup needed (the saved settings did not load at start-up)', () => {
  /** As boot does it: loadStartupConfig, the training fallback running, the problem handed over. */
  function startWith(file: unknown) {
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), typeof file === 'string' ? file : JSON.stringify(file));
    const store = createDevFileSecretStore(dir);
    const { config, problem } = loadStartupConfig({}, { dataDir: dir, decrypt: (b) => store.decrypt(b) });
    const fake = (c: KioskConfig) => ({ config: c, enquiry: { last: () => ({ state: 'none' }) } }) as unknown as Services;
    let current = fake(config);
    const replace = vi.fn(async (c: KioskConfig, commit?: () => void | Promise<void>) => {
      await commit?.();
      current = fake(c);
      return current;
    });
    const settings = createSettingsService({ env: {}, dataDir: dir, secretStore: store, logger: createLogger({ dir: null }), live: { current: () => current, replace }, configProblem: problem });
    const saved = () => JSON.parse(fs.readFileSync(path.join(dir, 'config.json'), 'utf8'));
    return { dir, store, settings, replace, problem, saved, current: () => current };
  }

  it('keys saved on another PC: training runs, getSettings names the key and shows what is saved; the PIN still guards; re-entering the keys fixes it', async () => {
    const otherPc = createDevFileSecretStore(makeTempDir());
    const s = startWith({
      profile: 'production',
      setupDone: true,
      operatorPinHash: await hashPin(PIN),
      eko: { ...production, developerKey: undefined, accessKey: undefined, developerKeyEncrypted: otherPc.encrypt(DEV_KEY), accessKeyEncrypted: otherPc.encrypt(ACCESS_KEY) },
    });
    expect(s.current().config.profile).toBe('demo');
    const before = await s.settings.get();
    expect(contract.getSettings.output.safeParse(before).success).toBe(true);
    expect(before).toMatchObject({
      firstRun: false,
      pinSet: true,
      profile: 'production',
      configProblem: { setting: 'config.json → eko.developerKey', field: 'eko.developerKey', problem: 'keyNotReadable' },
      eko: { initiatorId: '9876543210', userCode: '30000001', latlong: '19.0760,72.8777', baseUrl: production.baseUrl, developerKey: { set: false, masked: null }, accessKey: { set: false, masked: null } },
    });

    expect((await failure(s.settings.save({ profile: 'production', eko: { developerKey: DEV_KEY, accessKey: ACCESS_KEY } }))).code).toBe('settings.pinRequired');
    const { token } = await s.settings.unlock({ pin: PIN });
    // Saving without the keys keeps the unreadable ones: refused on the key's field, nothing changes.
    expect((await failure(s.settings.save({ token, profile: 'production', eko: { latlong: '19.0761,72.8777' } }))).params).toMatchObject({ field: 'eko.developerKey', problem: expect.stringContaining('decrypt') });
    expect(s.replace).not.toHaveBeenCalled();
    expect((await s.settings.get()).configProblem).not.toBeNull();

    const after = await s.settings.save({ token, profile: 'production', eko: { developerKey: DEV_KEY, accessKey: ACCESS_KEY } });
    expect(after).toMatchObject({ configProblem: null, profile: 'production', eko: { developerKey: { set: true, masked: '••••0567', source: 'saved' } } });
    expect(s.replace).toHaveBeenCalledTimes(1);
    expect(s.current().config).toMatchObject({ profile: 'production', eko: { developerKey: DEV_KEY, accessKey: ACCESS_KEY, initiatorId: '9876543210' } });
    // The next start loads what was saved.
    expect(loadStartupConfig({}, { dataDir: s.dir, decrypt: (b) => s.store.decrypt(b) }).problem).toBeNull();
  });

  it('a damaged config.json without a readable PIN: first-run setup, no token; saving writes a good file', async () => {
    const s = startWith('{ "profile": "production", "operatorPinHash": ');
    const before = await s.settings.get();
    expect(before).toMatchObject({ firstRun: true, pinSet: false, profile: 'demo', configProblem: { field: null, problem: 'fileDamaged' } });
    expect(before.configProblem!.setting).toContain('config.json');
    const after = await s.settings.save({ profile: 'demo', newPin: PIN });
    expect(after).toMatchObject({ firstRun: false, configProblem: null });
    expect(s.saved()).toMatchObject({ profile: 'demo', setupDone: true });
  });

  it('a damaged config.json that still holds the PIN: the PIN guards, and saving keeps the readable rest', async () => {
    const s = startWith({ profile: 'demo', setupDone: true, operatorPinHash: await hashPin(PIN), receiptPaperMm: 80, colour: 'blue' });
    expect(await s.settings.get()).toMatchObject({ firstRun: false, pinSet: true, configProblem: { problem: 'fileDamaged' } });
    expect((await failure(s.settings.save({ profile: 'demo' }))).code).toBe('settings.pinRequired');
    const { token } = await s.settings.unlock({ pin: PIN });
    expect(await s.settings.save({ token, profile: 'demo' })).toMatchObject({ configProblem: null, receiptPaperMm: 80 });
    expect(s.saved()).not.toHaveProperty('colour');
    expect(s.saved()).toMatchObject({ receiptPaperMm: 80, setupDone: true });
  });
});

describe('masking', () => {
  it('shows only the last 4 of a key, nothing of a short one', () => {
    expect(maskSecret(DEV_KEY)).toBe('••••0567');
    expect(maskSecret('abc12')).toBe('••••');
    expect(maskSecret('')).toBeNull();
  });
});

describe('settings service: saved keys go only to the address they were saved for', () => {
  it('testing or saving another base URL needs both keys typed again; the saved address works as before', async () => {
    const s = setup();
    await s.settings.save({ profile: 'production', eko: production, newPin: PIN });
    const { token } = await s.settings.unlock({ pin: PIN });
    const other = { baseUrl: 'http://127.0.0.1:9/ekoapi/v3' };
    for (const attempt of [s.settings.testConnection({ token, profile: 'production', eko: other }), s.settings.save({ token, profile: 'production', eko: other })]) {
      const err = await failure(attempt);
      expect(err).toMatchObject({ code: 'input.invalid', params: { field: 'eko.developerKey' } });
    }
    expect(JSON.parse(s.file()).eko.baseUrl).toBe(production.baseUrl);
    // With the keys typed again, the new address may be tried (nothing listens there: a failed test, not a refusal).
    const typed = await s.settings.testConnection({ token, profile: 'production', eko: { ...other, developerKey: DEV_KEY, accessKey: ACCESS_KEY } });
    expect(typed.ok).toBe(false);
    // The same address as saved needs nothing typed again.
    await expect(s.settings.save({ token, profile: 'production', eko: { baseUrl: `${production.baseUrl}/` } })).resolves.toMatchObject({ profile: 'production' });
  });
});
