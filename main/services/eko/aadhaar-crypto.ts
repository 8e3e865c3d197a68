/**
 * The `aadhaar` body field: the 12-digit number RSA-encrypted with Eko's public key,
 * PKCS#1 v1.5 padding (Java's default "RSA" cipher), base64 out. Randomised padding:
 * the same number encrypts differently every time.
 */
import forge from 'node-forge';
import { KioskError } from '../../../app/contract';

type AadhaarEncryptor = (aadhaar: string) => string;

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
    return readRsaPublicKey(text);
  } catch (err) {
    throw new KioskError('config.invalid', {
      detail: `Aadhaar public key cannot be parsed: ${(err as Error).message}`,
      params: { setting: 'KIOSK_EKO_AADHAAR_KEY', problem: AADHAAR_KEY_PROBLEM },
    });
  }
}

/** The shortest RSA key accepted for the Aadhaar number (Eko's published keys are 1024 bits). */
const MIN_AADHAAR_KEY_BITS = 1024;

/** What is wrong with a key readRsaPublicKey refuses, in the words configuration errors use. */
const AADHAAR_KEY_PROBLEM = 'is not an RSA public key (base64 DER or PEM)';
const AADHAAR_KEY_TOO_SHORT = `is an RSA key shorter than ${MIN_AADHAAR_KEY_BITS} bits: Eko's published keys are RSA-${MIN_AADHAAR_KEY_BITS}`;

/** The configuration problem of a key readRsaPublicKey refused with this error. */
export function aadhaarKeyProblem(err: unknown): string {
  return err instanceof Error && err.message.startsWith('shorter than') ? AADHAAR_KEY_TOO_SHORT : AADHAAR_KEY_PROBLEM;
}

/**
 * Eko's RSA public key from its text: PEM ("PUBLIC KEY" or "RSA PUBLIC KEY"), or base64 DER
 * (SubjectPublicKeyInfo or PKCS#1). Throws forge's own error when it is not one; configuration
 * checks call it too, so a bad key is refused at start-up and not at the first enquiry.
 */
export function readRsaPublicKey(text: string): forge.pki.rsa.PublicKey {
  const trimmed = text.trim();
  let key: forge.pki.PublicKey;
  if (trimmed.startsWith('-----BEGIN')) {
    key = forge.pki.publicKeyFromPem(trimmed);
  } else {
    const body = trimmed.replace(/\s/g, '');
    // forge's base64 decoder skips stray characters: refuse them here instead.
    if (!/^[A-Za-z0-9+/]+=*$/.test(body)) throw new Error('not base64');
    key = forge.pki.publicKeyFromAsn1(forge.asn1.fromDer(forge.util.decode64(body)));
  }
  if (typeof (key as forge.pki.rsa.PublicKey).encrypt !== 'function') throw new Error('not an RSA key');
  // Eko's published keys are RSA-1024: a shorter one is not Eko's, and protects nothing.
  if ((key as forge.pki.rsa.PublicKey).n.bitLength() < MIN_AADHAAR_KEY_BITS) throw new Error(`shorter than ${MIN_AADHAAR_KEY_BITS} bits`);
  return key as forge.pki.rsa.PublicKey;
}
