/**
 * Configuration: profile defaults, then the config file in the data dir, then
 * KIOSK_* environment variables. A bad value is a ConfigError naming the place it
 * came from (KIOSK_LATLONG, or config.json → eko.latlong) and what is wrong with it.
 * A bad environment stops start-up; bad saved settings start the training profile
 * and ask the operator to fix them (loadStartupConfig).
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { EkoEditionSchema, KioskError, MAIN_SIDE_WAITS_MS, ProfileSchema, type ConfigProblem, type EkoEdition, type Profile } from '../../../app/contract';
import { aadhaarKeyProblem, readRsaPublicKey } from '../eko/aadhaar-crypto';
import { EKO_PRODUCTION_AADHAAR_KEY, EKO_STAGING_AADHAAR_KEY, EKO_STAGING_CREDENTIALS } from './eko-public-keys';

export interface EkoConfig {
  /** null: start the built-in Eko sandbox and talk to it (demo profile, no KIOSK_EKO_BASE_URL). */
  baseUrl: string | null;
  developerKey: string;
  accessKey: string;
  initiatorId: string;
  userCode: string;
  /** Eko's RSA public key (base64 SubjectPublicKeyInfo DER or PEM); null: the sandbox's own. */
  aadhaarPublicKey: string | null;
  /** The agent's registered mobile: the wallet's customer_id. */
  agentMobile: string;
  latlong: string;
  /** Which generation of Eko's AePS request to send (spec pages, or Eko's current docs). */
  edition: EkoEdition;
  /** Per-call HTTP timeout for the two GET calls, ms. */
  requestTimeoutMs: number;
  /** HTTP timeout for a balance enquiry (banks can be slow), ms. */
  enquiryTimeoutMs: number;
}

export interface RdConfig {
  host: string;
  ports: number[];
  /** false: start the built-in RD-service simulator (demo profile, no KIOSK_RD_PORTS). */
  explicitPorts: boolean;
  captureTimeoutMs: number;
}

export interface KioskConfig {
  profile: Profile;
  dataDir: string;
  eko: EkoConfig;
  rd: RdConfig;
  webPort: number;
  /** Days enquiries are kept in the journal. */
  journalRetentionDays: number;
  /** The counter's thermal receipt printer paper width. */
  receiptPaperMm: 58 | 80;
}

/**
 * Where a bad value came from. env: a KIOSK_* variable, which only the PC's set-up can change
 * (start-up stops). file: config.json (the operator settings). none: nowhere, a value the
 * profile needs is missing. file and none are fixed in the operator settings.
 */
export type ConfigSource = 'env' | 'file' | 'none';

export class ConfigError extends KioskError {
  /** As the message names it: KIOSK_LATLONG, config.json → eko.latlong, or the config file's path. */
  readonly setting: string;
  readonly source: ConfigSource;
  /** The setting's key in config.json ("eko.latlong"), whichever place the value came from; null: none. */
  readonly key: string | null;
  /** The kind of problem, for a translated message. */
  readonly reason: ConfigProblem['problem'];
  constructor(setting: string, problem: string, options: { source?: ConfigSource; key?: string | null; reason?: ConfigProblem['problem'] } = {}) {
    super('config.invalid', { detail: `${setting}: ${problem}`, params: { setting, problem } });
    this.setting = setting;
    this.source = options.source ?? 'env';
    this.key = options.key ?? null;
    this.reason = options.reason ?? 'invalid';
    this.message = `Configuration error in ${setting}: ${problem}`;
  }
}

export const ENV_NAMES = [
  'KIOSK_PROFILE',
  'KIOSK_DATA_DIR',
  'KIOSK_EKO_BASE_URL',
  'KIOSK_EKO_DEVELOPER_KEY',
  'KIOSK_EKO_ACCESS_KEY',
  'KIOSK_EKO_INITIATOR_ID',
  'KIOSK_EKO_USER_CODE',
  'KIOSK_EKO_AADHAAR_KEY',
  'KIOSK_RD_HOST',
  'KIOSK_RD_PORTS',
  'KIOSK_AGENT_MOBILE',
  'KIOSK_LATLONG',
  'KIOSK_EKO_EDITION',
  'KIOSK_WEB_PORT',
] as const;

