/**
 * Versioned schema migrations, applied in order; the applied version is kept in
 * SQLite's user_version. Never edit a shipped migration: add the next one.
 */
interface Migration {
  version: number;
  sql: string;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE enquiries (
        id             INTEGER PRIMARY KEY AUTOINCREMENT,
        time           TEXT NOT NULL,
        updated_at     TEXT NOT NULL,
        client_ref_id  TEXT NOT NULL UNIQUE,
        profile        TEXT NOT NULL,
        masked_mobile  TEXT NOT NULL,
        masked_aadhaar TEXT NOT NULL,
        bank_iin       TEXT NOT NULL,
        bank_name      TEXT NOT NULL,
        outcome        TEXT NOT NULL CHECK (outcome IN ('sent','success','refused','unknown','notSent')),
        tid            TEXT,
        bank_ref       TEXT,
        uidai_ref      TEXT,
        balance        TEXT,
        error_code     TEXT,
        error_message  TEXT
      );
      CREATE INDEX enquiries_time ON enquiries (time);
    `,
  },
  {
    // The reason behind a refusal or an unknown result, to explain it in history.
    version: 2,
    sql: `
      ALTER TABLE enquiries ADD COLUMN reason TEXT;
      CREATE INDEX enquiries_outcome ON enquiries (outcome);
    `,
  },
  {
    // What a row is: a customer's balance enquiry or mini statement, or the agent's daily authentication
    // (one pipeline, one table); a mini statement keeps only its number of lines, never the lines.
    version: 3,
    sql: `
      ALTER TABLE enquiries ADD COLUMN kind TEXT NOT NULL DEFAULT 'balance' CHECK (kind IN ('balance','miniStatement','dailyAuth'));
      ALTER TABLE enquiries ADD COLUMN lines INTEGER;
      CREATE INDEX enquiries_kind_time ON enquiries (kind, time);
    `,
  },
];
