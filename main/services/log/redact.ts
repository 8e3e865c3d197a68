/**
 * Redaction applied to every log line before it is written anywhere.
 * Aadhaar numbers, PID blocks and secrets must never reach a file or a console.
 *
 * Aadhaar numbers (12 digits, first 2–9) and VIDs (16 digits) are looked for however they are
 * spelled: digits of any script (Devanagari, full-width, Arabic-Indic, …), invisible characters
 * (zero-width spaces, soft hyphens, marks) anywhere among them, groups of 4 joined by any run of
 * separators (spaces, - _ / , . +, " - ", %20 …), \uXXXX escapes, and the ASCII digits encoded as
 * base64, hex or a list of byte values. Everything runs in one pass per rule with bounded
 * backtracking: linear in the line's length.
 */
import { verhoeffValid } from '../../../app/domain/aadhaar';

// A PID block, whole or cut off, and its encrypted parts wherever they appear alone.
const PID_BLOCK = /<PidData[\s\S]*?(<\/PidData>|$)/gi;
const PID_PARTS = /<(Skey|Hmac|Data)\b[^>]*>[\s\S]*?(<\/\1>|$)/gi;
// Header- or field-shaped secrets: developer_key, "secret key", accessKey, aadhaar (encrypted), piddata, …
// The words of a name may be joined by nothing, a space, '_', '-' or '.', in any case.
// Not preceded by a letter, so "maskedAadhaar" (a masked value, allowed) is left alone.
// An Authorization value keeps its scheme word with the token ("Bearer abc…").
// The operator PIN and its hash too (pin, newPin, current_pin, operatorPinHash), but not words
// that merely contain "pin" (spinner, pincode): the name must end right before the ':' or '='.
const J = String.raw`[ \t_.\-]?`;
const SECRET_NAMES = [
  `developer${J}key`,
  `secret${J}key`,
  `access${J}key`,
  `api${J}key`,
  `client${J}secret`,
  `private${J}key`,
  'aadhaar',
  'aadhar',
  'uid',
  'vid',
  'piddata',
  `pid${J}data`,
  'authorization',
  `proxy${J}authorization`,
  `x${J}kiosk${J}token`,
  'token',
  'password',
  'passwd',
  'pwd',
  `(?:(?:new|old|current|confirm|operator)${J})?pin(?:${J}hash)?`,
].join('|');
const SECRET_FIELDS = new RegExp(
  String.raw`((?<![A-Za-z])["']?(?:${SECRET_NAMES})["']?\s*[:=]\s*)("[^"]*"|'[^']*'|(?:Bearer|Basic|Digest)\s+[^\s,;&}]+|[^\s,;&}]+)`,
  'gi',
);
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
  out = out
    .replace(PID_BLOCK, '[pid-data]')
    .replace(PID_PARTS, '[pid-data]')
    .replace(PEM_BLOCK, '[pem]')
    .replace(SECRET_FIELDS, (_m, name: string) => `${name}"[redacted]"`)
    .replace(LAUNCH_SECRET, '$1[redacted]')
    .replace(LONG_BASE64, '[base64]');
  return redactIdNumbers(redactEncoded(out));
}

// ---------------------------------------------------------------------------------------------
// Aadhaar numbers and VIDs, however spelled.
//
// The line is first read as a "digit skeleton": every decimal digit of any script becomes its
// ASCII digit, invisible characters (zero-width spaces and joiners, soft hyphens, bidi marks,
// variation selectors) and combining marks on digits are dropped, and \uXXXX escapes of those are decoded.
// The skeleton keeps, for each of its characters, where it came from, so what is found in it is
// cut out of the line itself (text around it is left exactly as it was). A line of plain ASCII
// without a \u escape (nearly every line) is its own skeleton.
//
// In the skeleton, a "chain" is digit groups joined by separators. Redacted in a chain:
// - any run of whole groups of 4, 8, 12 or 16 digits making 16 digits (a VID) or 12 digits
//   starting 2–9 (an Aadhaar number), as people and programs group them: 2345 6789 0124,
//   234567890124, 2345-67890124, 9123 4567 8901 2345 …;
// - a whole chain of exactly 12 (2–9 first) or 16 digits grouped evenly by 1, 2 (or 3 for 12)
//   digits: "2 3 4 5 …", "23 45 67 …", "234 567 890 124".
// A group of exactly 16 digits with nothing between them is a VID only when it stands on its own:
// glued to letters (inside a token such as a transaction reference) it is redacted only when it
// passes the Verhoeff check, as every real VID does. Our own references (KSK + yyyymmddHHMMss +
// 6 Crockford base32, newClientRefId) are recognised and never touched.
// ---------------------------------------------------------------------------------------------

