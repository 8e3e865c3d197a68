/**
 * `npm start`: builds and launches the Electron app. Where the Electron binary
 * cannot be obtained (no download possible), says so in one line and names
 * `npm run web`, which runs the same app in a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { buildElectron, buildRenderer } from './build';

const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  try {
    const bin = require('electron') as unknown as string;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

async function main(): Promise<void> {
  let bin = electronBinary();
  if (!bin) {
    // npm ci may have skipped the download (ELECTRON_SKIP_BINARY_DOWNLOAD); try once now.
    const installer = path.join(path.dirname(require.resolve('electron/package.json')), 'install.js');
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    spawnSync(process.execPath, [installer], { stdio: 'ignore', env, timeout: 120_000 });
    bin = electronBinary();
  }
  if (!bin) {
    console.error('The Electron binary is not available on this machine and could not be downloaded; run the same app in a browser with: npm run web');
    process.exit(1);
  }
  await Promise.all([buildRenderer(), buildElectron()]);
  // Extra arguments pass through: `npm start -- --kiosk` tries the full-screen kiosk window.
  const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('exit', (code) => process.exit(code ?? 0));
}

void main();
