/**
 * Where the operator's Eko keys are encrypted at rest. The config file only ever
 * holds what encrypt() returns (base64); the clear keys live in the main process.
 *
 * - 'os': the desktop app's store, Electron safeStorage = DPAPI on Windows, tied to
 *   the Windows user (main/electron/secret-store.ts).
 * - 'dev-file': the web host's store, for development and tests ONLY. AES-256-GCM
 *   with a random key in <dataDir>/.dev-secret-key (mode 0600). Anyone who can read
 *   the data dir can decrypt: much weaker than DPAPI, never for a real counter.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KioskError } from '../../../app/contract';

export interface SecretStore {
  kind: 'os' | 'dev-file';
  /** False when encrypt() would fail (e.g. no OS keychain for this user). */
  isAvailable(): boolean;
  /** Base64 ciphertext. Throws settings.secretStorageUnavailable when the store cannot encrypt. */
  encrypt(plain: string): string;
  /** Throws when the value was not made by this store (another PC, user or key file) or was altered. */
  decrypt(b64: string): string;
}

export const DEV_SECRET_KEY_FILE = '.dev-secret-key';

// Version tag in front of every dev-file blob, so a value from another store fails clearly.
const MAGIC = Buffer.from('KDS1');
const IV_BYTES = 12;
const TAG_BYTES = 16;

export function createDevFileSecretStore(dataDir: string): SecretStore {
  const keyFile = path.join(dataDir, DEV_SECRET_KEY_FILE);
  let key: Buffer | null = null;

  function readKey(): Buffer | null {
    try {
      const k = Buffer.from(fs.readFileSync(keyFile, 'utf8').trim(), 'base64');
      if (k.length !== 32) throw new Error(`${DEV_SECRET_KEY_FILE} is not a 32-byte key`);
      return k;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'ENOENT') return null;
      throw err;
    }
  }

  function loadOrCreateKey(): Buffer {
    if (key) return key;
    key = readKey();
    if (key) return key;
    fs.mkdirSync(dataDir, { recursive: true });
    try {
      // 'wx': two processes starting at once must not each write a different key.
      fs.writeFileSync(keyFile, crypto.randomBytes(32).toString('base64'), { mode: 0o600, flag: 'wx' });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    key = readKey();
    if (!key) throw new Error(`${DEV_SECRET_KEY_FILE} could not be created`);
    return key;
  }

  return {
    kind: 'dev-file',
    isAvailable: () => {
      try {
        loadOrCreateKey();
        return true;
      } catch {
        return false;
      }
    },
    encrypt(plain) {
      let k: Buffer;
      try {
        k = loadOrCreateKey();
      } catch (err) {
        throw new KioskError('settings.secretStorageUnavailable', { detail: `dev-file key: ${(err as Error).message}`, cause: err });
      }
      const iv = crypto.randomBytes(IV_BYTES);
      const cipher = crypto.createCipheriv('aes-256-gcm', k, iv);
      cipher.setAAD(MAGIC);
      const body = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return Buffer.concat([MAGIC, iv, cipher.getAuthTag(), body]).toString('base64');
    },
    decrypt(b64) {
      const blob = Buffer.from(b64, 'base64');
      if (blob.length < MAGIC.length + IV_BYTES + TAG_BYTES || !blob.subarray(0, MAGIC.length).equals(MAGIC)) {
        throw new Error('not a value encrypted by the development key file');
      }
      // No key file: it was made with another data dir's key (or the key was deleted).
      const k = key ?? readKey();
      if (!k) throw new Error(`no ${DEV_SECRET_KEY_FILE} in the data dir`);
      key = k;
      const iv = blob.subarray(MAGIC.length, MAGIC.length + IV_BYTES);
      const tag = blob.subarray(MAGIC.length + IV_BYTES, MAGIC.length + IV_BYTES + TAG_BYTES);
      const decipher = crypto.createDecipheriv('aes-256-gcm', k, iv);
      decipher.setAAD(MAGIC);
      decipher.setAuthTag(tag);
      // final() throws when the value or its tag was altered, or the key differs.
      return Buffer.concat([decipher.update(blob.subarray(MAGIC.length + IV_BYTES + TAG_BYTES)), decipher.final()]).toString('utf8');
    },
  };
}

/** A store that cannot store: the Electron host before its store is wired in. Saving a key fails clearly. */
export function unavailableSecretStore(kind: SecretStore['kind'] = 'os'): SecretStore {
  const fail = (): never => {
    throw new KioskError('settings.secretStorageUnavailable', { detail: 'no secret store was given to this host' });
  };
  return { kind, isAvailable: () => false, encrypt: fail, decrypt: fail };
}
