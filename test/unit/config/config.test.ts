import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig, parsePorts } from '../../../main/services/config/config';
import { EKO_PRODUCTION_AADHAAR_KEY, EKO_STAGING_AADHAAR_KEY } from '../../../main/services/config/eko-public-keys';
import { makeTempDir } from '../../support/temp-dir';

function load(env: Record<string, string>, file?: unknown) {
  const dir = makeTempDir();
  if (file !== undefined) fs.writeFileSync(path.join(dir, 'config.json'), typeof file === 'string' ? file : JSON.stringify(file));
  return loadConfig({ KIOSK_DATA_DIR: dir, ...env });
}

function errorOf(fn: () => unknown): ConfigError {
  try {
    fn();
  } catch (err) {
    if (err instanceof ConfigError) return err;
    throw err;
  }
  throw new Error('expected a ConfigError');
}

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
});
