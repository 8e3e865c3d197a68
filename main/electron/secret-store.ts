/**
 * The desktop app's SecretStore: Electron safeStorage, which is DPAPI on Windows
 * (the key is tied to the Windows user, so a config copied to another PC or user
 * cannot be decrypted there). Use only after app 'ready' (the shell boots after it).
 *
 * Wiring (main.ts): boot({ host: 'electron', dataDir, secretStore: createSafeStorageSecretStore(safeStorage) }).
 */
import type { SafeStorage } from 'electron';
import { KioskError } from '../../app/contract';
import type { SecretStore } from '../services/settings/secret-store';

export type SafeStorageLike = Pick<SafeStorage, 'isEncryptionAvailable' | 'encryptString' | 'decryptString'> &
  Partial<Pick<SafeStorage, 'getSelectedStorageBackend'>>;

export function createSafeStorageSecretStore(safeStorage: SafeStorageLike, platform: NodeJS.Platform = process.platform): SecretStore {
  const isAvailable = (): boolean => {
    if (!safeStorage.isEncryptionAvailable()) return false;
    // Linux without a keyring falls back to a hard-coded password: that is no protection at all.
    if (platform === 'linux' && safeStorage.getSelectedStorageBackend?.() === 'basic_text') return false;
    return true;
  };
  return {
    kind: 'os',
    isAvailable,
    encrypt(plain) {
      if (!isAvailable()) {
        throw new KioskError('settings.secretStorageUnavailable', { detail: 'safeStorage encryption is not available for this user' });
      }
      try {
        return safeStorage.encryptString(plain).toString('base64');
      } catch (err) {
        throw new KioskError('settings.secretStorageUnavailable', { detail: `safeStorage.encryptString failed: ${(err as Error).message}`, cause: err });
      }
    },
    decrypt(b64) {
      // Throws for a value from another user or PC; loadConfig turns that into a ConfigError naming the setting.
      return safeStorage.decryptString(Buffer.from(b64, 'base64'));
    },
  };
}
