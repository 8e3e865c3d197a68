/**
 * The app against an Eko sandbox this suite starts and steers: a slow bank (the
 * "checking" state, a reload mid-enquiry), a window that is gone while an enquiry
 * ends, answers lost on the way back (result unknown), panels that fail on their
 * own, and a PC clock that is off.
 */
import { expect, test, type Browser, type Page } from '@playwright/test';
import { NO_FAULTS, demoAadhaar, startEkoSandbox, type EkoSandbox, type EkoSandboxFaults } from '../../main/simulators/eko';
import type { EnquiryList } from '../../app/contract';
import { en } from '../../renderer/i18n/en';
import { valueOf } from '../support/kiosk-api';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import {
  awayFromMidnight,
  button,
  captureAndWait,
  dailyAuthForKiosk,
  dataDirWithConfig,
  expectNoCustomerTraces,
  injectTimings,
  openHome,
  shot,
  toCapture,
  waitForHome,
} from './support/flow';

let sandbox: EkoSandbox;
let kiosk: KioskProcess;

test.beforeAll(async ({ browser }) => {
  await awayFromMidnight();
  sandbox = await startEkoSandbox({ port: 0 });
  kiosk = await startKiosk(sandbox.kioskEnv());
  // The sandbox, like Eko, refuses every enquiry until the agent's daily authentication passed.
  await dailyAuthForKiosk(browser, kiosk.launchUrl);
});

/** A new window on the same app, as Electron recreates one after a crash: fresh page, fresh session storage. */
async function newWindow(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(kiosk.launchUrl);
  await expect(page.locator('[data-startup="done"]')).toHaveCount(1);
  return page;
}

/** Starts an enquiry the bank takes `latencyMs` to answer, and closes the window while it runs. */
async function closeMidEnquiry(browser: Browser, aadhaar: string, faults: Partial<EkoSandboxFaults>): Promise<void> {
  const page = await newWindow(browser);
  await waitForHome(page);
  await toCapture(page, { aadhaar });
  sandbox.setFaults({ ...faults, only: ['enquiry'] });
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('checking')).toBeVisible();
  await page.context().close(); // the renderer is gone; the main side carries on
}
test.afterAll(async () => {
  await kiosk?.stop();
  await sandbox?.close();
});
test.afterEach(() => {
  sandbox.setFaults(NO_FAULTS);
});

test('a slow bank: "Checking balance with the bank…", and a reload mid-enquiry shows "still waiting", then the outcome', async ({ page }) => {
  const aadhaar = demoAadhaar('successSmall'); // ₹125.50
  await openHome(page, kiosk.launchUrl);
  await toCapture(page, { aadhaar });
  sandbox.setFaults({ latencyMs: 5_000, only: ['enquiry'] });
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('checking')).toContainText(en.capture.checking);
  // The quality of the good capture stays on screen while the bank is asked.
  await expect(page.getByTestId('quality')).toHaveText(/^Quality \d+$/);
  await expect(button(page, 'Home')).toBeDisabled();
  await shot(page, '05-fingerprint-checking');
  await page.reload();
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'pending');
  await expect(result).toContainText(en.result.waitingTitle);
  await expect(result).toContainText('XXXX XXXX 2341');
  await shot(page, '08-reload-still-waiting');
  await expect(result).toHaveAttribute('data-outcome', 'success', { timeout: 15_000 });
  await expect(page.getByTestId('balance')).toHaveText('₹125.50');
  await expectNoCustomerTraces(page, aadhaar);
});

