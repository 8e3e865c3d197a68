/**
 * The main side's logger: JSON lines, redacted, written to a size-rotated file
 * in the data dir. Services get a Logger and never write anywhere else.
 */
import fs from 'node:fs';
import path from 'node:path';
import { redactText, redactValue } from './redact';

export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

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

export interface LoggerOptions {
  /** Directory of kiosk.log; null writes no file. */
  dir: string | null;
  console?: boolean;
  minLevel?: LogLevel;
  maxBytes?: number;
  keepFiles?: number;
  /** Receives every line after redaction (tests, the export). */
  onLine?: (line: string) => void;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export const LOG_FILE_NAME = 'kiosk.log';

export function createLogger(options: LoggerOptions): Logger {
  const secrets: string[] = [];
  const minLevel = LEVELS[options.minLevel ?? 'info'];
  const maxBytes = options.maxBytes ?? 5 * 1024 * 1024;
  const keep = options.keepFiles ?? 5;
  const file = options.dir ? path.join(options.dir, LOG_FILE_NAME) : null;
  if (options.dir) fs.mkdirSync(options.dir, { recursive: true });
  let size = file && fs.existsSync(file) ? fs.statSync(file).size : 0;
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
        if (size + line.length + 1 > maxBytes) rotate();
        fd ??= fs.openSync(file, 'a');
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
