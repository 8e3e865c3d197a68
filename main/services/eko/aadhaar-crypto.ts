/**
 * The `aadhaar` body field: the 12-digit number RSA-encrypted with Eko's public key,
 * PKCS#1 v1.5 padding (Java's default "RSA" cipher), base64 out. Randomised padding:
 * the same number encrypts differently every time.
 */
import forge from 'node-forge';
import { KioskError } from '../../../app/contract';

export type AadhaarEncryptor = (aadhaar: string) => string;

/** Parses the key once (base64 SubjectPublicKeyInfo DER, or PEM) and returns the encryptor. */
export function createAadhaarEncryptor(publicKeyText: string): AadhaarEncryptor {
  const key = parsePublicKey(publicKeyText);
  return (aadhaar: string) => {
    if (!/^\d{12}$/.test(aadhaar)) {
      // Never put the value itself in the error: it may be a real number with a typo.
      throw new KioskError('input.invalid', { detail: 'aadhaar must be 12 digits', params: { field: 'aadhaar' } });
    }
    return forge.util.encode64(key.encrypt(aadhaar, 'RSAES-PKCS1-V1_5'));
  };
}

function parsePublicKey(text: string): forge.pki.rsa.PublicKey {
  try {
    const trimmed = text.trim();
    if (trimmed.startsWith('-----BEGIN')) {
      const key = forge.pki.publicKeyFromPem(trimmed) as forge.pki.rsa.PublicKey;
      if (typeof key.encrypt !== 'function') throw new Error('not an RSA key');
      return key;
    }
    const der = forge.util.decode64(trimmed.replace(/\s/g, ''));
    const key = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(der)) as forge.pki.rsa.PublicKey;
    if (typeof key.encrypt !== 'function') throw new Error('not an RSA key');
    return key;
  } catch (err) {
    throw new KioskError('config.invalid', {
      detail: `Aadhaar public key cannot be parsed: ${(err as Error).message}`,
      params: { setting: 'KIOSK_EKO_AADHAAR_KEY', problem: 'is not an RSA public key (base64 SubjectPublicKeyInfo DER, or PEM)' },
    });
  }
}
