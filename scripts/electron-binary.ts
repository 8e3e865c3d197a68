/**
 * Where the Electron binary is, if it is installed: read from the electron package's path.txt
 * without loading the package itself (Electron 45's `require('electron')` starts a download when
 * the binary is missing: a test or `npm start` must never reach the network by looking).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

const require = createRequire(import.meta.url);

export function electronPackageDir(): string {
  return path.dirname(require.resolve('electron/package.json'));
}

export function electronBinary(): string | null {
  if (process.env.ELECTRON_PATH && fs.existsSync(process.env.ELECTRON_PATH)) return process.env.ELECTRON_PATH;
  try {
    const dir = electronPackageDir();
    const pathFile = path.join(dir, 'path.txt');
    if (!fs.existsSync(pathFile)) return null;
    const bin = path.join(dir, 'dist', fs.readFileSync(pathFile, 'utf8').trim());
    return fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}
