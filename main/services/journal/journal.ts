/**
 * The transaction journal: one SQLite row per balance-enquiry attempt, written
 * BEFORE the request leaves the PC ("sent") and updated when the answer comes.
 * If the app dies in between, the row stays "sent" and is reported as
 * "result unknown" at the next start, to be followed up.
 *
 * Only masked data goes in: the journal refuses anything that looks like a
 * clear mobile or Aadhaar number. Never PID data, never keys.
 */
import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { AGENT_REFUSAL_REASONS, HISTORY_MAX_ROWS, KioskError, type EnquiryOutcome, type OperationKind, type Profile } from '../../../app/contract';
import type { Logger } from '../log/logger';
import { MIGRATIONS } from './migrations';
import { OWNER_DIR, OWNER_FILE } from '../owner-only';
import { maskNumbersInText } from '../../../app/domain/privacy';

export const JOURNAL_FILE_NAME = 'journal.sqlite';

type JournalOutcome = 'sent' | 'success' | 'refused' | 'unknown' | 'notSent';

export interface JournalRow {
  id: number;
  kind: OperationKind;
  /** ISO time the enquiry was sent. */
  time: string;
  updatedAt: string;
  clientRefId: string;
  profile: Profile;
  /** XXXXXX1234 */
  maskedMobile: string;
  /** XXXX XXXX 1234 */
  maskedAadhaar: string;
  bankIin: string;
  bankName: string;
  outcome: JournalOutcome;
  /** Refusal or unknown reason (contract enums), null for success. */
  reason: string | null;
  tid: string | null;
  bankRef: string | null;
  uidaiRef: string | null;
  balance: string | null;
  /** A mini statement's number of lines; null for other kinds (the lines themselves are never kept). */
  lines: number | null;
  errorCode: string | null;
  errorMessage: string | null;
}

export interface SentEntry {
  /** Default: a balance enquiry. */
  kind?: OperationKind;
  clientRefId: string;
  time: string;
  profile: Profile;
  maskedMobile: string;
  maskedAadhaar: string;
  bankIin: string;
  bankName: string;
}

/** An answer to record against a "sent" row. */
export type JournalAnswer = { clientRefId: string; bankName: string; tid: string | null } & (
  | { outcome: 'success'; reason: null; bankRef: string | null; uidaiRef: string | null; balance: string | null; serverMessage: null; lines?: number | null }
  | { outcome: 'refused' | 'unknown'; reason: string; bankRef: null; uidaiRef: null; balance: null; serverMessage: string | null }
);

/** A customer operation's outcome (balance enquiry, mini statement) as its journal row keeps it: masked, only the customer's balance. */
export function journalAnswerOf(
  outcome: Pick<EnquiryOutcome, 'clientRefId' | 'bankName' | 'tid'> &
    ({ outcome: 'success'; balance: string | null; bankRef: string | null; uidaiRef?: string | null; lines?: readonly unknown[] } | { outcome: 'refused'; reason: string; serverMessage: string | null } | { outcome: 'unknown'; reason: string }),
): JournalAnswer {
  const base = { clientRefId: outcome.clientRefId, bankName: outcome.bankName, tid: outcome.tid };
  if (outcome.outcome === 'success') {
    // A statement's lines are the customer's private data: only how many there were is kept.
    return { ...base, outcome: 'success', reason: null, bankRef: outcome.bankRef, uidaiRef: outcome.uidaiRef ?? null, balance: outcome.balance, serverMessage: null, lines: outcome.lines?.length ?? null };
  }
  return { ...base, outcome: outcome.outcome, reason: outcome.reason, bankRef: null, uidaiRef: null, balance: null, serverMessage: outcome.outcome === 'refused' ? outcome.serverMessage : null };
}

export interface JournalQuery {
  /** ISO instants, inclusive from, exclusive to. */
  from?: string;
  to?: string;
  outcome?: JournalOutcome | 'unknownOrSent';
  kind?: OperationKind;
  /** Last 4 digits of the customer's mobile or Aadhaar. */
  last4?: string;
  limit?: number;
}

