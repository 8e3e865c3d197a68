/**
 * Where each setting's value comes from, in one place: a KIOSK_* variable, else config.json (the
 * operator settings), else the profile's built-in value. Pure and never throws: loadConfig checks
 * the value it picks, and the settings screen's view of saved settings uses the same order.
 */
import type { ConfigSource } from './errors';

export const CONFIG_FILE_NAME = 'config.json';

export type Env = Partial<Record<string, string | undefined>>;

/** A setting's value and where it came from, so that an error names the place to fix it. */
export interface Sourced {
  value: string;
  setting: string;
  source: ConfigSource;
  key: string;
}
export type Where = Omit<Sourced, 'value'>;

/** How an error names a key of config.json. */
export function fileSetting(key: string): string {
  return `${CONFIG_FILE_NAME} → ${key}`;
}



export function nonEmpty(value: string | undefined | null): string | undefined {
  if (value === undefined || value === null) return undefined;
  const trimmed = value.trim();
  return trimmed === '' ? undefined : trimmed;
}


/**
 * A setting's value by precedence: the environment's, else the file's, else the fallback (the
 * profile's built-in value; null: none). Blank counts as not set.
 */
export function resolveSetting(env: Env, envName: string, key: string, fileValue: string | undefined | null, fallback: string | null): Sourced | null {
  const fromEnv = nonEmpty(env[envName]);
  if (fromEnv !== undefined) return { value: fromEnv, setting: envName, source: 'env', key };
  const fromFile = nonEmpty(fileValue);
  if (fromFile !== undefined) return { value: fromFile, setting: fileSetting(key), source: 'file', key };
  return fallback === null ? null : { value: fallback, setting: envName, source: 'none', key };
}
