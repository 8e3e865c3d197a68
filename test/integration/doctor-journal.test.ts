/**
 * The doctor's journal part: it reports rows, unknown results and file size of the journal
 * in the data dir, read-only — no migration, no retention — and says when the file needs a
 * migration or comes from a newer app. (The scanner and Eko parts: test/integration/rd/doctor.test.ts.)
 */
import path from 'node:path';
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../main/services/config/config';
import { checkJournal, printDoctor, type DoctorReport } from '../../main/services/doctor/doctor';
import { inspectJournal, JOURNAL_FILE_NAME, JOURNAL_SCHEMA_VERSION, openJournal } from '../../main/services/journal/journal';
import { silentLogger } from '../../main/services/log/logger';
import { runDoctor } from '../support/doctor';
import { writeV1Journal } from '../support/old-journal';
import { makeTempDir } from '../support/temp-dir';

/** A version-1 journal (before the `reason` column) with a row far older than any retention. */
function oldJournal(dataDir: string): string {
  return writeV1Journal(dataDir, [
    { ref: 'ANCIENT', time: '2001-01-01T00:00:00.000Z', outcome: 'unknown' },
    { ref: 'SENT1', time: '2026-11-20T00:00:00.000Z', outcome: 'sent' },
    { ref: 'OK1', time: '2026-11-21T00:00:00.000Z', outcome: 'success' },
  ]);
}

function lines(report: DoctorReport): string[] {
  const out: string[] = [];
  printDoctor(report, (line) => out.push(line));
  return out;
}

const baseReport: Omit<DoctorReport, 'journal'> = {
  version: '1',
  profile: 'demo',
  dataDir: '/d',
  notes: [],
  rd: { devices: [], selected: null, ms: 1 },
  eko: { ok: true, baseUrl: 'http://127.0.0.1:1/ekoapi/v3', clockSkewMs: 0, walletBalance: '1', error: null },
};

describe('the doctor reads the journal without changing it', () => {
  it('counts rows, unknown results and file size; leaves an older file unmigrated and its old rows in place', () => {
    const dataDir = makeTempDir('doctor-journal-');
    const file = oldJournal(dataDir);
    const config = loadConfig({ KIOSK_DATA_DIR: dataDir }, { fileContent: {} });
    const journal = checkJournal(config)!;
    expect(journal).toMatchObject({ rows: 3, unknown: 2, schemaVersion: 1, state: 'needsMigration' });
    expect(journal.fileBytes).toBeGreaterThan(0);
    const db = new Database(file, { readonly: true });
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    expect(db.prepare("SELECT COUNT(*) AS n FROM enquiries WHERE client_ref_id = 'ANCIENT'").get()).toEqual({ n: 1 });
    db.close();
    const text = lines({ ...baseReport, journal });
    expect(text).toContain(`Journal: 3 enquiries, 2 with an unknown result to follow up, ${(journal.fileBytes / 1024).toFixed(0)} KB.`);
    expect(text.join('\n')).toMatch(/format 1 is older than this app's \d+: the app updates it at its next start/);
  });

  it('a current journal is "ok", a newer one says to update the app; no journal is null', () => {
    const dataDir = makeTempDir('doctor-journal-');
    const config = loadConfig({ KIOSK_DATA_DIR: dataDir }, { fileContent: {} });
    expect(checkJournal(config)).toBeNull();
    const file = path.join(dataDir, JOURNAL_FILE_NAME);
    openJournal({ file, retentionDays: 90, logger: silentLogger }).close();
    expect(checkJournal(config)).toMatchObject({ rows: 0, unknown: 0, schemaVersion: JOURNAL_SCHEMA_VERSION, state: 'ok' });
    const db = new Database(file);
    db.pragma(`user_version = ${JOURNAL_SCHEMA_VERSION + 1}`);
    db.close();
    const journal = checkJournal(config)!;
    expect(journal.state).toBe('newerApp');
    expect(lines({ ...baseReport, journal }).join('\n')).toMatch(/written by a newer version of the app .*update the app/);
  });

  it('npm run doctor -- --json: the journal member, and exit 0 because a READY scanner was found', async () => {
    const dataDir = makeTempDir('doctor-journal-');
    const file = oldJournal(dataDir);
    const { code, stdout } = await runDoctor(['--json'], { KIOSK_DATA_DIR: dataDir });
    const report = JSON.parse(stdout) as DoctorReport;
    expect(report.rd.selected).not.toBeNull(); // the demo profile's built-in simulator is READY
    expect(code).toBe(0);
    expect(report.journal).toMatchObject({ rows: 3, unknown: 2, schemaVersion: 1, state: 'needsMigration' });
    expect(report.journal!.fileBytes).toBeGreaterThan(0);
    expect(inspectJournal(file)).toMatchObject({ schemaVersion: 1, rows: 3 });
  }, 30_000);
});
