import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  ConfigError,
  loadConfig,
  parsePorts,
  readConfigFileLenient,
} from '../../../main/services/config/config';
import { loadStartupConfig, prepareDataDir } from '../../../main/services/config/startup';
import { EKO_PRODUCTION_AADHAAR_KEY, EKO_STAGING_AADHAAR_KEY } from '../../../main/services/config/eko-public-keys';
import { createAadhaarEncryptor } from '../../../main/services/eko/aadhaar-crypto';
import { thrownBy } from '../../support/kiosk-error';
import { makeTempDir } from '../../support/temp-dir';

function load(env: Record<string, string>, file?: unknown) {
  const dir = makeTempDir();
  if (file !== undefined) fs.writeFileSync(path.join(dir, 'config.json'), typeof file === 'string' ? file : JSON.stringify(file));
  return loadConfig({ KIOSK_DATA_DIR: dir, ...env });
}

const errorOf = (fn: () => unknown) => thrownBy(ConfigError, fn);

describe('loadConfig', () => {
  it('defaults to the demo profile with both simulators', () => {
    const config = load({});
    expect(config.profile).toBe('demo');
    expect(config.eko.baseUrl).toBeNull();
    expect(config.rd.explicitPorts).toBe(false);
    expect(config.rd.ports).toHaveLength(21);
    expect(config.webPort).toBe(5178);
  });

  it('staging ships Eko public UAT credentials and the staging key', () => {
    const config = load({ KIOSK_PROFILE: 'staging' });
    expect(config.eko.baseUrl).toBe('https://staging.eko.in/ekoapi/v3');
    expect(config.eko.initiatorId).toBe('9962981729');
    expect(config.eko.userCode).toBe('20810200');
    expect(config.eko.aadhaarPublicKey).toBe(EKO_STAGING_AADHAAR_KEY);
    expect(config.eko.agentMobile).toBe('9962981729');
    expect(config.rd.explicitPorts).toBe(true);
  });

  it('production needs operator credentials and names the missing setting', () => {
    expect(errorOf(() => load({ KIOSK_PROFILE: 'production' })).setting).toBe('KIOSK_EKO_DEVELOPER_KEY');
    const config = load({
      KIOSK_PROFILE: 'production',
      KIOSK_EKO_DEVELOPER_KEY: 'dev-key-123456',
      KIOSK_EKO_ACCESS_KEY: 'access-key-123456',
      KIOSK_EKO_INITIATOR_ID: '9876543210',
      KIOSK_EKO_USER_CODE: '30000001',
      KIOSK_AGENT_MOBILE: '9123456789',
    });
    expect(config.eko.baseUrl).toBe('https://api.eko.in:25002/ekoicici/v3');
    expect(config.eko.aadhaarPublicKey).toBe(EKO_PRODUCTION_AADHAAR_KEY);
    expect(config.eko.agentMobile).toBe('9123456789');
  });

  it('an explicit peer means no simulator for it, in any profile', () => {
    const config = load({ KIOSK_EKO_BASE_URL: 'http://127.0.0.1:9999/ekoapi/v3', KIOSK_RD_PORTS: '11100,11105-11106', KIOSK_EKO_AADHAAR_KEY: EKO_STAGING_AADHAAR_KEY, KIOSK_EKO_DEVELOPER_KEY: 'k', KIOSK_EKO_ACCESS_KEY: 'a' });
    expect(config.profile).toBe('demo');
    expect(config.eko.baseUrl).toBe('http://127.0.0.1:9999/ekoapi/v3');
    expect(config.rd.explicitPorts).toBe(true);
    expect(config.rd.ports).toEqual([11100, 11105, 11106]);
  });

  it('the environment overrides the config file', () => {
    const config = load({ KIOSK_LATLONG: '19.0760,72.8777' }, { profile: 'staging', eko: { latlong: '12.9716,77.5946' } });
    expect(config.profile).toBe('staging');
    expect(config.eko.latlong).toBe('19.0760,72.8777');
  });

  it.each([
    [{ KIOSK_PROFILE: 'prod' }, 'KIOSK_PROFILE'],
    [{ KIOSK_RD_PORTS: '11100-abc' }, 'KIOSK_RD_PORTS'],
    [{ KIOSK_RD_PORTS: '11120-11100' }, 'KIOSK_RD_PORTS'],
    [{ KIOSK_RD_HOST: '192.168.1.5' }, 'KIOSK_RD_HOST'],
    [{ KIOSK_WEB_PORT: '70000' }, 'KIOSK_WEB_PORT'],
    [{ KIOSK_LATLONG: 'delhi' }, 'KIOSK_LATLONG'],
    [{ KIOSK_AGENT_MOBILE: '12345' }, 'KIOSK_AGENT_MOBILE'],
    [{ KIOSK_EKO_BASE_URL: 'not a url' }, 'KIOSK_EKO_BASE_URL'],
    [{ KIOSK_EKO_BASE_URL: 'http://eko.example.com/v3' }, 'KIOSK_EKO_BASE_URL'],
    [{ KIOSK_EKO_BASE_URL: 'https://eko.example.com/v3', KIOSK_EKO_DEVELOPER_KEY: 'k', KIOSK_EKO_ACCESS_KEY: 'a' }, 'KIOSK_EKO_AADHAAR_KEY'],
    [{ KIOSK_EKO_AADHAAR_KEY: 'not base64!' }, 'KIOSK_EKO_AADHAAR_KEY'],
    [{ KIOSK_EKO_INITIATOR_ID: '98765' }, 'KIOSK_EKO_INITIATOR_ID'],
    [{ KIOSK_EKO_USER_CODE: '12' }, 'KIOSK_EKO_USER_CODE'],
  ])('refuses %o naming %s', (env, setting) => {
    const err = errorOf(() => load(env));
    expect(err.setting).toBe(setting);
    expect(err.message).toContain(setting);
    expect(err.code).toBe('config.invalid');
  });

  it('names the bad key of a config file', () => {
    expect(errorOf(() => load({}, '{ not json')).message).toContain('not valid JSON');
    const err = errorOf(() => load({}, { rd: { captureTimeoutMs: 5 } }));
    expect(err.setting).toContain('rd.captureTimeoutMs');
    expect(errorOf(() => load({}, { colour: 'blue' })).message).toMatch(/colour|Unrecognized/);
  });

  it('parses port lists and ranges', () => {
    expect(parsePorts('11100-11102, 11110')).toEqual([11100, 11101, 11102, 11110]);
  });

  it('keeps the shop location as "lat,long" without spaces, as Eko wants it', () => {
    expect(load({ KIOSK_LATLONG: ' 28.6139, 77.2090 ' }).eko.latlong).toBe('28.6139,77.2090');
    expect(load({}, { eko: { latlong: '19.0760 ,\t72.8777' } }).eko.latlong).toBe('19.0760,72.8777');
    expect(load({}).eko.latlong).toBe('28.6139,77.2090');
  });
});

