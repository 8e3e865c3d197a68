/** A version-1 journal file (before the `reason` column), as an app of that version left it. */
import path from 'node:path';
import Database from 'better-sqlite3';
import { JOURNAL_FILE_NAME } from '../../main/services/journal/journal';
import { MIGRATIONS } from '../../main/services/journal/migrations';

export interface V1Row {
  ref: string;
  /** ISO time, also its updated_at. */
  time: string;
  outcome: 'sent' | 'success' | 'refused' | 'unknown' | 'notSent';
}

/** Writes <dataDir>/journal.sqlite at schema version 1 with these rows; answers the file's path. */
export function writeV1Journal(dataDir: string, rows: readonly V1Row[]): string {
  const file = path.join(dataDir, JOURNAL_FILE_NAME);
  const db = new Database(file);
  db.exec(MIGRATIONS[0]!.sql);
  db.pragma('user_version = 1');
  const insert = db.prepare(`INSERT INTO enquiries (time, updated_at, client_ref_id, profile, masked_mobile, masked_aadhaar, bank_iin, bank_name, outcome)
    VALUES (?, ?, ?, 'demo', 'XXXXXX3210', 'XXXX XXXX 2346', '607094', 'SBI', ?)`);
  for (const row of rows) insert.run(row.time, row.time, row.ref, row.outcome);
  db.close();
  return file;
}