export interface JournalHealth {
  rows: number;
  unknown: number;
  fileBytes: number;
  file: string;
  schemaVersion: number;
  /** A damaged journal set aside at start-up (its path), or null. */
  setAside?: string | null;
}

/** What inspectJournal finds, without changing the file. */
export interface JournalInspection extends JournalHealth {
  /** The newest schema this app knows. */
  appSchemaVersion: number;
  /** ok; needsMigration: older, the app updates it at its next start; newerApp: written by a newer app, this one refuses it. */
  state: 'ok' | 'needsMigration' | 'newerApp';
}

/** The newest schema version this app knows (the last migration's). */
export const JOURNAL_SCHEMA_VERSION = MIGRATIONS[MIGRATIONS.length - 1]!.version;

/** The journal file plus SQLite's WAL files, in bytes. */
function fileBytesOf(file: string): number {
  let bytes = 0;
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      bytes += fs.statSync(file + suffix).size;
    } catch {
      // the WAL files come and go
    }
  }
  return bytes;
}

/** SQLite's own words for a file that is not a (whole) database. */
function isCorruption(err: unknown): boolean {
  const code = (err as { code?: unknown })?.code;
  return code === 'SQLITE_CORRUPT' || code === 'SQLITE_NOTADB' || (typeof code === 'string' && code.startsWith('SQLITE_CORRUPT'));
}

/** Renames the damaged file and its WAL files to journal.corrupt-<time>.sqlite(-wal/-shm); answers the new path. */
function setAsideCorrupt(file: string, at: Date): string {
  const stamp = at.toISOString().replace(/[:.]/g, '-');
  const target = path.join(path.dirname(file), `${path.basename(file, '.sqlite')}.corrupt-${stamp}.sqlite`);
  for (const suffix of ['', '-wal', '-shm']) {
    try {
      fs.renameSync(file + suffix, target + suffix);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
    }
  }
  return target;
}

/**
 * Readable by this user only where the OS has modes: the folder 0700, the file 0600 (created so
 * before SQLite opens it; its -wal and -shm take the same mode). Windows keeps the profile's ACLs.
 */
function ownerOnly(target: string, kind: 'dir' | 'file'): void {
  if (process.platform === 'win32') {
    if (kind === 'dir') fs.mkdirSync(target, { recursive: true });
    return;
  }
  if (kind === 'dir') {
    fs.mkdirSync(target, { recursive: true, mode: OWNER_DIR });
    fs.chmodSync(target, OWNER_DIR);
  } else {
    fs.closeSync(fs.openSync(target, 'a', OWNER_FILE));
    fs.chmodSync(target, OWNER_FILE);
  }
}

/** The WHERE clause and parameters of a query (shared by list and count). */
function whereOf(query: JournalQuery): { sql: string; params: Record<string, unknown> } {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  if (query.from) {
    where.push('time >= @from');
    params.from = query.from;
  }
  if (query.to) {
    where.push('time < @to');
    params.to = query.to;
  }
  if (query.outcome === 'unknownOrSent') where.push("outcome IN ('unknown','sent')");
  else if (query.outcome) {
    where.push('outcome = @outcome');
    params.outcome = query.outcome;
  }
  if (query.kind) {
    where.push('kind = @kind');
    params.kind = query.kind;
  }
  if (query.last4) {
    if (!/^\d{4}$/.test(query.last4)) throw new KioskError('input.invalid', { params: { field: 'last4' } });
    where.push('(substr(masked_mobile, -4) = @last4 OR substr(masked_aadhaar, -4) = @last4)');
    params.last4 = query.last4;
  }
  return { sql: where.length ? `WHERE ${where.join(' AND ')}` : '', params };
}

const MASKED_MOBILE = /^X{6}\d{4}$/;
const MASKED_AADHAAR = /^XXXX XXXX \d{4}$/;