describe("loadConfig: Eko's Aadhaar public key is parsed, not only its shape checked", () => {
  const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 1024 });
  const spkiDer = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const spkiPem = publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const pkcs1Pem = publicKey.export({ type: 'pkcs1', format: 'pem' }).toString();
  const sandboxEnv = { KIOSK_EKO_BASE_URL: 'http://127.0.0.1:9999/ekoapi/v3', KIOSK_EKO_DEVELOPER_KEY: 'dev-key-123456', KIOSK_EKO_ACCESS_KEY: 'access-key-123456' };

  it('refuses base64 that is no RSA key in plain words naming the setting (env or config.json)', () => {
    const randomBase64 = crypto.randomBytes(294).toString('base64');
    const fromEnv = errorOf(() => load({ ...sandboxEnv, KIOSK_EKO_AADHAAR_KEY: randomBase64 }));
    expect(fromEnv.setting).toBe('KIOSK_EKO_AADHAAR_KEY');
    expect(fromEnv.message).toBe('Configuration error in KIOSK_EKO_AADHAAR_KEY: is not an RSA public key (base64 DER or PEM)');
    const fromFile = errorOf(() => load(sandboxEnv, { eko: { aadhaarPublicKey: randomBase64 } }));
    expect(fromFile).toMatchObject({ setting: 'config.json → eko.aadhaarPublicKey', source: 'file', key: 'eko.aadhaarPublicKey' });
    expect(fromFile.message).not.toMatch(/DER bytes|ASN\.1|forge/i);
    // An EC key is a public key, but not one the Aadhaar encryption can use.
    const ec = crypto.generateKeyPairSync('ec', { namedCurve: 'prime256v1' }).publicKey.export({ type: 'spki', format: 'pem' }).toString();
    expect(errorOf(() => load({ ...sandboxEnv, KIOSK_EKO_AADHAAR_KEY: ec })).message).toContain('is not an RSA public key');
  });

  it('accepts base64 DER, a "PUBLIC KEY" PEM and an "RSA PUBLIC KEY" PEM, each usable by the encryption', () => {
    for (const key of [spkiDer, spkiPem, pkcs1Pem]) {
      const config = load({ ...sandboxEnv, KIOSK_EKO_AADHAAR_KEY: key });
      expect(config.eko.aadhaarPublicKey).toBe(key.trim());
      const cipher = createAadhaarEncryptor(config.eko.aadhaarPublicKey!)('234567890124');
      expect(Buffer.from(cipher, 'base64')).toHaveLength(128);
    }
  });
});

