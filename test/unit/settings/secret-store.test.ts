import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../app/contract';
import { createDevFileSecretStore, DEV_SECRET_KEY_FILE, unavailableSecretStore } from '../../../main/services/settings/secret-store';
import { createSafeStorageSecretStore, type SafeStorageLike } from '../../../main/electron/secret-store';
import { makeTempDir } from '../../support/temp-dir';

const SECRET = 'becbbce45f79c6f5109f848acd540567';

describe('dev-file secret store (web host, development only)', () => {
  it('round-trips, randomised, never showing the clear text, with a 0600 key file', () => {
    const dir = makeTempDir();
    const store = createDevFileSecretStore(dir);
    expect(store.kind).toBe('dev-file');
    const a = store.encrypt(SECRET);
    const b = store.encrypt(SECRET);
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[A-Za-z0-9+/]+=*$/);
    expect(Buffer.from(a, 'base64').toString('latin1')).not.toContain(SECRET);
    expect(store.decrypt(a)).toBe(SECRET);
    // A new process (new store) with the same data dir reads it: the key is on disk.
    expect(createDevFileSecretStore(dir).decrypt(b)).toBe(SECRET);
    const keyFile = path.join(dir, DEV_SECRET_KEY_FILE);
    expect(Buffer.from(fs.readFileSync(keyFile, 'utf8'), 'base64')).toHaveLength(32);
    if (process.platform !== 'win32') expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
  });

  it('refuses an altered value, another data dir, and a value from another store', () => {
    const dir = makeTempDir();
    const store = createDevFileSecretStore(dir);
    const blob = Buffer.from(store.encrypt(SECRET), 'base64');
    const tampered = Buffer.from(blob);
    tampered[tampered.length - 1]! ^= 0x01;
    expect(() => store.decrypt(tampered.toString('base64'))).toThrow();
    const tag = Buffer.from(blob);
    tag[20]! ^= 0x01;
    expect(() => store.decrypt(tag.toString('base64'))).toThrow();
    expect(() => createDevFileSecretStore(makeTempDir()).decrypt(blob.toString('base64'))).toThrow(/no \.dev-secret-key/);
    const other = createDevFileSecretStore(makeTempDir());
    other.encrypt('x'); // makes its own, different key
    expect(() => other.decrypt(blob.toString('base64'))).toThrow();
    expect(() => store.decrypt(Buffer.from('DPAPI-blob-from-electron').toString('base64'))).toThrow(/not a value encrypted/);
  });

  it('a store that cannot store says so with a contract error', () => {
    const store = unavailableSecretStore();
    expect(store.isAvailable()).toBe(false);
    expect(() => store.encrypt(SECRET)).toThrow(expect.objectContaining({ code: 'settings.secretStorageUnavailable' }));
  });
});

/** Electron safeStorage stand-in: XOR "encryption" tied to a user id, like DPAPI to a Windows user. */
function standInSafeStorage(user: number, options: { available?: boolean; backend?: 'basic_text' | 'gnome_libsecret' } = {}): SafeStorageLike {
  const xor = (buf: Buffer) => Buffer.from(buf.map((b) => b ^ user));
  return {
    isEncryptionAvailable: () => options.available ?? true,
    encryptString: (plain: string) => Buffer.concat([Buffer.from('v10'), xor(Buffer.from(plain, 'utf8'))]),
    decryptString: (encrypted: Buffer) => {
      if (encrypted.subarray(0, 3).toString() !== 'v10') throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      const text = xor(encrypted.subarray(3)).toString('utf8');
      if (!/^[\x20-\x7e]*$/.test(text)) throw new Error('Error while decrypting the ciphertext provided to safeStorage.decryptString.');
      return text;
    },
    getSelectedStorageBackend: () => options.backend ?? 'gnome_libsecret',
  };
}

describe('Electron safeStorage secret store', () => {
  it('round-trips through safeStorage as base64', () => {
    const store = createSafeStorageSecretStore(standInSafeStorage(0x5a), 'win32');
    expect(store.kind).toBe('os');
    expect(store.isAvailable()).toBe(true);
    const b64 = store.encrypt(SECRET);
    expect(Buffer.from(b64, 'base64').subarray(0, 3).toString()).toBe('v10');
    expect(b64).not.toContain(SECRET);
    expect(store.decrypt(b64)).toBe(SECRET);
  });

  it('a value from another Windows user does not decrypt', () => {
    const b64 = createSafeStorageSecretStore(standInSafeStorage(0x5a), 'win32').encrypt(SECRET);
    expect(() => createSafeStorageSecretStore(standInSafeStorage(0x33), 'win32').decrypt(b64)).toThrow();
  });

  it('unavailable encryption, or Linux without a keyring, refuses to encrypt', () => {
    for (const store of [
      createSafeStorageSecretStore(standInSafeStorage(1, { available: false }), 'win32'),
      createSafeStorageSecretStore(standInSafeStorage(1, { backend: 'basic_text' }), 'linux'),
    ]) {
      expect(store.isAvailable()).toBe(false);
      let error: unknown;
      try {
        store.encrypt(SECRET);
      } catch (err) {
        error = err;
      }
      expect(error).toBeInstanceOf(KioskError);
      expect((error as KioskError).code).toBe('settings.secretStorageUnavailable');
    }
    // basic_text only matters on Linux: Windows always uses DPAPI.
    expect(createSafeStorageSecretStore(standInSafeStorage(1, { backend: 'basic_text' }), 'win32').isAvailable()).toBe(true);
  });
});