/** The config file's shape (data dir/config.json). Every key optional; unknown keys are an error. */
/** Said of an RD host that is not loopback, by the file's schema and by loadConfig (the environment). */
const RD_HOST_PROBLEM = 'is not this PC: the RD service only runs on loopback (127.0.0.1 or localhost)';

const ConfigFileSchema = z
  .object({
    profile: ProfileSchema,
    eko: z
      .object({
        baseUrl: z.string(),
        developerKey: z.string(),
        accessKey: z.string(),
        /** The operator settings store secrets only encrypted (SecretStore: DPAPI in the desktop app), base64. */
        developerKeyEncrypted: z.string(),
        accessKeyEncrypted: z.string(),
        initiatorId: z.string(),
        userCode: z.string(),
        aadhaarPublicKey: z.string(),
        agentMobile: z.string(),
        latlong: z.string(),
        edition: z.string(),
        requestTimeoutMs: z.number().int().min(MAIN_SIDE_WAITS_MS.ekoRequest.min).max(MAIN_SIDE_WAITS_MS.ekoRequest.max),
        enquiryTimeoutMs: z.number().int().min(MAIN_SIDE_WAITS_MS.ekoEnquiry.min).max(MAIN_SIDE_WAITS_MS.ekoEnquiry.max),
      })
      .partial()
      .strict(),
    // Checked here, not only in loadConfig: the settings screen cannot edit these, so a bad one must be
    // a schema problem, which readConfigFileLenient leaves out (saving the settings then repairs the file).
    rd: z
      .object({
        host: z.string().refine((host) => isLoopbackHost(host), RD_HOST_PROBLEM),
        ports: z.string().superRefine((text, ctx) => {
          try {
            parsePorts(text);
          } catch (err) {
            ctx.addIssue({ code: 'custom', message: (err as ConfigError).params?.problem ?? 'is not a port list' });
          }
        }),
        captureTimeoutMs: z.number().int().min(MAIN_SIDE_WAITS_MS.capture.min).max(MAIN_SIDE_WAITS_MS.capture.max),
      })
      .partial()
      .strict(),
    webPort: z.number().int().min(0).max(65535),
    journalRetentionDays: z.number().int().min(1).max(3650),
    receiptPaperMm: z.union([z.literal(58), z.literal(80)]),
    /** The operator PIN: `scrypt$N$r$p$salt$hash` (main/services/settings/pin.ts). */
    operatorPinHash: z.string(),
    /** The operator finished first-run setup (main/services/settings). */
    setupDone: z.boolean(),
  })
  .partial()
  .strict();
export type ConfigFile = z.infer<typeof ConfigFileSchema>;

export const EKO_BASE_URLS: Record<Exclude<Profile, 'demo'>, string> = {
  staging: 'https://staging.eko.in/ekoapi/v3',
  production: 'https://api.eko.in:25002/ekoicici/v3',
};

/** Where the kiosk keeps its config, journal and logs when KIOSK_DATA_DIR is not set. */
export function defaultDataDir(): string {
  if (process.platform === 'win32' && process.env.APPDATA) return path.join(process.env.APPDATA, 'AePS Counter');
  const base = process.env.XDG_CONFIG_HOME || path.join(os.homedir(), '.config');
  return path.join(base, 'aeps-kiosk');
}

export const CONFIG_FILE_NAME = 'config.json';

type Env = Partial<Record<(typeof ENV_NAMES)[number], string | undefined>> & Record<string, string | undefined>;

export interface LoadConfigOptions {
  dataDir?: string;
  /** Decrypts the file's *Encrypted secrets (the host's SecretStore). Throws when it cannot. */
  decrypt?: (base64: string) => string;
  /** Checks this content as if it were config.json, without reading the file (the settings' candidate). */
  fileContent?: unknown;
}

/** The data dir loadConfig would use: KIOSK_DATA_DIR, else the host's, else the platform default. */
export function resolveDataDir(env: Env = process.env, dataDir?: string): string {
  return path.resolve(nonEmpty(env.KIOSK_DATA_DIR) ?? dataDir ?? defaultDataDir());
}

/** A setting's value and where it came from, so that an error names the place to fix it. */
interface Sourced {
  value: string;
  setting: string;
  source: ConfigSource;
  key: string;
}
type Where = Omit<Sourced, 'value'>;