describe('loadConfig names the place a bad value came from', () => {
  it.each([
    [{ eko: { latlong: 'delhi' } }, 'eko.latlong'],
    [{ eko: { agentMobile: '12345' } }, 'eko.agentMobile'],
    [{ eko: { initiatorId: '98765' } }, 'eko.initiatorId'],
    [{ eko: { userCode: 'abc' } }, 'eko.userCode'],
    [{ eko: { baseUrl: 'http://eko.example.com/v3' } }, 'eko.baseUrl'],
  ])('config.json %o → config.json → %s', (file, key) => {
    const err = errorOf(() => load({}, file));
    expect(err).toMatchObject({ setting: `config.json → ${key}`, source: 'file', key, code: 'config.invalid', reason: 'invalid' });
    expect(err.message).toMatch(new RegExp(`^Configuration error in config\\.json → ${key.replace('.', '\\.')}: `));
    expect(err.message).not.toContain('KIOSK_');
  });

  it.each([
    [{ rd: { host: '192.168.1.5' } }, 'rd.host', 'is not this PC'],
    [{ rd: { ports: '11120-11100' } }, 'rd.ports', 'runs backwards'],
    [{ webPort: 70000 }, 'webPort', '65535'],
    [{ eko: { latlong: 28.6 } }, 'eko.latlong', 'string'],
  ])('config.json %o, which the settings screen cannot edit or is the wrong kind of value → config.json → %s, a damaged file', (file, key, problem) => {
    const err = errorOf(() => load({}, file));
    expect(err).toMatchObject({ setting: `config.json → ${key}`, source: 'file', key, reason: 'fileDamaged' });
    expect(err.message).toContain(problem);
    expect(err.message).not.toContain('KIOSK_');
  });

  it.each([
    [{ KIOSK_EKO_INITIATOR_ID: '98765' }, 'KIOSK_EKO_INITIATOR_ID', '10-digit'],
    [{ KIOSK_EKO_USER_CODE: 'code-1' }, 'KIOSK_EKO_USER_CODE', 'numeric user code'],
    [{ KIOSK_LATLONG: 'delhi' }, 'KIOSK_LATLONG', 'latitude,longitude'],
  ])('environment %o → %s', (env, setting, problem) => {
    const err = errorOf(() => load(env, { eko: { latlong: '19.0760,72.8777', userCode: '30000001', initiatorId: '9876543210' } }));
    expect(err).toMatchObject({ setting, source: 'env' });
    expect(err.message).toContain(problem);
  });

  it('the agent mobile falling back to the initiator id names where the initiator id came from', () => {
    const fromEnv = errorOf(() => load({ KIOSK_EKO_INITIATOR_ID: '5123456789' }));
    expect(fromEnv).toMatchObject({ setting: 'KIOSK_EKO_INITIATOR_ID', source: 'env', key: 'eko.agentMobile' });
    expect(fromEnv.message).toContain('agent mobile');
    const fromFile = errorOf(() => load({}, { eko: { initiatorId: '5123456789' } }));
    expect(fromFile).toMatchObject({ setting: 'config.json → eko.initiatorId', source: 'file', key: 'eko.agentMobile' });
    // Set explicitly, the agent mobile itself is named.
    expect(errorOf(() => load({ KIOSK_EKO_INITIATOR_ID: '5123456789', KIOSK_AGENT_MOBILE: '512' })).setting).toBe('KIOSK_AGENT_MOBILE');
    expect(load({ KIOSK_EKO_INITIATOR_ID: '5123456789', KIOSK_AGENT_MOBILE: '9123456789' }).eko.agentMobile).toBe('9123456789');
  });

  it('a missing value names the variable and the settings field, as missing (the operator can enter it)', () => {
    const err = errorOf(() => load({}, { profile: 'production' }));
    expect(err).toMatchObject({ setting: 'KIOSK_EKO_DEVELOPER_KEY', source: 'none', key: 'eko.developerKey', reason: 'missing' });
  });
});

