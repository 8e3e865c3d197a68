import fs from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import type { EnquiryOutcome } from '../../../app/contract';
import { KioskError } from '../../../app/contract';
import { Journal, JOURNAL_FILE_NAME, type SentEntry } from '../../../main/services/journal/journal';
import { MIGRATIONS } from '../../../main/services/journal/migrations';
import { createLogger } from '../../../main/services/log/logger';
import { makeTempDir } from '../../support/temp-dir';

const logger = createLogger({ dir: null });
const open: Journal[] = [];
function openJournal(dir = makeTempDir(), retentionDays = 90, now = new Date()) {
  const journal = Journal.open({ file: path.join(dir, JOURNAL_FILE_NAME), retentionDays, logger, now: () => now });
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
    expect(second.unresolved().map((r) => r.clientRefId)).toEqual(['LOST']);
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
    const file = path.join(dir, JOURNAL_FILE_NAME);
    const db = new Database(file);
    db.exec(MIGRATIONS[0]!.sql);
    db.pragma('user_version = 1');
    db.prepare(`INSERT INTO enquiries (time, updated_at, client_ref_id, profile, masked_mobile, masked_aadhaar, bank_iin, bank_name, outcome)
      VALUES ('2026-11-21T00:00:00.000Z','2026-11-21T00:00:00.000Z','V1','demo','XXXXXX3210','XXXX XXXX 2346','607094','SBI','success')`).run();
    db.close();
    const journal = openJournal(dir);
    expect(journal.schemaVersion).toBe(MIGRATIONS.at(-1)!.version);
    expect(journal.get('V1')).toMatchObject({ outcome: 'success', reason: null });
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
