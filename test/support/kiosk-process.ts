/**
 * Starts the real web host in a child process, as `npm run web` does (through ./kiosk-entry.ts:
 * main/web/cli.ts's start with demo peers that record their keys for the privacy scan), and
 * resolves with the URL it prints. Used by the browser tests and the benches.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { CONFIG_FILE_NAME } from '../../main/services/config/config';
import { hashPin } from '../../main/services/settings/pin';
import { recordSuiteSecrets } from './suite-secrets';
import { makeTempDir } from './temp-dir';

/** The operator PIN of a kiosk started with setup 'done' (the default). */
export const TEST_OPERATOR_PIN = '2468';

export interface StartKioskOptions {
  /**
   * 'done' (default): the data dir is seeded with a finished demo setup and TEST_OPERATOR_PIN
   * (unless it already holds a config.json), so the app opens on the home screen.
   * 'firstRun': left as it is, so the app opens on the first-run setup.
   */
  setup?: 'done' | 'firstRun';
  timeoutMs?: number;
}

/** Writes config.json with a finished demo setup and the test PIN, hashed as the app hashes it. */
export async function seedFinishedSetup(dataDir: string, pin = TEST_OPERATOR_PIN): Promise<void> {
  const file = path.join(dataDir, CONFIG_FILE_NAME);
  if (fs.existsSync(file)) return;
  fs.mkdirSync(dataDir, { recursive: true });
  const config = { profile: 'demo', setupDone: true, operatorPinHash: await hashPin(pin) };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
}

export interface KioskProcess {
  launchUrl: string;
  baseUrl: string;
  dataDir: string;
  child: ChildProcess;
  output(): string;
  stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '..', '..');

/** A new kiosk data dir: inside the browser suite's root when it runs, so the privacy scan reads it. */
export function newSuiteDataDir(): string {
  const e2eRoot = process.env.KIOSK_E2E_ROOT;
  return e2eRoot ? fs.mkdtempSync(path.join(e2eRoot, 'kiosk-')) : makeTempDir('kiosk-e2e-');
}

export async function startKiosk(env: Record<string, string> = {}, options: StartKioskOptions = {}): Promise<KioskProcess> {
  const timeoutMs = options.timeoutMs ?? 30_000;
  const dataDir = env.KIOSK_DATA_DIR ?? newSuiteDataDir();
  if ((options.setup ?? 'done') === 'done') await seedFinishedSetup(dataDir);
  // Keys given to this kiosk are keys the privacy scan must look for (kiosk-entry records those of a demo kiosk's own sandbox).
  recordSuiteSecrets('startKiosk', [env.KIOSK_EKO_DEVELOPER_KEY ?? '', env.KIOSK_EKO_ACCESS_KEY ?? '']);
  // One process (node with tsx's loader), not the tsx wrapper: a kill must reach the server itself.
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'test', 'support', 'kiosk-entry.ts')], {
    cwd: root,
    env: { ...process.env, KIOSK_WEB_PORT: '0', KIOSK_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (out += d.toString()));
  const launchUrl = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`kiosk did not start in ${timeoutMs} ms:\n${out}`)), timeoutMs);
    const onData = () => {
      const m = /Kiosk ready at (\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`kiosk exited with ${code}:\n${out}`));
    });
  });
  return {
    launchUrl,
    baseUrl: launchUrl.replace(/#.*$/, ''),
    dataDir,
    child,
    output: () => out,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
        setTimeout(() => child.kill('SIGKILL'), 5000).unref();
      }),
  };
}
