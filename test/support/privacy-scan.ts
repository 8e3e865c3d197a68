/**
 * Scans files for what must never be written in the clear: Aadhaar numbers
 * (any 12-digit Verhoeff-valid number starting 2–9, grouped or not), PID data,
 * encrypted blobs and keys. Used after the browser suite on every data dir it made.
 *
 * Zip files (the exported logs) are deflate-compressed: their entries are inflated
 * and scanned too, or a leak inside an export would pass unseen.
 *
 * SQLite files (the journal) are scanned twice: every stored value on its own, through
 * SQL, and the raw bytes (with the WAL beside it), which also hold deleted rows and old
 * versions of rows. A record stores its column values back to back, so a reference ending
 * in 9 digits followed by a balance of 125.5 reads as a 12-digit number in the raw bytes.
 * Such numbers, made only by two adjacent values of a live row, are not Aadhaar numbers:
 * the raw scan leaves out exactly those (a number inside any one value is still reported).
 *
 * The keys to look for come from a secrets file beside the data dirs (never inside one,
 * ./suite-secrets.ts): the test code records the keys of every Eko sandbox it starts, a test
 * kiosk those of its demo sandbox, and startKiosk any key it passes to a kiosk.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { unzipSync } from 'fflate';
import { verhoeffValid } from '../../app/domain/aadhaar';
import { EKO_STAGING_CREDENTIALS } from '../../main/services/config/eko-public-keys';
import { SECRETS_FILE_NAME, SUITE_SECRETS_FILE_ENV } from './suite-secrets';
import { DEMO_AGENTS, STATEMENT_NARRATIONS as PADDED_NARRATIONS } from '../../main/simulators/eko/demo-customers';

/** The sandbox's statement narrations, as the app would show them (trimmed). */
const STATEMENT_NARRATIONS = PADDED_NARRATIONS.map((n) => n.trim());
const AGENT_NUMBERS = DEMO_AGENTS.map((a) => a.aadhaar);

export interface PrivacyFinding {
  /** The file, and for a zip entry "<zip>!<entry>". */
  file: string;
  what: string;
  sample: string;
}

const CANDIDATE_AADHAAR = /(?<!\d)[2-9]\d{3}[\s-]?\d{4}[\s-]?\d{4}(?!\d)/g;
const PID_MARKERS = [/<PidData/i, /<Skey/i, /<Hmac>/i, /<Data\s+type=/i, /"piddata"\s*:/i];

function* walk(dir: string): Generator<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* walk(full);
    else if (entry.isFile()) yield full;
  }
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
 * The entries of a zip file, inflated. An archive it cannot read comes back as one entry with
 * null data, which the scan reports: an unreadable archive must not pass as clean.
 */
export function zipEntries(zip: Buffer): { name: string; data: Buffer | null }[] {
  try {
    return Object.entries(unzipSync(new Uint8Array(zip))).map(([name, data]) => ({ name, data: Buffer.from(data) }));
  } catch {
    return [{ name: '(unreadable zip)', data: null }];
  }
}

/** Every Verhoeff-valid 12-digit number in a text (the digits only). */
function aadhaarLikeNumbers(text: string): string[] {
  const numbers: string[] = [];
  for (const m of text.matchAll(CANDIDATE_AADHAAR)) {
    const digits = m[0].replace(/\D/g, '');
    if (verhoeffValid(digits)) numbers.push(digits);
  }
  return numbers;
}

function scanText(file: string, text: string, secrets: readonly string[], findings: PrivacyFinding[], adjacentValueNumbers: ReadonlySet<string> = new Set()): void {
  for (const digits of aadhaarLikeNumbers(text)) {
    if (!adjacentValueNumbers.has(digits)) findings.push({ file, what: 'Aadhaar number', sample: `…${digits.slice(-4)}` });
  }
  for (const marker of PID_MARKERS) if (marker.test(text)) findings.push({ file, what: `PID data (${marker.source})`, sample: '' });
  for (const secret of secrets) if (text.includes(secret)) findings.push({ file, what: 'a key or secret', sample: `${secret.slice(0, 3)}…` });
  // A mini statement's lines are the customer's: shown and printed, never kept or logged.
  for (const narration of STATEMENT_NARRATIONS) if (text.includes(narration)) findings.push({ file, what: 'a mini-statement narration', sample: narration });
  // The demo agents' own Aadhaar numbers, by name (the number scan above finds them too, by checksum).
  for (const agent of AGENT_NUMBERS) if (text.includes(agent)) findings.push({ file, what: "an agent's Aadhaar number", sample: `…${agent.slice(-4)}` });
}

