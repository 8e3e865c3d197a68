/**
 * Smoke test of the real desktop app: launches Electron on the built app (dist/), checks the
 * lock-down from inside, completes a demo balance enquiry, and crashes the renderer in the
 * middle of a slow enquiry to prove the recreated window tells the agent how it ended.
 * Needs the Electron binary; where it cannot be downloaded the test is skipped, loudly.
 *
 * The app runs as the browser suite's kiosks do: a finished demo setup in a fresh data dir
 * (so it opens on home, not first-run setup), and an Eko sandbox this test starts and steers.
 */
import fs from 'node:fs';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { APP_ENTRY_URL } from '../../app/app-origin';
import { BRIDGE_GLOBAL, CALL_NAMES } from '../../app/contract/calls';
import { NO_FAULTS, demoAadhaar, startEkoSandbox, type EkoSandbox } from '../../main/simulators/eko';
import { en } from '../../renderer/i18n/en';
import { buildElectron, buildRenderer } from '../../scripts/build';
import { button, captureAndWait, expectNoCustomerTraces, toCapture, waitForHome } from '../e2e/support/flow';
import { seedFinishedSetup } from '../support/kiosk-process';
import { scanForPrivateData } from '../support/privacy-scan';
import { makeTempDir } from '../support/temp-dir';
import { electronBinary } from '../../scripts/electron-binary';

const root = path.resolve(import.meta.dirname, '..', '..');

const bin = electronBinary();
const SKIP_MESSAGE =
  'ELECTRON SMOKE TEST SKIPPED: the Electron binary is not installed on this machine ' +
  '(ELECTRON_SKIP_BINARY_DOWNLOAD, or no network). Run it where Electron can be downloaded: ' +
  '`npm ci && npm run test:electron` (or set ELECTRON_PATH to an electron executable).';
if (!bin) {
  const bar = '!'.repeat(100);
  console.warn(`\n${bar}\n${SKIP_MESSAGE}\n${bar}\n`);
}

let app: ElectronApplication;
let page: Page;
let dataDir: string;
let sandbox: EkoSandbox;

/** How many windows the main process has open (always one). */
const windowCount = () => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length);

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.skip(!bin, SKIP_MESSAGE);
  await Promise.all([buildRenderer(), buildElectron()]);
  dataDir = makeTempDir('kiosk-electron-');
  // Set up as the operator would have (demo profile, a PIN): the app opens on home.
  await seedFinishedSetup(dataDir);
  sandbox = await startEkoSandbox({ port: 0, dailyAuthDone: true });
  app = await _electron.launch({
    executablePath: bin!,
    // Root (CI containers) cannot use Chromium's sandbox; everywhere else it stays on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    env: {
      ...(process.env as Record<string, string>),
      KIOSK_PROFILE: 'demo',
      KIOSK_DATA_DIR: dataDir,
      // This test's sandbox, so it can make the bank slow.
      ...sandbox.kioskEnv(),
      ELECTRON_ENABLE_LOGGING: '1',
    },
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await waitForHome(page);
});

test.afterAll(async () => {
  await app?.close();
  await sandbox?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test.afterEach(() => {
  sandbox?.setFaults(NO_FAULTS);
});

test('the window is locked down and serves the app from its own origin (APP_ORIGIN)', async () => {
  expect(page.url()).toBe(APP_ENTRY_URL);
  // The options themselves are unit-tested (test/unit/electron/shell.test.ts); here, their effect.
  const shell = await app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0]!;
    return { menu: win.isMenuBarVisible(), url: win.webContents.getURL() };
  });
  expect(shell).toEqual({ menu: false, url: APP_ENTRY_URL });
  const inside = await page.evaluate((bridge) => {
    const w = window as unknown as Record<string, unknown>;
    return {
      require: typeof w.require,
      process: typeof w.process,
      api: Object.keys((w[bridge] as object) ?? {}).sort(),
      opened: window.open('https://example.com/') === null,
    };
  }, BRIDGE_GLOBAL);
  expect(inside).toEqual({ require: 'undefined', process: 'undefined', api: [...CALL_NAMES].sort(), opened: true });
  expect(await windowCount()).toBe(1);
});

test('a demo balance enquiry, start to finish', async () => {
  const aadhaar = demoAadhaar('success'); // ₹5,500.75
  await toCapture(page, { aadhaar });
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75');
  // Only the masked Aadhaar on screen, nothing of the customer in the page.
  await expect(result).toContainText('XXXX XXXX 0124');
  await expectNoCustomerTraces(page, aadhaar);
  await button(page, 'Home').click();
  await waitForHome(page);
});

test('the renderer crashes mid-enquiry: the recreated window says the enquiry is still waiting, then its result', async () => {
  const aadhaar = demoAadhaar('successSmall'); // ₹125.50
  await toCapture(page, { aadhaar });
  // A slow bank: the enquiry is still in flight (in the main process) when the renderer dies.
  sandbox.setFaults({ latencyMs: 8_000, only: ['enquiry'] });
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('checking')).toContainText(en.capture.checking);

  const replacement = app.waitForEvent('window', { timeout: 30_000 });
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
  page = await replacement;
  expect(page.url()).toBe(APP_ENTRY_URL);
  await expect.poll(windowCount).toBe(1);

  // Where the agent was: the same enquiry, told it is still waiting (never failed, never a blank window) …
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'pending');
  await expect(result).toContainText(en.result.waitingTitle);
  await expect(result).toContainText('XXXX XXXX 2341');
  // … then how it ended, once the bank answered.
  await expect(result).toHaveAttribute('data-outcome', 'success', { timeout: 30_000 });
  await expect(page.getByTestId('balance')).toHaveText('₹125.50');
  await expectNoCustomerTraces(page, aadhaar);

  const log = fs.readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8');
  expect(log).toContain('renderer failed; recreating the window');
  // Nothing in the data dir (journal, logs, config) holds an Aadhaar number, PID data or the sandbox's keys.
  expect(scanForPrivateData(dataDir, [sandbox.developerKey, sandbox.accessKey])).toEqual([]);
});
