/**
 * Every screen in both languages at 1280×800, saved as test artifacts
 * (test-results/screenshots/screen-<name>-en.png and -hi.png), with the browser in en-US:
 * on each one, no date in the browser's US order (12/02/2026) and nothing wider than the window.
 * The flow is driven in English; at each screen the language switch shows it in Hindi and back.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { TEST_OPERATOR_PIN } from '../support/kiosk-process';
import { agentAadhaarField, button, captureAndWait, enterDailyAuthDetails, field, openHome, shot, toCapture } from './support/flow';
import { kioskForSpec } from './support/kiosk';

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

/** Does `act`; once `shown` (if given) is visible, the screen is checked and saved as `name` in both languages. */
async function shows(page: Page, name: string, act: () => Promise<unknown>, shown?: Locator): Promise<void> {
  await act();
  if (shown) await expect(shown).toBeVisible();
  await both(page, name);
}

async function typeAndEnter(box: Locator, text: string): Promise<void> {
  await box.fill(text);
  await box.press('Enter');
}

test.describe('every screen, English and Hindi, 1280×800', () => {
  const kiosk = kioskForSpec({ awayFromMidnight: true });

  test('home, daily authentication, enquiry steps and results, mini statement, history, diagnostics, settings', async ({ page }) => {
    test.setTimeout(240_000);
    await openHome(page, kiosk().launchUrl);
    await expect(page.getByTestId('daily-auth-status')).toHaveAttribute('data-state', 'notDone');
    await both(page, 'home');

    // The agent's daily authentication, step by step.
    await shows(page, 'daily-auth-aadhaar', () => page.getByTestId('daily-auth-status').getByRole('button', { name: 'Do daily authentication', exact: true }).click(), agentAadhaarField(page));
    await shows(page, 'daily-auth-bank', () => enterDailyAuthDetails(page));
    await shows(page, 'daily-auth-capture', () => button(page, 'Continue').click(), button(page, 'Capture fingerprint'));
    await button(page, 'Capture fingerprint').click();
    await expect(page.getByTestId('daily-auth')).toHaveCount(0, { timeout: 30_000 });
    await expect(page.getByTestId('daily-auth-status')).toHaveAttribute('data-state', 'done');
    await both(page, 'home-daily-auth-done');

    // A balance enquiry, step by step, then the three results and a mini statement's.
    await shows(page, 'enquiry-mobile', () => button(page, 'Balance enquiry').click(), field.mobile(page));
    await shows(page, 'enquiry-aadhaar', () => typeAndEnter(field.mobile(page), '9876543210'), field.aadhaar(page));
    await shows(page, 'enquiry-bank', () => typeAndEnter(field.aadhaar(page), demoAadhaar('success')), field.bank(page));
    await typeAndEnter(field.bank(page), 'State Bank of India');
    await expect(page.getByTestId('selected-bank')).not.toContainText('—');
    await shows(page, 'enquiry-consent-capture', () => button(page, 'Continue').click(), field.consent(page));
    await shows(page, 'enquiry-capture', () => field.consent(page).check(), button(page, 'Capture fingerprint'));
    await shows(page, 'enquiry-result-success', () => captureAndWait(page));

    for (const [who, start, name] of [
      ['notLinked', 'Balance enquiry', 'enquiry-result-refused'],
      ['awaited', 'Balance enquiry', 'enquiry-result-unknown'],
      ['success', 'Mini statement', 'mini-statement-result'],
    ] as const) {
      await button(page, 'Home').click();
      await expect(button(page, 'Balance enquiry')).toBeVisible();
      await toCapture(page, { aadhaar: demoAadhaar(who), start });
      await shows(page, name, () => captureAndWait(page));
    }

    await shows(page, 'home-after-enquiries', () => button(page, 'Home').click(), button(page, 'Balance enquiry'));
    const firstRow = page.getByTestId('history-row').first();
    await shows(page, 'history', () => button(page, 'History').click(), firstRow);
    await button(page, 'All dates').click();
    await expect(firstRow).toBeVisible();
    await shows(page, 'history-all-dates-details', () => firstRow.getByRole('button', { name: 'More details' }).click());

    await button(page, 'Home').click();
    await shows(page, 'diagnostics', () => button(page, 'Diagnostics').click(), page.getByRole('heading', { level: 1, name: 'Diagnostics' }));

    await button(page, 'Home').click();
    const pinHeading = page.getByRole('heading', { name: 'Enter the operator PIN' });
    await shows(page, 'settings-pin', () => button(page, 'Settings').click(), pinHeading);
    await page.getByLabel('Operator PIN', { exact: true }).fill(TEST_OPERATOR_PIN);
    await button(page, 'Open settings').click();
    await expect(pinHeading).toHaveCount(0);
    await both(page, 'settings-form');
  });
});

test.describe('first-run setup, English and Hindi, 1280×800', () => {
  const kiosk = kioskForSpec({ setup: 'firstRun' });

  test('setup', async ({ page }) => {
    await page.goto(kiosk().launchUrl);
    await expect(page.locator('[data-screen="setup"], [data-testid="setup"]').or(page.getByRole('heading', { level: 1 })).first()).toBeVisible();
    await both(page, 'setup');
  });
});
