/**
 * Operator settings, main side: first-run setup, the operator PIN and its short
 * sessions, saving a new configuration (validated by loadConfig itself, written
 * atomically, secrets only encrypted) and switching the running services to it,
 * and "Test connection" (the doctor's Eko check against candidate settings).
 *
 * Secrets cross once, renderer → main, when entered; they are added to the
 * logger's secrets at once and only ever shown back masked ("••••0567").
 */
import crypto from 'node:crypto';
import path from 'node:path';
import {
  EKO_SETTING_FIELDS,
  EKO_SETTING_KEYS,
  KioskError,
  type EkoSettingKey,
  type SettingFieldDeclaration,
  EkoEditionSchema,
  PLAIN_SETTING_KEYS,
  ProfileSchema,
  SECRET_SETTING_KEYS,
  SETTINGS_FIELD_ENV,
  isKioskError,
  type ConfigProblem,
  type ConnectionTest,
  type Profile,
  type SaveSettingsInput,
  type Settings,
  type TestConnectionInput,
} from '../../../app/contract';
import {
  CONFIG_FILE_NAME,
  ConfigError,
  EKO_BASE_URLS,
  loadConfig,
  readConfigFileLenient,
  resolveSetting,
  type ConfigFile,
  type KioskConfig,
} from '../config/config';
import { EKO_STAGING_CREDENTIALS } from '../config/eko-public-keys';
import { checkEkoConnection, connectionError } from '../eko';
import { startEko } from '../eko/start';
import { NO_DEMO_PEERS, type DemoPeers } from '../demo-peers';
import { Stops } from '../stops';
import type { Logger } from '../log/logger';
import { writeFileAtomic } from './atomic-write';
import type { LiveServices } from './live-services';
import { createPinGuard, hashPin, type PinGuard } from './pin';
import type { SecretStore } from './secret-store';

type Env = Record<string, string | undefined>;
type EkoInput = NonNullable<SaveSettingsInput['eko']>;
type SecretName = 'developerKey' | 'accessKey';

export const SETTINGS_TOKEN_TTL_MS = 10 * 60_000;

export interface SettingsServiceOptions {
  /** The process environment: KIOSK_* variables still win over anything saved. */
  env: Env;
  /** The resolved data dir (where config.json lives). */
  dataDir: string;
  secretStore: SecretStore;
  logger: Logger;
  live: Pick<LiveServices, 'current' | 'replace'>;
  now?: () => number;
  tokenTtlMs?: number;
  pinGuard?: PinGuard;
  /** Why the saved settings did not load at start-up (boot then runs the training profile): shown until a save fixes it. */
  configProblem?: ConfigError | null;
  /** The demo profile's Eko sandbox, for testing a demo set-up's connection. */
  peers?: DemoPeers;
}

export interface SettingsService {
  get(): Promise<Settings>;
  unlock(input: { pin: string }): Promise<{ token: string; expiresAt: string }>;
  save(input: SaveSettingsInput): Promise<Settings>;
  testConnection(input: TestConnectionInput): Promise<ConnectionTest>;
  lock(input: { token: string }): Promise<Record<string, never>>;
}

/** The KIOSK_* variables that override a field of the settings screen. */
const ENV_OF_FIELD = SETTINGS_FIELD_ENV;

/** The screen's fields, as config.json keys (ConfigError.key names them so). */
const FORM_FIELDS: ReadonlySet<string> = new Set(Object.keys(ENV_OF_FIELD).map((field) => (field === 'profile' ? field : `eko.${field}`)));

function formFieldOf(err: ConfigError): string | null {
  return err.key !== null && FORM_FIELDS.has(err.key) ? err.key : null;
}

/** What getSettings describes: the running configuration or, while setup is needed, what config.json asks for. */
type SettingsView = Pick<KioskConfig, 'profile' | 'receiptPaperMm'> & {
  eko: Pick<KioskConfig['eko'], 'baseUrl' | 'developerKey' | 'accessKey' | 'initiatorId' | 'userCode' | 'agentMobile' | 'latlong' | 'shopName' | 'shopAddress' | 'edition'>;
};

