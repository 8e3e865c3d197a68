/**
 * Configuration: profile defaults, then the config file in the data dir, then
 * KIOSK_* environment variables. A bad value is a ConfigError naming the place it
 * came from (KIOSK_LATLONG, or config.json → eko.latlong) and what is wrong with it.
 * A bad environment stops start-up; bad saved settings start the training profile
 * and ask the operator to fix them (loadStartupConfig).
 */
import os from 'node:os';
import path from 'node:path';
import {
  EKO_SETTING_FIELDS,
  EKO_SETTING_KEYS,
  EkoEditionSchema,
  MAIN_SIDE_WAITS_MS,
  settingConfigKey,
  type EkoEdition,
  type EkoSettingKey,
  type Profile,
  type SecretSettingKey,
} from '../../../app/contract';
import { EKO_PRODUCTION_AADHAAR_KEY, EKO_STAGING_AADHAAR_KEY, EKO_STAGING_CREDENTIALS } from './eko-public-keys';
import { ConfigError } from './errors';
import { checkConfigFile, fileSecretValue, readConfigFile, type ConfigFile, type FileSecretOptions } from './config-file';
import { CONFIG_FILE_NAME, nonEmpty, resolveSetting, type Env, type Sourced } from './resolve';
import { DEFAULT_LATLONG, checkPublicKey, invalid, isLoopbackHost, parseBaseUrl, parseLatLong, parsePort, parsePorts, parseProfile, RD_HOST_PROBLEM } from './validate';

// Split by job: resolve.ts (where a value comes from), validate.ts (one value's checks), config-file.ts
// (config.json), startup.ts (start-up's tolerance of bad saved settings). These re-exports keep one import path.
export { ConfigError, type ConfigSource } from './errors';
export { CONFIG_FILE_NAME, resolveSetting, type Env } from './resolve';
export { isLoopbackHost, parsePorts, ekoHostAllowed, EKO_HOSTS } from './validate';
export { readConfigFile, readConfigFileLenient, type ConfigFile } from './config-file';

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
  /** The shop's name and address for receipts; '' when not set. */
  shopName: string;
  shopAddress: string;
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

/** Every KIOSK_* variable the configuration reads: the operator settings' (declared once, in the contract) and the PC's own. */
export const ENV_NAMES = [
  'KIOSK_PROFILE',
  'KIOSK_DATA_DIR',
  ...EKO_SETTING_KEYS.map((key) => EKO_SETTING_FIELDS[key].env),
  'KIOSK_RD_HOST',
  'KIOSK_RD_PORTS',
  'KIOSK_WEB_PORT',
] as const;

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

/**
 * An operator setting's value as its declaration (app/contract/settings-fields.ts) says to read it:
 * its KIOSK_* variable, else config.json's eko.<key> (a secret decrypted), else the fallback (the
 * profile's built-in value; null: none). Only read here, not checked: loadConfig checks each value.
 */
export function readEkoSetting(env: Env, file: ConfigFile, decrypt: FileSecretOptions['decrypt'], key: EkoSettingKey, fallback: string | null = null): Sourced | null {
  const field = EKO_SETTING_FIELDS[key];
  // A set variable wins without decrypting anything: a key that no longer decrypts must not block it.
  const fileValue = !field.secret ? file.eko?.[key] : nonEmpty(env[field.env]) !== undefined ? undefined : fileSecretValue(file, key as SecretSettingKey, decrypt);
  return resolveSetting(env, field.env, settingConfigKey(key), fileValue, fallback);
}