const SEP = String.raw`(?:[\s_/,.+\-\u00b7\u2010-\u2015\u2212\u060c\u066b\u066c\u3001\uff0c\uff0d\uff0e\uff0f\uff3f]|%2[0cdfCDF]|%5[fF])`;
const CLIENT_REF = String.raw`KSK\d{14}[0-9A-HJKMNP-TV-Z]{6}(?![0-9A-Za-z])`;
// Separator runs are bounded (24) so no attempt backtracks further than that.
const NUMBER_CHAINS = new RegExp(String.raw`(${CLIENT_REF})|\d+(?:${SEP}{1,24}\d+)*`, 'g');
// The chain's digit groups (the digits of a %20 separator are not a group).
const DIGIT_RUN = /%[0-9A-Fa-f]{2}|\d+/g;
const LETTER = /\p{L}/u;

type Found = (start: number, end: number, label: string) => void;

/** Calls found(start, end, label) for every Aadhaar number and VID in an ASCII-digit skeleton. */
function findIdNumbers(s: string, found: Found): void {
  const chains = NUMBER_CHAINS;
  chains.lastIndex = 0;
  for (let m = chains.exec(s); m; m = chains.exec(s)) {
    if (m[1] !== undefined || m[0].length < 12) continue;
    inChain(s, m.index, m[0], found);
  }
}

function inChain(s: string, at: number, chain: string, found: Found): void {
  const starts: number[] = [];
  const lengths: number[] = [];
  let total = 0;
  DIGIT_RUN.lastIndex = 0;
  for (let g = DIGIT_RUN.exec(chain); g; g = DIGIT_RUN.exec(chain)) {
    if (g[0].charCodeAt(0) === 0x25) continue;
    starts.push(at + g.index);
    lengths.push(g[0].length);
    total += g[0].length;
  }
  if (total < 12) return;
  const n = starts.length;
  const firstOk = (i: number) => s.charCodeAt(starts[i]!) >= 0x32; // '2'…'9'
  // A whole chain grouped evenly in small groups.
  if (n > 1 && (total === 16 || (total === 12 && firstOk(0)))) {
    const size = lengths[0]!;
    if ((size <= 2 || (size === 3 && total === 12)) && lengths.every((l) => l === size)) {
      found(starts[0]!, starts[n - 1]! + lengths[n - 1]!, total === 12 ? '[aadhaar]' : '[vid]');
      return;
    }
  }
  // Runs of whole groups of 4, 8, 12 or 16 digits.
  let i = 0;
  while (i < n) {
    let sum = 0;
    let end12 = -1;
    let end16 = -1;
    for (let j = i; j < n && sum < 16 && lengths[j]! % 4 === 0; j++) {
      sum += lengths[j]!;
      if (sum === 12) end12 = j;
      if (sum === 16) end16 = j;
    }
    if (end16 >= 0 && vidStandsOrChecks(s, starts, lengths, i, end16)) {
      found(starts[i]!, starts[end16]! + lengths[end16]!, '[vid]');
      i = end16 + 1;
    } else if (end12 >= 0 && firstOk(i)) {
      found(starts[i]!, starts[end12]! + lengths[end12]!, '[aadhaar]');
      i = end12 + 1;
    } else {
      i++;
    }
  }
}

/** A 16-digit run written without separators counts as a VID on its own, or when glued to letters if Verhoeff-valid. */
function vidStandsOrChecks(s: string, starts: number[], lengths: number[], i: number, j: number): boolean {
  if (i !== j) return true; // grouped: written as an ID
  const start = starts[i]!;
  const end = start + lengths[i]!;
  const before = start > 0 ? s[start - 1]! : '';
  const after = end < s.length ? s[end]! : '';
  const glued = (before !== '' && LETTER.test(before)) || (after !== '' && LETTER.test(after));
  return !glued || verhoeffValid(s.slice(start, end));
}

// --- The digit skeleton -----------------------------------------------------------------------