/** From the one declaration of the settings: the account's plain fields (dropped, unless re-entered, when the profile changes), the shop's, the keys. */
const ACCOUNT_FIELDS = PLAIN_SETTING_KEYS.filter((key) => EKO_SETTING_FIELDS[key].scope === 'account');
const SHOP_FIELDS = PLAIN_SETTING_KEYS.filter((key) => EKO_SETTING_FIELDS[key].scope === 'shop');
const SECRET_FIELDS: readonly SecretName[] = SECRET_SETTING_KEYS;

export function maskSecret(value: string): string | null {
  if (!value) return null;
  // Short values would be mostly shown by their last 4: show none of them.
  return value.length >= 8 ? `••••${value.slice(-4)}` : '••••';
}

function nonEmpty(value: string | undefined): string | undefined {
  const t = value?.trim();
  return t ? t : undefined;
}

function sha256(text: string): Buffer {
  return crypto.createHash('sha256').update(text).digest();
}

export function createSettingsService(options: SettingsServiceOptions): SettingsService {
  const { env, dataDir, secretStore, live } = options;
  const log = options.logger.child('settings');
  const now = options.now ?? Date.now;
  const ttl = options.tokenTtlMs ?? SETTINGS_TOKEN_TTL_MS;
  const guard = options.pinGuard ?? createPinGuard({ dataDir, now });
  const configFile = path.join(dataDir, CONFIG_FILE_NAME);
  let session: { hash: Buffer; expiresAt: number } | null = null;
  let problem = options.configProblem ?? null;
  // One save at a time: two operators' clicks must not interleave their file writes.
  let saving: Promise<unknown> = Promise.resolve();

  const decrypt = (b64: string) => secretStore.decrypt(b64);
  const isFirstRun = (file: ConfigFile) => file.setupDone !== true || !file.operatorPinHash;
  // A damaged file reads as its well-formed part: saving repairs it (and with no PIN left in it, setup runs as a first run).
  const savedFile = () => readConfigFileLenient(dataDir).file;

  function requireSession(token: string | undefined, file: ConfigFile): void {
    // First-run setup has no PIN yet to unlock with.
    if (isFirstRun(file)) return;
    if (token === undefined) throw new KioskError('settings.pinRequired', { detail: 'settings call without a session token' });
    const valid = session !== null && crypto.timingSafeEqual(sha256(token), session.hash) && now() < session.expiresAt;
    if (!valid) {
      if (session && now() >= session.expiresAt) session = null;
      throw new KioskError('settings.tokenExpired', { detail: 'settings session token unknown or expired' });
    }
  }

  function secretView(name: SecretName, config: SettingsView, file: ConfigFile): Settings['eko']['developerKey'] {
    const value = config.eko[name];
    const source = nonEmpty(env[ENV_OF_FIELD[name]])
      ? 'env'
      : config.profile === 'demo' && config.eko.baseUrl === null
        ? 'sandbox'
        : file.eko?.[`${name}Encrypted`] || file.eko?.[name]
          ? 'saved'
          : config.profile === 'staging' && value === EKO_STAGING_CREDENTIALS[name]
            ? 'profile'
            : 'none';
    if (source === 'sandbox') return { set: false, masked: null, source };
    return { set: value !== '', masked: maskSecret(value), source };
  }

  /**
   * While setup is needed the form starts from what config.json asks for, so the operator corrects
   * the bad value instead of typing everything again. A key that does not decrypt shows as not set.
   */
  function savedView(file: ConfigFile): SettingsView {
    const e = file.eko ?? {};
    // The same precedence as start-up's (resolveSetting): the variable, else what is saved.
    const value = (field: keyof typeof ENV_OF_FIELD, saved: string | undefined) => resolveSetting(env, ENV_OF_FIELD[field], field, saved, null)?.value;
    const readable = (name: SecretName): string | undefined => {
      const encrypted = nonEmpty(e[`${name}Encrypted`]);
      if (encrypted === undefined) return e[name];
      try {
        const plain = secretStore.decrypt(encrypted);
        options.logger.addSecrets(plain);
        return plain;
      } catch {
        return undefined;
      }
    };
    const envProfile = ProfileSchema.safeParse(nonEmpty(env.KIOSK_PROFILE));
    const profile = envProfile.success ? envProfile.data : (file.profile ?? 'demo');
    const builtIn = profile === 'staging' ? EKO_STAGING_CREDENTIALS : null;
    const initiatorId = value('initiatorId', e.initiatorId) ?? builtIn?.initiatorId ?? '';
    return {
      profile,
      receiptPaperMm: file.receiptPaperMm ?? 58,
      eko: {
        baseUrl: value('baseUrl', e.baseUrl) ?? (profile === 'demo' ? null : EKO_BASE_URLS[profile]),
        developerKey: value('developerKey', readable('developerKey')) ?? builtIn?.developerKey ?? '',
        accessKey: value('accessKey', readable('accessKey')) ?? builtIn?.accessKey ?? '',
        initiatorId,
        userCode: value('userCode', e.userCode) ?? builtIn?.userCode ?? '',
        agentMobile: value('agentMobile', e.agentMobile) ?? initiatorId,
        latlong: value('latlong', e.latlong) ?? '',
        shopName: value('shopName', e.shopName) ?? '',
        shopAddress: value('shopAddress', e.shopAddress) ?? '',
        edition: EkoEditionSchema.safeParse(value('edition', e.edition)).data ?? 'spec',
      },
    };
  }

  /** Every declared Eko setting as the screen may see it: keys only masked; the Aadhaar key only the operator's own. */
  function ekoView(config: SettingsView, file: ConfigFile): Settings['eko'] {
    const view = (key: EkoSettingKey): unknown => {
      const field: SettingFieldDeclaration = EKO_SETTING_FIELDS[key];
      if (field.secret) return secretView(key as SecretName, config, file);
      // The profile's built-in key is not the operator's: blank (null) on the screen, as saved.
      if (key === 'aadhaarPublicKey') return resolveSetting(env, field.env, key, file.eko?.aadhaarPublicKey, null)?.value ?? null;
      return config.eko[key as keyof SettingsView['eko']];
    };
    return Object.fromEntries(EKO_SETTING_KEYS.map((key) => [key, view(key)])) as Settings['eko'];
  }

  async function get(): Promise<Settings> {
    const file = savedFile();
    const config = problem ? savedView(file) : live.current().config;
    const lockedUntil = guard.lockedUntil();
    return {
      firstRun: isFirstRun(file),
      pinSet: Boolean(file.operatorPinHash),
      locked: lockedUntil !== null,
      lockedUntil,
      profile: config.profile,
      eko: ekoView(config, file),
      receiptPaperMm: config.receiptPaperMm,
      secretStorage: secretStore.kind,
      envOverrides: Object.values(ENV_OF_FIELD).filter((name) => nonEmpty(env[name]) !== undefined),
      configProblem: problem ? { setting: problem.setting, field: formFieldOf(problem), problem: problem.reason } : null,
    };
  }

  function encrypt(plain: string): string {
    if (!secretStore.isAvailable()) throw new KioskError('settings.secretStorageUnavailable', { detail: `${secretStore.kind} secret store unavailable` });
    return secretStore.encrypt(plain);
  }

  /**
   * The config file the candidate settings make, from the saved one. secrets 'encrypt':
   * what save writes; 'clear': only held in memory, for Test connection.
   */
  function buildCandidate(file: ConfigFile, profile: Profile, eko: EkoInput | undefined, secrets: 'encrypt' | 'clear'): ConfigFile {
    const profileChanged = (file.profile ?? 'demo') !== profile;
    const next: ConfigFile = structuredClone(file);
    const e: NonNullable<ConfigFile['eko']> = { ...next.eko };
    next.profile = profile;

    for (const field of ACCOUNT_FIELDS) {
      const given = eko?.[field];
      if (given === null || (given === undefined && profileChanged)) delete e[field];
      else if (given !== undefined) e[field] = given;
    }
    // The shop's own (its location, the request edition it speaks) are kept whatever the profile.
    for (const field of SHOP_FIELDS) {
      const given = eko?.[field];
      if (given === null) delete e[field];
      else if (given !== undefined) e[field] = field === 'latlong' ? given.replace(/\s/g, '') : given;
    }

    for (const name of SECRET_FIELDS) {
      const given = eko?.[name];
      const encryptedKey = `${name}Encrypted` as const;
      let clear: string | undefined;
      if (given === null || (given === undefined && profileChanged)) {
        clear = undefined;
      } else if (given !== undefined) {
        clear = given;
      } else if (e[name]) {
        // A clear key from a hand-written file: kept, but never written back in clear.
        clear = e[name];
      } else if (e[encryptedKey]) {
        if (secrets === 'encrypt') continue; // kept as it is
        clear = decryptSaved(e[encryptedKey]!, name);
      }
      delete e[name];
      delete e[encryptedKey];
      if (clear === undefined) continue;
      if (secrets === 'clear') e[name] = clear;
      else e[encryptedKey] = encrypt(clear);
    }
    if (Object.keys(e).length > 0) next.eko = e;
    else delete next.eko;
    return next;
  }

  function decryptSaved(b64: string, name: SecretName): string {
    try {
      return secretStore.decrypt(b64);
    } catch {
      throw fieldError(`eko.${name}`, 'cannot be decrypted on this PC or Windows user: re-enter it', 'keyNotReadable');
    }
  }

  /** A refused field: `code` (a CONFIG_PROBLEMS value) is what the form reads; `problem` is English for support. */
  function fieldError(field: string, problem: string, code: ConfigProblem['problem'] = 'invalid'): KioskError {
    return new KioskError('input.invalid', { detail: `${field}: ${problem}`, params: { field, problem, code } });
  }

  /**
   * Saved keys go only to the address they were saved for: a new base URL is tested or saved only
   * with both keys typed again (else anyone with the PIN could send the saved keys to any host).
   */
  function requireKeysForNewAddress(file: ConfigFile, profile: Profile, eko: EkoInput | undefined): void {
    if (eko?.baseUrl === undefined) return;
    const saved = nonEmpty(file.eko?.baseUrl) ?? null;
    const given = eko.baseUrl === null ? null : eko.baseUrl.replace(/\/+$/, '');
    if (given === (saved === null ? null : saved.replace(/\/+$/, ''))) return;
    const savedKeys = (file.profile ?? 'demo') === profile && SECRET_FIELDS.some((name) => nonEmpty(file.eko?.[name]) || nonEmpty(file.eko?.[`${name}Encrypted`]));
    if (savedKeys && (!eko.developerKey || !eko.accessKey)) {
      throw fieldError('eko.developerKey', 'type both keys again to use another address: saved keys are only sent to the address they were saved for');
    }
  }

  /** Runs loadConfig on the candidate, so exactly the start-up rules apply; errors name the screen's field. */
  function validate(candidate: ConfigFile): KioskConfig {
    try {
      const config = loadConfig(env, { dataDir, decrypt, fileContent: candidate });
      // loadConfig defaults the location (env-only setups); a production counter must say where the shop is.
      if (config.profile === 'production' && !candidate.eko?.latlong && !nonEmpty(env.KIOSK_LATLONG)) {
        throw fieldError('eko.latlong', "is required for the production profile (the shop's latitude,longitude)", 'missing');
      }
      return config;
    } catch (err) {
      const field = err instanceof ConfigError ? formFieldOf(err) : null;
      if (field) throw fieldError(field, (err as ConfigError).params?.problem ?? 'is not valid', (err as ConfigError).reason);
      throw err;
    }
  }

  function addSecrets(eko: EkoInput | undefined): void {
    for (const name of SECRET_FIELDS) if (eko?.[name]) options.logger.addSecrets(eko[name]!);
  }

  async function save(input: SaveSettingsInput): Promise<Settings> {
    addSecrets(input.eko);
    const run = saving.catch(() => undefined).then(async () => {
      const file = savedFile();
      requireSession(input.token, file);
      if (!input.newPin && !file.operatorPinHash) throw fieldError('newPin', 'is required: first-run setup sets the operator PIN', 'missing');

      requireKeysForNewAddress(file, input.profile, input.eko);
      const candidate = buildCandidate(file, input.profile, input.eko, 'encrypt');
      if (input.receiptPaperMm !== undefined) candidate.receiptPaperMm = input.receiptPaperMm;
      const config = validate(candidate);
      if (input.newPin) candidate.operatorPinHash = await hashPin(input.newPin);
      candidate.setupDone = true;

      const write = () => writeFileAtomic(configFile, `${JSON.stringify(candidate, null, 2)}\n`);
      const running = live.current().config;
      if (JSON.stringify(config) === JSON.stringify(running)) {
        // Only the PIN or the setup flag changed: nothing to restart.
        write();
      } else {
        await live.replace(config, write);
      }
      // What is saved now loads (validate ran loadConfig on it) and runs: setup is no longer needed.
      problem = null;
      log.info('settings saved', {
        profile: config.profile,
        changedPin: Boolean(input.newPin),
        enteredKeys: SECRET_FIELDS.filter((n) => typeof input.eko?.[n] === 'string'),
        firstRun: isFirstRun(file),
      });
    });
    saving = run;
    await run;
    return get();
  }

  async function testConnection(input: TestConnectionInput): Promise<ConnectionTest> {
    addSecrets(input.eko);
    const file = savedFile();
    requireSession(input.token, file);
    // Nothing given: test what runs now, with the running client.
    const running = input.profile === undefined && input.eko === undefined ? live.current() : null;
    if (!running) requireKeysForNewAddress(file, input.profile ?? file.profile ?? 'demo', input.eko);
    const config = running ? running.config : validate(buildCandidate(file, input.profile ?? file.profile ?? 'demo', input.eko, 'clear'));
    const secrets = [config.eko.developerKey, config.eko.accessKey].filter(Boolean);
    const testLog = options.logger.child('settings.test');
    const stops = new Stops();
    try {
      const client = running ? running.eko : (await startEko(config, testLog, stops, { peers: options.peers ?? NO_DEMO_PEERS })).eko;
      const result = await checkEkoConnection(client, secrets);
      log.info('connection tested', { profile: config.profile, baseUrl: result.baseUrl, ok: result.ok, error: result.error?.code ?? null });
      return result;
    } catch (err) {
      // The client could not even be built (e.g. a key the RSA code refuses).
      log.info('connection test could not start', { error: err });
      return { ok: false, baseUrl: config.eko.baseUrl ?? '(built-in sandbox)', clockSkewMs: null, walletBalance: null, error: connectionError(err, secrets) };
    } finally {
      await stops.stopAll();
    }
  }

  async function unlock(input: { pin: string }): Promise<{ token: string; expiresAt: string }> {
    const file = savedFile();
    if (!file.operatorPinHash) throw fieldError('pin', 'no operator PIN is set yet: first-run setup sets it');
    try {
      await guard.check(input.pin, file.operatorPinHash);
    } catch (err) {
      if (isKioskError(err)) log.warn('operator PIN refused', { code: err.code });
      throw err;
    }
    const token = crypto.randomBytes(32).toString('base64url');
    const expiresAt = now() + ttl;
    session = { hash: sha256(token), expiresAt };
    log.info('settings unlocked');
    return { token, expiresAt: new Date(expiresAt).toISOString() };
  }

  async function lock(input: { token: string }): Promise<Record<string, never>> {
    if (session && crypto.timingSafeEqual(sha256(input.token), session.hash)) {
      session = null;
      log.info('settings locked');
    }
    return {};
  }

  return { get, unlock, save, testConnection, lock };
}
