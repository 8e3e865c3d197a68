/**
 * A counter an agent can run a queue on: first-run setup with the profile fixed on the PC,
 * nothing of an earlier customer in the print area, a wallet balance that says how old it is.
 */
import { expect, test, type Page } from '@playwright/test';
import { KioskError } from '../../app/contract';
import { demoAadhaar } from '../../main/simulators/eko';
import { valueOf } from '../support/kiosk-api';
import { TEST_OPERATOR_PIN } from '../support/kiosk-process';
import { button, captureAndWait, injectTimings, openHome, shot, toCapture } from './support/flow';
import { kioskForSpec } from './support/kiosk';
import { stubPrint } from './support/print';

/** What the printer would get (Ctrl+P): the page's text under print media. */
async function printedText(page: Page): Promise<string> {
  await page.emulateMedia({ media: 'print' });
  const text = await page.evaluate(() => document.body.innerText);
  await page.emulateMedia({ media: 'screen' });
  return text;
}

test.describe('first-run setup with KIOSK_PROFILE set on the PC', () => {
  const kiosk = kioskForSpec({ env: { KIOSK_PROFILE: 'demo' }, setup: 'firstRun' });

  test('the fixed profile shows as chosen and locked, and setup finishes with it', async ({ page }) => {
    await page.goto(kiosk().launchUrl);
    await expect(page.getByRole('heading', { name: 'Welcome! Let’s set up this counter' })).toBeVisible();
    const training = page.getByRole('radio', { name: /Training \(demo\)/ });
    await expect(training).toBeChecked();
    await expect(training).toBeDisabled();
    await expect(page.getByRole('radio', { name: /Live \(production\)/ })).toBeDisabled();
    await expect(page.getByText('The profile is set on this PC by KIOSK_PROFILE: it cannot be changed here.')).toBeVisible();
    await shot(page, 'setup-env-profile');
    await page.getByLabel('Choose a PIN', { exact: true }).fill('1357');
    await page.getByLabel('Enter the PIN again', { exact: true }).fill('1357');
    await button(page, 'Save and start').click();
    await expect(button(page, 'Balance enquiry')).toBeVisible();
    await expect(page.getByTestId('profile')).toHaveText('Profile: Demo');
    expect(await valueOf<{ firstRun: boolean; pinSet: boolean; profile: string }>(kiosk(), 'getSettings')).toMatchObject({
      firstRun: false,
      pinSet: true,
      profile: 'demo',
    });
    await page.reload();
    await expect(button(page, 'Balance enquiry')).toBeVisible();
  });
});

test.describe('nothing stale', () => {
  const kiosk = kioskForSpec({ dailyAuth: true });
  const SUCCESS = demoAadhaar('success');

  /** From a fresh page, one enquiry with its receipt printed; returns the receipt's reference. */
  async function enquiryPrinted(page: Page): Promise<string> {
    await stubPrint(page);
    await openHome(page, kiosk().launchUrl);
    await toCapture(page, { aadhaar: SUCCESS });
    await captureAndWait(page);
    const ref = (await page.getByTestId('r-ref').textContent())?.trim() ?? '';
    expect(ref).not.toBe('');
    await button(page, 'Print receipt').click();
    await expect(page.getByTestId('receipt-print')).toHaveCount(1);
    expect(await printedText(page)).toContain(ref);
    return ref;
  }

  /** On the next customer's first step: no receipt in the print area, and nothing of the earlier customer (`ref`, the Aadhaar's last digits) printed. */
  async function expectNextCustomerClean(page: Page, ref: string): Promise<void> {
    await expect(page.getByLabel('Customer mobile number', { exact: true })).toBeVisible();
    await expect(page.getByTestId('receipt-print')).toHaveCount(0);
    const printed = await printedText(page);
    expect(printed).not.toContain(ref);
    expect(printed).not.toContain('0124');
  }

  test('after New enquiry the print area holds no earlier customer', async ({ page }) => {
    const ref = await enquiryPrinted(page);
    await button(page, 'New enquiry').click();
    await expectNextCustomerClean(page, ref);
  });

  test('after the idle wipe the print area holds no earlier customer', async ({ page }) => {
    await injectTimings(page, { idleResultMs: 1500, idleFlowMs: 1500 });
    const ref = await enquiryPrinted(page);
    // Nobody touches the screen: the idle wipe goes home.
    await expect(button(page, 'Balance enquiry')).toBeVisible({ timeout: 15_000 });
    expect(await printedText(page)).not.toContain(ref);
    // The next customer's flow: Ctrl+P there prints nothing of the earlier one.
    await button(page, 'Balance enquiry').click();
    await expectNextCustomerClean(page, ref);
  });

  test('the wallet balance says when it was fetched, and plainly when a refresh failed', async ({ page }) => {
    await openHome(page, kiosk().launchUrl);
    const when = page.getByTestId('wallet-when');
    await expect(when).toContainText(/^As of /);
    await expect(when).not.toHaveAttribute('data-stale', 'true');
    await page.route('**/api/getSettlementBalance', (route) => route.abort('connectionrefused'));
    await page.getByRole('button', { name: 'Refresh wallet balance' }).click();
    await expect(when).toHaveAttribute('data-stale', 'true');
    await expect(when).toContainText(/^Could not refresh\. This balance is from .+ and may be out of date\.$/);
    await expect(page.getByTestId('wallet-balance')).toHaveText('₹2,20,83,40,023.75');
    await shot(page, 'home-wallet-stale');
    await button(page, 'हिन्दी').click();
    await expect(when).toContainText('रीफ़्रेश नहीं हो सका');
    await button(page, 'English').click();
    await page.unroute('**/api/getSettlementBalance');
    await page.getByRole('button', { name: 'Refresh wallet balance' }).click();
    await expect(when).not.toHaveAttribute('data-stale', 'true');
    await expect(when).toContainText(/^As of /);
  });
});