// A line needs a skeleton when it has a digit of another script, a \u escape, or an invisible
// character (or a combining mark) right after a digit or a separator, where it could split a
// number. Not Devanagari words: their marks follow letters. Plain ASCII lines skip the test.
const NON_ASCII_OR_ESCAPE = /[^\x00-\x7f]|\\u[0-9a-fA-F]{4}/;
const SPLIT_OR_SCRIPT_DIGIT =
  /[^\P{Nd}0-9]|\\u[0-9a-fA-F]{4}|[0-9\s_/,.+\-\u00b7\u2010-\u2015\u2212\u060c\u066b\u066c\u3001\uff0c\uff0d\uff0e\uff0f\uff3f][\p{Default_Ignorable_Code_Point}\p{M}]/u;
const needsSkeleton = (text: string) => NON_ASCII_OR_ESCAPE.test(text) && SPLIT_OR_SCRIPT_DIGIT.test(text);
const DECIMAL_DIGIT = /^\p{Nd}$/u;
const INVISIBLE = /^\p{Default_Ignorable_Code_Point}$/u;
const MARK = /^\p{M}$/u;
const SEPARATOR = new RegExp(`^${SEP}$`);
const NOT_DIGIT = -1;
const DROPPED = -2;
const COMBINING = -3;
const classes = new Map<number, number>();

/** A code point's digit value (any script), DROPPED for an invisible one, COMBINING for a mark, or NOT_DIGIT. */
function classify(cp: number): number {
  if (cp < 0x80) return cp >= 0x30 && cp <= 0x39 ? cp - 0x30 : NOT_DIGIT;
  const known = classes.get(cp);
  if (known !== undefined) return known;
  const ch = String.fromCodePoint(cp);
  let v = NOT_DIGIT;
  if (DECIMAL_DIGIT.test(ch)) {
    // Unicode encodes every set of decimal digits as 0…9 in a row (some sets back to back).
    let zero = cp;
    while (DECIMAL_DIGIT.test(String.fromCodePoint(zero - 1))) zero--;
    v = (cp - zero) % 10;
  } else if (INVISIBLE.test(ch)) {
    v = DROPPED;
  } else if (MARK.test(ch)) {
    v = COMBINING;
  }
  if (classes.size < 4096) classes.set(cp, v);
  return v;
}

interface Skeleton {
  text: string;
  /** Where each skeleton character starts and ends in the source. */
  from: number[];
  to: number[];
}

function skeletonOf(src: string): Skeleton {
  let text = '';
  const from: number[] = [];
  const to: number[] = [];
  let lastIsDigit = false;
  const push = (ch: string, a: number, b: number) => {
    text += ch;
    from.push(a);
    to.push(b);
    lastIsDigit = ch >= '0' && ch <= '9' && ch.length === 1;
  };
  // A combining mark on a digit (2̀) is dropped with it; elsewhere (on a letter) it is kept.
  const afterDigit = () => lastIsDigit;
  for (let i = 0; i < src.length; ) {
    const c = src.charCodeAt(i);
    if (c === 0x5c && src.charCodeAt(i + 1) === 0x75 && /^[0-9a-fA-F]{4}$/.test(src.slice(i + 2, i + 6))) {
      // A \uXXXX escape: decoded when it is a digit, an invisible or a separator.
      const cp = parseInt(src.slice(i + 2, i + 6), 16);
      const v = classify(cp);
      if (v >= 0) push(String(v), i, i + 6);
      else if (v === DROPPED || (v === COMBINING && afterDigit())) {
        // left out
      } else if (SEPARATOR.test(String.fromCharCode(cp))) push(String.fromCharCode(cp), i, i + 6);
      else for (let k = 0; k < 6; k++) push(src[i + k]!, i, i + 6);
      i += 6;
      continue;
    }
    if (c < 0x80) {
      push(src[i]!, i, i + 1);
      i++;
      continue;
    }
    const cp = src.codePointAt(i)!;
    const width = cp > 0xffff ? 2 : 1;
    const v = classify(cp);
    if (v >= 0) push(String(v), i, i + width);
    else if (v === NOT_DIGIT || (v === COMBINING && !afterDigit())) for (let k = 0; k < width; k++) push(src[i + k]!, i, i + width);
    i += width;
  }
  return { text, from, to };
}