const SQLITE_MAGIC = Buffer.from('SQLite format 3\0', 'latin1');
/** Files SQLite keeps beside a database, holding its pages too. */
const SQLITE_SIDE_FILES = ['-wal', '-journal'];

/**
 * Scans one SQLite database value by value, and returns the Aadhaar-like numbers that only
 * appear where two adjacent values of a row meet (how a record lies on disk: non-null
 * values back to back, in column order). The database is read from a copy, so the scan
 * never changes the file it checks.
 */
function scanSqliteValues(file: string, secrets: readonly string[], findings: PrivacyFinding[]): Set<string> {
  const copyDir = fs.mkdtempSync(path.join(os.tmpdir(), 'kiosk-privacy-scan-'));
  const adjacent = new Set<string>();
  try {
    const copy = path.join(copyDir, 'db.sqlite');
    fs.copyFileSync(file, copy);
    for (const side of SQLITE_SIDE_FILES) if (fs.existsSync(file + side)) fs.copyFileSync(file + side, copy + side);
    const db = new Database(copy);
    try {
      const tables = db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all() as string[];
      for (const table of ['sqlite_master', ...tables]) {
        for (const row of db.prepare(`SELECT * FROM "${table.replace(/"/g, '""')}"`).raw().iterate() as IterableIterator<unknown[]>) {
          const texts: string[] = [];
          for (const value of row) {
            if (typeof value === 'string') {
              scanText(`${file} (table ${table})`, value, secrets, findings);
              texts.push(value);
            } else if (Buffer.isBuffer(value)) {
              scanText(`${file} (table ${table})`, value.toString('latin1'), secrets, findings);
              texts.push(value.toString('latin1'));
            } else if (value !== null) {
              texts.push('\u0000'); // numbers are stored as binary, which breaks a run of digits
            }
          }
          const inOneValue = new Set(texts.flatMap(aadhaarLikeNumbers));
          for (const digits of aadhaarLikeNumbers(texts.join(''))) if (!inOneValue.has(digits)) adjacent.add(digits);
        }
      }
    } finally {
      db.close();
    }
  } catch (e) {
    findings.push({ file, what: `a database that could not be read (so not scanned value by value): ${(e as Error).message}`, sample: '' });
  } finally {
    fs.rmSync(copyDir, { recursive: true, force: true });
  }
  return adjacent;
}

export function scanForPrivateData(dir: string, extraSecrets: readonly string[] = []): PrivacyFinding[] {
  const findings: PrivacyFinding[] = [];
  const secrets = [EKO_STAGING_CREDENTIALS.accessKey, EKO_STAGING_CREDENTIALS.developerKey, ...extraSecrets].filter((s) => s.length >= 6);
  const files = [...walk(dir)];
  // Numbers made by adjacent values, per database file and the files SQLite keeps beside it.
  const adjacentByFile = new Map<string, Set<string>>();
  for (const file of files) {
    const head = Buffer.alloc(SQLITE_MAGIC.length);
    const fd = fs.openSync(file, 'r');
    try {
      fs.readSync(fd, head, 0, head.length, 0);
    } finally {
      fs.closeSync(fd);
    }
    if (!head.equals(SQLITE_MAGIC)) continue;
    const adjacent = scanSqliteValues(file, secrets, findings);
    for (const f of [file, ...SQLITE_SIDE_FILES.map((side) => file + side)]) adjacentByFile.set(f, adjacent);
  }
  for (const file of files) {
    const bytes = fs.readFileSync(file);
    // latin1 keeps every byte: SQLite pages and WAL frames are scanned as they lie on disk.
    scanText(file, bytes.toString('latin1'), secrets, findings, adjacentByFile.get(file));
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
    throw new Error(`privacy scan: no keys were recorded in ${SECRETS_FILE_NAME}, so the scan cannot look for them (is ${SUITE_SECRETS_FILE_ENV} set?)`);
  }
  const findings = dirs.flatMap((dir) => scanForPrivateData(dir, secrets));
  return { dirs, secrets: secrets.length, findings };
}
