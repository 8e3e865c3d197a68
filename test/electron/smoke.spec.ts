/**
 * Smoke test of the real desktop app: launches Electron on the built app (dist/), checks the
 * lock-down from inside, completes a demo balance enquiry, and survives a renderer crash.
 * Needs the Electron binary; where it cannot be downloaded the test is skipped, loudly.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { _electron, expect, test, type ElectronApplication, type Page } from '@playwright/test';
import { BRIDGE_GLOBAL, CALL_NAMES } from '../../app/contract/calls';
import { DEMO_CUSTOMERS } from '../../main/simulators/eko';
import { buildElectron, buildRenderer } from '../../scripts/build';
import { makeTempDir } from '../support/temp-dir';

const root = path.resolve(import.meta.dirname, '..', '..');
const require = createRequire(import.meta.url);

function electronBinary(): string | null {
  if (process.env.ELECTRON_PATH && fs.existsSync(process.env.ELECTRON_PATH)) return process.env.ELECTRON_PATH;
  try {
    const bin = require('electron') as unknown as string;
    return typeof bin === 'string' && fs.existsSync(bin) ? bin : null;
  } catch {
    return null;
  }
}

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

test.beforeAll(async () => {
  test.skip(!bin, SKIP_MESSAGE);
  await Promise.all([buildRenderer(), buildElectron()]);
  dataDir = makeTempDir('kiosk-electron-');
  app = await _electron.launch({
    executablePath: bin!,
    // Root (CI containers) cannot use Chromium's sandbox; everywhere else it stays on.
    args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), root],
    cwd: root,
    env: { ...process.env, KIOSK_PROFILE: 'demo', KIOSK_DATA_DIR: dataDir, ELECTRON_ENABLE_LOGGING: '1' },
    timeout: 60_000,
  });
  page = await app.firstWindow();
  await page.waitForLoadState('domcontentloaded');
});

test.afterAll(async () => {
  await app?.close();
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
});

test('the window is locked down and serves the app from app://kiosk', async () => {
  expect(page.url()).toBe('app://kiosk/index.html');
  // The options themselves are unit-tested (test/unit/electron/shell.test.ts); here, their effect.
  const shell = await app.evaluate(({ BrowserWindow }) => {
    const win = BrowserWindow.getAllWindows()[0]!;
    return { menu: win.isMenuBarVisible(), url: win.webContents.getURL() };
  });
  expect(shell).toEqual({ menu: false, url: 'app://kiosk/index.html' });
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
  expect(await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
});

test('a demo balance enquiry, start to finish', async () => {
  const customer = DEMO_CUSTOMERS.find((c) => c.scenario.kind === 'success')!;
  const start = page.getByRole('button', { name: 'Balance enquiry' });
  if (await start.isVisible().catch(() => false)) await start.click();
  const next = () => page.getByRole('button', { name: 'Continue' }).click();

  await page.getByLabel('Customer mobile number').fill('9876543210');
  await next();
  await page.getByLabel('Aadhaar number').fill(customer.aadhaar);
  await next();
  await page.getByLabel('Bank', { exact: true }).fill('State Bank of India');
  await page.keyboard.press('Enter');
  if (await page.getByRole('button', { name: 'Continue' }).isVisible()) await next();
  await page.getByRole('checkbox', { name: /consent/i }).check();
  await next();
  await page.getByRole('button', { name: 'Capture fingerprint' }).click();

  // The demo sandbox's balance for this customer, and only the masked Aadhaar on screen.
  const balance = customer.scenario.kind === 'success' ? customer.scenario.balance : '';
  const [rupees, paise = '00'] = balance.split('.');
  const shown = `${Number(rupees).toLocaleString('en-IN')}.${paise.padEnd(2, '0')}`;
  await expect(page.getByText(shown, { exact: false }).first()).toBeVisible({ timeout: 60_000 });
  await expect(page.getByText(customer.aadhaar.slice(-4), { exact: false }).first()).toBeVisible();
  expect(await page.content()).not.toContain(customer.aadhaar);

  await page.getByRole('button', { name: 'New enquiry' }).click();
  await expect(page.getByLabel('Customer mobile number')).toBeVisible();
});

test('a crashed renderer comes back on the same URL', async () => {
  const replacement = app.waitForEvent('window', { timeout: 30_000 });
  await app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows()[0]!.webContents.forcefullyCrashRenderer());
  page = await replacement;
  await page.waitForLoadState('domcontentloaded');
  expect(page.url()).toBe('app://kiosk/index.html');
  await expect.poll(() => app.evaluate(({ BrowserWindow }) => BrowserWindow.getAllWindows().length)).toBe(1);
  const log = fs.readFileSync(path.join(dataDir, 'logs', 'kiosk.log'), 'utf8');
  expect(log).toContain('renderer failed; recreating the window');
  // The enquiry above never reached the log in the clear.
  for (const c of DEMO_CUSTOMERS) expect(log).not.toContain(c.aadhaar);
});
