/**
 * The main side's logger: JSON lines, redacted, written to a size-rotated file
 * in the data dir. Services get a Logger and never write anywhere else.
 *
 * Retention: besides the size limit (keepFiles × maxBytes), a log file not written for
 * maxAgeDays (30) is deleted, checked at start, at every rotation and hourly; and the
 * current file is rotated once its first line is maxAgeDays old, so a quiet counter
 * keeps no line much longer than twice that. The log dir is 0700 and its files 0600
 * where the OS has modes (POSIX): only the account running the kiosk reads them.
 */
import fs from 'node:fs';
import path from 'node:path';
import { redactText, redactValue } from './redact';

type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(event: string, fields?: Record<string, unknown>): void;
  info(event: string, fields?: Record<string, unknown>): void;
  warn(event: string, fields?: Record<string, unknown>): void;
  error(event: string, fields?: Record<string, unknown>): void;
  /** A logger whose lines carry `scope`. */
  child(scope: string): Logger;
  /** Adds values (keys, passwords) to redact wherever they appear. */
  addSecrets(...secrets: string[]): void;
}

interface LoggerOptions {
  /** Directory of kiosk.log; null writes no file. */
  dir: string | null;
  console?: boolean;
  minLevel?: LogLevel;
  maxBytes?: number;
  keepFiles?: number;
  /** Log files not written for this many days are deleted (default LOG_MAX_AGE_DAYS). */
  maxAgeDays?: number;
  /** The clock for retention (tests). */
  now?: () => number;
  /** Receives every line after redaction (tests, the export). */
  onLine?: (line: string) => void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const LOG_FILE_NAME = 'kiosk.log';
const LOG_MAX_AGE_DAYS = 30;
/** Owner-only modes where the OS has them (ignored on Windows). */
const PRIVATE_DIR_MODE = 0o700;
const PRIVATE_FILE_MODE = 0o600;
const DAY_MS = 86_400_000;
const PRUNE_EVERY_MS = 3_600_000;

/** Sets an owner-only mode on POSIX; a failure (not our file, Windows) changes nothing. */
function restrictMode(target: string, mode: number): void {
  if (process.platform === 'win32') return;
  try {
    fs.chmodSync(target, mode);
  } catch {
    // Not ours to change: left as it is.
  }
}

/** The time of a log file's first line; null when it has none that parses. */
function firstLineTime(file: string): number | null {
  let fd: number | null = null;
  try {
    fd = fs.openSync(file, 'r');
    const buffer = Buffer.alloc(256);
    const read = fs.readSync(fd, buffer, 0, buffer.length, 0);
    const match = /^\{"t":"([^"]+)"/.exec(buffer.subarray(0, read).toString('utf8'));
    const t = match ? Date.parse(match[1]!) : NaN;
    return Number.isFinite(t) ? t : null;
  } catch {
    return null;
  } finally {
    if (fd !== null) fs.closeSync(fd);
  }
}

export function createLogger(options: LoggerOptions): Logger {
  const secrets: string[] = [];
  const minLevel = LEVELS[options.minLevel ?? 'info'];
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keepFiles ?? 5;
  const maxAgeMs = (options.maxAgeDays ?? LOG_MAX_AGE_DAYS) * DAY_MS;
  const now = options.now ?? Date.now;
  const file = options.dir ? path.join(options.dir, LOG_FILE_NAME) : null;
  if (options.dir) {
    fs.mkdirSync(options.dir, { recursive: true, mode: PRIVATE_DIR_MODE });
    restrictMode(options.dir, PRIVATE_DIR_MODE);
  }
  let lastPrune = 0;
  /** Deletes kiosk.log and kiosk.log.N files not written for maxAgeDays. */
  function prune(): void {
    if (!options.dir) return;
    lastPrune = now();
    const cutoff = lastPrune - maxAgeMs;
    let names: string[];
    try {
      names = fs.readdirSync(options.dir);
    } catch {
      return;
    }
    for (const name of names) {
      if (name !== LOG_FILE_NAME && !/^kiosk\.log\.\d+$/.test(name)) continue;
      const full = path.join(options.dir, name);
      try {
        if (fs.statSync(full).mtimeMs < cutoff) fs.rmSync(full);
      } catch {
        // Open elsewhere (Windows): the next prune has it.
      }
    }
  }
  prune();
  if (file && fs.existsSync(file)) restrictMode(file, PRIVATE_FILE_MODE);
  let size = file && fs.existsSync(file) ? fs.statSync(file).size : 0;
  // When the current file's first line was written: it is rotated once that is maxAgeDays old.
  let startedAt = file && size > 0 ? (firstLineTime(file) ?? now()) : null;
  // One descriptor kept open (synchronous writes, so a crash loses no line): opening and
  // closing the file for every line cost more than the write itself.
  let fd: number | null = null;
  const closeFile = () => {
    if (fd === null) return;
    try {
      fs.closeSync(fd);
    } catch {
      // already gone
    }
    fd = null;
  };

  function rotate(): void {
    if (!file) return;
    closeFile();
    for (let i = keep - 1; i >= 1; i--) {
      const from = i === 1 ? file : `${file}.${i - 1}`;
      if (fs.existsSync(from)) fs.renameSync(from, `${file}.${i}`);
    }
    size = 0;
    startedAt = null;
    prune();
  }

  function write(level: LogLevel, scope: string | undefined, event: string, fields?: Record<string, unknown>): void {
    if (LEVELS[level] < minLevel) return;
    const record = {
      t: new Date().toISOString(),
      level,
      ...(scope ? { scope } : {}),
      event: redactText(event, secrets),
      ...(fields ? (redactValue(fields, secrets) as Record<string, unknown>) : {}),
    };
    const line = JSON.stringify(record);
    options.onLine?.(line);
    if (options.console) (level === 'error' || level === 'warn' ? process.stderr : process.stdout).write(`${line}\n`);
    if (file) {
      try {
        const t = now();
        if (size + line.length + 1 > maxBytes || (startedAt !== null && t - startedAt > maxAgeMs)) rotate();
        else if (t - lastPrune > PRUNE_EVERY_MS) prune();
        fd ??= fs.openSync(file, 'a', PRIVATE_FILE_MODE);
        startedAt ??= t;
        fs.writeSync(fd, `${line}\n`);
        size += Buffer.byteLength(line) + 1;
      } catch {
        // A full disk must not stop an enquiry; the line is lost, nothing else. Reopen next time.
        closeFile();
      }
    }
  }

  function make(scope?: string): Logger {
    return {
      debug: (e, f) => write('debug', scope, e, f),
      info: (e, f) => write('info', scope, e, f),
      warn: (e, f) => write('warn', scope, e, f),
      error: (e, f) => write('error', scope, e, f),
      child: (s) => make(scope ? `${scope}.${s}` : s),
      addSecrets: (...s) => {
        for (const secret of s) if (secret && !secrets.includes(secret)) secrets.push(secret);
      },
    };
  }
  return make();
}

/** A logger that drops everything (unit tests of pure pieces). */
export const silentLogger: Logger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  child: () => silentLogger,
  addSecrets() {},
};
