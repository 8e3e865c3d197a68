/**
 * Configuration: profile defaults, then the config file in the data dir, then
 * KIOSK_* environment variables. Bad configuration stops start-up with a
 * message naming the setting and what is wrong with it.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as z from 'zod';
import { KioskError, ProfileSchema, type Profile } from '../../../app/contract';
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

export class ConfigError extends KioskError {
  readonly setting: string;
  constructor(setting: string, problem: string) {
    super('config.invalid', { detail: `${setting}: ${problem}`, params: { setting, problem } });
    this.setting = setting;
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
  'KIOSK_WEB_PORT',
] as const;

/** The config file's shape (data dir/config.json). Every key optional; unknown keys are an error. */
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
        requestTimeoutMs: z.number().int().min(1000).max(120000),
        enquiryTimeoutMs: z.number().int().min(5000).max(300000),
      })
      .partial()
      .strict(),
    rd: z
      .object({
        host: z.string(),
        ports: z.string(),
        captureTimeoutMs: z.number().int().min(3000).max(60000),
      })
      .partial()
      .strict(),
    webPort: z.number().int(),
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

/** Reads and checks the whole configuration. Throws ConfigError naming the bad setting. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): KioskConfig {
  const dataDir = resolveDataDir(env, options.dataDir);
  const file =
    options.fileContent !== undefined ? checkConfigFile(options.fileContent, path.join(dataDir, CONFIG_FILE_NAME)) : readConfigFile(dataDir);

  const profile = parseProfile(nonEmpty(env.KIOSK_PROFILE) ?? file.profile ?? 'demo');

  const envBaseUrl = nonEmpty(env.KIOSK_EKO_BASE_URL);
  const baseUrlRaw = envBaseUrl ?? file.eko?.baseUrl ?? (profile === 'demo' ? null : EKO_BASE_URLS[profile]);
  const baseUrl = baseUrlRaw === null ? null : parseBaseUrl(baseUrlRaw, envBaseUrl ? 'KIOSK_EKO_BASE_URL' : 'eko.baseUrl');

  const staging = profile === 'staging' ? EKO_STAGING_CREDENTIALS : null;
  const pick = (envName: (typeof ENV_NAMES)[number], fileValue: string | undefined, fallback: string | null) =>
    nonEmpty(env[envName]) ?? nonEmpty(fileValue) ?? fallback;

  // The demo profile talks to the sandbox, whose keys the sandbox hands over at start.
  const demoSandbox = profile === 'demo' && baseUrl === null;
  // An environment variable wins without decrypting anything: a key that no longer decrypts must not block it.
  const fileSecret = (name: 'developerKey' | 'accessKey', envName: (typeof ENV_NAMES)[number]) =>
    nonEmpty(env[envName]) ? undefined : fileSecretValue(file, name, options.decrypt);
  const developerKey = pick('KIOSK_EKO_DEVELOPER_KEY', fileSecret('developerKey', 'KIOSK_EKO_DEVELOPER_KEY'), staging?.developerKey ?? (demoSandbox ? '' : null));
  const accessKey = pick('KIOSK_EKO_ACCESS_KEY', fileSecret('accessKey', 'KIOSK_EKO_ACCESS_KEY'), staging?.accessKey ?? (demoSandbox ? '' : null));
  const initiatorId = pick('KIOSK_EKO_INITIATOR_ID', file.eko?.initiatorId, staging?.initiatorId ?? (profile === 'demo' ? '9962981729' : null));
  const userCode = pick('KIOSK_EKO_USER_CODE', file.eko?.userCode, staging?.userCode ?? (profile === 'demo' ? '20810200' : null));
  const required = { KIOSK_EKO_DEVELOPER_KEY: developerKey, KIOSK_EKO_ACCESS_KEY: accessKey, KIOSK_EKO_INITIATOR_ID: initiatorId, KIOSK_EKO_USER_CODE: userCode };
  for (const [name, value] of Object.entries(required)) {
    if (value === null) {
      throw new ConfigError(name, `is required for the ${profile} profile (set it, or enter it in the operator settings)`);
    }
  }
  if (!/^\d{10}$/.test(initiatorId!)) throw new ConfigError('KIOSK_EKO_INITIATOR_ID', 'must be the 10-digit registered mobile number');
  if (!/^\d{4,12}$/.test(userCode!)) throw new ConfigError('KIOSK_EKO_USER_CODE', 'must be the numeric user code Eko issued (e.g. 20810200)');

  const agentMobile = pick('KIOSK_AGENT_MOBILE', file.eko?.agentMobile, initiatorId)!;
  if (!/^[6-9]\d{9}$/.test(agentMobile)) throw new ConfigError('KIOSK_AGENT_MOBILE', 'must be a 10-digit mobile number starting 6–9');

  const latlong = pick('KIOSK_LATLONG', file.eko?.latlong, '28.6139,77.2090')!;
  parseLatLong(latlong);

  const keyRaw = pick(
    'KIOSK_EKO_AADHAAR_KEY',
    file.eko?.aadhaarPublicKey,
    profile === 'staging' ? EKO_STAGING_AADHAAR_KEY : profile === 'production' ? EKO_PRODUCTION_AADHAAR_KEY : null,
  );
  if (keyRaw === null && !demoSandbox) {
    throw new ConfigError('KIOSK_EKO_AADHAAR_KEY', "is required when talking to an Eko server other than the built-in sandbox (Eko's RSA public key, base64 DER or PEM)");
  }
  if (keyRaw !== null) checkPublicKeyText(keyRaw);

  const rdHost = nonEmpty(env.KIOSK_RD_HOST) ?? file.rd?.host ?? '127.0.0.1';
  if (!isLoopbackHost(rdHost)) throw new ConfigError('KIOSK_RD_HOST', `"${rdHost}" is not this PC: the RD service only runs on loopback (127.0.0.1 or localhost)`);
  const envPorts = nonEmpty(env.KIOSK_RD_PORTS);
  const portsText = envPorts ?? file.rd?.ports ?? '11100-11120';
  const ports = parsePorts(portsText, envPorts ? 'KIOSK_RD_PORTS' : 'rd.ports');

  const webPortText = nonEmpty(env.KIOSK_WEB_PORT) ?? (file.webPort !== undefined ? String(file.webPort) : '5178');
  const webPort = parsePort(webPortText, 'KIOSK_WEB_PORT', true);

  return {
    profile,
    dataDir,
    eko: {
      baseUrl,
      developerKey: developerKey!,
      accessKey: accessKey!,
      initiatorId: initiatorId!,
      userCode: userCode!,
      aadhaarPublicKey: keyRaw,
      agentMobile,
      latlong,
      requestTimeoutMs: file.eko?.requestTimeoutMs ?? 15000,
      enquiryTimeoutMs: file.eko?.enquiryTimeoutMs ?? 60000,
    },
    rd: {
      host: rdHost,
      ports,
      explicitPorts: envPorts !== undefined || (profile !== 'demo' ? true : file.rd?.ports !== undefined),
      captureTimeoutMs: file.rd?.captureTimeoutMs ?? 10000,
    },
    webPort,
    journalRetentionDays: file.journalRetentionDays ?? 90,
    receiptPaperMm: file.receiptPaperMm ?? 58,
  };
}

function nonEmpty(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}

/** A secret from the config file: the encrypted form, decrypted, or (hand-written files) the clear one. */
function fileSecretValue(file: ConfigFile, name: 'developerKey' | 'accessKey', decrypt: LoadConfigOptions['decrypt']): string | undefined {
  const setting = `eko.${name}`;
  const encrypted = nonEmpty(file.eko?.[`${name}Encrypted`]);
  if (encrypted === undefined) return file.eko?.[name];
  if (nonEmpty(file.eko?.[name]) !== undefined) {
    throw new ConfigError(setting, `is in the config file twice (clear and encrypted): remove eko.${name} and keep eko.${name}Encrypted`);
  }
  if (!decrypt) {
    throw new ConfigError(setting, 'is stored encrypted and this program cannot decrypt it: start the AePS Counter app, or set the KIOSK_EKO_* environment variable');
  }
  let plain: string;
  try {
    plain = decrypt(encrypted);
  } catch {
    // The usual cause: DPAPI ties the value to the Windows user and PC that saved it.
    throw new ConfigError(setting, 'cannot be decrypted on this PC or Windows user (was the data folder copied from elsewhere?): re-enter it in the operator settings');
  }
  if (nonEmpty(plain) === undefined) throw new ConfigError(setting, 'decrypts to nothing: re-enter it in the operator settings');
  return plain;
}

