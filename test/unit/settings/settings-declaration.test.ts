/**
 * Each operator setting is declared once (app/contract/settings-fields.ts): this walks the list and
 * proves every place derived from it knows every field — the contract's input and env map, the
 * configuration (its variables, config.json and what loadConfig reads), the settings view, the form
 * model and its translations. A field added to the declaration alone fails here until it is wired.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { EKO_SETTING_FIELDS, EKO_SETTING_KEYS, EkoSettingsInputSchema, SETTINGS_FIELD_ENV, type EkoSettingKey } from '../../../app/contract';
import { ENV_NAMES, loadConfig, readConfigFile, readEkoSetting } from '../../../main/services/config/config';
import { EKO_STAGING_AADHAAR_KEY } from '../../../main/services/config/eko-public-keys';
import { createLogger } from '../../../main/services/log/logger';
import { createDevFileSecretStore } from '../../../main/services/settings/secret-store';
import { createSettingsService } from '../../../main/services/settings/settings-service';
import { SECRET_FIELDS, TEXT_FIELDS, envSet, formField, initialValues } from '../../../renderer/screens/settings/form-model';
import { en } from '../../../renderer/i18n/en';
import { hi } from '../../../renderer/i18n/hi';
import { makeTempDir } from '../../support/temp-dir';

/** A valid value of each field, as a production counter would have it. A new field needs one here. */
const SAMPLE: Record<EkoSettingKey, string> = {
  developerKey: 'a1b2c3d4e5f60718293a4b5c6d7e0567',
  accessKey: '0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0',
  initiatorId: '9876543210',
  userCode: '30000001',
  agentMobile: '9123456789',
  latlong: '19.0760,72.8777',
  shopName: 'Sharma General Store',
  shopAddress: '12 Station Road, Lucknow 226001',
  edition: 'current',
  baseUrl: 'https://api.eko.in:25002/ekoicici/v3',
  aadhaarPublicKey: EKO_STAGING_AADHAAR_KEY,
};

const allSamplesEnv = Object.fromEntries(EKO_SETTING_KEYS.map((k) => [EKO_SETTING_FIELDS[k].env, SAMPLE[k]]));

describe('the operator settings, declared once', () => {
  it('every declared field has a sample here (so this test covers it)', () => {
    expect(Object.keys(SAMPLE).sort()).toEqual([...EKO_SETTING_KEYS].sort());
  });

  it.each(EKO_SETTING_KEYS)('%s: the contract takes it (a value, or null for the default) and names its variable', (key) => {
    expect(EkoSettingsInputSchema.safeParse({ [key]: SAMPLE[key] }).success).toBe(true);
    expect(EkoSettingsInputSchema.safeParse({ [key]: null }).success).toBe(true);
    expect(SETTINGS_FIELD_ENV[key]).toBe(EKO_SETTING_FIELDS[key].env);
  });

  it.each(EKO_SETTING_KEYS)('%s: the configuration reads it from its variable and from config.json', (key) => {
    const field = EKO_SETTING_FIELDS[key];
    expect(ENV_NAMES).toContain(field.env);
    const fromEnv = loadConfig({ ...allSamplesEnv, KIOSK_PROFILE: 'production', KIOSK_DATA_DIR: makeTempDir() });
    expect((fromEnv.eko as unknown as Record<string, unknown>)[key]).toBe(key === 'baseUrl' ? SAMPLE.baseUrl : SAMPLE[key]);
    // config.json: the same field under eko.<key> (secrets only encrypted when the app writes them, but clear is readable).
    const dir = makeTempDir();
    fs.writeFileSync(path.join(dir, 'config.json'), JSON.stringify({ profile: 'production', eko: Object.fromEntries(EKO_SETTING_KEYS.map((k) => [k, SAMPLE[k]])) }));
    expect((readConfigFile(dir).eko as Record<string, unknown>)[key]).toBe(SAMPLE[key]);
    const fromFile = loadConfig({ KIOSK_DATA_DIR: dir });
    expect((fromFile.eko as unknown as Record<string, unknown>)[key]).toBe(SAMPLE[key]);
  });

  it.each(EKO_SETTING_KEYS)('%s: its variable wins over config.json (blank is not set), and either is named as declared', (key) => {
    const field = EKO_SETTING_FIELDS[key];
    const file = { eko: { [key]: 'from the file' } };
    expect(readEkoSetting({ [field.env]: ' from the variable ' }, file, undefined, key)).toEqual({ value: 'from the variable', setting: field.env, source: 'env', key: `eko.${key}` });
    expect(readEkoSetting({ [field.env]: '  ' }, file, undefined, key)).toEqual({ value: 'from the file', setting: `config.json → eko.${key}`, source: 'file', key: `eko.${key}` });
    expect(readEkoSetting({}, {}, undefined, key)).toBeNull();
  });

  it.each(EKO_SETTING_KEYS)('%s: the settings view shows it (a key only masked) and says when its variable fixes it', async (key) => {
    const dir = makeTempDir();
    const field = EKO_SETTING_FIELDS[key];
    const env = { [field.env]: SAMPLE[key] };
    const service = createSettingsService({
      env,
      dataDir: dir,
      secretStore: createDevFileSecretStore(dir),
      logger: createLogger({ dir: null }),
      // The running configuration: a production counter with every field set.
      live: { current: () => ({ config: loadConfig({ ...allSamplesEnv, KIOSK_PROFILE: 'production', KIOSK_DATA_DIR: dir }) }) as never, replace: async () => ({}) as never },
    });
    const view = await service.get();
    expect(view.envOverrides).toContain(field.env);
    const shown = (view.eko as Record<string, unknown>)[key];
    if (field.secret) expect(shown).toMatchObject({ set: true, source: 'env', masked: `••••${SAMPLE[key].slice(-4)}` });
    else expect(shown).toBe(SAMPLE[key]);
    expect(JSON.stringify(view)).not.toContain(field.secret ? SAMPLE[key] : '\u0000');
  });

  it.each(EKO_SETTING_KEYS)('%s: the form knows it (model, field name, variable note) in both languages', (key) => {
    const field = EKO_SETTING_FIELDS[key];
    const onForm = field.secret ? (SECRET_FIELDS as readonly string[]).includes(key) : field.form.section === 'choice' || (TEXT_FIELDS as readonly string[]).includes(key);
    expect(onForm).toBe(true);
    expect(formField(`eko.${key}`)).toBe(`eko.${key}`);
    const settings = { envOverrides: [field.env] } as Parameters<typeof envSet>[0];
    expect(envSet(settings, key)).toBe(true);
    for (const table of [en, hi]) {
      const texts = (table.settings.eko as unknown as Record<string, Record<string, unknown>>)[key];
      expect(texts, `settings.eko.${key}`).toBeDefined();
      if (field.form.section === 'choice') expect(texts!.legend).toBeTruthy();
      else expect([texts!.label, texts!.hint].every((t) => typeof t === 'string' && t.length > 0)).toBe(true);
    }
    if (!field.secret && field.form.section !== 'choice') {
      const settingsOf = { profile: 'production', firstRun: false, eko: { [key]: SAMPLE[key] } } as unknown as Parameters<typeof initialValues>[0];
      expect((initialValues(settingsOf, false).text as Record<string, string>)[key]).toBe(SAMPLE[key]);
    }
  });
});