/** The line with every Aadhaar number and VID (any script, any spelling) replaced. */
function redactIdNumbers(src: string): string {
  const sk = needsSkeleton(src) ? skeletonOf(src) : null;
  let out = '';
  let last = 0;
  findIdNumbers(sk ? sk.text : src, (a, b, label) => {
    const start = sk ? sk.from[a]! : a;
    const end = sk ? sk.to[b - 1]! : b;
    out += src.slice(last, start) + label;
    last = end;
  });
  return last === 0 && out === '' ? src : out + src.slice(last);
}

/**
 * Whether decoded bytes hold an Aadhaar number or a VID. Looser than for the line itself: any
 * chain of 12 digits or more counts, since the bytes decoded just before the number (misaligned
 * base64, a glued prefix) may read as one more digit or separator.
 */
function holdsIdNumber(decoded: string): boolean {
  const text = needsSkeleton(decoded) ? skeletonOf(decoded).text : decoded;
  const chains = NUMBER_CHAINS;
  chains.lastIndex = 0;
  for (let m = chains.exec(text); m; m = chains.exec(text)) {
    if (m[0].length >= 12 && m[0].replace(/%[0-9A-Fa-f]{2}|\D/g, '').length >= 12) return true;
  }
  return false;
}

// --- The number's ASCII digits, encoded -------------------------------------------------------

// Runs of base64 (standard or URL-safe) and hex characters; ≥ 80 standard ones were cut already.
const ENCODED_RUN = /[A-Za-z0-9+/_-]{16,}={0,2}/g;
// Three digit bytes, base64-encoded on their own 4-character boundary: every base64 of 12 digits
// (at any byte alignment, alone or inside a longer text) has at least three such quads in a row,
// and a grouped number (2345 6789 0124) at least one.
const B64_DIGIT_QUAD = /[MNO][DTjz][AEIMQUYcgk][w-z0-5]/;
// Four digit bytes in hex ("32333435"); a hex run of an Aadhaar number is ≥ 24 characters.
const HEX_DIGITS = /(?:3\d){4}/;
const HEX_RUN = /[0-9A-Fa-f]{24,}/g;
// Hex dumps with a space or colon between bytes (a Buffer as util.inspect prints it).
const HEX_DUMP = /(?<![0-9A-Za-z])[0-9A-Fa-f]{2}(?:[ :][0-9A-Fa-f]{2}){11,}(?![0-9A-Za-z])/g;
// Byte values in decimal (a Buffer as JSON: "data":[50,51,52,…]).
const BYTE_LIST = /(?<!\d)\d{1,3}(?:\s*,\s*\d{1,3}){11,}(?!\d)/g;

function base64HoldsIdNumber(run: string): boolean {
  if (!B64_DIGIT_QUAD.test(run)) return false;
  const clean = run.replace(/=+$/, '');
  // The run may start anywhere in the original encoding (a cut-off line): try every alignment.
  for (let k = 0; k < 4 && clean.length - k >= 4; k++) {
    if (holdsIdNumber(Buffer.from(clean.slice(k), 'base64').toString('utf8'))) return true;
  }
  return false;
}

function hexHoldsIdNumber(run: string): boolean {
  if (!HEX_DIGITS.test(run)) return false;
  for (const hex of run.match(HEX_RUN) ?? []) {
    for (let k = 0; k < 2; k++) {
      const even = hex.slice(k, hex.length - ((hex.length - k) % 2));
      if (holdsIdNumber(Buffer.from(even, 'hex').toString('utf8'))) return true;
    }
  }
  return false;
}

// Cheap whole-line tests first: a line holding none of these shapes has no encoded digits.
const HEX_DUMP_DIGITS = /3\d[ :]3\d[ :]3\d/;
const BYTE_LIST_DIGITS = /(?:4[89]|5[0-7])\s*,\s*(?:4[89]|5[0-7])\s*,\s*(?:4[89]|5[0-7])/;

const ANY_ENCODED_DIGITS = new RegExp([B64_DIGIT_QUAD, HEX_DIGITS, HEX_DUMP_DIGITS, BYTE_LIST_DIGITS].map((r) => r.source).join('|'));