test.describe('nothing for developers on the agent’s screens', () => {
  const kiosk = kioskForSpec({ dailyAuth: true });
  const SUCCESS = demoAadhaar('success');

  /** Text a developer would put there: an error code, a version, a serial, an address, the runtime. */
  const DEVELOPER_TEXT: RegExp[] = [
    /ref:\s*[\w-]+\.[\w.]+/i,
    /\b\d+\.\d+\.\d+\b/, // a version (or an IP address)
    /https?:\/\//i,
    /localhost|127\.0\.0\.1/i,
    /serial/i,
    /security level/i,
    /RD service/i,
    /Node\.js|Running as|Chromium|Electron/i,
    /\b[a-z]+\.[a-z][A-Za-z]+\b/, // an error code or i18n key (rd.notReady, settings.pinWrong)
  ];

  async function expectNoDeveloperText(page: Page, where: string): Promise<void> {
    const text = await page.evaluate(() => document.body.innerText);
    for (const re of DEVELOPER_TEXT) expect(text.match(re)?.[0] ?? null, `${where}: ${re}`).toBeNull();
  }

  test('home, every step, a scanner failure, the result, the device details and the PIN refusal', async ({ page }) => {
    await openHome(page, kiosk().launchUrl);
    await expectNoDeveloperText(page, 'home');
    await page.getByTestId('device-indicator').click();
    await expect(page.getByRole('dialog', { name: 'Fingerprint scanner' })).toBeVisible();
    await expectNoDeveloperText(page, 'the scanner details');
    await page.keyboard.press('Escape');

    await button(page, 'Balance enquiry').click();
    await expectNoDeveloperText(page, 'the mobile step');
    await page.getByLabel('Customer mobile number', { exact: true }).fill('9876543210');
    await page.getByLabel('Customer mobile number', { exact: true }).press('Enter');
    await expectNoDeveloperText(page, 'the Aadhaar step');
    await page.getByLabel('Aadhaar number', { exact: true }).fill(SUCCESS);
    await page.getByLabel('Aadhaar number', { exact: true }).press('Enter');
    await expectNoDeveloperText(page, 'the bank step');
    await page.getByRole('combobox', { name: 'Bank', exact: true }).fill('State Bank of India');
    await page.getByRole('combobox', { name: 'Bank', exact: true }).press('Enter');
    await button(page, 'Continue').click();
    await expect(button(page, 'Capture fingerprint')).toBeVisible();
    await expectNoDeveloperText(page, 'the consent and fingerprint step');
    await page.getByRole('checkbox', { name: /consent/ }).check();

    // The scanner refuses: the agent reads what happened and what to do, not its code.
    await page.route('**/api/captureFingerprint', (route) =>
      route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: new KioskError('rd.notReady').toWire() }) }),
    );
    await button(page, 'Capture fingerprint').click();
    await expect(page.locator('[data-error-code="rd.notReady"]')).toBeVisible();
    await expectNoDeveloperText(page, 'a scanner failure');
    await page.unroute('**/api/captureFingerprint');
    await button(page, 'Try again').click();
    await expect(page.getByTestId('result')).toBeVisible({ timeout: 30_000 });
    await expectNoDeveloperText(page, 'the result');
    await button(page, 'Home').click();

    // A wrong operator PIN.
    await button(page, 'Settings').click();
    await page.getByLabel('Operator PIN', { exact: true }).fill('9753');
    await button(page, 'Open settings').click();
    await expect(page.locator('[data-error-code]').first()).toBeVisible();
    await expectNoDeveloperText(page, 'a wrong PIN');
  });

  test('Diagnostics keeps them, folded under “Details for support”', async ({ page }) => {
    await openHome(page, kiosk().launchUrl);
    await button(page, 'Diagnostics').click();
    const fold = page.locator('details.support-fold').filter({ hasText: 'Node.js' });
    await expect(fold.getByText('Node.js')).toBeHidden();
    await fold.getByText('Details for support').click();
    await expect(fold.getByText('Node.js')).toBeVisible();
    await expect(page.getByTestId('diag-version')).toBeVisible();
  });
});