interface DbRow {
  id: number;
  kind: OperationKind;
  time: string;
  updated_at: string;
  client_ref_id: string;
  profile: Profile;
  masked_mobile: string;
  masked_aadhaar: string;
  bank_iin: string;
  bank_name: string;
  outcome: JournalOutcome;
  reason: string | null;
  tid: string | null;
  bank_ref: string | null;
  uidai_ref: string | null;
  balance: string | null;
  lines: number | null;
  error_code: string | null;
  error_message: string | null;
}

function toRow(r: DbRow): JournalRow {
  return {
    id: r.id,
    kind: r.kind,
    time: r.time,
    updatedAt: r.updated_at,
    clientRefId: r.client_ref_id,
    profile: r.profile,
    maskedMobile: r.masked_mobile,
    maskedAadhaar: r.masked_aadhaar,
    bankIin: r.bank_iin,
    bankName: r.bank_name,
    outcome: r.outcome,
    reason: r.reason,
    tid: r.tid,
    bankRef: r.bank_ref,
    uidaiRef: r.uidai_ref,
    balance: r.balance,
    lines: r.lines ?? null,
    errorCode: r.error_code,
    errorMessage: r.error_message,
  };
}

/** Messages must not carry numbers in the clear (maskNumbersInText), nor run long. */
function scrubDigits(text: string | null | undefined): string | null {
  if (text === null || text === undefined) return null;
  return maskNumbersInText(text).slice(0, 300);
}

/** All rows, and those whose result is not known: "unknown", or "sent" by a run that died mid-enquiry. */
function healthCounts(db: Database.Database): { rows: number; unknown: number } {
  const count = (where: string) => (db.prepare(`SELECT COUNT(*) AS n FROM enquiries ${where}`).get() as { n: number }).n;
  return { rows: count(''), unknown: count(whereOf({ outcome: 'unknownOrSent' }).sql) };
}

export interface Journal {
  /** The damaged file this run set aside at start-up (kept for support), or null. */
  setAsideFile: string | null;
  readonly file: string;
  /** The schema version the file is at (SQLite's user_version). */
  readonly schemaVersion: number;
  /** Deletes rows older than the retention period. Returns how many went. */
  applyRetention(days: number, now: Date): number;
  /** Written before the request leaves the PC. */
  recordSent(entry: SentEntry): void;
  /** A balance enquiry's answer: success, refused or unknown. */
  recordOutcome(outcome: EnquiryOutcome, now?: Date): void;
  /** Any operation's answer (the balance enquiry's through recordOutcome). Only the customer's balance is kept, never the agent's wallet. */
  recordAnswer(answer: JournalAnswer, now?: Date): void;
  /** The request never left (offline, refused before processing), or Eko says it never arrived. */
  recordNotSent(clientRefId: string, error: KioskError, now?: Date): void;
  get(clientRefId: string): JournalRow | null;
  /** The newest rows matching the query, at most `limit` (default HISTORY_MAX_ROWS, never over 5000). */
  list(query?: JournalQuery): JournalRow[];
  /** How many rows match the query (list() returns at most `limit` of them). */
  count(query?: Omit<JournalQuery, 'limit'>): number;
  /** Counts by outcome between two instants (of one kind of row, when given). */
  totals(from: string, to: string, kind?: OperationKind): Record<JournalOutcome, number>;
  /** Customer enquiries refused for a reason that is the agent's to fix (AGENT_REFUSAL_REASONS), between two instants. */
  agentRefusals(from: string, to: string): number;
  /**
   * What the journal knows of the agent's daily authentication in a day ([from, to)) for a profile:
   * when it last passed, when Eko last refused an enquiry for want of it, and the bank last used.
   */
  dailyAuthDay(from: string, to: string, profile: Profile): { passedAt: string | null; askedAt: string | null; lastBankIin: string | null };
  health(): JournalHealth;
  close(): void;
}