/** Reads and checks the whole configuration. Throws ConfigError naming the bad setting. */
export function loadConfig(env: Env = process.env, options: LoadConfigOptions = {}): KioskConfig {
  const dataDir = resolveDataDir(env, options.dataDir);
  const file =
    options.fileContent !== undefined ? checkConfigFile(options.fileContent, path.join(dataDir, CONFIG_FILE_NAME)) : readConfigFile(dataDir);

  /** The environment's value, else the file's, else the fallback (null: none): one precedence, resolveSetting's. */
  const pick = (envName: (typeof ENV_NAMES)[number], key: string, fileValue: string | undefined, fallback: string | null): Sourced | null =>
    resolveSetting(env, envName, key, fileValue, fallback);
  /** An operator setting, read as it is declared (the same precedence). */
  const setting = (key: EkoSettingKey, fallback: string | null = null): Sourced | null => readEkoSetting(env, file, options.decrypt, key, fallback);
  /** A setting this profile has no value for: the error names its variable and its config.json key. */
  const missing = (key: EkoSettingKey, problem: string) =>
    new ConfigError(EKO_SETTING_FIELDS[key].env, problem, { source: 'none', key: settingConfigKey(key), reason: 'missing' });

  const envProfile = nonEmpty(env.KIOSK_PROFILE);
  const profile = envProfile !== undefined ? parseProfile(envProfile) : (file.profile ?? 'demo');

  const baseUrlSet = setting('baseUrl');
  const baseUrl = baseUrlSet ? parseBaseUrl(baseUrlSet, profile) : profile === 'demo' ? null : EKO_BASE_URLS[profile];

  const staging = profile === 'staging' ? EKO_STAGING_CREDENTIALS : null;
  // The demo profile talks to the sandbox, whose keys the sandbox hands over at start.
  const demoSandbox = profile === 'demo' && baseUrl === null;
  const developerKey = setting('developerKey', staging?.developerKey ?? (demoSandbox ? '' : null));
  const accessKey = setting('accessKey', staging?.accessKey ?? (demoSandbox ? '' : null));
  const initiatorId = setting('initiatorId', staging?.initiatorId ?? (profile === 'demo' ? '9962981729' : null));
  const userCode = setting('userCode', staging?.userCode ?? (profile === 'demo' ? '20810200' : null));
  const required = { developerKey, accessKey, initiatorId, userCode };
  for (const key of Object.keys(required) as Array<keyof typeof required>) {
    if (required[key] === null) throw missing(key, `is required for the ${profile} profile (set it, or enter it in the operator settings)`);
  }
  // Each value checked by its declared rule (the form checks the same), worded for the config's reader.
  const breaks = (key: 'initiatorId' | 'userCode' | 'agentMobile', value: Sourced) => EKO_SETTING_FIELDS[key].check(value.value) !== null;
  if (breaks('initiatorId', initiatorId!)) throw invalid(initiatorId!, 'must be the 10-digit registered mobile number');
  if (breaks('userCode', userCode!)) throw invalid(userCode!, 'must be the numeric user code Eko issued (e.g. 20810200)');

  const agentMobileSet = setting('agentMobile');
  const agentMobile = agentMobileSet ?? initiatorId!;
  if (breaks('agentMobile', agentMobile)) {
    throw agentMobileSet
      ? invalid(agentMobileSet, 'must be a 10-digit mobile number starting 6–9')
      : // No agent mobile set: the initiator id stands in for it, so name that (the fix is the agent mobile).
        invalid({ ...initiatorId!, key: 'eko.agentMobile' }, 'is also used as the agent mobile, which must start 6–9: set the agent mobile (KIOSK_AGENT_MOBILE or the operator settings)');
  }

  const latlong = parseLatLong(setting('latlong', DEFAULT_LATLONG)!);
  // The shop's own texts for its receipts: optional, checked by their declared schema.
  const shopSetting = (key: 'shopName' | 'shopAddress'): string => {
    const set = setting(key);
    if (set === null) return '';
    const field = EKO_SETTING_FIELDS[key];
    if (!field.schema.safeParse(set.value).success) throw invalid(set, `is longer than ${field.form.maxLength} characters`);
    return set.value;
  };
  const shopName = shopSetting('shopName');
  const shopAddress = shopSetting('shopAddress');
  const editionSet = setting('edition', 'spec')!;
  const edition = EkoEditionSchema.safeParse(editionSet.value);
  if (!edition.success) throw invalid(editionSet, `"${editionSet.value}" is not a request edition: spec (the spec pages) or current (Eko's current docs)`);

  const key = setting('aadhaarPublicKey', profile === 'staging' ? EKO_STAGING_AADHAAR_KEY : profile === 'production' ? EKO_PRODUCTION_AADHAAR_KEY : null);
  if (key === null && !demoSandbox) {
    throw missing('aadhaarPublicKey', "is required when talking to an Eko server other than the built-in sandbox (Eko's RSA public key, base64 DER or PEM)");
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
      shopName,
      shopAddress,
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
