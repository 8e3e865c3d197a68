/**
 * The agent's flow against the real web host in the demo profile: its own READY
 * scanner simulator and the Eko sandbox with its deterministic demo customers.
 */
import { expect, test } from '@playwright/test';
import { REFUSAL_REASONS, isAgentRefusal } from '../../app/contract';
import { demoAadhaar } from '../../main/simulators/eko';
import { en } from '../../renderer/i18n/en';
import {
  button,
  captureAndWait,
  expectNoCustomerTraces,
  expectTargetsAtLeast44,
  field,
  injectTimings,
  linesOf,
  openHome,
  shot,
  toCapture,
} from './support/flow';
import { kioskForSpec } from './support/kiosk';

const kiosk = kioskForSpec({ dailyAuth: true });

const SUCCESS = demoAadhaar('success'); // 2345 6789 0124 → ₹5,500.75

test('home: wallet, settlement accounts, scanner and the big Balance enquiry button', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await expect(page.getByTestId('wallet-balance')).toHaveText('₹2,20,83,40,023.75');
  // A balance this large still fits its card.
  expect(await page.getByTestId('wallet-balance').evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
  await expect(page.getByTestId('unsettled')).toHaveText('₹6,100');
  await expect(page.getByTestId('remaining')).toHaveText('₹1,90,000');
  await expect(page.getByTestId('accounts').locator('.recipient')).toHaveCount(2);
  await expect(page.getByTestId('device-indicator')).toHaveAttribute('data-state', 'ready');
  await expect(page.getByTestId('scanner')).toContainText('Scanner ready');
  // Labels stay with their values.
  for (const ifsc of await page.getByTestId('recipient-ifsc').all()) expect(await linesOf(ifsc)).toBe(1);
  // The scanner's make and model; its RD service, serial and level are for Diagnostics.
  await expect(page.getByTestId('scanner')).toContainText('Make and model');
  await expect(page.getByTestId('scanner')).not.toContainText(/RD service|Serial|Security level/);
  await page.getByRole('button', { name: 'Refresh wallet balance' }).click();
  await expect(page.getByTestId('wallet-balance')).toHaveText('₹2,20,83,40,023.75');
  await shot(page, '00-home');
  // The device details are one tap away from anywhere.
  await page.getByTestId('device-indicator').click();
  await expect(page.getByRole('dialog', { name: 'Fingerprint scanner' })).toContainText('Find scanner');
  await shot(page, '00-home-device-details');
  await page.keyboard.press('Escape');
  await expect(page.getByRole('dialog')).toHaveCount(0);
});