/** How an error names a key of config.json. */
function fileSetting(key: string): string {
  return `${CONFIG_FILE_NAME} → ${key}`;
}

function invalid(where: Where, problem: string): ConfigError {
  return new ConfigError(where.setting, problem, { source: where.source, key: where.key });
}

const DEFAULT_LATLONG = '28.6139,77.2090';

/** Reads and checks the whole configuration. Throws ConfigError naming the bad setting. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): KioskConfig {
  const dataDir = resolveDataDir(env, options.dataDir);
  const file =
    options.fileContent !== undefined ? checkConfigFile(options.fileContent, path.join(dataDir, CONFIG_FILE_NAME)) : readConfigFile(dataDir);

  /** The environment's value, else the file's, else the fallback (null: none). */
  const pick = (envName: (typeof ENV_NAMES)[number], key: string, fileValue: string | undefined, fallback: string | null): Sourced | null => {
    const fromEnv = nonEmpty(env[envName]);
    if (fromEnv !== undefined) return { value: fromEnv, setting: envName, source: 'env', key };
    const fromFile = nonEmpty(fileValue);
    if (fromFile !== undefined) return { value: fromFile, setting: fileSetting(key), source: 'file', key };
    return fallback === null ? null : { value: fallback, setting: envName, source: 'none', key };
  };

  const envProfile = nonEmpty(env.KIOSK_PROFILE);
  const profile = envProfile !== undefined ? parseProfile(envProfile) : (file.profile ?? 'demo');

  const baseUrlSet = pick('KIOSK_EKO_BASE_URL', 'eko.baseUrl', file.eko?.baseUrl, null);
  const baseUrl = baseUrlSet ? parseBaseUrl(baseUrlSet, profile) : profile === 'demo' ? null : EKO_BASE_URLS[profile];

  const staging = profile === 'staging' ? EKO_STAGING_CREDENTIALS : null;
  // The demo profile talks to the sandbox, whose keys the sandbox hands over at start.
  const demoSandbox = profile === 'demo' && baseUrl === null;
  // An environment variable wins without decrypting anything: a key that no longer decrypts must not block it.
  const fileSecret = (name: 'developerKey' | 'accessKey', envName: (typeof ENV_NAMES)[number]) =>
    nonEmpty(env[envName]) ? undefined : fileSecretValue(file, name, options.decrypt);
  const developerKey = pick('KIOSK_EKO_DEVELOPER_KEY', 'eko.developerKey', fileSecret('developerKey', 'KIOSK_EKO_DEVELOPER_KEY'), staging?.developerKey ?? (demoSandbox ? '' : null));
  const accessKey = pick('KIOSK_EKO_ACCESS_KEY', 'eko.accessKey', fileSecret('accessKey', 'KIOSK_EKO_ACCESS_KEY'), staging?.accessKey ?? (demoSandbox ? '' : null));
  const initiatorId = pick('KIOSK_EKO_INITIATOR_ID', 'eko.initiatorId', file.eko?.initiatorId, staging?.initiatorId ?? (profile === 'demo' ? '9962981729' : null));
  const userCode = pick('KIOSK_EKO_USER_CODE', 'eko.userCode', file.eko?.userCode, staging?.userCode ?? (profile === 'demo' ? '20810200' : null));
  const required: Array<[Sourced | null, (typeof ENV_NAMES)[number], string]> = [
    [developerKey, 'KIOSK_EKO_DEVELOPER_KEY', 'eko.developerKey'],
    [accessKey, 'KIOSK_EKO_ACCESS_KEY', 'eko.accessKey'],
    [initiatorId, 'KIOSK_EKO_INITIATOR_ID', 'eko.initiatorId'],
    [userCode, 'KIOSK_EKO_USER_CODE', 'eko.userCode'],
  ];
  for (const [value, envName, key] of required) {
    if (value === null) {
      throw new ConfigError(envName, `is required for the ${profile} profile (set it, or enter it in the operator settings)`, { source: 'none', key, reason: 'missing' });
    }
  }
  if (!/^\d{10}$/.test(initiatorId!.value)) throw invalid(initiatorId!, 'must be the 10-digit registered mobile number');
  if (!/^\d{4,12}$/.test(userCode!.value)) throw invalid(userCode!, 'must be the numeric user code Eko issued (e.g. 20810200)');

  const agentMobileSet = pick('KIOSK_AGENT_MOBILE', 'eko.agentMobile', file.eko?.agentMobile, null);
  const agentMobile = agentMobileSet ?? initiatorId!;
  if (!/^[6-9]\d{9}$/.test(agentMobile.value)) {
    throw agentMobileSet
      ? invalid(agentMobileSet, 'must be a 10-digit mobile number starting 6–9')
      : // No agent mobile set: the initiator id stands in for it, so name that (the fix is the agent mobile).
        invalid({ ...initiatorId!, key: 'eko.agentMobile' }, 'is also used as the agent mobile, which must start 6–9: set the agent mobile (KIOSK_AGENT_MOBILE or the operator settings)');
  }

  const latlong = parseLatLong(pick('KIOSK_LATLONG', 'eko.latlong', file.eko?.latlong, DEFAULT_LATLONG)!);
  const editionSet = pick('KIOSK_EKO_EDITION', 'eko.edition', file.eko?.edition, 'spec')!;
  const edition = EkoEditionSchema.safeParse(editionSet.value);
  if (!edition.success) throw invalid(editionSet, `"${editionSet.value}" is not a request edition: spec (the spec pages) or current (Eko's current docs)`);

  const key = pick(
    'KIOSK_EKO_AADHAAR_KEY',
    'eko.aadhaarPublicKey',
    file.eko?.aadhaarPublicKey,
    profile === 'staging' ? EKO_STAGING_AADHAAR_KEY : profile === 'production' ? EKO_PRODUCTION_AADHAAR_KEY : null,
  );
  if (key === null && !demoSandbox) {
    throw new ConfigError('KIOSK_EKO_AADHAAR_KEY', "is required when talking to an Eko server other than the built-in sandbox (Eko's RSA public key, base64 DER or PEM)", {
      source: 'none',
      key: 'eko.aadhaarPublicKey',
      reason: 'missing',
    });
  }
  if (key !== null) checkPublicKey(key);

  const rdHost = pick('KIOSK_RD_HOST', 'rd.host', file.rd?.host, '127.0.0.1')!;
  if (!isLoopbackHost(rdHost.value)) throw invalid(rdHost, `"${rdHost.value}" ${RD_HOST_PROBLEM}`);
  const portsSet = pick('KIOSK_RD_PORTS', 'rd.ports', file.rd?.ports, null);
  const ports = parsePorts(portsSet?.value ?? '11100-11120', portsSet ?? undefined);

  const webPortSet = pick('KIOSK_WEB_PORT', 'webPort', file.webPort !== undefined ? String(file.webPort) : undefined, '5178')!;
  const webPort = parsePort(webPortSet.value, webPortSet, true);

  return {
    profile,
    dataDir,
    eko: {
      baseUrl,
      developerKey: developerKey!.value,
      accessKey: accessKey!.value,
      initiatorId: initiatorId!.value,
      userCode: userCode!.value,
      aadhaarPublicKey: key?.value ?? null,
      agentMobile: agentMobile.value,
      latlong,
      edition: edition.data,
      requestTimeoutMs: file.eko?.requestTimeoutMs ?? MAIN_SIDE_WAITS_MS.ekoRequest.default,
      enquiryTimeoutMs: file.eko?.enquiryTimeoutMs ?? MAIN_SIDE_WAITS_MS.ekoEnquiry.default,
    },
    rd: {
      host: rdHost.value,
      ports,
      explicitPorts: portsSet?.source === 'env' || (profile !== 'demo' ? true : portsSet?.source === 'file'),
      captureTimeoutMs: file.rd?.captureTimeoutMs ?? MAIN_SIDE_WAITS_MS.capture.default,
    },
    webPort,
    journalRetentionDays: file.journalRetentionDays ?? 90,
    receiptPaperMm: file.receiptPaperMm ?? 58,
  };
}

