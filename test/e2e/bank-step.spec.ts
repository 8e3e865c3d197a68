/**
 * The bank step by touch: most used banks first, a letter keyboard, a search that knows Hindi
 * names and dotted short names, a tap that chooses and moves on, all on one 1280×800 screen.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { button, expectTargetsAtLeast44, field, openHome, shot } from './support/flow';
import { kioskForSpec } from './support/kiosk';

const kiosk = kioskForSpec({ dailyAuth: true });

test.use({ hasTouch: true, viewport: { width: 1280, height: 800 } });

/** From home to the bank step by touch: the keypad moves on by itself at a complete number. */
async function toBankByTouch(page: Page): Promise<void> {
  await openHome(page, kiosk().launchUrl);
  await page.evaluate(() => localStorage.removeItem('kiosk.recentBanks'));
  await button(page, 'Balance enquiry').tap();
  const keypad = page.getByRole('group', { name: 'Number keypad' });
  for (const d of '9876543210' + demoAadhaar('success')) await keypad.getByRole('button', { name: d, exact: true }).tap();
  await expect(page.getByTestId('step-bank')).toBeVisible();
}

/** Nothing on the page scrolls: not the page, not a list inside it; Back and Continue are on screen. */
async function expectFitsWithoutScroll(page: Page): Promise<void> {
  const scrolls = await page.evaluate(() => {
    const out: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollHeight > root.clientHeight + 1) out.push(`page ${root.scrollHeight}>${root.clientHeight}`);
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const style = getComputedStyle(el);
      if (/(auto|scroll)/.test(style.overflowY) && el.scrollHeight > el.clientHeight + 1) out.push(`${el.tagName}.${el.className}`);
    }
    return out;
  });
  expect(scrolls).toEqual([]);
  // Back and Continue (in either language).
  const actions = page.locator('.step-actions button');
  await expect(actions).toHaveCount(2);
  for (const b of await actions.all()) {
    const box = (await b.boundingBox())!;
    expect(box.y + box.height, `${await b.textContent()} inside the screen`).toBeLessThanOrEqual(800);
  }
}

test('most used banks first; a tap chooses and moves on; the step fits 1280×800 with nothing scrolling inside', async ({ page }) => {
  await toBankByTouch(page);
  const options = page.getByRole('option');
  await expect(options.first()).toContainText('State Bank of India');
  await expect(page.getByRole('listbox', { name: 'Most used banks' })).toBeVisible();
  await shot(page, 'bank-step-touch');
  await expectFitsWithoutScroll(page);
  await expectTargetsAtLeast44(page, 'the bank step');
  await shot(page, 'bank-step-touch');
  await page.getByRole('option', { name: /Punjab National Bank/ }).tap();
  // Chosen and moved on: the consent names it; Back returns with it chosen.
  await expect(page.getByText(/Punjab National Bank can be shown to me/)).toBeVisible();
  await button(page, 'Back').tap();
  await expect(page.getByTestId('selected-bank')).toContainText('Punjab National Bank');
  await expect(page.getByRole('option', { name: /Punjab National Bank/ })).toHaveAttribute('aria-selected', 'true');
});

test('by touch alone: the letter keyboard finds a bank that is not among the first', async ({ page }) => {
  await toBankByTouch(page);
  const letters = page.getByRole('group', { name: 'Letter keyboard' });
  for (const l of 'SARA') await letters.getByRole('button', { name: l, exact: true }).tap();
  await expect(field.bank(page)).toHaveValue('SARA');
  await expect(page.getByRole('option')).toHaveCount(1);
  await expectFitsWithoutScroll(page);
  await shot(page, 'bank-step-letters');
  await letters.getByRole('button', { name: 'Delete last letter' }).tap();
  await expect(field.bank(page)).toHaveValue('SAR');
  await page.getByRole('option', { name: /Saraswat/ }).tap();
  await expect(page.getByText(/Saraswat Co-operative Bank can be shown to me/)).toBeVisible();
  // The focus never left the search field for the on-screen keys (no physical keyboard needed).
});

test('one letter is an index; a long list says how many more there are', async ({ page }) => {
  await toBankByTouch(page);
  const letters = page.getByRole('group', { name: 'Letter keyboard' });
  await letters.getByRole('button', { name: 'B', exact: true }).tap();
  await expect(page.getByTestId('bank-more')).toContainText(/more banks/);
  await expectFitsWithoutScroll(page);
  await letters.getByRole('button', { name: 'Clear' }).tap();
  await expect(field.bank(page)).toHaveValue('');
});

test('Hindi and dotted searches: “स्टेट बैंक” and “S.B.I” find State Bank of India', async ({ page }) => {
  await toBankByTouch(page);
  for (const q of ['स्टेट बैंक', 'S.B.I', 's b i', 'पंजाब नेशनल', 'P.N.B.']) {
    await field.bank(page).fill(q);
    await expect(page.getByRole('option').first(), q).toContainText(q.includes('पंजाब') || q.startsWith('P') ? 'Punjab National Bank' : 'State Bank of India');
  }
  await field.bank(page).fill('zzzz');
  await expect(page.getByText('No bank matches “zzzz”')).toBeVisible();
  // In Hindi the banks show by their Hindi names, the English name beside.
  await field.bank(page).fill('');
  await button(page, 'हिन्दी').tap();
  await expect(page.getByRole('option').first()).toContainText('भारतीय स्टेट बैंक');
  await expect(page.getByRole('option').first()).toContainText('State Bank of India');
  await expectFitsWithoutScroll(page);
  await shot(page, 'bank-step-hi');
  await page.getByRole('combobox', { name: 'बैंक', exact: true }).fill('स्टेट बैंक');
  await expect(page.getByRole('option')).toHaveCount(1);
  await page.getByRole('option').first().tap();
  await expect(page.getByTestId('step-capture')).toBeVisible();
  await button(page, 'English').tap();
});

test('by touch alone: a bank not in the list by its 6-digit IIN, with a warning; the bank refuses a wrong one and another bank is offered', async ({ page }) => {
  const UNLISTED = '654321'; // in no list: the sandbox, like Eko, refuses its bank code
  await toBankByTouch(page);
  await button(page, 'Bank not in the list? Enter its IIN').tap();
  await expect(page.getByTestId('step-bank-iin')).toBeVisible();
  const keypad = page.getByRole('group', { name: 'Number keypad' });
  for (const d of UNLISTED) await keypad.getByRole('button', { name: d, exact: true }).tap();
  await expect(page.getByLabel('Bank IIN (6 digits)', { exact: true })).toHaveValue(UNLISTED);
  await expect(page.getByTestId('iin-warning')).toContainText('cannot check this IIN');
  await expectFitsWithoutScroll(page);
  await expectTargetsAtLeast44(page, 'the IIN entry');
  await shot(page, 'bank-step-iin');
  await button(page, 'Continue').tap();
  // Chosen by its IIN: the summary and the consent name it so.
  await expect(page.getByTestId('summary')).toContainText(`IIN ${UNLISTED}`);
  await expect(page.getByText(new RegExp(`balance at IIN ${UNLISTED} can be shown`))).toBeVisible();
  await field.consent(page).tap();
  await button(page, 'Capture fingerprint').tap();
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'refused', { timeout: 30_000 });
  await expect(result).toContainText('Invalid bank code');
  // The IIN may have been wrong: another bank, mobile and Aadhaar kept.
  await button(page, 'Choose another bank').tap();
  await expect(page.getByTestId('step-bank')).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('XXXX XXXX');
  await page.getByRole('option', { name: /State Bank of India/ }).tap();
  await expect(page.getByTestId('step-capture')).toBeVisible();
});
