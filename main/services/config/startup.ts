/**
 * Start-up's configuration: a bad environment stops start-up, bad saved settings start the
 * training profile with the problem to fix (the operator settings then ask for it); the data dir
 * made and checked before anything is put there.
 */
import fs from 'node:fs';
import { EKO_STAGING_AADHAAR_KEY } from './eko-public-keys';
import { ConfigError } from './errors';
import { readConfigFileLenient, type ConfigFile } from './config-file';
import { loadConfig, resolveDataDir, type KioskConfig, type LoadConfigOptions } from './config';
import { nonEmpty, type Env } from './resolve';
import { OWNER_DIR } from '../owner-only';

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
    // Readable by this user only where the OS has modes: it holds the journal, logs, keys (encrypted) and exports.
    fs.mkdirSync(dir, { recursive: true, mode: OWNER_DIR });
    if (process.platform !== 'win32') fs.chmodSync(dir, OWNER_DIR);
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