/** Opens the journal (creating and migrating it), setting a damaged file aside, and applies the retention period. */
export function openJournal(options: { file: string; retentionDays: number; logger: Logger; now?: () => Date }): Journal {
  const now = options.now ?? (() => new Date());
  const log = options.logger.child('journal');
  ownerOnly(path.dirname(options.file), 'dir');
  let journal: Journal;
  let setAside: string | null = null;
  try {
    journal = openFile(options.file, log);
  } catch (err) {
    if (!isCorruption(err)) throw err;
    // A damaged file must not stop the counter: keep it for support under a name with the time, start a new one.
    setAside = setAsideCorrupt(options.file, now());
    log.error('journal file is damaged: set aside, a new one started', { setAside: path.basename(setAside), error: err });
    journal = openFile(options.file, log);
  }
  journal.setAsideFile = setAside;
  journal.applyRetention(options.retentionDays, now());
  return journal;
}

/**
 * Reads an existing journal's health without changing it: read-only, no migration, no
 * retention (the doctor, which may run beside the app). Throws when the file cannot be read.
 */
export function inspectJournal(file: string): JournalInspection {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 2000');
    const schemaVersion = schemaVersionOf(db);
    const hasTable = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'enquiries'").get() !== undefined;
    return {
      ...(hasTable ? healthCounts(db) : { rows: 0, unknown: 0 }),
      fileBytes: fileBytesOf(file),
      file,
      schemaVersion,
      appSchemaVersion: JOURNAL_SCHEMA_VERSION,
      state: schemaVersion > JOURNAL_SCHEMA_VERSION ? 'newerApp' : schemaVersion < JOURNAL_SCHEMA_VERSION ? 'needsMigration' : 'ok',
    };
  } finally {
    db.close();
  }
}


/** Opens (creating, owner-only) and migrates one file. Throws KioskError, or SQLite's own error for a damaged file. */
function openFile(file: string, logger: Logger): Journal {
  ownerOnly(file, 'file');
  let db: Database.Database;
  try {
    db = new Database(file);
    db.pragma('journal_mode = WAL');
    // FULL: a power cut right after "sent" must not lose the row.
    db.pragma('synchronous = FULL');
    db.pragma('busy_timeout = 2000');
  } catch (err) {
    if (isCorruption(err)) throw err;
    throw new KioskError('journal.unavailable', { detail: (err as Error).message, cause: err });
  }
  try {
    const found = schemaVersionOf(db);
    if (found > JOURNAL_SCHEMA_VERSION) {
      // A newer app changed the table: writing with this one could fail mid-enquiry. Refuse at start-up instead.
      throw new KioskError('journal.unavailable', {
        detail: `${file} was written by a newer version of the app (format ${found}; this version knows up to ${JOURNAL_SCHEMA_VERSION}): update the app to the latest version`,
      });
    }
    migrate(db, logger);
    // A quick look at every page: a file damaged past its header is found now, not mid-enquiry.
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw Object.assign(new Error(`quick_check: ${String(check)}`), { code: 'SQLITE_CORRUPT' });
  } catch (err) {
    db.close();
    throw err;
  }
  return createJournal(db, file, logger);
}

function schemaVersionOf(db: Database.Database): number {
  return db.pragma('user_version', { simple: true }) as number;
}

function migrate(db: Database.Database, logger: Logger): void {
  const current = schemaVersionOf(db);
  for (const migration of MIGRATIONS) {
    if (migration.version <= current) continue;
    db.transaction(() => {
      db.exec(migration.sql);
      db.pragma(`user_version = ${migration.version}`);
    })();
    logger.info('journal migrated', { version: migration.version });
  }
}

