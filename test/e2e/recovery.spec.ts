/**
 * The app against an Eko sandbox this suite starts and steers: a slow bank (the
 * "checking" state, a reload mid-enquiry), panels that fail on their own, and a
 * PC clock that is off.
 */
import { expect, test } from '@playwright/test';
import { NO_FAULTS, demoAadhaar, startEkoSandbox, type EkoSandbox } from '../../main/simulators/eko';
import { en } from '../../renderer/i18n/en';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { button, expectNoCustomerTraces, openHome, shot, toCapture } from './support/flow';

let sandbox: EkoSandbox;
let kiosk: KioskProcess;

test.beforeAll(async () => {
  sandbox = await startEkoSandbox({ port: 0 });
  kiosk = await startKiosk({
    KIOSK_EKO_BASE_URL: sandbox.baseUrl,
    KIOSK_EKO_DEVELOPER_KEY: sandbox.developerKey,
    KIOSK_EKO_ACCESS_KEY: sandbox.accessKey,
    KIOSK_EKO_INITIATOR_ID: sandbox.initiatorId,
    KIOSK_EKO_USER_CODE: sandbox.userCode,
    KIOSK_EKO_AADHAAR_KEY: sandbox.aadhaarPublicKey,
  });
});
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
