/**
 * How many taps (touch alone) and keys (keyboard alone) one balance enquiry takes, home →
 * balance → print → home, with every check and the customer's consent kept. The counts are
 * ceilings: a change that makes the agent tap or type more fails here.
 */
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { button, openHome } from './support/flow';
import { kioskForSpec } from './support/kiosk';
import { prints, stubPrint } from './support/print';

/**
 * Taps by touch: the 22 digits (10 mobile, 12 Aadhaar) and 6 more (start, bank, consent, capture,
 * print, home). Before the keypad moved on by itself, a tap on a bank chose it and moved on, and
 * consent and capture shared a screen: 32 taps, 37 keys (by this walk).
 */
const MAX_TAPS = 28;
/** Keys by keyboard alone, the same 22 digits included. */
const MAX_KEYS = 36;

const MOBILE = '9876543210';
const AADHAAR = demoAadhaar('success');

const kiosk = kioskForSpec({ dailyAuth: true });

/** Which step of the flow is on screen ('home' when the home screen is). */
async function where(page: Page): Promise<string> {
  if ((await page.locator('[data-screen="home"]').count()) > 0) return 'home';
  const step = page.locator('[data-testid^="step-"]').first();
  await expect(step).toBeVisible();
  return ((await step.getAttribute('data-testid')) ?? '').replace('step-', '');
}

/** What the agent does at each point of the walk in one input mode; every tap or key is counted. */
interface Driver {
  /** Home's "Balance enquiry". */
  start(): Promise<void>;
  /** The rest of a number, digit by digit. */
  digits(digits: string): Promise<void>;
  /** On to the next step (the number complete, the bank chosen). */
  next(): Promise<void>;
  /** State Bank of India from the bank list. */
  pickBank(): Promise<void>;
  /** Ticks the customer's consent. */
  tickConsent(consent: Locator): Promise<void>;
  /** Captures, the consent ticked. */
  capture(): Promise<void>;
  /** A button on the result screen. */
  choose(name: string): Promise<void>;
  /** The taps or keys so far. */
  count(): number;
}

function touchDriver(page: Page): Driver {
  let taps = 0;
  const tap = async (l: Locator) => {
    await l.tap();
    taps++;
  };
  const keypad = page.getByRole('group', { name: 'Number keypad' });
  return {
    start: () => tap(button(page, 'Balance enquiry')),
    digits: async (digits) => {
      for (const d of digits) await tap(keypad.getByRole('button', { name: d, exact: true }));
    },
    next: () => tap(page.getByTestId('continue')),
    pickBank: () => tap(page.getByRole('option', { name: /State Bank of India/ }).first()),
    // Consent and capture share the step: the box, then the button.
    tickConsent: (consent) => tap(consent),
    capture: () => tap(button(page, 'Capture fingerprint')),
    choose: (name) => tap(button(page, name)),
    count: () => taps,
  };
}

function keyboardDriver(page: Page): Driver {
  let keys = 0;
  const press = async (key: string) => {
    await page.keyboard.press(key);
    keys++;
  };
  return {
    start: async () => {
      await expect(button(page, 'Balance enquiry')).toBeFocused();
      await press('Enter');
    },
    digits: async (digits) => {
      for (const d of digits) await press(d);
    },
    next: () => press('Enter'),
    pickBank: async () => {
      // The most used bank is offered first: Enter picks the highlighted one.
      await expect(page.getByRole('option').first()).toContainText('State Bank of India');
      await press('Enter');
    },
    // The consent box has the focus; Space ticks it, Enter on it captures.
    tickConsent: async (consent) => {
      await expect(consent).toBeFocused();
      await press('Space');
    },
    capture: () => press('Enter'),
    /** Tab to the button named `name` (counting each Tab), then Enter. */
    choose: async (name) => {
      for (let i = 0; i < 20; i++) {
        const focused = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return el ? (el.getAttribute('aria-label') ?? el.textContent ?? '').trim() : '';
        });
        if (focused === name) break;
        await press('Tab');
      }
      await press('Enter');
    },
    count: () => keys,
  };
}

/** One enquiry from home to home, its receipt printed, by `drive`; returns the taps or keys it took. */
async function walk(page: Page, drive: Driver): Promise<number> {
  await drive.start();
  let printed = false;
  for (let guard = 0; guard < 60; guard++) {
    await page.waitForTimeout(150);
    const at = await where(page);
    if (at === 'home') break;
    if (at === 'mobile' || at === 'aadhaar') {
      const input = page.locator(`#${at}`);
      const want = at === 'mobile' ? MOBILE : AADHAAR;
      const have = Number((await input.getAttribute('data-digits')) ?? '0');
      if ((await input.count()) > 0 && have < want.length) await drive.digits(want.slice(have));
      else await drive.next();
    } else if (at === 'bank') {
      if ((await page.getByTestId('selected-bank').textContent())?.includes('State Bank of India')) await drive.next();
      else await drive.pickBank();
    } else if (at === 'capture') {
      const consent = page.getByRole('checkbox', { name: /consent/ });
      if (!(await consent.isChecked())) await drive.tickConsent(consent);
      else {
        await drive.capture();
        await expect(page.getByTestId('result')).toBeVisible({ timeout: 30_000 });
      }
    } else if (at === 'result') {
      if (!printed) {
        await drive.choose('Print receipt');
        await expect.poll(() => prints(page)).toBe(1);
        printed = true;
      } else await drive.choose('Home');
    } else throw new Error(`unexpected step ${at}`);
  }
  expect(printed).toBe(true);
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  return drive.count();
}

test.use({ hasTouch: true });

const MODES = [
  { mode: 'touch', counted: 'taps by touch', max: MAX_TAPS, driver: touchDriver },
  { mode: 'keyboard', counted: 'keys by keyboard', max: MAX_KEYS, driver: keyboardDriver },
];

for (const { mode, counted, max, driver } of MODES) {
  test(`one enquiry by ${mode} alone: home → balance → print → home`, async ({ page }) => {
    await stubPrint(page);
    await openHome(page, kiosk().launchUrl);
    const count = await walk(page, driver(page));
    console.log(`${counted}: ${count}`);
    expect(count).toBeLessThanOrEqual(max);
  });
}