describe('start-up configuration: a bad environment stops, bad saved settings start training', () => {
  function dir(file?: unknown) {
    const d = makeTempDir();
    if (file !== undefined) fs.writeFileSync(path.join(d, 'config.json'), typeof file === 'string' ? file : JSON.stringify(file));
    return d;
  }

  it('a bad KIOSK_* variable is thrown as before', () => {
    expect(() => loadStartupConfig({ KIOSK_DATA_DIR: dir(), KIOSK_LATLONG: 'delhi' })).toThrow(/KIOSK_LATLONG/);
  });

  it('a bad saved value: the demo profile with its simulators, keeping the web port; the problem names the value', () => {
    const d = dir({ profile: 'staging', webPort: 5300, receiptPaperMm: 80, journalRetentionDays: 30, eko: { latlong: 'delhi' } });
    const { config, problem } = loadStartupConfig({ KIOSK_DATA_DIR: d, KIOSK_RD_PORTS: '11100' });
    expect(problem).toMatchObject({ setting: 'config.json → eko.latlong', reason: 'invalid', source: 'file' });
    expect(config).toMatchObject({ profile: 'demo', dataDir: d, webPort: 5300, receiptPaperMm: 80, journalRetentionDays: 30 });
    // Nothing of what does not load is used: the built-in sandbox and simulator.
    expect(config.eko.baseUrl).toBeNull();
    expect(config.rd.explicitPorts).toBe(false);
  });

  it('a key that does not decrypt, or a damaged file: training, and nothing is pruned from the journal meanwhile', () => {
    const undecryptable = loadStartupConfig(
      { KIOSK_DATA_DIR: dir({ profile: 'production', eko: { developerKeyEncrypted: 'AAAA', accessKeyEncrypted: 'AAAA' } }) },
      { decrypt: () => { throw new Error('DPAPI: not this user'); } },
    );
    expect(undecryptable.problem).toMatchObject({ setting: 'config.json → eko.developerKey', reason: 'keyNotReadable', source: 'file' });
    expect(undecryptable.config.profile).toBe('demo');

    const damaged = loadStartupConfig({ KIOSK_DATA_DIR: dir('{ "profile": "production", ') , KIOSK_WEB_PORT: '0' });
    expect(damaged.problem).toMatchObject({ reason: 'fileDamaged', source: 'file' });
    expect(damaged.problem!.message).toContain('not valid JSON');
    expect(damaged.config).toMatchObject({ profile: 'demo', webPort: 0, journalRetentionDays: 3650 });
  });

  it('a bad KIOSK_* variable behind a damaged file still stops start-up', () => {
    expect(() => loadStartupConfig({ KIOSK_DATA_DIR: dir('not json'), KIOSK_PROFILE: 'prod' })).toThrow(/KIOSK_PROFILE/);
  });

  it('every KIOSK_* variable is checked even when the profile lacks saved keys (the check does not stop at "missing")', () => {
    const undecryptable = { KIOSK_DATA_DIR: dir({ profile: 'production', eko: { developerKeyEncrypted: 'AAAA', accessKeyEncrypted: 'AAAA' } }), KIOSK_PROFILE: 'production' };
    const decrypt = { decrypt: (): string => { throw new Error('DPAPI: not this user'); } };
    expect(() => loadStartupConfig({ ...undecryptable, KIOSK_RD_HOST: '10.1.2.3' }, decrypt)).toThrow(/KIOSK_RD_HOST/);
    expect(() => loadStartupConfig({ ...undecryptable, KIOSK_LATLONG: 'nonsense' }, decrypt)).toThrow(/KIOSK_LATLONG/);
    expect(() => loadStartupConfig({ ...undecryptable, KIOSK_WEB_PORT: '99999' }, decrypt)).toThrow(/KIOSK_WEB_PORT/);
    // Good variables: training, and the saved problem to fix.
    expect(loadStartupConfig({ ...undecryptable, KIOSK_RD_HOST: 'localhost' }, decrypt).problem).toMatchObject({ reason: 'keyNotReadable' });
  });

  it('a damaged file reads as its well-formed part, so saving can repair it without losing the rest', () => {
    const d = dir({
      profile: 'production',
      colour: 'blue',
      setupDone: true,
      operatorPinHash: 'scrypt$x',
      webPort: 99999,
      rd: { captureTimeoutMs: 5, host: '10.0.0.9', ports: '11100' },
      eko: { latlong: '19.0760,72.8777', userCode: 7 },
    });
    const { file, problem } = readConfigFileLenient(d);
    expect(problem).toMatchObject({ source: 'file', reason: 'fileDamaged' });
    expect(file).toEqual({ profile: 'production', setupDone: true, operatorPinHash: 'scrypt$x', rd: { ports: '11100' }, eko: { latlong: '19.0760,72.8777' } });
    expect(readConfigFileLenient(dir('[1, 2')).file).toEqual({});
    expect(readConfigFileLenient(dir()).problem).toBeNull();
  });
});