test.describe('scanner messages that agree with each other', () => {
  const kiosk = kioskForSpec({ dailyAuth: true });

  test('a hung scanner: no “place the finger now” once the wait is over, and the header agrees with the message', async ({ page }) => {
    // A short capture wait, and a scanner service that says another app holds the scanner.
    await page.route('**/api/getAppInfo', async (route) => {
      const body = (await (await route.fetch()).json()) as { ok: boolean; value?: Record<string, unknown> };
      if (body.ok && body.value) body.value.captureTimeoutMs = 3000;
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
    });
    await page.route('**/api/getDeviceStatus', async (route) => {
      const body = (await (await route.fetch()).json()) as { ok: boolean; value?: Record<string, unknown> };
      if (body.ok && body.value) body.value.state = 'busy';
      await route.fulfill({ contentType: 'application/json', body: JSON.stringify(body) });
    });
    // The capture hangs until the test lets it answer: no scanner service found.
    let answer: (() => void) | null = null;
    await page.route('**/api/captureFingerprint', (route) => {
      answer = () => void route.fulfill({ contentType: 'application/json', body: JSON.stringify({ ok: false, error: new KioskError('rd.notFound').toWire() }) });
    });
    await openHome(page, kiosk().launchUrl);
    await expect(page.getByTestId('device-indicator')).toHaveAttribute('data-state', 'busy');
    await toCapture(page, { aadhaar: demoAadhaar('success') });
    await button(page, 'Capture fingerprint').click();
    // Our own capture is not "busy" (that is another app holding the scanner).
    const indicator = page.getByTestId('device-indicator');
    await expect(indicator).toHaveAttribute('data-state', 'capturing');
    await expect(indicator).toContainText('Taking fingerprint');
    await expect(page.getByTestId('capturing-title')).toHaveText('Place the finger on the scanner when its light comes on');
    // The wait is over and the scanner never answered: the screen says so.
    await expect(page.getByTestId('capturing-title')).toHaveText(/The scanner has not answered/, { timeout: 8000 });
    await expect(page.getByText('Place the finger on the scanner')).toHaveCount(0);
    await shot(page, 'capture-hung-scanner');
    await expect.poll(() => answer !== null).toBe(true);
    answer!();
    await expect(page.locator('[data-error-code="rd.notFound"]')).toBeVisible();
    // The header says what the message says: no scanner found, not "busy".
    await expect(indicator).toHaveAttribute('data-state', 'none');
    await expect(indicator).toContainText('No scanner found');
    await expect(page.getByTestId('capture-device')).toContainText('No scanner found');
    await expect(page.getByText('Scanner busy')).toHaveCount(0);
    await shot(page, 'capture-no-scanner');
    await button(page, 'Home').click();
    await expect(indicator).toHaveAttribute('data-state', 'busy');
  });
});

test.describe('times that agree', () => {
  const kiosk = kioskForSpec();

  test('the settings say when they lock; the PIN lock-out says it grows and shows the minutes and the time it ends', async ({ page }) => {
    await openHome(page, kiosk().launchUrl);
    await button(page, 'Settings').click();
    await page.getByLabel('Operator PIN', { exact: true }).fill(TEST_OPERATOR_PIN);
    await button(page, 'Open settings').click();
    const note = page.getByTestId('settings-screen').getByRole('status').first();
    await expect(note).toContainText('The settings lock by themselves after 3 minutes without use.');
    await expect(note).toContainText(/They lock at .+ at the latest\./);
    await expect(page.getByText(/10 minutes/)).toHaveCount(0);
    await button(page, 'Close settings').click();
    await expect(button(page, 'Balance enquiry')).toBeVisible();

    // Wrong PINs: the message says the lock grows.
    await button(page, 'Settings').click();
    const pin = page.getByLabel('Operator PIN', { exact: true });
    await pin.fill('9753');
    await button(page, 'Open settings').click();
    await expect(page.getByRole('alert')).toContainText('After 5 wrong tries the settings lock: 5 minutes the first time, then 10, 20 and more minutes each time, up to a day.');
    for (let i = 0; i < 4; i++) {
      await pin.fill('9753');
      await button(page, 'Open settings').click();
      await expect(page.getByRole('alert')).toBeVisible();
    }
    const alert = page.getByRole('alert');
    await expect(alert).toContainText('Too many wrong PINs: the settings are locked for 5 more minutes.');
    const { lockedUntil } = await valueOf<{ lockedUntil: string }>(kiosk(), 'getSettings');
    const time = await page.evaluate((iso) => new Date(iso).toLocaleTimeString('en-IN', { hour: 'numeric', minute: '2-digit', hour12: true }), lockedUntil);
    await expect(alert).toContainText(`You can try again at ${time}.`);
    await shot(page, 'settings-pin-locked');
  });
});
