import { describe, expect, it } from 'vitest';
import {
  UpdateRefusedError,
  isAcceptableFeedUrl,
  isNewerVersion,
  keyIdOf,
  resolveUpdateFeed,
  updateInfoMismatch,
  verifyReleaseSignature,
} from '../../../main/electron/update-signature';
import { UPDATE_SIGNING_PUBLIC_KEYS } from '../../../main/electron/update-signing-key';
import { publicKeyFromBase64 } from '../../../main/electron/update-signature';
import { makeKeys, makeRelease } from './update-feed-fixture';

const keys = makeKeys();

function verify(metadata: Buffer, signature: string, publicKeys = [keys.publicKey]) {
  return verifyReleaseSignature({ metadata, signature, publicKeys });
}

describe('release signatures', () => {
  it('a good signature vouches for the version, installer name, size and sha512', () => {
    const r = makeRelease('0.2.0', keys);
    const signed = verify(r.metadata, r.signature!);
    expect(signed).toMatchObject({ version: '0.2.0', file: r.file, size: r.installer.length, sha512: r.sha512, keyId: keyIdOf(keys.publicKey) });
  });

  it('refuses another key, a changed byte anywhere, and a truncated or missing signature', () => {
    const r = makeRelease('0.2.0', keys);
    const other = makeKeys();
    expect(() => verify(r.metadata, r.signature!, [other.publicKey])).toThrow(/unknown key/);
    // Same key id, forged with another key.
    const forged = makeRelease('0.2.0', other).signature!.replace(/^key: .*$/m, `key: ${keyIdOf(keys.publicKey)}`);
    expect(() => verify(r.metadata, forged)).toThrow(/does not verify/);
    expect(() => verify(r.metadata, r.signature!.replace('size: ', 'size: 1'))).toThrow(/does not verify/);
    expect(() => verify(Buffer.concat([r.metadata, Buffer.from('#\n')]), r.signature!)).toThrow(UpdateRefusedError);
    expect(() => verify(r.metadata, r.signature!.replace(/signature: .*\n$/, ''))).toThrow(/malformed/);
    expect(() => verify(r.metadata, '')).toThrow(/malformed/);
  });

  it('refuses an old release signature replayed next to a new latest.yml', () => {
    const old = makeRelease('0.2.0', keys);
    const current = makeRelease('0.3.0', keys);
    expect(() => verify(current.metadata, old.signature!)).toThrow(/for version 0\.2\.0 but latest\.yml offers 0\.3\.0/);
  });

  it('compares electron-updater update info with what was signed', () => {
    const r = makeRelease('0.2.0', keys);
    const signed = verify(r.metadata, r.signature!);
    const info = { version: '0.2.0', files: [{ url: r.file, sha512: r.sha512, size: r.installer.length }], path: r.file, sha512: r.sha512 };
    expect(updateInfoMismatch(info, signed)).toBeNull();
    expect(updateInfoMismatch({ ...info, version: '0.2.1' }, signed)).toMatch(/0\.2\.1/);
    expect(updateInfoMismatch({ ...info, files: [{ ...info.files[0]!, sha512: 'x' }] }, signed)).toMatch(/sha512/);
    expect(updateInfoMismatch({ ...info, files: [{ ...info.files[0]!, url: 'other.exe' }] }, signed)).toMatch(/other\.exe/);
    expect(updateInfoMismatch({ ...info, files: [...info.files, { url: 'x.7z', sha512: 'y' }] }, signed)).not.toBeNull();
    expect(updateInfoMismatch({ ...info, sha512: 'x' }, signed)).not.toBeNull();
    expect(updateInfoMismatch(null, signed)).not.toBeNull();
  });
});

describe('update feeds', () => {
  it('release builds take only an HTTPS feed; KIOSK_UPDATE_URL only a loopback one', () => {
    expect(resolveUpdateFeed({ built: 'https://updates.eko.in/aeps' })).toEqual({ url: 'https://updates.eko.in/aeps/', problems: [] });
    expect(resolveUpdateFeed({ built: 'http://updates.eko.in/aeps/' }).url).toBeNull();
    expect(resolveUpdateFeed({ built: 'ftp://updates.eko.in/' }).url).toBeNull();
    expect(resolveUpdateFeed({ built: null }).url).toBeNull();
    expect(resolveUpdateFeed({ override: 'http://127.0.0.1:8123/feed', built: 'https://updates.eko.in/aeps/' }).url).toBe('http://127.0.0.1:8123/feed/');
    expect(resolveUpdateFeed({ override: 'http://localhost:8123/', built: null }).url).toBe('http://localhost:8123/');
    const evil = resolveUpdateFeed({ override: 'https://evil.example.com/', built: 'https://updates.eko.in/aeps/' });
    expect(evil.url).toBe('https://updates.eko.in/aeps/');
    expect(evil.problems.join()).toMatch(/KIOSK_UPDATE_URL is ignored/);
    expect(resolveUpdateFeed({ override: 'http://10.0.0.5/', built: null }).url).toBeNull();
    expect(isAcceptableFeedUrl('https://user:pw@updates.eko.in/')).toBe(false);
    expect(isAcceptableFeedUrl('http://127.0.0.1.evil.com/')).toBe(false);
  });

  it('compares versions like semver', () => {
    expect(isNewerVersion('0.2.0', '0.1.0')).toBe(true);
    expect(isNewerVersion('0.10.0', '0.9.9')).toBe(true);
    expect(isNewerVersion('0.1.0', '0.1.0')).toBe(false);
    expect(isNewerVersion('0.1.0', '0.2.0')).toBe(false);
    expect(isNewerVersion('0.2.0', '0.2.0-beta.1')).toBe(true);
    expect(isNewerVersion('0.2.0-beta.2', '0.2.0')).toBe(false);
    expect(isNewerVersion('garbage', '0.1.0')).toBe(false);
  });

  it('the app carries a valid Ed25519 release key (and no private key)', () => {
    expect(UPDATE_SIGNING_PUBLIC_KEYS.length).toBeGreaterThan(0);
    for (const key of UPDATE_SIGNING_PUBLIC_KEYS) expect(publicKeyFromBase64(key).asymmetricKeyType).toBe('ed25519');
  });
});