export interface StartupConfig {
  config: KioskConfig;
  /** Why the saved settings did not load (config is then the training fallback); null when they did. */
  problem: ConfigError | null;
}

/**
 * The configuration to start with. A bad environment (KIOSK_*) stops start-up: thrown, as by
 * loadConfig. Bad saved settings do not (a key saved on another PC or Windows user, a damaged
 * config.json, a wrong or missing value): a counter must not be bricked by what only the operator
 * settings can fix, so it starts on the training profile and `problem` says what to fix there.
 */
export function loadStartupConfig(env: Env = process.env, options: LoadConfigOptions = {}): StartupConfig {
  try {
    return { config: loadConfig(env, options), problem: null };
  } catch (err) {
    if (!(err instanceof ConfigError) || err.source === 'env') throw err;
    // The saved problem stopped the check early: every KIOSK_* variable is checked all the same,
    // against stand-ins for the saved settings, so only a variable can fail it.
    try {
      loadConfig(env, { dataDir: options.dataDir, fileContent: SAVED_STAND_INS });
    } catch (envErr) {
      if (envErr instanceof ConfigError && envErr.source === 'env') throw envErr;
    }
    return { config: trainingFallback(env, options.dataDir), problem: err };
  }
}

/** Valid values for every saved setting a profile may need, for checking the KIOSK_* variables on their own. */
const SAVED_STAND_INS: ConfigFile = {
  eko: { developerKey: 'stand-in', accessKey: 'stand-in', initiatorId: '9000000000', userCode: '20810200', aadhaarPublicKey: EKO_STAGING_AADHAAR_KEY },
};

