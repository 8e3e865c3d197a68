import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { EnquiryOutcome } from '../../../app/contract';
import { KioskError } from '../../../app/contract';
import { HISTORY_MAX_ROWS } from '../../../app/contract';
import { loadConfig } from '../../../main/services/config/config';
import { inspectJournal, type Journal, JOURNAL_FILE_NAME, JOURNAL_SCHEMA_VERSION, openJournal as openJournalFile, type SentEntry } from '../../../main/services/journal/journal';
import { MIGRATIONS } from '../../../main/services/journal/migrations';
import { createLogger } from '../../../main/services/log/logger';
import { writeV1Journal } from '../../support/old-journal';
import { makeTempDir } from '../../support/temp-dir';

const logger = createLogger({ dir: null });
const open: Journal[] = [];
/** A journal in a fresh (or the given) dir, closed after the test. */
function openJournal(dir = makeTempDir(), retentionDays = 90, now = new Date()) {
  const journal = openJournalFile({ file: path.join(dir, JOURNAL_FILE_NAME), retentionDays, logger, now: () => now });
  open.push(journal);
  return journal;
}
afterEach(() => {
  for (const j of open.splice(0)) {
    try {
      j.close();
    } catch {
      // already closed
    }
  }
});

function sent(ref: string, time = new Date().toISOString(), over: Partial<SentEntry> = {}): SentEntry {
  return { clientRefId: ref, time, profile: 'demo', maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094', bankName: 'State Bank of India', ...over };
}

const success = (ref: string): EnquiryOutcome => ({
  outcome: 'success', clientRefId: ref, at: new Date().toISOString(), maskedAadhaar: 'XXXX XXXX 2346', maskedMobile: 'XXXXXX3210',
  bankIin: '607094', bankName: 'State Bank of India', balance: '5500.75', tid: 'EKO1', bankRef: 'RRN1', uidaiRef: 'UID1',
});

describe('journal', () => {
  it('writes "sent" first, in WAL mode, then the answer', () => {
    const dir = makeTempDir();
    const journal = openJournal(dir);
    journal.recordSent(sent('A1'));
    // A second connection sees the row at once: it is on disk before the request leaves.
    const other = new Database(path.join(dir, JOURNAL_FILE_NAME), { readonly: true });
    expect(other.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(other.prepare('SELECT outcome FROM enquiries WHERE client_ref_id = ?').get('A1')).toEqual({ outcome: 'sent' });
    other.close();
    journal.recordOutcome(success('A1'));
    expect(journal.get('A1')).toMatchObject({ outcome: 'success', balance: '5500.75', tid: 'EKO1', bankRef: 'RRN1', uidaiRef: 'UID1', maskedAadhaar: 'XXXX XXXX 2346' });
  });

  it('waits for the disk on "sent" only: answers commit without an fsync, then FULL is back', () => {
    const journal = openJournal();
    const pragma = vi.spyOn(Database.prototype, 'pragma');
    try {
      journal.recordSent(sent('D1'));
      expect(pragma.mock.calls.map((c) => c[0])).not.toContain('synchronous = NORMAL');
      pragma.mockClear();
      journal.recordOutcome(success('D1'));
      journal.recordSent(sent('D2'));
      journal.recordNotSent('D2', new KioskError('eko.offline'));
      expect(pragma.mock.calls.map((c) => c[0])).toEqual(['synchronous = NORMAL', 'synchronous = FULL', 'synchronous = NORMAL', 'synchronous = FULL']);
    } finally {
      pragma.mockRestore();
    }
    // FULL again for the next "sent" (2 = FULL).
    expect((journal as unknown as { db: Database.Database }).db.pragma('synchronous', { simple: true })).toBe(2);
  });

  it('records refusals, unknowns and not-sent with their codes', () => {
    const journal = openJournal();
    for (const ref of ['R', 'U', 'N']) journal.recordSent(sent(ref));
    journal.recordOutcome({ ...success('R'), outcome: 'refused', reason: 'notLinked', serverMessage: 'Customer Aadhaar number 234123412346 is not linked', tid: null } as EnquiryOutcome);
    journal.recordOutcome({ ...success('U'), outcome: 'unknown', reason: 'awaited', tid: 'T9' } as EnquiryOutcome);
    journal.recordNotSent('N', new KioskError('eko.offline', { detail: 'ECONNREFUSED' }));
    expect(journal.get('R')).toMatchObject({ outcome: 'refused', reason: 'notLinked', errorCode: 'refused.notLinked' });
    expect(journal.get('R')!.errorMessage).not.toContain('234123412346');
    expect(journal.get('U')).toMatchObject({ outcome: 'unknown', reason: 'awaited', tid: 'T9' });
    expect(journal.get('N')).toMatchObject({ outcome: 'notSent', errorCode: 'eko.offline' });
    // An unknown row that turns out never sent keeps no stale unknown reason.
    journal.recordNotSent('U', new KioskError('eko.neverArrived'));
    expect(journal.get('U')).toMatchObject({ outcome: 'notSent', reason: null, errorCode: 'eko.neverArrived' });
  });

  it('refuses clear mobile or Aadhaar numbers', () => {
    const journal = openJournal();
    expect(() => journal.recordSent(sent('X', undefined, { maskedMobile: '9876543210' }))).toThrow(/unmasked mobile/);
    expect(() => journal.recordSent(sent('X', undefined, { maskedAadhaar: '234123412346' }))).toThrow(/unmasked Aadhaar/);
    expect(journal.list()).toHaveLength(0);
  });

  it('filters by time, outcome and last 4 digits, and totals a day', () => {
    const journal = openJournal();
    journal.recordSent(sent('D1', '2026-11-20T05:00:00.000Z'));
    journal.recordSent(sent('D2', '2026-11-21T05:00:00.000Z', { maskedMobile: 'XXXXXX1111' }));
    journal.recordSent(sent('D3', '2026-11-21T06:00:00.000Z', { maskedAadhaar: 'XXXX XXXX 9999' }));
    journal.recordOutcome(success('D2'));
    const day = { from: '2026-11-21T00:00:00.000Z', to: '2026-11-22T00:00:00.000Z' };
    expect(journal.list(day).map((r) => r.clientRefId)).toEqual(['D3', 'D2']);
    expect(journal.list({ ...day, outcome: 'success' }).map((r) => r.clientRefId)).toEqual(['D2']);
    expect(journal.list({ last4: '1111' }).map((r) => r.clientRefId)).toEqual(['D2']);
    expect(journal.list({ last4: '9999' }).map((r) => r.clientRefId)).toEqual(['D3']);
    expect(journal.totals(day.from, day.to)).toEqual({ sent: 1, success: 1, refused: 0, unknown: 0, notSent: 0 });
    expect(() => journal.list({ last4: '12' })).toThrow(KioskError);
  });

  it('keeps "sent" rows across a reopen and reports them for follow-up', () => {
    const dir = makeTempDir();
    const first = openJournal(dir);
    first.recordSent(sent('LOST'));
    first.close();
    const second = openJournal(dir);
    expect(second.list({ outcome: 'unknownOrSent' }).map((r) => r.clientRefId)).toEqual(['LOST']);
    expect(second.count({ outcome: 'unknownOrSent' })).toBe(1);
    expect(second.health()).toMatchObject({ rows: 1, unknown: 1, schemaVersion: MIGRATIONS.at(-1)!.version });
    expect(second.health().fileBytes).toBeGreaterThan(0);
  });

  it('deletes rows older than the retention at start-up', () => {
    const dir = makeTempDir();
    const now = new Date('2026-11-22T00:00:00.000Z');
    const first = openJournal(dir, 90, now);
    first.recordSent(sent('OLD', '2026-08-01T00:00:00.000Z'));
    first.recordSent(sent('NEW', '2026-11-01T00:00:00.000Z'));
    first.close();
    const second = openJournal(dir, 30, now);
    expect(second.list().map((r) => r.clientRefId)).toEqual(['NEW']);
  });

  it('migrates a version-1 database forward without losing rows', () => {
    const dir = makeTempDir();
    writeV1Journal(dir, [{ ref: 'V1', time: '2026-11-21T00:00:00.000Z', outcome: 'success' }]);
    const journal = openJournal(dir);
    expect(journal.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(journal.get('V1')).toMatchObject({ outcome: 'success', reason: null });
  });

  it('refuses a journal written by a newer app version at opening, saying to update, and leaves it as it was', () => {
    const dir = makeTempDir();
    const file = path.join(dir, JOURNAL_FILE_NAME);
    openJournal(dir).recordSent(sent('KEEP'));
    open.pop()!.close();
    const db = new Database(file);
    db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION + 1}`);
    db.close();
    let error: unknown;
    try {
      openJournal(dir);
    } catch (err) {
      error = err;
    }
    expect(error).toBeInstanceOf(KioskError);
    expect(error).toMatchObject({ code: 'journal.unavailable' });
    expect((error as KioskError).message).toMatch(/newer version of the app .*update the app/);
    // Untouched: the newer app can still use it.
    expect(inspectJournal(file)).toMatchObject({ rows: 1, schemaVersion: JOURNAL_SCHEMA_VERSION + 1, state: 'newerApp' });
  });

  it('inspects a journal read-only: no migration, no retention, and says when it needs one', () => {
    const dir = makeTempDir();
    const file = writeV1Journal(dir, [
      { ref: 'ANCIENT', time: '2001-01-01T00:00:00.000Z', outcome: 'sent' }, // far past any retention
      { ref: 'OK1', time: '2026-11-21T00:00:00.000Z', outcome: 'success' },
    ]);
    const bytes = fs.readFileSync(file);
    const report = inspectJournal(file);
    expect(report).toMatchObject({ rows: 2, unknown: 1, schemaVersion: 1, appSchemaVersion: JOURNAL_SCHEMA_VERSION, state: 'needsMigration' });
    expect(report.fileBytes).toBeGreaterThanOrEqual(bytes.length);
    // Nothing changed: still version 1, no reason column, the old row still there.
    const after = new Database(file, { readonly: true });
    expect(after.pragma('user_version', { simple: true })).toBe(1);
    expect((after.prepare('PRAGMA table_info(enquiries)').all() as { name: string }[]).map((c) => c.name)).not.toContain('reason');
    expect(after.prepare("SELECT COUNT(*) AS n FROM enquiries WHERE client_ref_id = 'ANCIENT'").get()).toEqual({ n: 1 });
    after.close();
    expect(() => inspectJournal(path.join(dir, 'missing.sqlite'))).toThrow();
    expect(fs.existsSync(path.join(dir, 'missing.sqlite'))).toBe(false);
  });

  it('lists the newest rows up to the limit and counts every match', () => {
    const journal = openJournal();
    const base = Date.parse('2026-11-21T00:00:00.000Z');
    for (let i = 0; i < HISTORY_MAX_ROWS + 3; i++) journal.recordSent(sent(`M${i}`, new Date(base + i * 1000).toISOString()));
    const rows = journal.list();
    expect(rows).toHaveLength(HISTORY_MAX_ROWS);
    expect(rows[0]!.clientRefId).toBe(`M${HISTORY_MAX_ROWS + 2}`);
    expect(journal.count()).toBe(HISTORY_MAX_ROWS + 3);
    expect(journal.count({ from: new Date(base + 10_000).toISOString() })).toBe(HISTORY_MAX_ROWS - 7);
    expect(journal.count({ outcome: 'success' })).toBe(0);
  });

  it('keeps 90 days by default: a row of 89 days stays, one of 91 days goes', () => {
    const dataDir = makeTempDir();
    const config = loadConfig({ KIOSK_DATA_DIR: dataDir }, { fileContent: {} });
    expect(config.journalRetentionDays).toBe(90);
    const now = new Date('2026-11-22T00:00:00.000Z');
    const daysAgo = (d: number) => new Date(now.getTime() - d * 86_400_000).toISOString();
    const first = openJournal(dataDir, config.journalRetentionDays, new Date(daysAgo(100)));
    first.recordSent(sent('D89', daysAgo(89)));
    first.recordSent(sent('D91', daysAgo(91)));
    first.close();
    const second = openJournal(dataDir, config.journalRetentionDays, now);
    expect(second.list().map((r) => r.clientRefId)).toEqual(['D89']);
  });

  it('never holds a clear number in the file', () => {
    const dir = makeTempDir();
    const journal = openJournal(dir);
    journal.recordSent(sent('P1'));
    journal.recordOutcome({ ...success('P1'), outcome: 'refused', reason: 'other', serverMessage: 'Mobile 9876543210 Aadhaar 2341 2341 2346 failed', tid: null } as EnquiryOutcome);
    journal.close();
    const bytes = fs.readdirSync(dir).map((f) => fs.readFileSync(path.join(dir, f)).toString('latin1')).join('');
    expect(bytes).not.toContain('9876543210');
    expect(bytes).not.toMatch(/2341\s?2341\s?2346/);
  });
});

describe('a damaged journal and file modes', () => {
  it('a damaged file is set aside with the time in its name and a new journal starts; Diagnostics can say so', () => {
    const dir = makeTempDir();
    const file = path.join(dir, 'journal.sqlite');
    fs.writeFileSync(file, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(4096, 0x5a)]));
    const journal = openJournalFile({ file, retentionDays: 90, logger: createLogger({ dir: null }), now: () => new Date('2026-12-02T10:00:00.000Z') });
    try {
      expect(journal.health().setAside).toBe(path.join(dir, 'journal.corrupt-2026-12-02T10-00-00-000Z.sqlite'));
      expect(fs.readFileSync(journal.health().setAside!).subarray(0, 16).toString()).toBe('SQLite format 3\0');
      journal.recordSent({ clientRefId: 'R1', time: '2026-12-02T10:00:00.000Z', profile: 'demo', maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094', bankName: 'SBI' });
      expect(journal.get('R1')?.outcome).toBe('sent');
    } finally {
      journal.close();
    }
  });

  it.skipIf(process.platform === 'win32')('the journal and its folder are readable by their owner only', () => {
    const dir = path.join(makeTempDir(), 'data');
    const journal = openJournalFile({ file: path.join(dir, 'journal.sqlite'), retentionDays: 90, logger: createLogger({ dir: null }) });
    journal.recordSent({ clientRefId: 'R2', time: new Date().toISOString(), profile: 'demo', maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094', bankName: 'SBI' });
    try {
      expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
      for (const name of fs.readdirSync(dir)) expect([name, fs.statSync(path.join(dir, name)).mode & 0o777]).toEqual([name, 0o600]);
    } finally {
      journal.close();
    }
  });
});
