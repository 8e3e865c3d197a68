/** Steps of the agent's flow for the browser tests, and the screenshots they leave as artifacts. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, type Page } from '@playwright/test';
import type { Timings } from '../../../renderer/timings';

export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

/** Saves a screenshot of the viewport to test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Shorter idle timeouts etc. for this page (read by the app at start-up). */
export async function injectTimings(page: Page, timings: Partial<Timings>): Promise<void> {
  await page.addInitScript((t) => {
    (window as unknown as { __KIOSK_TEST_TIMINGS__: unknown }).__KIOSK_TEST_TIMINGS__ = t;
  }, timings);
}

/**
 * Opens the app and waits for its start-up check. The main side keeps a finished enquiry
 * for 60 s and a fresh page shows it (as after a crash); a test that wants the home
 * screen goes home from there.
 */
export async function openHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await expect(page.locator('[data-startup="done"]')).toHaveCount(1);
  if ((await page.locator('[data-screen="flow"]').count()) > 0) await button(page, 'Home').click();
  await expect(button(page, 'Balance enquiry')).toBeVisible();
}

export const field = {
  mobile: (page: Page) => page.getByLabel('Customer mobile number', { exact: true }),
  aadhaar: (page: Page) => page.getByLabel('Aadhaar number', { exact: true }),
  bank: (page: Page) => page.getByRole('combobox', { name: 'Bank', exact: true }),
  consent: (page: Page) => page.getByRole('checkbox', { name: /consent/ }),
};

export const button = (page: Page, name: string) => page.getByRole('button', { name, exact: true });

/** From home to the fingerprint step with mouse and keyboard. */
export async function toCapture(page: Page, o: { aadhaar: string; mobile?: string; bank?: string }): Promise<void> {
  await button(page, 'Balance enquiry').click();
  await field.mobile(page).fill(o.mobile ?? '9876543210');
  await field.mobile(page).press('Enter');
  await field.aadhaar(page).fill(o.aadhaar);
  await field.aadhaar(page).press('Enter');
  await field.bank(page).fill(o.bank ?? 'State Bank of India');
  await field.bank(page).press('Enter');
  await expect(page.getByTestId('selected-bank')).not.toContainText('—');
  await button(page, 'Continue').click();
  await field.consent(page).check();
  await button(page, 'Continue').click();
  await expect(button(page, 'Capture fingerprint')).toBeVisible();
}

/** Captures and waits for the result card; returns it. */
export async function captureAndWait(page: Page) {
  await button(page, 'Capture fingerprint').click();
  const result = page.getByTestId('result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  return result;
}

/** Nothing about the customer in the page's storage, its address or (as clear text) its DOM. */
export async function expectNoCustomerTraces(page: Page, aadhaar: string, mobile = '9876543210'): Promise<void> {
  const dump = await page.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage }, u: location.href }));
  expect(dump).not.toContain(aadhaar);
  expect(dump).not.toContain(mobile);
  const html = await page.content();
  expect(html).not.toContain(aadhaar);
  expect(html).not.toContain(`${aadhaar.slice(0, 4)} ${aadhaar.slice(4, 8)}`);
}