/** While the saved settings are broken nothing old is deleted from the journal: keep the most days allowed. */
const KEEP_ALL_RETENTION_DAYS = 3650;

/**
 * The demo profile with its simulators, whatever the saved settings and the KIOSK_* Eko and RD
 * variables say (they are what does not load); only the data dir, the web port, the paper width
 * and the journal's retention are kept.
 */
function trainingFallback(env: Env, dataDir: string | undefined): KioskConfig {
  const saved = readConfigFileLenient(resolveDataDir(env, dataDir)).file;
  const hostOnly: Env = { KIOSK_DATA_DIR: env.KIOSK_DATA_DIR, KIOSK_WEB_PORT: env.KIOSK_WEB_PORT };
  const kept: ConfigFile = { journalRetentionDays: saved.journalRetentionDays ?? KEEP_ALL_RETENTION_DAYS };
  if (saved.receiptPaperMm !== undefined) kept.receiptPaperMm = saved.receiptPaperMm;
  // Kept values passed the schema (readConfigFileLenient), so the demo profile always loads with them.
  if (saved.webPort !== undefined) kept.webPort = saved.webPort;
  return loadConfig(hostOnly, { dataDir, fileContent: kept });
}

/**
 * Creates the data dir and checks it can be written, before anything is put there. Throws one
 * line naming KIOSK_DATA_DIR (the way to choose another folder) when it cannot.
 */
export function prepareDataDir(env: Env = process.env, dataDir?: string): string {
  const dir = resolveDataDir(env, dataDir);
  try {
    fs.mkdirSync(dir, { recursive: true });
    fs.accessSync(dir, fs.constants.W_OK);
  } catch (err) {
    const why = (err as NodeJS.ErrnoException).code ?? (err as Error).message;
    const fromEnv = nonEmpty(env.KIOSK_DATA_DIR) !== undefined;
    throw new ConfigError(
      'KIOSK_DATA_DIR',
      `the data folder "${dir}"${fromEnv ? '' : ' (the default)'} cannot be created or written (${why}): ${fromEnv ? 'set it to' : 'set KIOSK_DATA_DIR to'} a folder this user can write to`,
    );
  }
  return dir;
}

