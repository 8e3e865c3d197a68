/**
 * The agent's daily authentication against the real web host and the Eko sandbox, which (like
 * Eko) refuses every customer enquiry with "Please do 2fa before initiating transaction" until
 * today's daily authentication passed; and recovering from refusals without retyping.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoAadhaar, demoAgentAadhaar } from '../../main/simulators/eko';
import { en } from '../../renderer/i18n/en';
import {
  AGENT_AADHAAR,
  agentAadhaarField,
  button,
  captureAndWait,
  completeDailyAuth,
  dailyAuthOnce,
  enterDailyAuthDetails,
  expectNoCustomerTraces,
  expectTargetsAtLeast44,
  field,
  openHome,
  shot,
  toCapture,
} from './support/flow';
import { kioskForSpec } from './support/kiosk';

const kiosk = kioskForSpec({ awayFromMidnight: true }); // "today" must not change under the spec

const SUCCESS = demoAadhaar('success');
const status = (page: Page) => page.getByTestId('daily-auth-status');

/** Today not done (again): an FP069 refusal clears the sandbox's daily authentication. */
async function clearDailyAuth(page: Page): Promise<void> {
  if ((await status(page).getAttribute('data-state')) !== 'done') return;
  await toCapture(page, { aadhaar: demoAadhaar('fp069') });
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-reason', 'dailyAuthMissing');
  await button(page, 'Home').click();
  await expect(status(page)).toHaveAttribute('data-state', 'notDone');
}

/** A fresh page on home, today's daily authentication done. */
async function homeWithDailyAuth(page: Page): Promise<void> {
  await openHome(page, kiosk().launchUrl);
  await dailyAuthOnce(page);
}

/** From a fresh page (today's daily authentication done) to the result of this customer's enquiry: the result card. */
async function enquiryResult(page: Page, customer: { aadhaar: string; bank?: string }) {
  await homeWithDailyAuth(page);
  await toCapture(page, customer);
  return captureAndWait(page);
}

test('the first enquiry of the day: the daily authentication first, then the same customer’s balance, nothing retyped', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await expect(status(page)).toHaveAttribute('data-state', /^(done|notDone)$/);
  await clearDailyAuth(page); // only when a retry finds it done
  await expect(status(page)).toHaveAttribute('data-state', 'notDone');
  await expect(status(page)).toContainText(en.home.dailyAuth.notDone);
  await expect(status(page).getByRole('button', { name: en.home.dailyAuth.button })).toBeVisible();
  await shot(page, '40-home-daily-auth-not-done');

  await toCapture(page, { aadhaar: SUCCESS, consent: false });
  const notice = page.getByTestId('daily-auth-needed');
  await expect(notice).toContainText(en.dailyAuth.needed.title);
  const first = button(page, en.dailyAuth.needed.button);
  await expect(first).toBeFocused(); // the daily authentication comes first, before the consent
  await field.consent(page).check();
  await expectTargetsAtLeast44(page, 'the fingerprint step with the daily-authentication notice');
  await shot(page, '41-capture-daily-auth-needed');
  await first.click();

  // The agent's own number: typed, masked once accepted, never in the page's storage.
  await expect(page.getByTestId('customer-waiting')).toBeVisible();
  await expect(agentAadhaarField(page)).toBeFocused();
  await shot(page, '42-daily-auth-aadhaar');
  await completeDailyAuth(page);

  // Back at the same customer's fingerprint step.
  await expect(page.getByTestId('step-capture')).toBeVisible();
  await expect(page.getByTestId('daily-auth-done')).toContainText('Daily authentication done at');
  await expect(page.getByTestId('daily-auth-needed')).toHaveCount(0);
  await expect(page.getByTestId('summary')).toContainText('XXXXXX3210');
  await expect(page.getByTestId('summary')).toContainText('XXXX XXXX 0124');
  await expect(button(page, 'Capture fingerprint')).toBeFocused();
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75');
  await expectNoCustomerTraces(page, SUCCESS);
  await expectNoCustomerTraces(page, AGENT_AADHAAR);

  await button(page, 'Home').click();
  await expect(status(page)).toHaveAttribute('data-state', 'done');
  await expect(page.getByTestId('daily-auth-line')).toContainText(/^Daily authentication done at \d{1,2}:\d{2} (am|pm)$/);
  await shot(page, '43-home-daily-auth-done');
});

