import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAadhaarEncryptor } from '../../../main/services/eko/aadhaar-crypto';
import { EKO_PRODUCTION_AADHAAR_KEY, EKO_STAGING_AADHAAR_KEY } from '../../../main/services/config/eko-public-keys';
import { startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko/sandbox';
import { KioskError } from '../../../app/contract';

let sandbox: EkoSandbox;
beforeAll(async () => {
  sandbox = await startEkoSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

describe('Aadhaar encryption (RSA PKCS#1 v1.5, base64)', () => {
  it("is decrypted back to the number by the sandbox's private key", () => {
    const encrypt = createAadhaarEncryptor(sandbox.aadhaarPublicKey);
    for (const number of ['234567890124', '999941057058']) {
      const cipher = encrypt(number);
      expect(cipher).toMatch(/^[A-Za-z0-9+/]+=*$/);
      expect(Buffer.from(cipher, 'base64')).toHaveLength(128); // RSA-1024
      expect(sandbox.decryptAadhaar(cipher)).toBe(number);
    }
  });

  it('is randomised: the same number encrypts differently every time', () => {
    const encrypt = createAadhaarEncryptor(sandbox.aadhaarPublicKey);
    const ciphers = new Set(Array.from({ length: 5 }, () => encrypt('234567890124')));
    expect(ciphers.size).toBe(5);
    for (const c of ciphers) expect(sandbox.decryptAadhaar(c)).toBe('234567890124');
  });

  it('accepts the key as PEM too', () => {
    const der = Buffer.from(sandbox.aadhaarPublicKey, 'base64');
    const pem = crypto.createPublicKey({ key: der, format: 'der', type: 'spki' }).export({ type: 'spki', format: 'pem' }).toString();
    expect(sandbox.decryptAadhaar(createAadhaarEncryptor(pem)('234567890124'))).toBe('234567890124');
  });

  it("parses Eko's published staging and production keys", () => {
    for (const key of [EKO_STAGING_AADHAAR_KEY, EKO_PRODUCTION_AADHAAR_KEY]) {
      const cipher = createAadhaarEncryptor(key)('234567890124');
      expect(Buffer.from(cipher, 'base64')).toHaveLength(128);
      // Not our key: the sandbox cannot read it.
      expect(sandbox.decryptAadhaar(cipher)).not.toBe('234567890124');
    }
  });

  it('refuses a broken key as configuration, and a non-number without echoing it', () => {
    expect(() => createAadhaarEncryptor('bm90IGEga2V5')).toThrow(KioskError);
    try {
      createAadhaarEncryptor('bm90IGEga2V5');
    } catch (err) {
      expect((err as KioskError).code).toBe('config.invalid');
    }
    const encrypt = createAadhaarEncryptor(sandbox.aadhaarPublicKey);
    try {
      encrypt('23456789012x');
      expect.unreachable();
    } catch (err) {
      expect((err as KioskError).code).toBe('input.invalid');
      expect((err as KioskError).message).not.toContain('23456789012');
    }
  });
});