function nonEmpty(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A secret from the config file: the encrypted form, decrypted, or (hand-written files) the clear one. */
function fileSecretValue(file: ConfigFile, name: 'developerKey' | 'accessKey', decrypt: LoadConfigOptions['decrypt']): string | undefined {
  const key = `eko.${name}`;
  const fail = (problem: string, reason: ConfigProblem['problem']) => new ConfigError(fileSetting(key), problem, { source: 'file', key, reason });
  const encrypted = nonEmpty(file.eko?.[`${name}Encrypted`]);
  if (encrypted === undefined) return file.eko?.[name];
  if (nonEmpty(file.eko?.[name]) !== undefined) {
    throw fail(`is in the config file twice (clear and encrypted): remove eko.${name} and keep eko.${name}Encrypted`, 'invalid');
  }
  if (!decrypt) {
    throw fail('is stored encrypted and this program cannot decrypt it: start the AePS Counter app, or set the KIOSK_EKO_* environment variable', 'keyNotReadable');
  }
  let plain: string;
  try {
    plain = decrypt(encrypted);
  } catch {
    // The usual cause: DPAPI ties the value to the Windows user and PC that saved it.
    throw fail('cannot be decrypted on this PC or Windows user (was the data folder copied from elsewhere?): re-enter it in the operator settings', 'keyNotReadable');
  }
  if (nonEmpty(plain) === undefined) throw fail('decrypts to nothing: re-enter it in the operator settings', 'keyNotReadable');
  return plain;
}

/** config.json as it is on disk ({} when there is none). Throws ConfigError when it is unreadable or malformed. */
export function readConfigFile(dataDir: string): ConfigFile {
  const { file, json } = readConfigJson(dataDir);
  return json === undefined ? {} : checkConfigFile(json, file);
}

/** config.json's JSON, read once (undefined: there is no file). Throws a ConfigError when it cannot be read or parsed. */
function readConfigJson(dataDir: string): { file: string; json: unknown } {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  const damaged = (problem: string) => new ConfigError(file, problem, { source: 'file', reason: 'fileDamaged' });
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return { file, json: undefined };
    throw damaged(`cannot be read (${(err as Error).message})`);
  }
  try {
    return { file, json: JSON.parse(text) as unknown };
  } catch (err) {
    throw damaged(`is not valid JSON (${(err as Error).message})`);
  }
}

/**
 * config.json as far as it can be used, and what is wrong with it (null: nothing). A malformed
 * file gives its well-formed parts (each key the schema refuses left out; nothing when it is not
 * JSON), so that saving the settings repairs it without losing the rest.
 */
export function readConfigFileLenient(dataDir: string): { file: ConfigFile; problem: ConfigError | null } {
  let read: { file: string; json: unknown };
  try {
    read = readConfigJson(dataDir);
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return { file: {}, problem: err };
  }
  if (read.json === undefined) return { file: {}, problem: null };
  try {
    return { file: checkConfigFile(read.json, read.file), problem: null };
  } catch (err) {
    if (!(err instanceof ConfigError)) throw err;
    return { file: wellFormedPart(read.json), problem: err };
  }
}

/** Removes what the schema refuses, a few keys at a time, until the rest passes. */
function wellFormedPart(json: unknown): ConfigFile {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return {};
  const draft = structuredClone(json) as Record<PropertyKey, unknown>;
  for (let round = 0; round < 50; round++) {
    const parsed = ConfigFileSchema.safeParse(draft);
    if (parsed.success) return parsed.data;
    let removed = false;
    for (const issue of parsed.error.issues) {
      const paths = issue.code === 'unrecognized_keys' ? issue.keys.map((k) => [...issue.path, k]) : [issue.path];
      for (const p of paths) removed = removeAt(draft, p) || removed;
    }
    if (!removed) break;
  }
  return {};
}

function removeAt(root: Record<PropertyKey, unknown>, at: PropertyKey[]): boolean {
  if (at.length === 0) return false;
  let parent: unknown = root;
  for (const step of at.slice(0, -1)) parent = (parent as Record<PropertyKey, unknown> | undefined)?.[step];
  if (typeof parent !== 'object' || parent === null) return false;
  return delete (parent as Record<PropertyKey, unknown>)[at[at.length - 1]!];
}

function checkConfigFile(json: unknown, file: string): ConfigFile {
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    throw new ConfigError(key ? fileSetting(key) : `${file} → (top level)`, issue.message, { source: 'file', key: key || null, reason: 'fileDamaged' });
  }
  return parsed.data;
}

function parseProfile(value: string): Profile {
  const parsed = ProfileSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError('KIOSK_PROFILE', `"${value}" is not a profile; use demo, staging or production`, { key: 'profile' });
  return parsed.data;
}

/**
 * The hosts a profile's keys may be sent to: Eko's own (over https), or a sandbox on this PC.
 * Anyone with the operator PIN could otherwise point a live counter, keys and all, at any host.
 */
