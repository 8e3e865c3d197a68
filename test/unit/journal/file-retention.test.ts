import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { keepRetention, pruneOldFiles, RECEIPTS_DIR_NAME, EXPORTS_DIR_NAME, RETENTION_EVERY_MS } from '../../../main/services/journal/file-retention';
import { createLogger } from '../../../main/services/log/logger';
import { makeTempDir } from '../../support/temp-dir';

const DAY = 86_400_000;

describe('receipts and exports follow the journal’s retention', () => {
  it('removes files older than the retention, keeps newer ones, folders and missing dirs alike', () => {
    const dataDir = makeTempDir();
    const now = new Date('2026-11-29T10:00:00Z');
    const receipts = path.join(dataDir, RECEIPTS_DIR_NAME);
    fs.mkdirSync(path.join(receipts, 'kept-folder'), { recursive: true });
    const write = (file: string, ageDays: number) => {
      fs.writeFileSync(file, 'x');
      const at = new Date(now.getTime() - ageDays * DAY);
      fs.utimesSync(file, at, at);
    };
    write(path.join(receipts, 'receipt-old.pdf'), 91);
    write(path.join(receipts, 'receipt-new.pdf'), 89);
    const removed = pruneOldFiles([receipts, path.join(dataDir, EXPORTS_DIR_NAME)], 90, now, createLogger({ dir: null }));
    expect(removed).toBe(1);
    expect(fs.readdirSync(receipts).sort()).toEqual(['kept-folder', 'receipt-new.pdf']);
  });
});

describe('retention while the app runs', () => {
  it('is applied at start and then every day, to the journal and the files, until stopped', () => {
    vi.useFakeTimers();
    try {
      const clock = { now: new Date('2026-12-01T00:00:00.000Z') };
      const journal = { applyRetention: vi.fn(() => 0) };
      const dir = makeTempDir();
      const old = path.join(dir, 'receipt-old.pdf');
      fs.writeFileSync(old, 'x');
      const stop = keepRetention({ journal, dirs: [dir], days: 90, logger: createLogger({ dir: null }), now: () => clock.now });
      expect(journal.applyRetention).toHaveBeenCalledTimes(1);
      expect(fs.existsSync(old)).toBe(true);
      // 91 days on, without a restart: the daily run removes what aged out.
      clock.now = new Date(Date.now() + 91 * 86_400_000);
      fs.utimesSync(old, new Date('2026-12-01T00:00:00.000Z'), new Date('2026-12-01T00:00:00.000Z'));
      vi.advanceTimersByTime(RETENTION_EVERY_MS);
      expect(journal.applyRetention).toHaveBeenCalledTimes(2);
      expect(journal.applyRetention).toHaveBeenLastCalledWith(90, clock.now);
      expect(fs.existsSync(old)).toBe(false);
      stop();
      vi.advanceTimersByTime(3 * RETENTION_EVERY_MS);
      expect(journal.applyRetention).toHaveBeenCalledTimes(2);
    } finally {
      vi.useRealTimers();
    }
  });
});
