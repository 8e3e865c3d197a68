/** Steps of the agent's flow for the browser tests, and the screenshots they leave as artifacts. */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Browser, type Locator, type Page } from '@playwright/test';
import { CONFIG_FILE_NAME } from '../../../main/services/config/config';
import { demoAgentAadhaar } from '../../../main/simulators/eko';
import type { Timings } from '../../../renderer/timings';
import { newSuiteDataDir, seedFinishedSetup } from '../../support/kiosk-process';

export const SCREENSHOT_DIR = path.resolve('test-results', 'screenshots');

/** Saves a screenshot of the viewport to test-results/screenshots/<name>.png. */
export async function shot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/**
 * History opens on the local "today": a spec that makes enquiries and then reads them there must
 * not straddle midnight. Called first in such a spec: within `marginMs` of midnight it waits until
 * just after it (and gives the hook the time to).
 */
export async function awayFromMidnight(marginMs = 180_000): Promise<void> {
  const now = new Date();
  const justAfter = new Date(now);
  justAfter.setHours(24, 0, 2, 0);
  const left = justAfter.getTime() - now.getTime();
  if (left > marginMs) return;
  test.setTimeout(left + 120_000);
  await new Promise((r) => setTimeout(r, left));
}

/** Shorter idle timeouts etc. for this page (read by the app at start-up). */
export async function injectTimings(page: Page, timings: Partial<Timings>): Promise<void> {
  await page.addInitScript((t) => {
    (window as unknown as { __KIOSK_TEST_TIMINGS__: unknown }).__KIOSK_TEST_TIMINGS__ = t;
  }, timings);
}

/**
 * Opens the app and waits for its start-up check. The main side keeps a finished enquiry
 * until the agent leaves its result (at most 10 minutes) and a fresh page shows it (as
 * after a crash); a test that wants the home screen goes home from there.
 */
export async function openHome(page: Page, url: string): Promise<void> {
  await page.goto(url);
  await waitForHome(page);
}

/** Waits for the app's start-up check on a page already loading, then goes home (also the Electron smoke test's). */
export async function waitForHome(page: Page): Promise<void> {
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

/** The sandbox's demo agent whose daily authentication passes. */
export const AGENT_AADHAAR = demoAgentAadhaar('success');

/** The agent's own Aadhaar field in the daily authentication. */
export const agentAadhaarField = (page: Page) => page.getByLabel('Your Aadhaar number (agent)', { exact: true });

/**
 * The daily authentication's details by the UI, from its first step (home's button, the fingerprint
 * step's notice, or a "do 2fa" result has opened it): the agent's number (AGENT_AADHAAR by default),
 * then the bank (the preselected one, else `bank`, else State Bank of India), chosen. Continue is next.
 */
export async function enterDailyAuthDetails(page: Page, o: { aadhaar?: string; bank?: string } = {}): Promise<void> {
  await agentAadhaarField(page).fill(o.aadhaar ?? AGENT_AADHAAR);
  await agentAadhaarField(page).press('Enter');
  const bankBox = page.getByRole('combobox', { name: 'Bank', exact: true });
  await expect(bankBox).toBeVisible();
  if ((await page.getByTestId('selected-bank').textContent())?.includes('—') || o.bank) {
    await bankBox.fill(o.bank ?? 'State Bank of India');
    await bankBox.press('Enter');
    await expect(page.getByTestId('selected-bank')).not.toContainText('—');
  }
}

/**
 * The daily authentication by the UI, from its first step: the details (enterDailyAuthDetails),
 * then the finger. Waits until the app has left it (success goes back by itself).
 */
export async function completeDailyAuth(page: Page, o: { aadhaar?: string; bank?: string } = {}): Promise<void> {
  await enterDailyAuthDetails(page, o);
  await button(page, 'Continue').click();
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('daily-auth')).toHaveCount(0, { timeout: 30_000 });
}

/**
 * Today's daily authentication for this kiosk, done once by the UI: on the home screen, when it
 * says "not done today", the agent does it (the sandbox, like Eko, refuses every enquiry until
 * then). Nothing when it is done already. Call it on home before a spec's first enquiry.
 */