test('happy path by keyboard alone, with a screenshot of every step', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await expect(button(page, 'Balance enquiry')).toBeFocused();
  await page.keyboard.press('Enter');

  await expect(field.mobile(page)).toBeFocused();
  await page.keyboard.type('9876543210');
  await expect(field.mobile(page)).toHaveValue('98765 43210');
  await shot(page, '01-mobile');
  await page.keyboard.press('Enter');

  await expect(field.aadhaar(page)).toBeFocused();
  await page.keyboard.type(SUCCESS);
  await expect(field.aadhaar(page)).toHaveValue('2345 6789 0124');
  await shot(page, '02-aadhaar');
  await page.keyboard.press('Enter');

  await expect(field.bank(page)).toBeFocused();
  await expect(page.getByText('XXXX XXXX 0124')).toBeVisible();
  await page.keyboard.type('sbi');
  await page.keyboard.press('Enter'); // picks the highlighted bank
  await expect(page.getByTestId('selected-bank')).toContainText('State Bank of India');
  await shot(page, '03-bank');
  await page.keyboard.press('Enter'); // continues

  // Consent and capture on one screen: the consent box has the focus, Enter on it captures.
  await expect(field.consent(page)).toBeFocused();
  await expect(page.getByText(/State Bank of India can be shown to me/)).toBeVisible();
  await expect(page.getByTestId('capture-device')).toContainText('Scanner ready');
  await expect(page.getByTestId('capture-device')).not.toContainText(/RD service|Serial|Security level/);
  await page.keyboard.press('Space');
  await expect(field.consent(page)).toBeChecked();
  await shot(page, '04-consent-fingerprint');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('countdown')).toBeVisible();
  await shot(page, '05-fingerprint-countdown');

  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'success', { timeout: 30_000 });
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75');
  await expect(page.getByTestId('r-bank')).toHaveText('State Bank of India');
  await expect(page.getByTestId('r-aadhaar')).toHaveText('XXXX XXXX 0124');
  await expect(page.getByTestId('r-mobile')).toHaveText('XXXXXX3210');
  await expect(page.getByTestId('r-tid')).not.toHaveText('—');
  await expect(page.getByTestId('r-rrn')).not.toBeEmpty();
  // The heading has the focus (a screen reader reads it) but shows no ring: nothing to act on there.
  const heading = result.getByRole('heading', { name: en.result.successTitle });
  await expect(heading).toBeFocused();
  expect(await heading.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe('none');
  // References are not broken over two lines.
  for (const ref of ['r-ref', 'r-tid', 'r-rrn', 'r-uidai']) expect(await linesOf(page.getByTestId(ref)), ref).toBe(1);
  await shot(page, '06-result-success');
  await expectNoCustomerTraces(page, SUCCESS);

  // Tab reaches Print receipt, with a focus ring you can see; then on to New enquiry, which clears everything.
  await page.keyboard.press('Tab');
  const print = button(page, 'Print receipt');
  await expect(print).toBeFocused();
  const ring = await print.evaluate((el) => {
    const style = getComputedStyle(el);
    return { style: style.outlineStyle, width: parseFloat(style.outlineWidth), color: style.outlineColor };
  });
  expect(ring.style).toBe('solid');
  expect(ring.width).toBeGreaterThanOrEqual(2);
  expect(ring.color).toBe('rgb(255, 176, 32)'); // --focus
  // The keyboard order of the result's actions: Print, Save as PDF, New enquiry.
  await page.keyboard.press('Tab');
  await expect(button(page, 'Save as PDF')).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(button(page, 'New enquiry')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(field.mobile(page)).toHaveValue('');
  await expect(page.getByText('XXXX XXXX 0124')).toHaveCount(0);
});

test('happy path by touch alone, with the on-screen keypad', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openHome(page, kiosk().launchUrl);
  const keypad = page.getByRole('group', { name: 'Number keypad' });
  const tapDigits = async (digits: string) => {
    for (const d of digits) await keypad.getByRole('button', { name: d, exact: true }).tap();
  };
  await expectTargetsAtLeast44(page, 'home');
  await button(page, 'Balance enquiry').tap();
  await tapDigits('987654321');
  await expect(field.mobile(page)).toHaveValue('98765 4321');
  await expectTargetsAtLeast44(page, 'the mobile step');
  await keypad.getByRole('button', { name: 'Delete last digit' }).tap();
  await expect(field.mobile(page)).toHaveValue('98765 432');
  // The key that completes a valid number moves on by itself.
  await tapDigits('10');
  await expect(field.aadhaar(page)).toBeVisible();
  await tapDigits('1');
  await expect(page.getByRole('alert')).toContainText('never starts with 0 or 1');
  await keypad.getByRole('button', { name: 'Clear' }).tap();
  await tapDigits(SUCCESS.slice(0, 11));
  await expect(field.aadhaar(page)).toHaveValue('2345 6789 012');
  await expectTargetsAtLeast44(page, 'the Aadhaar step');
  await tapDigits(SUCCESS.slice(11));
  await expectTargetsAtLeast44(page, 'the bank step');
  // A tap on a bank chooses it and moves on.
  await page.getByRole('option', { name: /State Bank of India/ }).tap();
  await page.getByText(en.consent.checkbox).tap();
  await expect(field.consent(page)).toBeChecked();
  await expectTargetsAtLeast44(page, 'the consent and fingerprint step');
  await button(page, 'Capture fingerprint').tap();
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75', { timeout: 30_000 });
  await expectTargetsAtLeast44(page, 'the result');
  await context.close();
});