test('an enquiry that ends while no window is open is shown in the next one, until the agent has seen it', async ({ browser }) => {
  await closeMidEnquiry(browser, demoAadhaar('successSmall'), { latencyMs: 2_500 });
  await new Promise((r) => setTimeout(r, 3_500)); // the bank answers meanwhile
  // A new window (fresh session storage, as after a crash) shows the outcome…
  let page = await newWindow(browser);
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('balance')).toHaveText('₹125.50');
  await page.context().close();
  // …and so does the one after, as long as the agent has not moved on from it.
  page = await newWindow(browser);
  await expect(page.getByTestId('balance')).toHaveText('₹125.50');
  await button(page, 'New enquiry').click();
  await expect(page.getByTestId('step-mobile')).toBeVisible();
  await page.context().close();
  // Seen: a later window opens on the home screen.
  page = await newWindow(browser);
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  await expect(page.getByTestId('result')).toHaveCount(0);
  await page.context().close();
});

test('an enquiry wiped for idleness while the bank was slow is not shown to the next window', async ({ browser }) => {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  await injectTimings(page, { idleFlowMs: 60_000, idleWaitMaxMs: 4_000 });
  await openHome(page, kiosk.launchUrl);
  await toCapture(page, { aadhaar: demoAadhaar('successSmall') });
  // The bank answers 10 s after sending; the wipe comes at 4 s without input.
  sandbox.setFaults({ latencyMs: 10_000, only: ['enquiry'] });
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('checking')).toBeVisible();
  // Nobody at the counter: the wipe comes while the bank is still being asked.
  await expect(page.getByTestId('wiped')).toBeVisible({ timeout: 8_000 });
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  // The bank answers meanwhile: the journal has the outcome.
  await expect
    .poll(async () => (await valueOf<EnquiryList>(kiosk, 'listEnquiries', {})).rows[0]?.outcome, { timeout: 15_000 })
    .toBe('success');
  await page.context().close();
  // The customer who walked away is not shown to the next one, as after a crash…
  const later = await newWindow(browser);
  await expect(button(later, 'Balance enquiry')).toBeVisible();
  await expect(later.getByTestId('result')).toHaveCount(0);
  // …yet nothing is lost: the answer is in the journal, in history.
  await button(later, 'History').click();
  const newest = later.getByTestId('history-row').first();
  await expect(newest).toHaveAttribute('data-outcome', 'success');
  await expect(newest.getByTestId('row-aadhaar')).toHaveText('XXXX XXXX 2341');
  await later.context().close();
});

test('an enquiry refused before it reached a bank while no window was open is shown as "not sent"', async ({ browser }) => {
  await closeMidEnquiry(browser, demoAadhaar('success'), { latencyMs: 2_500, forceStatus: 403 });
  await new Promise((r) => setTimeout(r, 3_500));
  const page = await newWindow(browser);
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'not-sent');
  await expect(result.getByRole('heading')).toHaveText(en.result.notSentTitle);
  await expect(result.locator('[data-error-code="eko.auth"]')).toBeVisible();
  await expect(result).toContainText('XXXX XXXX 0124');
  await expect(result).toContainText('XXXXXX3210');
  await expect(result.getByTestId('r-ref')).not.toHaveText('—');
  // The number is gone after the restart: only a new enquiry, never a capture with nothing to send.
  await expect(button(page, en.result.captureAgain)).toHaveCount(0);
  await shot(page, '08-recovered-not-sent');
  await button(page, 'New enquiry').click();
  await page.context().close();
  const later = await newWindow(browser);
  await expect(button(later, 'Balance enquiry')).toBeVisible();
  await later.context().close();
});

// Answers lost on the way back: the enquiry may have reached the bank, so "result unknown" with the reference.
for (const [name, faults] of [
  ['a server error page', { serverError: true }],
  ['a proxy’s HTML page', { htmlPage: true }],
  ['a reset connection', { resetConnection: true }],
] as const) {
  test(`${name} after sending is "Result unknown", with the reference`, async ({ page }) => {
    await openHome(page, kiosk.launchUrl);
    await toCapture(page, { aadhaar: demoAadhaar('success') });
    sandbox.setFaults({ ...faults, only: ['enquiry'] });
    const result = await captureAndWait(page);
    await expect(result).toHaveAttribute('data-outcome', 'unknown');
    await expect(result.getByRole('heading')).toHaveText(en.result.unknownTitle);
    await expect(result).toContainText(en.result.unknownRepeat);
    await expect(page.getByTestId('reference')).toHaveText(/^KSK\w+$/);
    await expect(page.getByTestId('balance')).toHaveCount(0);
    await expect(button(page, en.result.captureAgain)).toHaveCount(0);
    await button(page, 'Home').click();
  });
}

