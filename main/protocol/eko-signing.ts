/**
 * Eko's request signature, the one rule both the client (main/services/eko) and the sandbox
 * (main/simulators/eko) follow, so neither imports the other (shared/reference/eko-platform-notes.md, "Request signing"):
 *   secret-key = base64( HMAC-SHA256( key = base64(access_key) as text, message = timestamp ) )
 * The base64 STRING of the access key is the HMAC key; it is not decoded back to bytes.
 */
import crypto from 'node:crypto';

interface EkoSignedHeaders {
  developer_key: string;
  'secret-key': string;
  'secret-key-timestamp': string;
  'content-type': 'application/json';
}

/** The secret-key header for one timestamp (ms since epoch, as Eko's clock sees it). */
export function ekoSecretKey(accessKey: string, timestampMs: number | string): string {
  const encodedKey = Buffer.from(accessKey, 'utf8').toString('base64');
  return crypto.createHmac('sha256', encodedKey).update(String(timestampMs)).digest('base64');
}

/** All four headers Eko requires on every call. */
export function ekoHeaders(developerKey: string, accessKey: string, timestampMs: number): EkoSignedHeaders {
  const timestamp = String(Math.trunc(timestampMs));
  return {
    developer_key: developerKey,
    'secret-key': ekoSecretKey(accessKey, timestamp),
    'secret-key-timestamp': timestamp,
    'content-type': 'application/json',
  };
}

/** Constant-time comparison of two signatures (the sandbox's check). */
export function sameSignature(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}
