import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const made: string[] = [];

/** Removes every dir makeTempDir made in this process (a test file's worker, a bench). */
export function removeTempDirs(): void {
  for (const dir of made.splice(0)) {
    try {
      fs.rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
    } catch {
      // Still in use (a child process exiting): the OS temp cleaner will have it.
    }
  }
}

/** A fresh data dir under the OS temp folder, removed when this process exits. */
export function makeTempDir(prefix = 'kiosk-test-'): string {
  if (made.length === 0) process.once('exit', removeTempDirs);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  made.push(dir);
  return dir;
}
