/**
 * How many taps (touch alone) and keys (keyboard alone) one balance enquiry takes, home →
 * balance → print → home, with every check and the customer's consent kept. The counts are
 * ceilings: a change that makes the agent tap or type more fails here.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { button, dailyAuthForKiosk, openHome } from './support/flow';

/**
 * Taps by touch: the 22 digits (10 mobile, 12 Aadhaar) and the rest. Before the keypad moved on
 * by itself and a tap on a bank chose it and moved on: 32 taps, 37 keys (by this walk).
 */
const MAX_TAPS = 29;
/** Keys by keyboard alone, the same 22 digits included. */
const MAX_KEYS = 37;

const MOBILE = '9876543210';
const AADHAAR = demoAadhaar('success');

let kiosk: KioskProcess;
test.beforeAll(async ({ browser }) => {
  kiosk = await startKiosk();
  await dailyAuthForKiosk(browser, kiosk.launchUrl);
});
test.afterAll(async () => {
  await kiosk?.stop();
});

/** window.print counts instead of opening a dialog. */
async function stubPrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    window.print = () => {
      w.__prints += 1;
    };
  });
}
const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: number }).__prints);

/** Which step of the flow is on screen ('home' when the home screen is). */
async function where(page: Page): Promise<string> {
  if ((await page.locator('[data-screen="home"]').count()) > 0) return 'home';
  const step = page.locator('[data-testid^="step-"]').first();
  await expect(step).toBeVisible();
  return ((await step.getAttribute('data-testid')) ?? '').replace('step-', '');
}

test.use({ hasTouch: true });

test('one enquiry by touch alone: home → balance → print → home', async ({ page }) => {
  await stubPrint(page);
  await openHome(page, kiosk.launchUrl);
  let taps = 0;
  const tap = async (l: Locator) => {
    await l.tap();
    taps++;
  };
  const keypad = page.getByRole('group', { name: 'Number keypad' });
  await tap(button(page, 'Balance enquiry'));
  let printed = false;
  for (let guard = 0; guard < 60; guard++) {
    await page.waitForTimeout(150);
    const at = await where(page);
    if (at === 'home') break;
    if (at === 'mobile' || at === 'aadhaar') {
      const input = page.locator(`#${at}`);
      const want = at === 'mobile' ? MOBILE : AADHAAR;
      const have = Number((await input.getAttribute('data-digits')) ?? '0');
      if ((await input.count()) > 0 && have < want.length) {
        for (const d of want.slice(have)) await tap(keypad.getByRole('button', { name: d, exact: true }));
      } else await tap(page.getByTestId('continue'));
    } else if (at === 'bank') {
      if ((await page.getByTestId('selected-bank').textContent())?.includes('State Bank of India')) await tap(page.getByTestId('continue'));
      else await tap(page.getByRole('option', { name: /State Bank of India/ }).first());
    } else if (at === 'capture') {
      // Consent and capture share the step: the box, then the button.
      const consent = page.getByRole('checkbox', { name: /consent/ });
      if (!(await consent.isChecked())) await tap(consent);
      else {
        await tap(button(page, 'Capture fingerprint'));
        await expect(page.getByTestId('result')).toBeVisible({ timeout: 30_000 });
      }
    } else if (at === 'result') {
      if (!printed) {
        await tap(button(page, 'Print receipt'));
        await expect.poll(() => prints(page)).toBe(1);
        printed = true;
      } else await tap(button(page, 'Home'));
    } else throw new Error(`unexpected step ${at}`);
  }
  expect(printed).toBe(true);
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  console.log(`taps by touch: ${taps}`);
  expect(taps).toBeLessThanOrEqual(MAX_TAPS);
});

test('one enquiry by keyboard alone: home → balance → print → home', async ({ page }) => {
  await stubPrint(page);
  await openHome(page, kiosk.launchUrl);
  let keys = 0;
  const press = async (key: string) => {
    await page.keyboard.press(key);
    keys++;
  };
  /** Tab to the button named `name` (counting each Tab), then Enter. */
  const tabTo = async (name: string) => {
    for (let i = 0; i < 20; i++) {
      const focused = await page.evaluate(() => {
        const el = document.activeElement as HTMLElement | null;
        return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
      });
      if (focused === name) break;
      await press('Tab');
    }
    await press('Enter');
  };
  await expect(button(page, 'Balance enquiry')).toBeFocused();
  await press('Enter');
  let printed = false;
  for (let guard = 0; guard < 60; guard++) {
    await page.waitForTimeout(150);
    const at = await where(page);
    if (at === 'home') break;
    if (at === 'mobile' || at === 'aadhaar') {
      const input = page.locator(`#${at}`);
      const want = at === 'mobile' ? MOBILE : AADHAAR;
      const have = Number((await input.getAttribute('data-digits')) ?? '0');
      if ((await input.count()) > 0 && have < want.length) {
        for (const d of want.slice(have)) await press(d);
      } else await press('Enter');
    } else if (at === 'bank') {
      if ((await page.getByTestId('selected-bank').textContent())?.includes('State Bank of India')) await press('Enter');
      else {
        // The most used bank is offered first: Enter picks the highlighted one.
        await expect(page.getByRole('option').first()).toContainText('State Bank of India');
        await press('Enter');
      }
    } else if (at === 'capture') {
      // The consent box has the focus; Space ticks it, Enter on it captures.
      const consent = page.getByRole('checkbox', { name: /consent/ });
      if (!(await consent.isChecked())) {
        await expect(consent).toBeFocused();
        await press('Space');
      } else {
        await press('Enter');
        await expect(page.getByTestId('result')).toBeVisible({ timeout: 30_000 });
      }
    } else if (at === 'result') {
      if (!printed) {
        await tabTo('Print receipt');
        await expect.poll(() => prints(page)).toBe(1);
        printed = true;
      } else await tabTo('Home');
    } else throw new Error(`unexpected step ${at}`);
  }
  expect(printed).toBe(true);
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  console.log(`keys by keyboard: ${keys}`);
  expect(keys).toBeLessThanOrEqual(MAX_KEYS);
});