test('bad mobile and Aadhaar numbers are refused with a message', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await button(page, 'Balance enquiry').click();
  await field.mobile(page).fill('98765');
  await button(page, 'Continue').click();
  await expect(page.getByRole('alert')).toHaveText(en.mobile.problem.length.replace('{{count}}', '5'));
  await field.mobile(page).fill('4876543210');
  await expect(page.getByRole('alert')).toHaveText(en.mobile.problem.firstDigit);
  await field.mobile(page).fill('9876543210');
  await expect(page.getByRole('alert')).toHaveCount(0);
  await button(page, 'Continue').click();

  await field.aadhaar(page).fill('234567890125'); // wrong check digit
  await expect(page.getByRole('alert')).toHaveText(en.aadhaar.problem.checksum);
  await expect(field.aadhaar(page)).toHaveAttribute('aria-invalid', 'true');
  await shot(page, '02-aadhaar-invalid');
  await button(page, 'Continue').click();
  await expect(field.aadhaar(page)).toBeVisible(); // still here
  await field.aadhaar(page).fill('0234');
  await expect(page.getByRole('alert')).toHaveText(en.aadhaar.problem.firstDigit);

  // Back keeps what was typed.
  await field.aadhaar(page).fill(SUCCESS);
  await button(page, 'Back').click();
  await expect(field.mobile(page)).toHaveValue('98765 43210');
  await button(page, 'Continue').click();
  await expect(field.aadhaar(page)).toHaveValue('2345 6789 0124');
});

test('consent is required before any capture', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await button(page, 'Balance enquiry').click();
  await field.mobile(page).fill('9876543210');
  await button(page, 'Continue').click();
  await field.aadhaar(page).fill(SUCCESS);
  await button(page, 'Continue').click();
  await field.bank(page).fill('607027');
  await field.bank(page).press('Enter');
  await field.bank(page).press('Enter');
  await expect(page.getByText(/Punjab National Bank can be shown to me/)).toBeVisible();
  const captures: string[] = [];
  page.on('request', (r) => {
    if (r.url().includes('/api/captureFingerprint')) captures.push(r.url());
  });
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByRole('alert')).toHaveText(en.consent.required);
  await expect(field.consent(page)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.getByTestId('countdown')).toHaveCount(0);
  expect(captures).toEqual([]); // the scanner was never asked
  await shot(page, '04-consent-required');
  await field.consent(page).check();
  await expect(page.getByRole('alert')).toHaveCount(0);
  await button(page, 'Capture fingerprint').click();
  await expect(page.getByTestId('countdown').or(page.getByTestId('result'))).toBeVisible();
});

test('every refusal from the sandbox is explained in plain words, with Eko’s message small below', async ({ page }) => {
  test.setTimeout(120_000);
  await openHome(page, kiosk().launchUrl);
  const demoRefusals = REFUSAL_REASONS.filter((r) => {
    try {
      demoAadhaar(r);
      return true;
    } catch {
      return false;
    }
  });
  expect(demoRefusals.length).toBeGreaterThanOrEqual(6);
  for (const reason of demoRefusals) {
    await toCapture(page, { aadhaar: demoAadhaar(reason) });
    const result = await captureAndWait(page);
    await expect(result).toHaveAttribute('data-outcome', 'refused');
    await expect(result).toHaveAttribute('data-reason', reason);
    // The agent's own problems (daily authentication, the agent's wallet) are shown as the agent's.
    await expect(result.getByRole('heading')).toHaveText(isAgentRefusal(reason) ? en.result.agentRefusedTitle : en.result.refusedTitle);
    await expect(result).toContainText(en.refusal[reason].what);
    await expect(result).toContainText(en.refusal[reason].todo);
    await expect(result.locator('.server-message')).toContainText('Message from Eko:');
    await expect(page.getByTestId('balance')).toHaveCount(0);
    if (reason === 'notLinked' || reason === 'biometricMismatch') await shot(page, `06-result-refused-${reason}`);
    await button(page, 'Home').click();
  }
});

