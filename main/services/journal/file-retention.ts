/**
 * The files the app writes beside the journal follow the journal's retention: receipt PDFs
 * (masked data, but still customers' enquiries) and support exports are removed at start-up
 * once older than `journalRetentionDays`, so a counter's disk does not fill over the years.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../log/logger';

/** <dataDir>/receipts: receipts saved as PDF. */
export const RECEIPTS_DIR_NAME = 'receipts';
/** <dataDir>/exports: diagnostics bundles and log zips for support. */
export const EXPORTS_DIR_NAME = 'exports';

/** Deletes the files (not folders) in `dirs` last changed before the retention period. Returns how many went. */
export function pruneOldFiles(dirs: readonly string[], days: number, now: Date, logger: Logger): number {
  const cutoff = now.getTime() - days * 86_400_000;
  let removed = 0;
  for (const dir of dirs) {
    let names: string[];
    try {
      names = fs.readdirSync(dir);
    } catch {
      continue; // not created yet
    }
    for (const name of names) {
      const file = path.join(dir, name);
      try {
        const stat = fs.statSync(file);
        if (stat.isFile() && stat.mtimeMs < cutoff) {
          fs.rmSync(file);
          removed++;
        }
      } catch (err) {
        // A file in use (open in a PDF viewer) stays until the next start.
        logger.warn('old file not removed', { file, error: err });
      }
    }
  }
  if (removed > 0) logger.info('old receipts and exports removed', { removed, days });
  return removed;
}

/** How often retention runs while the app runs (a counter may stay up for weeks). */
export const RETENTION_EVERY_MS = 24 * 3600_000;

/**
 * Applies the journal's retention to its rows and to these files now (start-up) and then every
 * `everyMs` while the app runs. Answers the stop. A failure is logged and tried again next time.
 */
export function keepRetention(options: {
  journal: { applyRetention(days: number, now: Date): number };
  dirs: readonly string[];
  days: number;
  logger: Logger;
  now?: () => Date;
  everyMs?: number;
}): () => void {
  const now = options.now ?? (() => new Date());
  const apply = () => {
    try {
      options.journal.applyRetention(options.days, now());
      pruneOldFiles(options.dirs, options.days, now(), options.logger);
    } catch (err) {
      options.logger.warn('retention could not be applied', { error: err });
    }
  };
  apply();
  const timer = setInterval(apply, options.everyMs ?? RETENTION_EVERY_MS);
  timer.unref();
  return () => clearInterval(timer);
}
