/**
 * Redaction applied to every log line before it is written anywhere.
 * Aadhaar numbers, PID blocks and secrets must never reach a file or a console.
 */

// What may sit between the groups of an Aadhaar number or VID as people and programs write them:
// spaces (one or two), dashes, dots, and the URL-encoded forms of a space or dash (%20, +, %2D).
const GROUP_SEP = String.raw`(?:[\s.\-]{1,2}|%20|%2[dD]|\+)?`;
// 12 digits (optionally grouped 4-4-4) starting 2–9, not part of a longer number.
const AADHAAR = new RegExp(String.raw`(?<![\d])[2-9]\d{3}${GROUP_SEP}\d{4}${GROUP_SEP}\d{4}(?![\d])`, 'g');
// 16-digit Virtual IDs.
const VID = new RegExp(String.raw`(?<![\d])\d{4}${GROUP_SEP}\d{4}${GROUP_SEP}\d{4}${GROUP_SEP}\d{4}(?![\d])`, 'g');
// A PID block, whole or cut off, and its encrypted parts wherever they appear alone.
const PID_BLOCK = /<PidData[\s\S]*?(<\/PidData>|$)/gi;
const PID_PARTS = /<(Skey|Hmac|Data)\b[^>]*>[\s\S]*?(<\/\1>|$)/gi;
// Header- or field-shaped secrets: developer_key, secret-key, access_key, aadhaar (encrypted), piddata, …
// Not preceded by a letter, so "maskedAadhaar" (a masked value, allowed) is left alone.
// An Authorization value keeps its scheme word with the token ("Bearer abc…").
// The operator PIN and its hash too (pin, newPin, current_pin, operatorPinHash), but not words
// that merely contain "pin" (spinner, pincode): the name must end right before the ':' or '='.
const SECRET_FIELDS =
  /((?<![A-Za-z])["']?(?:developer[_-]?key|secret[_-]?key|access[_-]?key|api[_-]?key|client[_-]?secret|private[_-]?key|aadhaar|aadhar|uid|vid|piddata|pid[_-]?data|authorization|proxy-authorization|x-kiosk-token|token|password|passwd|pwd|(?:(?:new|old|current|confirm|operator)[_-]?)?pin(?:[_-]?hash)?)["']?\s*[:=]\s*)("[^"]*"|'[^']*'|(?:Bearer|Basic|Digest)\s+[^\s,;&}]+|[^\s,;&}]+)/gi;
// The web host's launch secret in a URL (…#k=SECRET or ?k=SECRET).
const LAUNCH_SECRET = /([#?&]k=)[^&\s"']+/g;
// PEM blocks (keys, certificates), whole or cut off: their 64-character lines are too short for LONG_BASE64.
const PEM_BLOCK = /-----BEGIN [A-Z0-9 ]+-----[\s\S]*?(-----END [A-Z0-9 ]+-----|$)/g;
// Long base64 runs (encrypted Aadhaar, keys, certificates).
const LONG_BASE64 = /[A-Za-z0-9+/]{80,}={0,2}/g;

export function redactText(text: string, secrets: readonly string[] = []): string {
  let out = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 6) out = out.split(secret).join('[secret]');
  }
  return out
    .replace(PID_BLOCK, '[pid-data]')
    .replace(PID_PARTS, '[pid-data]')
    .replace(PEM_BLOCK, '[pem]')
    .replace(SECRET_FIELDS, (_m, name: string) => `${name}"[redacted]"`)
    .replace(LAUNCH_SECRET, '$1[redacted]')
    .replace(LONG_BASE64, '[base64]')
    .replace(VID, '[vid]')
    .replace(AADHAAR, '[aadhaar]');
}

// Field names whose value is never logged, whatever it looks like; compared without case, '-' or '_'
// (so developer_key, developerKey and "secret-key" headers all match).
const SECRET_KEYS = new Set([
  'aadhaar', 'aadhar', 'aadhaarnumber', 'encryptedaadhaar', 'uid', 'vid',
  'piddata', 'pid', 'pidxml', 'skey', 'hmac',
  'accesskey', 'developerkey', 'secretkey', 'secret', 'clientsecret', 'apikey', 'privatekey',
  'token', 'xkiosktoken', 'authorization', 'proxyauthorization', 'password', 'passwd',
  // The operator PIN, as typed and as stored.
  'pin', 'newpin', 'oldpin', 'currentpin', 'confirmpin', 'operatorpin', 'pinhash', 'operatorpinhash',
]);

export function isSecretKey(key: string): boolean {
  return SECRET_KEYS.has(key.toLowerCase().replace(/[-_\s]/g, ''));
}

/** Redacts every string inside a value meant for a log (objects are copied, not changed). */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, secrets), code: (value as { code?: unknown }).code };
  }
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Keys are redacted too: an object keyed by Aadhaar number must not leak it.
    out[redactText(key, secrets)] = isSecretKey(key) ? '[redacted]' : redactValue(v, secrets, depth + 1);
  }
  return out;
}