test('an awaited enquiry is "Result unknown", with the reference to quote', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await toCapture(page, { aadhaar: demoAadhaar('awaited') });
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'unknown');
  await expect(result.getByRole('heading')).toHaveText('Result unknown');
  await expect(result).toContainText(en.unknownReason.awaited);
  await expect(result).toContainText('Do not repeat the enquiry now');
  await expect(page.getByTestId('reference')).not.toBeEmpty();
  await expect(result).not.toContainText(en.result.successTitle);
  await shot(page, '06-result-unknown');
});

test('an enquiry on hold at Eko is "Result unknown" too, with the reference', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await toCapture(page, { aadhaar: demoAadhaar('onHold') });
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'unknown');
  await expect(result).toHaveAttribute('data-reason', 'onHold');
  await expect(result.getByRole('heading')).toHaveText(en.result.unknownTitle);
  await expect(result).toContainText(en.unknownReason.onHold);
  await expect(page.getByTestId('reference')).toHaveText(/\S{8,}/);
  await expect(page.getByTestId('balance')).toHaveCount(0);
  await expect(button(page, en.result.captureAgain)).toHaveCount(0);
});

test('the language is remembered across a reload', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByRole('button', { name: 'बैलेंस पूछताछ' })).toBeVisible();
  await page.reload();
  await expect(page.locator('[data-startup="done"]')).toHaveCount(1);
  await expect(page.getByRole('button', { name: 'बैलेंस पूछताछ' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'English' })).toBeVisible();
  expect(await page.evaluate(() => document.documentElement.lang)).toBe('hi');
  await page.getByRole('button', { name: 'English' }).click();
  await page.reload();
  await expect(button(page, 'Balance enquiry')).toBeVisible();
});

test('Hindi: the whole flow in Hindi', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await expect(page.getByRole('button', { name: 'बैलेंस पूछताछ' })).toBeVisible();
  await shot(page, '10-hi-home');
  await page.getByRole('button', { name: 'बैलेंस पूछताछ' }).click();
  await page.getByLabel('ग्राहक का मोबाइल नंबर', { exact: true }).fill('98765');
  await page.getByRole('button', { name: 'आगे बढ़ें' }).click();
  await expect(page.getByRole('alert')).toHaveText('मोबाइल नंबर में 10 अंक होते हैं: अभी 5 लिखे हैं।');
  await shot(page, '11-hi-mobile-error');
  await page.getByLabel('ग्राहक का मोबाइल नंबर', { exact: true }).fill('9876543210');
  await page.keyboard.press('Enter');
  await page.getByLabel('आधार नंबर', { exact: true }).fill(demoAadhaar('notLinked'));
  await page.keyboard.press('Enter');
  await page.getByRole('combobox', { name: 'बैंक' }).fill('sbi');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Enter');
  await expect(page.getByText(/मैं, आधार नंबर धारक/)).toBeVisible();
  await page.getByRole('checkbox', { name: /सहमति/ }).check();
  await shot(page, '12-hi-consent');
  await page.getByRole('button', { name: 'फिंगरप्रिंट लें' }).click();
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'refused', { timeout: 30_000 });
  await expect(result.getByRole('heading')).toHaveText('बैंक ने बैलेंस नहीं दिया');
  await expect(result).toContainText('यह आधार नंबर इस बैंक के किसी खाते से जुड़ा नहीं है।');
  await expect(page.getByTestId('r-time')).not.toContainText(/am|pm/i); // 24-hour clock, no Latin am/pm
  await shot(page, '13-hi-result-refused');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(result.getByRole('heading')).toHaveText(en.result.refusedTitle);
});

test('privacy: idle on the result screen wipes the customer and goes home', async ({ page }) => {
  // Margins of seconds: a busy CI machine must not wipe before the balance is checked.
  await injectTimings(page, { idleResultMs: 3_000, idleFlowMs: 60_000 });
  await openHome(page, kiosk().launchUrl);
  await toCapture(page, { aadhaar: SUCCESS });
  await captureAndWait(page);
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75');
  await expect(page.getByTestId('wiped')).toBeVisible({ timeout: 10_000 });
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  await expect(page.getByText('XXXX XXXX 0124')).toHaveCount(0);
  await shot(page, '07-idle-wiped');
  // And a reload does not bring it back.
  await page.reload();
  await expect(page.locator('[data-startup="done"]')).toHaveCount(1);
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  await expect(page.getByTestId('result')).toHaveCount(0);
});

