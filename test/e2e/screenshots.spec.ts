/**
 * Every screen in both languages at 1280×800, saved as test artifacts
 * (test-results/screenshots/screen-<name>-en.png and -hi.png), with the browser in en-US:
 * on each one, no date in the browser's US order (12/02/2026) and nothing wider than the window.
 * The flow is driven in English; at each screen the language switch shows it in Hindi and back.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { TEST_OPERATOR_PIN, startKiosk, type KioskProcess } from '../support/kiosk-process';
import { AGENT_AADHAAR, agentAadhaarField, awayFromMidnight, button, captureAndWait, field, openHome, shot, toCapture } from './support/flow';

test.use({ locale: 'en-US', viewport: { width: 1280, height: 800 } });

const US_DATE = /\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/;

/** Checks the screen as it stands, saves it, then the same in Hindi, and back to English. */
async function both(page: Page, name: string): Promise<void> {
  for (const lang of ['en', 'hi'] as const) {
    await expect(page.locator('html')).toHaveAttribute('lang', lang);
    // The Hindi strings load on the first switch: the switch itself reads in the other language once they are in.
    await expect(page.locator('.lang-switch')).toHaveText(lang === 'hi' ? 'English' : 'हिन्दी');
    const text = await page.locator('body').innerText();
    expect(text, `${name} (${lang}) shows a US-order date`).not.toMatch(US_DATE);
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, `${name} (${lang}) is wider than the window`).toBeLessThanOrEqual(0);
    await shot(page, `screen-${name}-${lang}`);
    await page.locator('.lang-switch').click();
  }
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

test.describe('every screen, English and Hindi, 1280×800', () => {
  let kiosk: KioskProcess;
  test.beforeAll(async () => {
    await awayFromMidnight();
    kiosk = await startKiosk();
  });
  test.afterAll(async () => {
    await kiosk?.stop();
  });

  test('home, daily authentication, enquiry steps and results, mini statement, history, diagnostics, settings', async ({ page }) => {
    test.setTimeout(240_000);
    await openHome(page, kiosk.launchUrl);
    await expect(page.getByTestId('daily-auth-status')).toHaveAttribute('data-state', 'notDone');
    await both(page, 'home');

    // The agent's daily authentication, step by step.
    await page.getByTestId('daily-auth-status').getByRole('button', { name: 'Do daily authentication', exact: true }).click();
    await expect(agentAadhaarField(page)).toBeVisible();
    await both(page, 'daily-auth-aadhaar');
    await agentAadhaarField(page).fill(AGENT_AADHAAR);
    await agentAadhaarField(page).press('Enter');
    const bankBox = page.getByRole('combobox', { name: 'Bank', exact: true });
    await expect(bankBox).toBeVisible();
    if ((await page.getByTestId('selected-bank').textContent())?.includes('—')) {
      await bankBox.fill('State Bank of India');
      await bankBox.press('Enter');
      await expect(page.getByTestId('selected-bank')).not.toContainText('—');
    }
    await both(page, 'daily-auth-bank');
    await button(page, 'Continue').click();
    await expect(button(page, 'Capture fingerprint')).toBeVisible();
    await both(page, 'daily-auth-capture');
    await button(page, 'Capture fingerprint').click();
    await expect(page.getByTestId('daily-auth')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('daily-auth-status')).toHaveAttribute('data-state', 'done');
    await both(page, 'home-daily-auth-done');

    // A balance enquiry, step by step, then the three results.
    await button(page, 'Balance enquiry').click();
    await expect(field.mobile(page)).toBeVisible();
    await both(page, 'enquiry-mobile');
    await field.mobile(page).fill('9876543210');
    await field.mobile(page).press('Enter');
    await expect(field.aadhaar(page)).toBeVisible();
    await both(page, 'enquiry-aadhaar');
    await field.aadhaar(page).fill(demoAadhaar('success'));
    await field.aadhaar(page).press('Enter');
    await expect(field.bank(page)).toBeVisible();
    await both(page, 'enquiry-bank');
    await field.bank(page).fill('State Bank of India');
    await field.bank(page).press('Enter');
    await expect(page.getByTestId('selected-bank')).not.toContainText('—');
    await button(page, 'Continue').click();
    await expect(field.consent(page)).toBeVisible();
    await both(page, 'enquiry-consent-capture');
    await field.consent(page).check();
    await expect(button(page, 'Capture fingerprint')).toBeVisible();
    await both(page, 'enquiry-capture');
    await captureAndWait(page);
    await both(page, 'enquiry-result-success');

    for (const [who, name] of [
      ['notLinked', 'enquiry-result-refused'],
      ['awaited', 'enquiry-result-unknown'],
    ] as const) {
      await button(page, 'Home').click();
      await expect(button(page, 'Balance enquiry')).toBeVisible();
      await toCapture(page, { aadhaar: demoAadhaar(who) });
      await captureAndWait(page);
      await both(page, name);
    }

    await button(page, 'Home').click();
    await toCapture(page, { aadhaar: demoAadhaar('success'), start: 'Mini statement' });
    await captureAndWait(page);
    await both(page, 'mini-statement-result');

    await button(page, 'Home').click();
    await expect(button(page, 'Balance enquiry')).toBeVisible();
    await both(page, 'home-after-enquiries');

    await button(page, 'History').click();
    await expect(page.getByTestId('history-row').first()).toBeVisible();
    await both(page, 'history');
    await button(page, 'All dates').click();
    await expect(page.getByTestId('history-row').first()).toBeVisible();
    await page.getByTestId('history-row').first().getByRole('button', { name: 'More details' }).click();
    await both(page, 'history-all-dates-details');

    await button(page, 'Home').click();
    await button(page, 'Diagnostics').click();
    await expect(page.getByRole('heading', { level: 1, name: 'Diagnostics' })).toBeVisible();
    await both(page, 'diagnostics');

    await button(page, 'Home').click();
    await button(page, 'Settings').click();
    await expect(page.getByRole('heading', { name: 'Enter the operator PIN' })).toBeVisible();
    await both(page, 'settings-pin');
    await page.getByLabel('Operator PIN', { exact: true }).fill(TEST_OPERATOR_PIN);
    await button(page, 'Open settings').click();
    await expect(page.getByRole('heading', { name: 'Enter the operator PIN' })).toHaveCount(0);
    await both(page, 'settings-form');
  });
});

test.describe('first-run setup, English and Hindi, 1280×800', () => {
  let kiosk: KioskProcess;
  test.beforeAll(async () => {
    kiosk = await startKiosk({}, { setup: 'firstRun' });
  });
  test.afterAll(async () => {
    await kiosk?.stop();
  });

  test('setup', async ({ page }) => {
    await page.goto(kiosk.launchUrl);
    await expect(page.locator('[data-screen="setup"], [data-testid="setup"]').or(page.getByRole('heading', { level: 1 })).first()).toBeVisible();
    await both(page, 'setup');
  });
});