export const EKO_HOSTS: Record<Exclude<Profile, 'demo'>, string> = { staging: 'staging.eko.in', production: 'api.eko.in' };

/** Whether a profile may talk to this URL (demo: anything parseBaseUrl accepts). */
export function ekoHostAllowed(url: URL, profile: Profile): boolean {
  if (isLoopbackHost(url.hostname)) return true;
  return profile === 'demo' || (url.protocol === 'https:' && url.hostname.toLowerCase() === EKO_HOSTS[profile]);
}

function parseBaseUrl(set: Sourced, profile: Profile): string {
  let url: URL;
  try {
    url = new URL(set.value);
  } catch {
    throw invalid(set, `"${set.value}" is not a URL (expected e.g. https://staging.eko.in/ekoapi/v3)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(set, 'must start with https:// (or http:// for a local sandbox)');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid(set, 'plain http is only allowed to a sandbox on this PC; use https:// for Eko');
  }
  if (!ekoHostAllowed(url, profile)) {
    throw invalid(set, `must be Eko's own ${profile} host (https://${EKO_HOSTS[profile as Exclude<Profile, 'demo'>]}/…) or a sandbox on this PC: the keys are sent to it`);
  }
  return set.value.replace(/\/+$/, '');
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function parsePort(text: string, where: Where, allowZero = false): number {
  if (!/^\d+$/.test(text)) throw invalid(where, `"${text}" is not a port number`);
  const port = Number(text);
  if (port > 65535 || (port === 0 && !allowZero)) throw invalid(where, `${port} is not a port number (1–65535)`);
  return port;
}

const RD_PORTS_ENV: Where = { setting: 'KIOSK_RD_PORTS', source: 'env', key: 'rd.ports' };

/** "11100-11120" or "11100,11102,11105" (ranges may appear inside the list). */
export function parsePorts(text: string, where: Where = RD_PORTS_ENV): number[] {
  const ports = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const from = parsePort(range[1]!, where);
      const to = parsePort(range[2]!, where);
      if (to < from) throw invalid(where, `range "${part}" runs backwards`);
      if (to - from > 200) throw invalid(where, `range "${part}" is too wide (at most 200 ports)`);
      for (let p = from; p <= to; p++) ports.add(p);
    } else {
      ports.add(parsePort(part, where));
    }
  }
  if (ports.size === 0) throw invalid(where, 'lists no ports (expected e.g. 11100-11120)');
  return [...ports];
}

/** "28.6139, 77.2090" → "28.6139,77.2090": Eko refuses a location with spaces. */
function parseLatLong(set: Sourced): string {
  const m = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(set.value.replace(/\s/g, ''));
  const lat = m ? Number(m[1]) : NaN;
  const long = m ? Number(m[2]) : NaN;
  if (!m || Math.abs(lat) > 90 || Math.abs(long) > 180) {
    throw invalid(set, `"${set.value}" is not "latitude,longitude" (e.g. ${DEFAULT_LATLONG})`);
  }
  return `${m[1]},${m[2]}`;
}

/** Parsed as the Eko client will parse it, so a key that is no RSA key stops here and not at the first enquiry. */
function checkPublicKey(set: Sourced): void {
  try {
    readRsaPublicKey(set.value);
  } catch (err) {
    throw invalid(set, aadhaarKeyProblem(err));
  }
}

/** A copy safe to log or show: secrets replaced by their length. */
export function describeConfig(config: KioskConfig): Record<string, unknown> {
  const hide = (s: string) => (s ? `(set, ${s.length} chars)` : '(from sandbox)');
  return {
    profile: config.profile,
    dataDir: config.dataDir,
    eko: {
      ...config.eko,
      developerKey: hide(config.eko.developerKey),
      accessKey: hide(config.eko.accessKey),
      aadhaarPublicKey: config.eko.aadhaarPublicKey ? '(set)' : '(from sandbox)',
      baseUrl: config.eko.baseUrl ?? '(built-in sandbox)',
    },
    rd: { ...config.rd, ports: config.rd.explicitPorts ? config.rd.ports.join(',') : '(built-in simulator)' },
    webPort: config.webPort,
    journalRetentionDays: config.journalRetentionDays,
    receiptPaperMm: config.receiptPaperMm,
  };
}