export async function dailyAuthOnce(page: Page): Promise<void> {
  const status = page.getByTestId('daily-auth-status');
  await expect(status).toHaveAttribute('data-state', /^(done|notDone)$/);
  if ((await status.getAttribute('data-state')) === 'done') return;
  await status.getByRole('button', { name: 'Do daily authentication', exact: true }).click();
  await completeDailyAuth(page);
  await expect(page.getByTestId('daily-auth-status')).toHaveAttribute('data-state', 'done');
}

/** From home to the fingerprint step, consent given, with mouse and keyboard (`start`: home's action, "Balance enquiry" by default, or "Mini statement"). */
export async function toCapture(page: Page, o: { aadhaar: string; mobile?: string; bank?: string; start?: string; consent?: boolean }): Promise<void> {
  await button(page, o.start ?? 'Balance enquiry').click();
  await field.mobile(page).fill(o.mobile ?? '9876543210');
  await field.mobile(page).press('Enter');
  await field.aadhaar(page).fill(o.aadhaar);
  await field.aadhaar(page).press('Enter');
  await field.bank(page).fill(o.bank ?? 'State Bank of India');
  await field.bank(page).press('Enter');
  await expect(page.getByTestId('selected-bank')).not.toContainText('—');
  await button(page, 'Continue').click();
  // Consent and capture share the fingerprint step: the box first (unless `consent: false`), then the button.
  if (o.consent !== false) await field.consent(page).check();
  await expect(button(page, 'Capture fingerprint')).toBeVisible();
}

/**
 * dailyAuthOnce in a window of its own, for a spec's beforeAll (`async ({ browser }) => …`):
 * the kiosk's daily authentication is done before the spec's first enquiry, and the spec's
 * own pages start on a home screen that says so.
 */
export async function dailyAuthForKiosk(browser: Browser, launchUrl: string): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  try {
    const page = await context.newPage();
    await openHome(page, launchUrl);
    await dailyAuthOnce(page);
  } finally {
    await context.close();
  }
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

/**
 * A data dir with a finished demo setup and these config.json sections merged in (e.g.
 * `{ eko: { enquiryTimeoutMs: 5000 } }`), for startKiosk({ KIOSK_DATA_DIR }).
 */
export async function dataDirWithConfig(sections: Record<string, Record<string, unknown>>): Promise<string> {
  const dir = newSuiteDataDir();
  await seedFinishedSetup(dir);
  const file = path.join(dir, CONFIG_FILE_NAME);
  const config = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, Record<string, unknown>>;
  for (const [key, values] of Object.entries(sections)) config[key] = { ...config[key], ...values };
  fs.writeFileSync(file, `${JSON.stringify(config, null, 2)}\n`);
  return dir;
}

/** Every visible control on the page (buttons, bank options, the consent box) is at least 44 px both ways. */
export async function expectTargetsAtLeast44(page: Page, where: string): Promise<void> {
  const small = await page.evaluate(() =>
    [...document.querySelectorAll('button, [role="option"], .check, input[type="checkbox"], input[type="text"]')]
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0 && (r.width < 44 || r.height < 44))
      .map(({ el, r }) => `${el.tagName.toLowerCase()} "${(el.textContent ?? '').trim().slice(0, 30) || el.getAttribute('aria-label')}" ${Math.round(r.width)}×${Math.round(r.height)}`),
  );
  expect(small, `targets under 44 px on ${where}`).toEqual([]);
}

/** On how many lines the element's text (or the part of it matching `part`) is laid out. */
export async function linesOf(locator: Locator, part?: string): Promise<number> {
  return locator.evaluate((el, sub) => {
    const text = el.textContent ?? '';
    const start = sub ? text.indexOf(sub) : 0;
    if (start < 0) return 0;
    const end = sub ? start + sub.length : text.length;
    // Walk the text nodes to the range [start, end).
    const walker = document.createTreeWalker(el, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    let seen = 0;
    let startSet = false;
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const len = n.textContent!.length;
      if (!startSet && start < seen + len) {
        range.setStart(n, start - seen);
        startSet = true;
      }
      if (startSet && end <= seen + len) {
        range.setEnd(n, end - seen);
        break;
      }
      seen += len;
    }
    // Boxes of one line (a monospace span beside plain text) differ by a pixel or two: count line breaks.
    const tops = [...range.getClientRects()].filter((r) => r.width > 0).map((r) => r.top).sort((a, b) => a - b);
    return tops.filter((top, i) => i === 0 || top - tops[i - 1]! > 8).length;
  }, part);
}