function redactEncoded(text: string): string {
  if (!ANY_ENCODED_DIGITS.test(text)) return text;
  let out = text;
  if (B64_DIGIT_QUAD.test(out) || HEX_DIGITS.test(out)) {
    out = out.replace(ENCODED_RUN, (run) => (hexHoldsIdNumber(run) ? '[hex]' : base64HoldsIdNumber(run) ? '[base64]' : run));
  }
  if (HEX_DUMP_DIGITS.test(out)) out = out.replace(HEX_DUMP, (dump) => (hexHoldsIdNumber(dump.replace(/[ :]/g, '')) ? '[hex]' : dump));
  if (!BYTE_LIST_DIGITS.test(out)) return out;
  return out.replace(BYTE_LIST, (list) => {
      let decoded = '';
      for (const v of list.split(',')) {
        const b = Number(v.trim());
        if (b > 255) return list;
        decoded += String.fromCharCode(b);
      }
      return holdsIdNumber(decoded) ? '[bytes]' : list;
    });
}

// ---------------------------------------------------------------------------------------------
// Structured values.
// ---------------------------------------------------------------------------------------------

// Field names whose value is never logged, whatever it looks like; compared without case, ' ', '.',
// '-' or '_' (so developer_key, developerKey, "developer key" and "secret-key" headers all match).
const SECRET_KEYS = new Set([
  'aadhaar', 'aadhar', 'aadhaarnumber', 'encryptedaadhaar', 'uid', 'vid',
  'piddata', 'pid', 'pidxml', 'skey', 'hmac',
  'accesskey', 'developerkey', 'secretkey', 'secret', 'clientsecret', 'apikey', 'privatekey',
  'token', 'xkiosktoken', 'authorization', 'proxyauthorization', 'password', 'passwd',
  // The operator PIN, as typed and as stored.
  'pin', 'newpin', 'oldpin', 'currentpin', 'confirmpin', 'operatorpin', 'pinhash', 'operatorpinhash',
]);
// Names that stay secret with anything before them (ekoDeveloperKey, eko.accessKey, adminPassword).
const SECRET_KEY_ENDINGS = ['developerkey', 'accesskey', 'secretkey', 'clientsecret', 'apikey', 'privatekey', 'password', 'piddata', 'pidxml', 'authorization'];

function isSecretKey(key: string): boolean {
  const k = key.toLowerCase().replace(/[-_\s.]/g, '');
  return SECRET_KEYS.has(k) || SECRET_KEY_ENDINGS.some((e) => k.endsWith(e));
}

/** Bytes are logged as their text when they are short printable UTF-8 (redacted), else by size. */
const MAX_BYTES_AS_TEXT = 64 * 1024;
function redactBytes(bytes: Uint8Array, secrets: readonly string[]): string {
  if (bytes.length <= MAX_BYTES_AS_TEXT) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    if (!/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffd]/.test(text)) return redactText(text, secrets);
  }
  return `[${bytes.length} bytes]`;
}

/** Redacts every string inside a value meant for a log (objects are copied, not changed). */
export function redactValue(value: unknown, secrets: readonly string[] = [], depth = 0): unknown {
  if (depth > 8) return '[deep]';
  if (typeof value === 'string') return redactText(value, secrets);
  if (typeof value === 'number') {
    // 12 digits or more: an Aadhaar number (or VID) stored as a number.
    if (!Number.isFinite(value) || Math.abs(value) < 1e11) return value;
    const text = String(value);
    const redacted = redactText(text, secrets);
    return redacted === text ? value : redacted;
  }
  // JSON has no BigInt (JSON.stringify throws): logged as its digits, redacted like any text.
  if (typeof value === 'bigint') return redactText(value.toString(), secrets);
  if (typeof value !== 'object' || value === null) return value;
  if (value instanceof Error) {
    return { name: value.name, message: redactText(value.message, secrets), code: redactValue((value as { code?: unknown }).code, secrets, depth + 1) };
  }
  if (ArrayBuffer.isView(value)) return redactBytes(new Uint8Array(value.buffer, value.byteOffset, value.byteLength), secrets);
  if (value instanceof ArrayBuffer || (typeof SharedArrayBuffer !== 'undefined' && value instanceof SharedArrayBuffer)) {
    return redactBytes(new Uint8Array(value), secrets);
  }
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? 'Invalid Date' : value.toISOString();
  if (Array.isArray(value)) return value.map((v) => redactValue(v, secrets, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [key, v] of Object.entries(value)) {
    // Keys are redacted too: an object keyed by Aadhaar number must not leak it.
    out[redactText(key, secrets)] = isSecretKey(key) ? '[redacted]' : redactValue(v, secrets, depth + 1);
  }
  return out;
}