test.describe('with an enquiry deadline of 5 s', () => {
  let quick: KioskProcess;
  test.beforeAll(async ({ browser }) => {
    quick = await startKiosk({ ...sandbox.kioskEnv(), KIOSK_DATA_DIR: await dataDirWithConfig({ eko: { enquiryTimeoutMs: 5_000 } }) });
    await dailyAuthForKiosk(browser, quick.launchUrl);
  });
  test.afterAll(async () => {
    await quick?.stop();
  });

  test('a bank that never answers is "Result unknown" (timeout), with the reference', async ({ page }) => {
    await openHome(page, quick.launchUrl);
    await toCapture(page, { aadhaar: demoAadhaar('success') });
    sandbox.setFaults({ neverAnswer: true, only: ['enquiry'] });
    const result = await captureAndWait(page);
    await expect(result).toHaveAttribute('data-outcome', 'unknown');
    await expect(result).toHaveAttribute('data-reason', 'timeout');
    await expect(result).toContainText(en.unknownReason.timeout);
    await expect(page.getByTestId('reference')).toHaveText(/^KSK\w+$/);
    await shot(page, '06-result-unknown-timeout');
  });
});

test('each home panel shows its own error with a retry, without breaking the rest', async ({ page }) => {
  sandbox.setFaults({ serverError: true, only: ['balance'] });
  await openHome(page, kiosk.launchUrl);
  const wallet = page.getByTestId('wallet');
  await expect(wallet.getByRole('alert')).toContainText(en.errors.eko.server.what.slice(0, 20));
  await expect(wallet.getByRole('alert').locator('.notice-what')).not.toContainText('eko.');
  await expect(page.getByTestId('unsettled')).toHaveText('₹6,100');
  await expect(button(page, 'Balance enquiry')).toBeEnabled();
  await shot(page, '09-home-wallet-error');
  sandbox.setFaults(NO_FAULTS);
  await wallet.getByRole('button', { name: 'Try again' }).click();
  await expect(page.getByTestId('wallet-balance')).toHaveText('₹2,20,83,40,023.75');
  await expect(wallet.getByRole('alert')).toHaveCount(0);
});

test('a wrong PC clock shows the operator warning on the home screen', async ({ page }) => {
  sandbox.setFaults({ clockOffsetMs: 5 * 60_000 });
  await openHome(page, kiosk.launchUrl);
  await expect(page.getByTestId('clock-warning')).toContainText(en.home.clockWarning.title);
  await shot(page, '09-home-clock-warning');
});

test('an enquiry that could not be sent says so, keeps the details and offers to capture again', async ({ page }) => {
  await openHome(page, kiosk.launchUrl);
  await toCapture(page, { aadhaar: demoAadhaar('success') });
  sandbox.setFaults({ forceStatus: 403, only: ['enquiry'] });
  await button(page, 'Capture fingerprint').click();
  const result = page.getByTestId('result');
  // Eko refused the request before any bank saw it: not sent, nothing billed.
  await expect(result).toHaveAttribute('data-outcome', 'not-sent', { timeout: 30_000 });
  await expect(result.getByRole('heading')).toHaveText(en.result.notSentTitle);
  await expect(result.locator('[data-error-code]')).toContainText(en.errors.eko.auth.todo);
  await expect(result).toContainText('XXXX XXXX 0124');
  await shot(page, '06-result-not-sent');
  sandbox.setFaults(NO_FAULTS);
  await button(page, en.result.captureAgain).click();
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75', { timeout: 30_000 });
});
