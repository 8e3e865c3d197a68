/**
 * config.json in the data dir: its schema, reading it strictly (a malformed file is a ConfigError)
 * or leniently (its well-formed parts, and the problem), and its secrets (stored encrypted).
 */
import fs from 'node:fs';
import path from 'node:path';
import * as z from 'zod';
import { EKO_SETTING_FIELDS, EKO_SETTING_KEYS, MAIN_SIDE_WAITS_MS, ProfileSchema, type ConfigProblem, type EkoSettingKey, type SecretSettingKey } from '../../../app/contract';
import { ConfigError } from './errors';
import { CONFIG_FILE_NAME, fileSetting, nonEmpty } from './resolve';
import { isLoopbackHost, parsePorts, RD_HOST_PROBLEM } from './validate';

/** The config file's shape (data dir/config.json). Every key optional; unknown keys are an error. */

const SETTING_KEYS_IN_FILE = Object.fromEntries(
  EKO_SETTING_KEYS.flatMap((key) => (EKO_SETTING_FIELDS[key].secret ? [key, `${key}Encrypted`] : [key]).map((name) => [name, z.string()])),
) as { [K in EkoSettingKey]: z.ZodString } & { [K in SecretSettingKey as `${K}Encrypted`]: z.ZodString };

export const ConfigFileSchema = z
  .object({
    profile: ProfileSchema,
    eko: z
      .object({
        // Every declared setting as text (loadConfig checks each value and names its place), and each
        // secret also as <key>Encrypted: the operator settings store secrets only encrypted (DPAPI), base64.
        ...SETTING_KEYS_IN_FILE,
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


/** What loadConfig needs to read the file's secrets. */
export interface FileSecretOptions {
  /** Decrypts the file's *Encrypted secrets (the host's SecretStore). Throws when it cannot. */
  decrypt?: (base64: string) => string;
}

/** A secret from the config file: the encrypted form, decrypted, or (hand-written files) the clear one. */
export function fileSecretValue(file: ConfigFile, name: SecretSettingKey, decrypt: FileSecretOptions['decrypt']): string | undefined {
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

export function checkConfigFile(json: unknown, file: string): ConfigFile {
  const parsed = ConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const key = issue.path.join('.');
    throw new ConfigError(key ? fileSetting(key) : `${file} → (top level)`, issue.message, { source: 'file', key: key || null, reason: 'fileDamaged' });
  }
  return parsed.data;
}