test('a "do 2fa" refusal leads straight into the daily authentication, then back to the same customer', async ({ page }) => {
  await homeWithDailyAuth(page);
  await clearDailyAuth(page); // FP069: Eko asks again
  await expect(page.getByTestId('daily-auth-line')).toContainText(en.home.dailyAuth.askedAgain);

  await toCapture(page, { aadhaar: SUCCESS });
  await expect(page.getByTestId('daily-auth-needed')).toContainText(en.dailyAuth.needed.askedAgain);
  // The agent captures anyway: the sandbox, like Eko, refuses for want of the daily authentication.
  const refused = await captureAndWait(page);
  await expect(refused).toHaveAttribute('data-reason', 'dailyAuthMissing');
  await expect(refused).toHaveAttribute('data-agent', 'true');
  await expect(refused.getByRole('heading')).toHaveText(en.result.agentRefusedTitle);
  await shot(page, '44-result-do-2fa');
  await button(page, en.result.recovery.dailyAuth).click();
  await completeDailyAuth(page);

  await expect(page.getByTestId('step-capture')).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('XXXX XXXX 0124');
  const result = await captureAndWait(page);
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75');
  await expect(result).toHaveAttribute('data-outcome', 'success');
});

test('biometric mismatch: capture again for the same customer, then the balance', async ({ page }) => {
  const refused = await enquiryResult(page, { aadhaar: demoAadhaar('mismatchThenSuccess') });
  await expect(refused).toHaveAttribute('data-reason', 'biometricMismatch');
  await expect(refused.getByRole('heading')).toHaveText(en.result.refusedTitle);
  const firstRef = await page.getByTestId('r-ref').textContent();
  await button(page, en.result.recovery.captureAgain).click();
  await expect(page.getByTestId('step-capture')).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('XXXXXX3210');
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('balance')).toHaveText('₹842.10');
  await expect(page.getByTestId('r-ref')).not.toHaveText(firstRef!); // a new enquiry, its own reference
});

test('not linked: another bank, mobile and Aadhaar kept, then the balance', async ({ page }) => {
  const refused = await enquiryResult(page, { aadhaar: demoAadhaar('sbiOnly'), bank: 'Punjab National Bank' });
  await expect(refused).toHaveAttribute('data-reason', 'notLinked');
  await button(page, en.result.recovery.otherBank).click();
  const bank = page.getByRole('combobox', { name: 'Bank', exact: true });
  await expect(bank).toBeFocused();
  await expect(page.getByTestId('summary')).toContainText('XXXXXX3210');
  await expect(page.getByTestId('summary')).toContainText('XXXX XXXX 2340');
  await bank.fill('State Bank of India');
  await bank.press('Enter');
  await bank.press('Enter');
  await page.getByRole('checkbox', { name: /consent/ }).check();
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('balance')).toHaveText('₹3,120.40');
  await expect(page.getByTestId('r-bank')).toHaveText('State Bank of India');
});

test('a success without a balance says the bank did not give it, never a figure', async ({ page }) => {
  const result = await enquiryResult(page, { aadhaar: demoAadhaar('blankBalance') });
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('balance-missing')).toHaveText(en.result.balanceMissing);
  await expect(page.getByTestId('balance')).toHaveCount(0);
  await expect(result).not.toContainText('₹');
});