test('privacy: idle in the middle of the flow wipes what was typed; input keeps it alive', async ({ page }) => {
  await injectTimings(page, { idleFlowMs: 5_000 });
  await openHome(page, kiosk().launchUrl);
  await button(page, 'Balance enquiry').click();
  await field.mobile(page).fill('9876543210');
  await field.mobile(page).press('Enter');
  // Longer together than the idle time, each pause well within it.
  for (let i = 0; i < 4; i++) {
    await page.waitForTimeout(2_000);
    await field.aadhaar(page).press('2'); // activity
  }
  await expect(field.aadhaar(page)).toHaveValue('2222');
  await expect(page.getByTestId('wiped')).toBeVisible({ timeout: 10_000 });
  await button(page, 'Balance enquiry').click();
  await expect(field.mobile(page)).toHaveValue('');
});

test('nothing about the customer survives a reload', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await button(page, 'Balance enquiry').click();
  await field.mobile(page).fill('9876543210');
  await field.mobile(page).press('Enter');
  await field.aadhaar(page).fill(SUCCESS);
  await page.reload();
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  await expectNoCustomerTraces(page, SUCCESS);
});

// 150 % Windows scaling: a full-HD screen gives a 1280×720 CSS viewport, a 1366×768 one about 911×512.
for (const size of [
  { name: '1024x768', viewport: { width: 1024, height: 768 }, deviceScaleFactor: 1, mayScroll: false },
  { name: '1280x720@150', viewport: { width: 1280, height: 720 }, deviceScaleFactor: 1.5, mayScroll: false },
  // 512 CSS px high: the page may be taller than the window, so Continue may need a scroll.
  { name: '911x512@150', viewport: { width: 911, height: 512 }, deviceScaleFactor: 1.5, mayScroll: true },
  { name: '1920x1080', viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1, mayScroll: false },
]) {
  test(`fits ${size.name}: no horizontal scroll, Continue reachable on every step`, async ({ browser }) => {
    const context = await browser.newContext({ viewport: size.viewport, deviceScaleFactor: size.deviceScaleFactor });
    const page = await context.newPage();
    await openHome(page, kiosk().launchUrl);
    const noHorizontalScroll = async () =>
      expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
    /** The button is on screen as the step opens (on the smallest screen, after a scroll). */
    const reachable = async (name: string) => {
      const b = button(page, name);
      if (size.mayScroll) await b.scrollIntoViewIfNeeded();
      await expect(b).toBeInViewport();
      return b;
    };
    await noHorizontalScroll();
    await shot(page, `15-fit-${size.name}-home`);
    await (await reachable('Balance enquiry')).click();
    const steps: [string, () => Promise<void>][] = [
      ['mobile', () => field.mobile(page).fill('9876543210')],
      ['aadhaar', () => field.aadhaar(page).fill(SUCCESS)],
      ['bank', async () => {
        await field.bank(page).fill('sbi');
        await field.bank(page).press('Enter');
      }],
    ];
    for (const [name, fill] of steps) {
      await fill();
      await noHorizontalScroll();
      const cont = await reachable('Continue');
      await shot(page, `15-fit-${size.name}-${name}`);
      await cont.click();
    }
    // Consent and capture on one screen: both within reach at every size.
    await field.consent(page).check();
    await reachable('Capture fingerprint');
    await noHorizontalScroll();
    await shot(page, `15-fit-${size.name}-capture`);
    await button(page, 'Capture fingerprint').click();
    await expect(page.getByTestId('balance')).toHaveText('₹5,500.75', { timeout: 30_000 });
    await noHorizontalScroll();
    await reachable('New enquiry');
    await shot(page, `15-fit-${size.name}-result`);
    await context.close();
  });
}
