/**
 * The scanner as the agent sees it, against a scanner simulator this suite starts
 * and steers (KIOSK_RD_PORTS points the kiosk at it), with the demo Eko sandbox.
 */
import net from 'node:net';
import { expect, test } from '@playwright/test';
import type { ErrorCode } from '../../app/contract';
import { demoAadhaar } from '../../main/simulators/eko';
import { startRdSimulator, type RdScenario, type RdSimulator } from '../../main/simulators/rd';
import { en } from '../../renderer/i18n/en';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { button, dailyAuthForKiosk, dataDirWithConfig, openHome, shot, toCapture } from './support/flow';

const AADHAAR = demoAadhaar('success');

function errorText(code: ErrorCode): { what: string; todo: string } {
  const [group, name] = code.split('.') as [string, string | undefined];
  const tree = en.errors as unknown as Record<string, Record<string, { what: string; todo: string; whatBare?: string }>>;
  const entry = (name ? tree[group]![name] : (tree[group] as unknown as { what: string; todo: string }))!;
  return entry;
}

test.describe('with a scanner that can change', () => {
  let sim: RdSimulator;
  let kiosk: KioskProcess;
  const scanner = () => sim.devices[0]!;

  test.beforeAll(async ({ browser }) => {
    sim = await startRdSimulator({ devices: [{ scenario: 'notReady', captureDelayMs: 300 }] });
    // A capture wait other than the built-in 10 s, to see that the configured one reaches the screen.
    const dataDir = await dataDirWithConfig({ rd: { captureTimeoutMs: 20_000 } });
    kiosk = await startKiosk({ KIOSK_RD_PORTS: String(sim.ports[0]), KIOSK_DATA_DIR: dataDir });
    // The sandbox, like Eko, refuses every enquiry until the agent's daily authentication passed (the agent's finger needs a ready scanner).
    sim.devices[0]!.setScenario('ready');
    await dailyAuthForKiosk(browser, kiosk.launchUrl);
    sim.devices[0]!.setScenario('notReady');
  });
  test.afterAll(async () => {
    await kiosk?.stop();
    await sim?.close();
  });

  test('the indicator follows the scanner from not ready to ready by itself', async ({ page }) => {
    scanner().setScenario('notReady');
    await openHome(page, kiosk.launchUrl);
    const indicator = page.getByTestId('device-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'notReady');
    await expect(indicator).toContainText('Scanner not ready');
    await shot(page, '50-device-not-ready');
    scanner().setScenario('ready');
    // Polled every ~3 s: no click needed.
    await expect(indicator).toHaveAttribute('data-state', 'ready', { timeout: 10_000 });
    await expect(indicator).toContainText('Scanner ready');
    await expect(page.getByTestId('scanner')).toContainText('MFS110');
  });

  test('a capture while the scanner is not ready says what to do, and works once it is', async ({ page }) => {
    scanner().setScenario('ready');
    await openHome(page, kiosk.launchUrl);
    await toCapture(page, { aadhaar: AADHAAR });
    scanner().setScenario('notReady');
    await button(page, 'Capture fingerprint').click();
    const alert = page.getByRole('alert').filter({ hasText: en.capture.failedTitle });
    await expect(alert).toHaveAttribute('data-error-code', 'rd.notReady');
    await expect(alert).toContainText(errorText('rd.notReady').what);
    await expect(alert).toContainText(errorText('rd.notReady').todo);
    await expect(alert.getByRole('button', { name: 'Find scanner' })).toBeVisible();
    await shot(page, '51-capture-not-ready');
    scanner().setScenario('ready');
    await alert.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('balance')).toHaveText('₹5,500.75', { timeout: 30_000 });
  });

  const failures: [RdScenario, ErrorCode][] = [
    ['captureTimeout', 'rd.captureTimeout'],
    ['used', 'rd.busy'],
    ['unusableQuality', 'rd.poorQuality'],
    ['nonNumericError', 'rd.deviceError'],
    [{ errCode: '730', errInfo: 'Capture failed' }, 'rd.captureFailed'],
  ];
  test('each capture failure shows its reason in words and a retry', async ({ page }) => {
    scanner().setScenario('ready');
    await openHome(page, kiosk.launchUrl);
    await toCapture(page, { aadhaar: AADHAAR });
    for (const [scenario, code] of failures) {
      scanner().setScenario(scenario);
      await page.getByRole('button', { name: /^(Capture fingerprint|Try again)$/ }).first().click();
      const alert = page.locator('[data-error-code]').filter({ hasText: en.capture.failedTitle });
      await expect(alert, JSON.stringify(scenario)).toHaveAttribute('data-error-code', code);
      const text = errorText(code);
      await expect(alert).toContainText(text.todo);
      await expect(alert.locator('.notice-what')).not.toContainText('{{');
      await expect(alert.locator('.notice-what')).not.toHaveText(code);
      if (code === 'rd.captureTimeout') await shot(page, '52-capture-timeout');
    }
    scanner().setScenario('ready');
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByTestId('balance')).toHaveText('₹5,500.75', { timeout: 30_000 });
  });

  test('a faint fingerprint asks for a re-scan, or is sent anyway on the agent’s word', async ({ page }) => {
    scanner().setScenario('poorQuality');
    await openHome(page, kiosk.launchUrl);
    await toCapture(page, { aadhaar: AADHAAR });
    await button(page, 'Capture fingerprint').click();
    const low = page.getByTestId('low-quality');
    await expect(low).toContainText(/The fingerprint is faint \(quality \d+\)/);
    await expect(button(page, 'Scan again')).toBeFocused();
    await shot(page, '53-capture-low-quality');
    await button(page, 'Scan again').click();
    await expect(low).toBeVisible();
    await button(page, 'Use this fingerprint anyway').click();
    await expect(page.getByTestId('checking').or(page.getByTestId('result'))).toBeVisible();
    await expect(page.getByTestId('balance')).toHaveText('₹5,500.75', { timeout: 30_000 });
  });

  test('the countdown runs from the configured capture time while the scanner waits; Cancel stops it', async ({ page }) => {
    scanner().setScenario('ready');
    scanner().setCaptureDelay(8_000);
    try {
      await openHome(page, kiosk.launchUrl);
      await toCapture(page, { aadhaar: AADHAAR });
      await button(page, 'Capture fingerprint').click();
      const countdown = page.getByTestId('countdown');
      await expect(countdown).toBeVisible();
      await expect(page.getByTestId('device-indicator')).toBeVisible();
      const first = Number(await countdown.locator('.countdown-num').textContent());
      expect(first).toBeGreaterThan(15); // rd.captureTimeoutMs = 20 s in config.json, not the built-in 10 s
      await expect.poll(async () => Number(await countdown.locator('.countdown-num').textContent())).toBeLessThan(first);
      await button(page, 'Cancel capture').click();
      const alert = page.locator('[data-error-code="rd.cancelled"]');
      await expect(alert).toContainText(errorText('rd.cancelled').what);
      await expect(button(page, 'Back')).toBeVisible();
    } finally {
      scanner().setCaptureDelay(300);
    }
  });
});