describe('the data folder', () => {
  it('one line naming KIOSK_DATA_DIR when it cannot be created', () => {
    const notADir = path.join(makeTempDir(), 'a-file');
    fs.writeFileSync(notADir, 'x');
    const err = errorOf(() => prepareDataDir({ KIOSK_DATA_DIR: path.join(notADir, 'kiosk') }));
    expect(err.setting).toBe('KIOSK_DATA_DIR');
    expect(err.message).toMatch(/^Configuration error in KIOSK_DATA_DIR: the data folder ".*kiosk" cannot be created or written \(ENOTDIR\): set it to a folder/);
    expect(err.message).not.toContain('\n');
    // Not from the environment: still names the variable that chooses another folder.
    expect(errorOf(() => prepareDataDir({}, path.join(notADir, 'kiosk'))).message).toContain('(the default) cannot be created or written (ENOTDIR): set KIOSK_DATA_DIR to');
    const fine = path.join(makeTempDir(), 'new', 'nested');
    expect(prepareDataDir({ KIOSK_DATA_DIR: fine })).toBe(fine);
    expect(fs.statSync(fine).isDirectory()).toBe(true);
  });
});

describe('keys go only to Eko', () => {
  const live = { KIOSK_EKO_DEVELOPER_KEY: 'developer-key-123', KIOSK_EKO_ACCESS_KEY: 'access-key-12345', KIOSK_EKO_INITIATOR_ID: '9962981729', KIOSK_EKO_USER_CODE: '20810200' };
  it('production and staging accept only Eko’s own host over https, or a sandbox on this PC', () => {
    const dataDir = makeTempDir();
    const load = (env: Record<string, string>) => () => loadConfig({ KIOSK_DATA_DIR: dataDir, ...live, ...env });
    expect(load({ KIOSK_PROFILE: 'production', KIOSK_EKO_BASE_URL: 'https://api.eko.in:25002/ekoicici/v3' })().eko.baseUrl).toBe('https://api.eko.in:25002/ekoicici/v3');
    expect(load({ KIOSK_PROFILE: 'production', KIOSK_EKO_BASE_URL: 'http://127.0.0.1:8099/ekoapi/v3' })().eko.baseUrl).toBe('http://127.0.0.1:8099/ekoapi/v3');
    for (const [profile, url] of [
      ['production', 'https://evil.example/ekoicici/v3'],
      ['production', 'https://api.eko.in.evil.example/v3'],
      ['production', 'https://staging.eko.in/ekoapi/v3'],
      ['staging', 'https://api.eko.in:25002/ekoicici/v3'],
      ['production', 'http://api.eko.in/ekoicici/v3'],
    ] as const) {
      expect(load({ KIOSK_PROFILE: profile, KIOSK_EKO_BASE_URL: url }), `${profile} ${url}`).toThrow(/KIOSK_EKO_BASE_URL/);
    }
  });

  it('an Aadhaar key shorter than 1024 bits is refused (Eko’s published keys are RSA-1024)', () => {
    const { publicKey } = crypto.generateKeyPairSync('rsa', { modulusLength: 512 });
    const short = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
    expect(() => loadConfig({ KIOSK_DATA_DIR: makeTempDir(), KIOSK_PROFILE: 'staging', KIOSK_EKO_AADHAAR_KEY: short })).toThrow(/shorter than 1024 bits/);
  });
});

describe('the data dir', () => {
  it.skipIf(process.platform === 'win32')('is made readable by its owner only (journal, logs, keys and exports live there)', () => {
    const dir = path.join(makeTempDir(), 'kiosk-data');
    expect(prepareDataDir({ KIOSK_DATA_DIR: dir })).toBe(dir);
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
  });
});
