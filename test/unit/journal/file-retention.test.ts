import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { pruneOldFiles, RECEIPTS_DIR_NAME, EXPORTS_DIR_NAME } from '../../../main/services/journal/file-retention';
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
