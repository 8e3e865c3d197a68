import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createLogger, LOG_FILE_NAME } from '../../../main/services/log/logger';
import { makeTempDir } from '../../support/temp-dir';

const DAY = 86_400_000;

/** Sets a file's modification time to `ms`. */
function age(file: string, ms: number): void {
  fs.utimesSync(file, new Date(ms), new Date(ms));
}

describe('logger retention by age', () => {
  it('deletes log files not written for maxAgeDays at start, keeps newer ones and other files', () => {
    const dir = makeTempDir();
    const t = Date.now();
    const write = (name: string, mtime: number) => {
      fs.writeFileSync(path.join(dir, name), `{"t":"${new Date(mtime).toISOString()}","level":"info","event":"x"}\n`);
      age(path.join(dir, name), mtime);
    };
    write(LOG_FILE_NAME, t - 1 * DAY);
    write(`${LOG_FILE_NAME}.1`, t - 10 * DAY);
    write(`${LOG_FILE_NAME}.2`, t - 31 * DAY);
    write(`${LOG_FILE_NAME}.3`, t - 400 * DAY);
    write('notes.txt', t - 400 * DAY);
    createLogger({ dir, maxAgeDays: 30, now: () => t });
    expect(fs.readdirSync(dir).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`, 'notes.txt']);
  });

  it('a current file untouched for maxAgeDays goes at start; a new one is begun', () => {
    const dir = makeTempDir();
    const t = Date.now();
    const file = path.join(dir, LOG_FILE_NAME);
    fs.writeFileSync(file, '{"t":"2020-01-01T00:00:00.000Z","level":"info","event":"old"}\n');
    age(file, t - 40 * DAY);
    const logger = createLogger({ dir, maxAgeDays: 30, now: () => t });
    logger.info('fresh');
    const text = fs.readFileSync(file, 'utf8');
    expect(text).toContain('fresh');
    expect(text).not.toContain('old');
  });

  it('while running: the current file is rotated once its first line is maxAgeDays old, and old rotated files are deleted', () => {
    const dir = makeTempDir();
    let t = Date.now();
    const logger = createLogger({ dir, maxAgeDays: 2, keepFiles: 5, now: () => t });
    logger.info('day 0');
    // Rotated files are dated by their last write; make the clock and the files agree.
    const file = path.join(dir, LOG_FILE_NAME);
    age(file, t);
    t += 1 * DAY;
    logger.info('day 1');
    age(file, t);
    expect(fs.readdirSync(dir)).toEqual([LOG_FILE_NAME]);
    t += 1.5 * DAY;
    // The first line is now 2.5 days old: this line starts a new file.
    logger.info('day 2.5');
    expect(fs.readdirSync(dir).sort()).toEqual([LOG_FILE_NAME, `${LOG_FILE_NAME}.1`]);
    expect(fs.readFileSync(file, 'utf8')).toContain('day 2.5');
    expect(fs.readFileSync(`${file}.1`, 'utf8')).toContain('day 1');
    age(file, t);
    // The rotated file was last written at day 1: at day 3.5 (over an hour later) it is over 2 days old and goes.
    t += 1 * DAY;
    logger.info('day 3.5');
    expect(fs.readdirSync(dir)).toEqual([LOG_FILE_NAME]);
    expect(fs.readFileSync(file, 'utf8')).toContain('day 3.5');
  });
});

describe.skipIf(process.platform === 'win32')('log file modes (POSIX)', () => {
  it('the log dir is 0700 and the log files 0600, also when they existed with wider modes, and after rotation', () => {
    const parent = makeTempDir();
    const dir = path.join(parent, 'logs');
    const logger = createLogger({ dir, maxBytes: 300, keepFiles: 3 });
    for (let i = 0; i < 10; i++) logger.info('a line that fills the file soon', { i });
    expect(fs.statSync(dir).mode & 0o777).toBe(0o700);
    const files = fs.readdirSync(dir);
    expect(files.length).toBeGreaterThan(1);
    for (const name of files) expect(fs.statSync(path.join(dir, name)).mode & 0o777, name).toBe(0o600);

    // Made by an older version with the default modes: tightened at start.
    const older = path.join(parent, 'older');
    fs.mkdirSync(older, { mode: 0o755 });
    fs.writeFileSync(path.join(older, LOG_FILE_NAME), '', { mode: 0o644 });
    fs.chmodSync(older, 0o755);
    fs.chmodSync(path.join(older, LOG_FILE_NAME), 0o644);
    createLogger({ dir: older }).info('x');
    expect(fs.statSync(older).mode & 0o777).toBe(0o700);
    expect(fs.statSync(path.join(older, LOG_FILE_NAME)).mode & 0o777).toBe(0o600);
  });
});
