/**
 * `npm start`: builds and launches the Electron app. Where the Electron binary
 * cannot be obtained (no download possible), says so in one line and names
 * `npm run web`, which runs the same app in a browser.
 */
import { spawn, spawnSync } from 'node:child_process';
import path from 'node:path';
import { buildElectron, buildRenderer } from './build';
import { electronBinary, electronPackageDir } from './electron-binary';

async function main(): Promise<void> {
  let bin = electronBinary();
  if (!bin) {
    // npm ci may have skipped the download (ELECTRON_SKIP_BINARY_DOWNLOAD); try once now.
    console.log('The Electron binary is not installed: downloading it once (this can take up to 2 minutes)…');
    const installer = path.join(electronPackageDir(), 'install.js');
    const env = { ...process.env };
    delete env.ELECTRON_SKIP_BINARY_DOWNLOAD;
    spawnSync(process.execPath, [installer], { stdio: 'ignore', env, timeout: 120_000 });
    bin = electronBinary();
  }
  if (!bin) fail('The Electron binary is not available on this machine and could not be downloaded; run the same app in a browser with: npm run web');
  try {
    await Promise.all([buildRenderer(), buildElectron()]);
  } catch (err) {
    // esbuild has already printed each error with its file and line above.
    fail(`The app could not be built: ${firstLine(err)}`);
  }
  // Extra arguments pass through: `npm start -- --kiosk` tries the full-screen kiosk window.
  const child = spawn(bin, ['.', ...process.argv.slice(2)], { stdio: 'inherit' });
  child.on('error', (err) => fail(`Electron could not be started: ${err.message}`));
  child.on('exit', (code) => process.exit(code ?? 0));
}

function firstLine(err: unknown): string {
  return (err instanceof Error ? err.message : String(err)).split('\n')[0]!;
}

function fail(line: string): never {
  console.error(line);
  process.exit(1);
}

main().catch((err: unknown) => fail(`npm start failed: ${firstLine(err)}`));