test.describe('with no scanner service at all', () => {
  let kiosk: KioskProcess;
  test.beforeAll(async () => {
    // A port nobody listens on.
    const port = await new Promise<number>((resolve) => {
      const srv = net.createServer().listen(0, '127.0.0.1', () => {
        const p = (srv.address() as net.AddressInfo).port;
        srv.close(() => resolve(p));
      });
    });
    kiosk = await startKiosk({ KIOSK_RD_PORTS: String(port) });
  });
  test.afterAll(async () => {
    await kiosk?.stop();
  });

  test('says no scanner was found and how to fix it; the rest of the home screen works', async ({ page }) => {
    await openHome(page, kiosk.launchUrl);
    const indicator = page.getByTestId('device-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'none');
    await expect(indicator).toContainText('No scanner found');
    await expect(page.getByTestId('wallet-balance')).toBeVisible();
    await indicator.click();
    await page.getByRole('dialog').getByRole('button', { name: 'Find scanner' }).click();
    await expect(indicator).toHaveAttribute('data-state', 'none');
    await shot(page, '54-no-scanner');
    await page.keyboard.press('Escape');
    await toCapture(page, { aadhaar: AADHAAR });
    await expect(page.getByTestId('capture-device')).toContainText('No scanner found');
    await button(page, 'Capture fingerprint').click();
    const alert = page.locator('[data-error-code="rd.notFound"]');
    await expect(alert).toContainText(errorText('rd.notFound').what);
    await expect(alert.getByRole('button', { name: 'Find scanner' })).toBeVisible();
  });
});