/** The journal over an open, migrated database. */
function createJournal(db: Database.Database, file: string, logger: Logger): Journal {
  function applyRetention(days: number, now: Date): number {
    const cutoff = new Date(now.getTime() - days * 86_400_000).toISOString();
    const result = db.prepare('DELETE FROM enquiries WHERE time < ?').run(cutoff);
    if (result.changes > 0) logger.info('journal retention applied', { deleted: result.changes, days });
    return result.changes;
  }

  function recordSent(entry: SentEntry): void {
    if (!MASKED_MOBILE.test(entry.maskedMobile)) throw new KioskError('internal', { detail: 'journal refuses an unmasked mobile number' });
    if (!MASKED_AADHAAR.test(entry.maskedAadhaar)) throw new KioskError('internal', { detail: 'journal refuses an unmasked Aadhaar number' });
    if (!/^\d{6}$/.test(entry.bankIin)) throw new KioskError('internal', { detail: 'journal refuses a bad IIN' });
    db.prepare(
      `INSERT INTO enquiries (kind, time, updated_at, client_ref_id, profile, masked_mobile, masked_aadhaar, bank_iin, bank_name, outcome)
       VALUES (@kind, @time, @time, @clientRefId, @profile, @maskedMobile, @maskedAadhaar, @bankIin, @bankName, 'sent')`,
    ).run({ kind: 'balance', ...entry });
  }

  /**
   * Runs an update whose loss in a power cut costs nothing: the row would stay "sent" and be
   * followed up as unknown. It commits without waiting for the disk (synchronous=NORMAL: in WAL
   * mode still consistent, and made durable by the next FULL commit), which keeps a 1–5 ms
   * fsync off the main process's answer. Only the "sent" insert waits for the disk.
   */
  function withoutWaitingForDisk<T>(write: () => T): T {
    db.pragma('synchronous = NORMAL');
    try {
      return write();
    } finally {
      db.pragma('synchronous = FULL');
    }
  }

  function recordAnswer(answer: JournalAnswer, now = new Date()): void {
    const outcome = answer;
    const base = { clientRefId: answer.clientRefId, updatedAt: now.toISOString(), bankName: answer.bankName };
    const fields =
      outcome.outcome === 'success'
        ? { outcome: 'success', reason: null, tid: outcome.tid, bankRef: outcome.bankRef, uidaiRef: outcome.uidaiRef, balance: outcome.balance, lines: outcome.lines ?? null, errorCode: null, errorMessage: null }
        : outcome.outcome === 'refused'
          ? { outcome: 'refused', reason: outcome.reason, tid: outcome.tid, bankRef: null, uidaiRef: null, balance: null, lines: null, errorCode: `refused.${outcome.reason}`, errorMessage: scrubDigits(outcome.serverMessage) }
          : { outcome: 'unknown', reason: outcome.reason, tid: outcome.tid, bankRef: null, uidaiRef: null, balance: null, lines: null, errorCode: `unknown.${outcome.reason}`, errorMessage: null };
    const result = withoutWaitingForDisk(() =>
      db
        .prepare(
          `UPDATE enquiries SET outcome=@outcome, reason=@reason, tid=@tid, bank_ref=@bankRef, uidai_ref=@uidaiRef, balance=@balance, lines=@lines,
             error_code=@errorCode, error_message=@errorMessage, bank_name=@bankName, updated_at=@updatedAt
           WHERE client_ref_id=@clientRefId`,
        )
        .run({ ...base, ...fields }),
    );
    if (result.changes === 0) logger.warn('outcome for an enquiry the journal does not know', { clientRefId: answer.clientRefId });
  }

  function recordNotSent(clientRefId: string, error: KioskError, now = new Date()): void {
    withoutWaitingForDisk(() =>
      db
        .prepare(`UPDATE enquiries SET outcome='notSent', reason=NULL, error_code=?, error_message=?, updated_at=? WHERE client_ref_id=?`)
        .run(error.code, scrubDigits(error.detail ?? null), now.toISOString(), clientRefId),
    );
  }

  function get(clientRefId: string): JournalRow | null {
    const r = db.prepare('SELECT * FROM enquiries WHERE client_ref_id = ?').get(clientRefId) as DbRow | undefined;
    return r ? toRow(r) : null;
  }

  function list(query: JournalQuery = {}): JournalRow[] {
    const { sql, params } = whereOf(query);
    const limit = Math.min(Math.max(query.limit ?? HISTORY_MAX_ROWS, 1), 5000);
    const rows = db.prepare(`SELECT * FROM enquiries ${sql} ORDER BY time DESC, id DESC LIMIT @limit`).all({ ...params, limit }) as DbRow[];
    return rows.map(toRow);
  }

  function count(query: Omit<JournalQuery, 'limit'> = {}): number {
    const { sql, params } = whereOf(query);
    return (db.prepare(`SELECT COUNT(*) AS n FROM enquiries ${sql}`).get(params) as { n: number }).n;
  }

  function totals(from: string, to: string, kind?: OperationKind): Record<JournalOutcome, number> {
    const rows = db
      .prepare(`SELECT outcome, COUNT(*) AS n FROM enquiries WHERE time >= ? AND time < ? ${kind ? 'AND kind = ?' : ''} GROUP BY outcome`)
      .all(...(kind ? [from, to, kind] : [from, to])) as Array<{ outcome: JournalOutcome; n: number }>;
    const counts: Record<JournalOutcome, number> = { sent: 0, success: 0, refused: 0, unknown: 0, notSent: 0 };
    for (const r of rows) counts[r.outcome] = r.n;
    return counts;
  }

  function agentRefusals(from: string, to: string): number {
    const reasons = AGENT_REFUSAL_REASONS.map((r) => `'${r}'`).join(',');
    return (
      db
        .prepare(`SELECT COUNT(*) AS n FROM enquiries WHERE kind = 'balance' AND outcome = 'refused' AND reason IN (${reasons}) AND time >= ? AND time < ?`)
        .get(from, to) as { n: number }
    ).n;
  }

  function dailyAuthDay(from: string, to: string, profile: Profile): { passedAt: string | null; askedAt: string | null; lastBankIin: string | null } {
    const one = <T>(sql: string, ...params: unknown[]) => db.prepare(sql).get(...params) as T | undefined;
    const passed = one<{ at: string | null }>(
      `SELECT MAX(updated_at) AS at FROM enquiries WHERE kind = 'dailyAuth' AND outcome = 'success' AND profile = ? AND time >= ? AND time < ?`,
      profile, from, to,
    );
    const asked = one<{ at: string | null }>(
      `SELECT MAX(updated_at) AS at FROM enquiries WHERE kind = 'balance' AND outcome = 'refused' AND reason = 'dailyAuthMissing' AND profile = ? AND time >= ? AND time < ?`,
      profile, from, to,
    );
    // The bank of the last attempt that passed, else of the last attempt at all.
    const bank = one<{ bank_iin: string }>(
      `SELECT bank_iin FROM enquiries WHERE kind = 'dailyAuth' AND profile = ? ORDER BY (outcome = 'success') DESC, id DESC LIMIT 1`,
      profile,
    );
    return { passedAt: passed?.at ?? null, askedAt: asked?.at ?? null, lastBankIin: bank?.bank_iin ?? null };
  }

  const journal = {
    // Not part of the Journal interface: callers never see it; only the test of its durability pragmas reads it.
    db,
    file,
    setAsideFile: null as string | null,
    get schemaVersion(): number {
      return schemaVersionOf(db);
    },
    applyRetention,
    recordSent,
    recordOutcome(outcome: EnquiryOutcome, now = new Date()): void {
      recordAnswer(journalAnswerOf(outcome), now);
    },
    recordAnswer,
    recordNotSent,
    get,
    list,
    count,
    totals,
    agentRefusals,
    dailyAuthDay,
    health(): JournalHealth {
      return { ...healthCounts(db), fileBytes: fileBytesOf(file), file, schemaVersion: schemaVersionOf(db), setAside: journal.setAsideFile };
    },
    close(): void {
      db.close();
    },
  };
  return journal;
}
