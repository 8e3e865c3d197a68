/** Signed (and badly signed) releases for the updater tests: keys, latest.yml, latest.yml.sig, an installer. */
import crypto from 'node:crypto';
import { createReleaseSignature, publicKeyToBase64, sha512Base64 } from '../../../main/electron/update-signature';

export interface TestKeys {
  publicKey: string;
  privateKey: crypto.KeyObject;
}

export function makeKeys(): TestKeys {
  const pair = crypto.generateKeyPairSync('ed25519');
  return { publicKey: publicKeyToBase64(pair.publicKey), privateKey: pair.privateKey };
}

export interface TestRelease {
  version: string;
  file: string;
  installer: Buffer;
  sha512: string;
  /** latest.yml as electron-builder writes it. */
  metadata: Buffer;
  /** latest.yml.sig, or null when made unsigned. */
  signature: string | null;
}

export function latestYml(version: string, file: string, sha512: string, size: number): Buffer {
  return Buffer.from(
    `version: ${version}\nfiles:\n  - url: ${file}\n    sha512: ${sha512}\n    size: ${size}\npath: ${file}\nsha512: ${sha512}\nreleaseDate: '2026-12-01T10:00:00.000Z'\n`,
  );
}

export function makeRelease(version: string, keys: TestKeys | null, installer = crypto.randomBytes(64 * 1024 + 123)): TestRelease {
  const file = `AePS-Counter-Setup-${version}.exe`;
  const sha512 = sha512Base64(installer);
  const metadata = latestYml(version, file, sha512, installer.length);
  const signature = keys
    ? createReleaseSignature(
        { version, file, size: installer.length, sha512, metadataFile: 'latest.yml', metadataSha512: sha512Base64(metadata) },
        keys.privateKey,
      )
    : null;
  return { version, file, installer, sha512, metadata, signature };
}
