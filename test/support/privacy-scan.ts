/**
 * Scans files for what must never be written in the clear: Aadhaar numbers
 * (any 12-digit Verhoeff-valid number starting 2–9, grouped or not), PID data,
 * encrypted blobs and keys. Used after the browser suite on every data dir it made.
 *
 * Zip files (the exported logs) are deflate-compressed: their entries are inflated
 * and scanned too, or a leak inside an export would pass unseen.
 *
 * The keys to look for come from a secrets file beside the data dirs (never inside one):
 * every Eko sandbox of the run appends its keys there (TEST_SECRETS_FILE_ENV), and
 * startKiosk adds any key it passes to a kiosk.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { verhoeffValid } from '../../app/domain/aadhaar';
import { EKO_STAGING_CREDENTIALS } from '../../main/services/config/eko-public-keys';
import { TEST_SECRETS_FILE_ENV } from '../../main/simulators/eko/sandbox';

export interface PrivacyFinding {
  /** The file, and for a zip entry "<zip>!<entry>". */
  file: string;
  what: string;
  sample: string;
}

/** The secrets file's name in the browser suite's root (beside the kiosk data dirs). */
export const SECRETS_FILE_NAME = 'suite-secrets.jsonl';

const CANDIDATE_AADHAAR = /(?<!\d)[2-9]\d{3}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const PID_MARKERS = [/<PidData/i, /<Skey/i, /<Hmac>/i, /<Data\s+type=/i, /"piddata"\s*:/i];

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
}

/** Appends secrets to the run's secrets file (named by TEST_SECRETS_FILE_ENV); nothing when it is not set. */
export function recordSuiteSecrets(source: string, secrets: readonly string[]): void {
  const file = process.env[TEST_SECRETS_FILE_ENV];
  const values = secrets.filter((s) => s.length > 0);
  if (file && values.length > 0) fs.appendFileSync(file, `${JSON.stringify({ source, secrets: values })}\n`);
}

/** Every secret the run recorded (one JSON line per writer; a torn last line is skipped). */
export function readSuiteSecrets(file: string): string[] {
  if (!fs.existsSync(file)) return [];
  const secrets = new Set<string>();
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    try {
      const entry = JSON.parse(line) as { secrets?: unknown };
      if (Array.isArray(entry.secrets)) for (const s of entry.secrets) if (typeof s === 'string') secrets.add(s);
    } catch {
      // blank or torn line
    }
  }
  return [...secrets];
}

/**
 * The entries of a zip file, inflated, found through its central directory (so sizes are right
 * even when the local headers defer them to a data descriptor). Entries it cannot read are
 * returned as null data, which the scan reports: an unreadable archive must not pass as clean.
 */
export function zipEntries(zip: Buffer): { name: string; data: Buffer | null }[] {
  const end = zip.lastIndexOf(Buffer.from([0x50, 0x4b, 0x05, 0x06]));
  if (end < 0 || end + 22 > zip.length) return [{ name: '(no central directory)', data: null }];
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const entries: { name: string; data: Buffer | null }[] = [];
  for (let i = 0; i < count; i++) {
    if (at + 46 > zip.length || zip.readUInt32LE(at) !== 0x02014b50) {
      entries.push({ name: `(entry ${i}: broken central directory)`, data: null });
      break;
    }
    const method = zip.readUInt16LE(at + 10);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const skip = nameLength + zip.readUInt16LE(at + 30) + zip.readUInt16LE(at + 32);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    at += 46 + skip;
    let data: Buffer | null = null;
    try {
      const start = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
      const raw = zip.subarray(start, start + size);
      data = method === 0 ? raw : method === 8 ? zlib.inflateRawSync(raw) : null;
    } catch {
      data = null;
    }
    entries.push({ name, data });
  }
  return entries;
}

function scanText(file: string, text: string, secrets: readonly string[], findings: PrivacyFinding[]): void {
  for (const m of text.matchAll(CANDIDATE_AADHAAR)) {
    const digits = m[0].replace(/\D/g, '');
    if (verhoeffValid(digits)) findings.push({ file, what: 'Aadhaar number', sample: `…${digits.slice(-4)}` });
  }
  for (const marker of PID_MARKERS) if (marker.test(text)) findings.push({ file, what: `PID data (${marker.source})`, sample: '' });
  for (const secret of secrets) if (text.includes(secret)) findings.push({ file, what: 'a key or secret', sample: `${secret.slice(0, 3)}…` });
}

export function scanForPrivateData(dir: string, extraSecrets: readonly string[] = []): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const secrets = [EKO_STAGING_CREDENTIALS.accessKey, EKO_STAGING_CREDENTIALS.developerKey, ...extraSecrets].filter((s) => s.length >= 6);
  for (const file of walk(dir)) {
    const bytes = fs.readFileSync(file);
    // latin1 keeps every byte: SQLite pages and WAL frames are scanned as they lie on disk.
    scanText(file, bytes.toString('latin1'), secrets, findings);
    if (bytes.subarray(0, 4).equals(Buffer.from([0x50, 0x4b, 0x03, 0x04]))) {
      for (const entry of zipEntries(bytes)) {
        const where = `${file}!${entry.name}`;
        if (entry.data === null) findings.push({ file: where, what: 'a zip entry that could not be read (so not scanned)', sample: '' });
        else scanText(where, entry.data.toString('latin1'), secrets, findings);
      }
    }
  }
  return findings;
}

/**
 * Scans every data dir (each folder) under the suite's root with the secrets the run recorded.
 * Throws when there is nothing to scan: a scan of no data dir, or one that knows no key, proves nothing.
 */
export function scanSuiteDataDirs(root: string): { dirs: string[]; secrets: number; findings: PrivacyFinding[] } {
  const dirs = fs
    .readdirSync(root, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => path.join(root, e.name));
  if (dirs.length === 0) throw new Error(`privacy scan: no data dirs under ${root}: the scan would prove nothing`);
  const secrets = readSuiteSecrets(path.join(root, SECRETS_FILE_NAME));
  if (secrets.length === 0) {
    throw new Error(`privacy scan: no keys were recorded in ${SECRETS_FILE_NAME}, so the scan cannot look for them (is ${TEST_SECRETS_FILE_ENV} set?)`);
  }
  const findings = dirs.flatMap((dir) => scanForPrivateData(dir, secrets));
  return { dirs, secrets: secrets.length, findings };
}