test('the agent’s own refusals: eKYC not done, finger not matched, then another number passes; history shows them apart', async ({ page }) => {
  await homeWithDailyAuth(page);
  await clearDailyAuth(page);
  await status(page).getByRole('button', { name: en.home.dailyAuth.button }).click();

  await completeDailyAuthExpectingResult(page, demoAgentAadhaar('ekycNotDone'));
  const ekyc = page.getByTestId('da-result');
  await expect(ekyc).toHaveAttribute('data-reason', 'ekycNotDone');
  await expect(ekyc).toContainText(en.dailyAuth.refusal.ekycNotDone.todo);
  await expect(ekyc).toContainText('Please complete bank eKYC to process the transaction.');
  await shot(page, '45-daily-auth-ekyc');

  await button(page, en.dailyAuth.result.editDetails).click();
  await button(page, en.aadhaar.change).click();
  await completeDailyAuthExpectingResult(page, demoAgentAadhaar('invalidBiometric'));
  const mismatch = page.getByTestId('da-result');
  await expect(mismatch).toHaveAttribute('data-reason', 'biometricMismatch');
  await expect(mismatch).toContainText(en.dailyAuth.refusal.biometricMismatch.what);
  await button(page, en.dailyAuth.result.captureAgain).click(); // the number is kept: a new capture
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('da-result')).toHaveAttribute('data-reason', 'biometricMismatch', { timeout: 30_000 });

  await button(page, en.dailyAuth.result.editDetails).click();
  await button(page, en.aadhaar.change).click();
  await completeDailyAuth(page, { aadhaar: AGENT_AADHAAR });
  await expect(status(page)).toHaveAttribute('data-state', 'done');

  await page.getByRole('button', { name: 'History', exact: true }).click();
  await page.getByTestId('history-kind').getByRole('radio', { name: en.history.kind.dailyAuth }).check();
  const rows = page.getByTestId('history-row');
  await expect(rows.first()).toHaveAttribute('data-kind', 'dailyAuth');
  await expect(page.locator('[data-testid="history-row"][data-kind="balance"]')).toHaveCount(0);
  await expect(rows.first()).toContainText(en.history.dailyAuthRow);
  await expect(rows.first().getByTestId('row-aadhaar')).toHaveText('XXXX XXXX 2345');
  await expect(page.locator('[data-kind="dailyAuth"][data-outcome="refused"]').first()).toContainText(/Finger not matched|eKYC/);
  await expect(page.getByRole('button', { name: 'Check result again' })).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Print receipt' })).toHaveCount(0);
  // The agent's "do 2fa" refusals of customer enquiries are counted apart.
  await page.getByTestId('history-kind').getByRole('radio', { name: en.history.kind.all }).check();
  await expect(page.getByTestId('agent-refused')).toBeVisible();
  await shot(page, '46-history-daily-auth');
});

/** Types an agent number and captures, expecting a verdict screen (not a return). */
async function completeDailyAuthExpectingResult(page: Page, aadhaar: string) {
  await enterDailyAuthDetails(page, { aadhaar });
  await button(page, 'Continue').click();
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('da-result')).toBeVisible({ timeout: 30_000 });
}

test('Hindi: the status on home and the daily authentication in Hindi', async ({ page }) => {
  await homeWithDailyAuth(page);
  await clearDailyAuth(page);
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByTestId('daily-auth-line')).toContainText('आज नहीं हुआ');
  await page.getByRole('button', { name: 'दैनिक सत्यापन करें', exact: true }).click();
  const field = page.getByLabel('आपका आधार नंबर (एजेंट)', { exact: true });
  await field.fill(AGENT_AADHAAR);
  await field.press('Enter');
  await expect(page.getByRole('heading', { name: 'अपने आधार से जुड़ा बैंक चुनें' })).toBeVisible();
  if ((await page.getByTestId('selected-bank').textContent())?.includes('—')) {
    await page.getByRole('combobox', { name: 'बैंक' }).fill('sbi');
    await page.keyboard.press('Enter');
  }
  await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
  await expect(page.getByRole('heading', { name: 'अपना फिंगरप्रिंट दें' })).toBeVisible();
  await shot(page, '47-hi-daily-auth-capture');
  await page.getByRole('button', { name: 'फिंगरप्रिंट लें' }).click();
  await expect(page.getByTestId('daily-auth-line')).toContainText(/^दैनिक सत्यापन (सुबह|दोपहर|शाम|रात) \d{1,2}:\d{2} बजे हो गया$/, { timeout: 30_000 });
  await shot(page, '48-hi-home-daily-auth-done');
  await page.getByRole('button', { name: 'English' }).click();
});
