import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/** A fresh data dir under the OS temp folder; removed by the caller's cleanup. */
export function makeTempDir(prefix = 'kiosk-test-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}