/** config.json as it is on disk ({} when there is none). Throws ConfigError when it is unreadable or malformed. */
export function readConfigFile(dataDir: string): ConfigFile {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  let text: string;
  try {
    text = fs.readFileSync(file, 'utf8');
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return {};
    throw new ConfigError(file, `cannot be read (${(err as Error).message})`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new ConfigError(file, `is not valid JSON (${(err as Error).message})`);
  }
  return checkConfigFile(json, file);
}

function checkConfigFile(json: unknown, file: string): ConfigFile {
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.join('.') || '(top level)';
    throw new ConfigError(`${file} → ${where}`, issue.message);
  }
  return parsed.data;
}

function parseProfile(value: string): Profile {
  const parsed = ProfileSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError('KIOSK_PROFILE', `"${value}" is not a profile; use demo, staging or production`);
  return parsed.data;
}

function parseBaseUrl(value: string, setting: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(setting, `"${value}" is not a URL (expected e.g. https://staging.eko.in/ekoapi/v3)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new ConfigError(setting, 'must start with https:// (or http:// for a local sandbox)');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw new ConfigError(setting, 'plain http is only allowed to a sandbox on this PC; use https:// for Eko');
  }
  return value.replace(/\/+$/, '');
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

function parsePort(text: string, setting: string, allowZero = false): number {
  if (!/^\d+$/.test(text)) throw new ConfigError(setting, `"${text}" is not a port number`);
  const port = Number(text);
  if (port > 65535 || (port === 0 && !allowZero)) throw new ConfigError(setting, `${port} is not a port number (1–65535)`);
  return port;
}

/** "11100-11120" or "11100,11102,11105" (ranges may appear inside the list). */
export function parsePorts(text: string, setting = 'KIOSK_RD_PORTS'): number[] {
  const ports = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const from = parsePort(range[1]!, setting);
      const to = parsePort(range[2]!, setting);
      if (to < from) throw new ConfigError(setting, `range "${part}" runs backwards`);
      if (to - from > 200) throw new ConfigError(setting, `range "${part}" is too wide (at most 200 ports)`);
      for (let p = from; p <= to; p++) ports.add(p);
    } else {
      ports.add(parsePort(part, setting));
    }
  }
  if (ports.size === 0) throw new ConfigError(setting, 'lists no ports (expected e.g. 11100-11120)');
  return [...ports];
}

function parseLatLong(text: string): void {
  const m = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(text.replace(/\s/g, ''));
  const lat = m ? Number(m[1]) : NaN;
  const long = m ? Number(m[2]) : NaN;
  if (!m || Math.abs(lat) > 90 || Math.abs(long) > 180) {
    throw new ConfigError('KIOSK_LATLONG', `"${text}" is not "latitude,longitude" (e.g. 28.6139,77.2090)`);
  }
}

function checkPublicKeyText(text: string): void {
  const body = text.replace(/-----(BEGIN|END) PUBLIC KEY-----/g, '').replace(/\s/g, '');
  if (!/^[A-Za-z0-9+/]+=*$/.test(body) || body.length < 100) {
    throw new ConfigError('KIOSK_EKO_AADHAAR_KEY', 'is not a base64 public key (SubjectPublicKeyInfo DER, or PEM)');
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
