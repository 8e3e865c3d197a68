/**
 * The mini statement against the real web host and the Eko sandbox: the customer's last
 * transactions through the balance enquiry's steps, by touch and by keyboard alone, in English
 * and in Hindi; a refusal; an unknown result settled from History; the receipt at 58 and 80 mm
 * (the PDF page's width checked). The lines are shown and printed, never kept: after the suite
 * the privacy scan looks for every demo narration in the data dirs and logs.
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Locator, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { STATEMENT_NARRATIONS } from '../../main/simulators/eko/demo-customers';
import { en } from '../../renderer/i18n/en';
import { hi } from '../../renderer/i18n/hi';
import { button, captureAndWait, dataDirWithConfig, expectNoCustomerTraces, expectTargetsAtLeast44, field, openHome, shot, toCapture } from './support/flow';
import { kioskForSpec } from './support/kiosk';
import { MM_TO_PT, pdfPages, prints, stubPrint } from './support/print';

const SEVEN = demoAadhaar('success'); // 2345 6789 0124: 7 lines, ₹5,500.75
const TEN = '345678901238'; // 10 lines
const EMPTY = demoAadhaar('emptyStatement'); // 2901 2345 6780: no lines, ₹40
const NOT_LINKED = demoAadhaar('notLinked'); // 5234 5678 9015
const AWAITED = demoAadhaar('awaited'); // 7234 5678 9011
const NARRATIONS = STATEMENT_NARRATIONS.map((n) => n.trim());

test.describe.configure({ mode: 'serial' });
const kiosk = kioskForSpec({ awayFromMidnight: true, dailyAuth: true });

/** The statement's lines as shown: ISO date, direction, the cells' texts. */
async function shownLines(page: Page) {
  const rows = page.getByTestId('statement-line');
  const out: { date: string; direction: string; dateText: string; inOut: string; amount: string; narration: string }[] = [];
  for (const row of await rows.all()) {
    out.push({
      date: (await row.getAttribute('data-date'))!,
      direction: (await row.getAttribute('data-direction'))!,
      dateText: (await row.getByTestId('line-date').textContent())!,
      inOut: (await row.getByTestId('line-direction').textContent())!,
      amount: (await row.getByTestId('line-amount').textContent())!,
      narration: (await row.getByTestId('line-narration').textContent())!,
    });
  }
  return out;
}

/** Newest first, every date a real day within the last year, in/out with its sign and words, exact Indian amounts. */
function expectReadableLines(lines: Awaited<ReturnType<typeof shownLines>>, words: { in: string; out: string }, dateText: RegExp) {
  const dates = lines.map((l) => l.date);
  expect([...dates].sort().reverse()).toEqual(dates);
  const yearAgo = new Date(Date.now() - 370 * 86_400_000).toISOString().slice(0, 10);
  const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
  for (const l of lines) {
    expect(l.date >= yearAgo && l.date <= tomorrow, l.date).toBe(true);
    expect(l.dateText).toMatch(dateText);
    expect(l.inOut).toBe(l.direction === 'credit' ? words.in : words.out);
    expect(l.amount).toMatch(l.direction === 'credit' ? /^\+ ₹[\d,]+(\.\d{2})?$/ : /^− ₹[\d,]+(\.\d{2})?$/);
    expect(NARRATIONS).toContain(l.narration);
  }
  expect(lines.some((l) => l.direction === 'credit')).toBe(true);
  expect(lines.some((l) => l.direction === 'debit')).toBe(true);
}

/** Money in and money out are told apart by colour too (and never by colour alone: the sign and the words above). */
async function expectColours(page: Page) {
  const colourOf = (l: Locator) => l.getByTestId('line-amount').evaluate((el) => getComputedStyle(el).color);
  const credit = await colourOf(page.locator('[data-testid="statement-line"][data-direction="credit"]').first());
  const debit = await colourOf(page.locator('[data-testid="statement-line"][data-direction="debit"]').first());
  expect(credit).toBe('rgb(27, 122, 62)'); // --ok
  expect(debit).toBe('rgb(180, 35, 24)'); // --bad
}

/** No narration left in the page (DOM, storage, address) once the agent has left the statement. */
async function expectNoStatementTraces(page: Page) {
  const dump = await page.evaluate(() => JSON.stringify({ l: { ...localStorage }, s: { ...sessionStorage }, u: location.href, d: document.documentElement.outerHTML }));
  for (const n of NARRATIONS) expect(dump, n).not.toContain(n);
}

test('by touch alone, in English: a statement with its balance and 7 lines', async ({ browser }) => {
  const context = await browser.newContext({ hasTouch: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await openHome(page, kiosk().launchUrl);
  await expect(button(page, 'Mini statement')).toBeVisible();
  // As prominent as the balance enquiry: the same size.
  const [a, b] = [await button(page, 'Balance enquiry').boundingBox(), await button(page, 'Mini statement').boundingBox()];
  expect(Math.abs(a!.width - b!.width)).toBeLessThan(2);
  expect(Math.abs(a!.height - b!.height)).toBeLessThan(2);
  await shot(page, '60-home-mini-statement');
  await button(page, 'Mini statement').tap();
  await expect(page.getByTestId('flow-kind')).toHaveText('Mini statement');
  const keypad = page.getByRole('group', { name: 'Number keypad' });
  const tapDigits = async (digits: string) => {
    for (const d of digits) await keypad.getByRole('button', { name: d, exact: true }).tap();
  };
  await tapDigits('9876543210');
  await expect(field.aadhaar(page)).toBeVisible();
  await tapDigits(SEVEN);
  await page.getByRole('option', { name: /State Bank of India/ }).tap();
  await expect(page.getByText(/balance and last transactions at State Bank of India/)).toBeVisible();
  await page.getByText(en.consent.checkbox).tap();
  await expect(field.consent(page)).toBeChecked();
  await button(page, 'Capture fingerprint').tap();
  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'success', { timeout: 30_000 });
  await expect(result.getByRole('heading', { name: en.statement.successTitle })).toBeVisible();
  await expect(page.getByTestId('balance')).toHaveText('₹5,500.75');
  await expect(page.getByTestId('statement-line')).toHaveCount(7);
  // SBI sends DD/MM/YYYY; shown in the app's one day format.
  expectReadableLines(await shownLines(page), { in: 'Money in', out: 'Money out' }, /^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
  await expectColours(page);
  await expectTargetsAtLeast44(page, 'the statement');
  await shot(page, '61-statement-en');
  await expectNoCustomerTraces(page, SEVEN);
  await button(page, 'Home').tap();
  await expect(button(page, 'Mini statement')).toBeVisible();
  await expectNoStatementTraces(page);
  await context.close();
});

test('by keyboard alone, in Hindi: 10 lines from a bank that sends only DD/MM', async ({ page }) => {
  // The language is the agent's choice, remembered: chosen first, then only the keyboard.
  await openHome(page, kiosk().launchUrl);
  await page.getByRole('button', { name: 'हिन्दी' }).click();
  await page.reload();
  await expect(page.locator('[data-startup="done"]')).toHaveCount(1);
  const start = page.getByRole('button', { name: hi.home.startEnquiry, exact: true });
  await expect(start).toBeFocused();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: hi.home.startStatement, exact: true })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('flow-kind')).toHaveText(hi.home.startStatement);

  await expect(page.getByLabel(hi.mobile.label, { exact: true })).toBeFocused();
  await page.keyboard.type('9876543210');
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(hi.aadhaar.label, { exact: true })).toBeFocused();
  await page.keyboard.type(TEN);
  await page.keyboard.press('Enter');
  await expect(page.getByRole('combobox', { name: hi.bank.label })).toBeFocused();
  await page.keyboard.type('Canara');
  await page.keyboard.press('Enter'); // picks the highlighted bank
  await expect(page.getByTestId('selected-bank')).toContainText('607396'); // Canara Bank's IIN (its name is shown in Hindi)
  await page.keyboard.press('Enter'); // continues
  await expect(page.getByText(/बैलेंस और पिछले लेन-देन/)).toBeVisible();
  // Consent and capture on one screen: Space ticks the box, Enter on it captures.
  await expect(page.getByRole('checkbox', { name: /सहमति/ })).toBeFocused();
  await page.keyboard.press('Space');
  await page.keyboard.press('Enter');

  const result = page.getByTestId('result');
  await expect(result).toHaveAttribute('data-outcome', 'success', { timeout: 30_000 });
  await expect(result.getByRole('heading', { name: hi.statement.successTitle })).toBeFocused();
  await expect(page.getByTestId('statement-line')).toHaveCount(10);
  // Canara sends DD/MM only: the main side gives the year that puts it in the last twelve months.
  expectReadableLines(await shownLines(page), { in: hi.statement.in, out: hi.statement.out }, /^\d{1,2} \S+ \d{4}$/);
  await expect(page.getByRole('columnheader')).toHaveText([hi.statement.date, hi.statement.direction, hi.statement.amount, hi.statement.narration]);
  await expectColours(page);
  await shot(page, '62-statement-hi');
  await expectNoCustomerTraces(page, TEN);

  // The actions by keyboard: Print, Save as PDF, New mini statement (the same operation, wiped).
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: hi.receipt.print })).toBeFocused();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: hi.statement.newStatement })).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel(hi.mobile.label, { exact: true })).toHaveValue('');
  await expect(page.getByTestId('flow-kind')).toHaveText(hi.home.startStatement);
  await expectNoStatementTraces(page);
  // Back to English for the next tests (the choice is remembered).
  await page.getByRole('button', { name: 'English' }).click();
});

test('an empty statement says so, with the balance', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await toCapture(page, { aadhaar: EMPTY, start: 'Mini statement' });
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('balance')).toHaveText('₹40');
  await expect(page.getByTestId('statement-empty')).toHaveText(en.statement.empty);
  await expect(page.getByTestId('statement-line')).toHaveCount(0);
});

test('a refusal: not linked, in plain words, with the way on for the same customer', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  await toCapture(page, { aadhaar: NOT_LINKED, start: 'Mini statement' });
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'refused');
  await expect(result).toHaveAttribute('data-reason', 'notLinked');
  await expect(result.getByRole('heading')).toHaveText(en.statement.refusedTitle);
  await expect(result).toContainText(en.refusal.notLinked.what);
  await expect(page.getByTestId('statement-lines')).toHaveCount(0);
  await expect(page.getByTestId('balance')).toHaveCount(0);
  await shot(page, '63-statement-refused');
  await button(page, en.result.recovery.otherBank).click();
  // Another bank for the same customer, nothing retyped; still a mini statement.
  await expect(field.bank(page)).toBeVisible();
  await expect(page.getByTestId('summary')).toContainText('XXXX XXXX 9015');
  await expect(page.getByTestId('flow-kind')).toHaveText('Mini statement');
});

/** A mini statement for the awaited customer: unknown; answers its reference. */
async function awaitedStatement(page: Page): Promise<string> {
  await openHome(page, kiosk().launchUrl);
  await toCapture(page, { aadhaar: AWAITED, start: 'Mini statement' });
  const result = await captureAndWait(page);
  await expect(result).toHaveAttribute('data-outcome', 'unknown');
  return (await page.getByTestId('reference').textContent())!.trim();
}

/** From home: History, mini statements only, and the row of `ref`. */
async function historyRow(page: Page, ref: string): Promise<Locator> {
  await button(page, 'History').click();
  await page.getByTestId('history-kind').getByRole('radio', { name: en.history.kind.miniStatement }).check();
  const row = page.locator(`[data-testid="history-row"][data-ref="${ref}"]`);
  await expect(row).toHaveAttribute('data-kind', 'miniStatement');
  return row;
}

test('an unknown result is shown as unknown, and followed up from History (kind shown, filter by kind)', async ({ page }) => {
  const ref = await awaitedStatement(page);
  const result = page.getByTestId('result');
  await expect(result.getByRole('heading')).toHaveText(en.statement.unknownTitle);
  await expect(result).toContainText(en.unknownReason.awaited);
  await expect(result).toContainText(en.statement.unknownRepeat);
  expect(ref).toMatch(/\S{8,}/);
  await expect(page.getByTestId('statement-lines')).toHaveCount(0);
  await expect(page.getByTestId('balance')).toHaveCount(0);

  await button(page, 'Home').click();
  await expect(page.getByTestId('unknown-results')).toBeVisible();
  const row = await historyRow(page, ref);
  await expect(row).toHaveAttribute('data-outcome', 'unknown');
  await expect(row.getByTestId('row-kind')).toHaveText('Mini statement');
  await expect(row).toContainText(en.unknownReason.awaited);
  // Every row shown is a mini statement.
  for (const kind of await page.getByTestId('history-row').evaluateAll((els) => els.map((el) => el.getAttribute('data-kind')))) expect(kind).toBe('miniStatement');
  await expect(row.getByRole('button', { name: en.history.checkAgain })).toBeVisible();
  await shot(page, '64-statement-history-unknown');
  await expectNoStatementTraces(page);
});

test('"Check result again" in History settles an unknown statement (balance, no lines: "ask for a new statement")', async ({ page }) => {
  const ref = await awaitedStatement(page);
  await button(page, 'Home').click();
  const row = await historyRow(page, ref);
  await row.getByRole('button', { name: en.history.checkAgain }).click();
  await expect(row).toHaveAttribute('data-outcome', 'success', { timeout: 15_000 });
  await expect(row.getByTestId('row-balance')).toHaveText(/^₹[\d,]+(\.\d+)?$/);
  // The lines were never kept: the row says to ask for a new statement.
  await expect(row.getByTestId('row-not-kept')).toHaveText(en.statement.notKept);
  await shot(page, '64-statement-history-settled');
});

// ---------------------------------------------------------------- receipts

/** One page as long as the receipt (never A4's length). */
async function expectOnePageOfReceipt(page: Page, pages: { width: number; height: number }[], paperMm: 58 | 80) {
  expect(pages.length).toBe(1);
  expect(pages[0]!.width).toBeCloseTo(paperMm * MM_TO_PT, 0);
  const contentMm = await page.getByTestId('receipt').evaluate((el) => (el.getBoundingClientRect().height * 25.4) / 96);
  const pageMm = pages[0]!.height / MM_TO_PT;
  expect(pageMm).toBeGreaterThanOrEqual(contentMm);
  expect(pageMm - contentMm).toBeLessThan(3);
}

async function printView(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden();
  await shot(page, name);
  await page.emulateMedia({ media: null });
}

/** A fresh page on the kiosk at `launchUrl`, window.print counting: the mini statement for `aadhaar`, its `lines` lines on screen. */
async function statementForPrinting(page: Page, launchUrl: string, aadhaar: string, lines: number): Promise<void> {
  await stubPrint(page);
  await openHome(page, launchUrl);
  await toCapture(page, { aadhaar, start: 'Mini statement' });
  await captureAndWait(page);
  await expect(page.getByTestId('statement-line')).toHaveCount(lines);
}

test('receipt, 58 mm, in English: the statement’s lines on a page 58 mm wide', async ({ page }) => {
  await statementForPrinting(page, kiosk().launchUrl, SEVEN, 7);
  await button(page, 'Print receipt').click();
  await expect.poll(() => prints(page)).toBe(1);
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toHaveAttribute('data-paper', '58');
  await expect(receipt).toHaveAttribute('data-kind', 'miniStatement');
  await expect(receipt).toContainText('AePS Mini Statement');
  await expect(receipt.getByTestId('rc-balance')).toHaveText('₹5,500.75');
  await expect(receipt.getByTestId('rc-aadhaar')).toHaveText('XXXX XXXX 0124');
  const lines = receipt.getByTestId('rc-line');
  await expect(lines).toHaveCount(7);
  for (const text of await lines.allTextContents()) expect(text).toMatch(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}[+−] ₹[\d,.]+(In \(Cr\)|Out \(Dr\)) · \S/);
  expect((await receipt.textContent()) ?? '').not.toContain('2345 6789');
  await expectOnePageOfReceipt(page, await pdfPages(page, 'statement-58-en'), 58);
  await printView(page, '65-statement-receipt-58-en');
  // Leaving the result empties the print area: the lines go with the flow.
  await button(page, 'Home').click();
  await expect(page.getByTestId('receipt-print')).toHaveCount(0);
  await expectNoStatementTraces(page);

  // History keeps the count of lines and the balance, never the lines: its reprint says so.
  await button(page, 'History').click();
  const row = page.locator('[data-testid="history-row"][data-kind="miniStatement"][data-outcome="success"]').filter({ hasText: 'XXXX XXXX 0124' }).first();
  await expect(row.getByTestId('row-kind')).toHaveText('Mini statement');
  await expect(row.getByTestId('row-lines')).toHaveText('7 transactions');
  await expect(row.getByTestId('row-balance')).toHaveText('₹5,500.75');
  await row.getByRole('button', { name: 'Print receipt' }).click();
  await expect.poll(() => prints(page)).toBe(2);
  await expect(receipt).toContainText('AePS Mini Statement');
  await expect(receipt.getByTestId('rc-lines-not-kept')).toHaveText(`7 transactions. ${en.statement.notKept}`);
  await expect(receipt.getByTestId('rc-line')).toHaveCount(0);
  await expectOnePageOfReceipt(page, await pdfPages(page, 'statement-58-en-reprint'), 58);
  await expectNoStatementTraces(page);
});

test.describe('a counter whose printer takes 80 mm paper', () => {
  let dir: string;
  test.beforeAll(async () => {
    // config.json says so, as the settings screen saves it.
    dir = await dataDirWithConfig({});
    const file = path.join(dir, 'config.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), receiptPaperMm: 80 }, null, 2));
  });
  const wide = kioskForSpec({ env: () => ({ KIOSK_DATA_DIR: dir }), dailyAuth: true });

  test('receipt, 80 mm, in Hindi: 10 lines on a page 80 mm wide', async ({ page }) => {
    await statementForPrinting(page, wide().launchUrl, TEN, 10);
    await page.getByRole('button', { name: 'हिन्दी' }).click();
    await page.getByRole('button', { name: hi.receipt.print }).click();
    await expect.poll(() => prints(page)).toBe(1);
    const receipt = page.getByTestId('receipt');
    await expect(receipt).toHaveAttribute('data-paper', '80');
    await expect(receipt).toHaveAttribute('lang', 'hi');
    await expect(receipt).toContainText(hi.receipt.statementTitle);
    await expect(receipt).toContainText(hi.receipt.transactions);
    await expect(receipt.getByTestId('rc-line')).toHaveCount(10);
    await expect(receipt.getByTestId('rc-line').first()).toContainText(/जमा \(Cr\)|निकासी \(Dr\)/);
    await expect(receipt).not.toContainText('Mini Statement');
    await expectOnePageOfReceipt(page, await pdfPages(page, 'statement-80-hi'), 80);
    await printView(page, '66-statement-receipt-80-hi');
    await page.getByRole('button', { name: 'English' }).click();
  });
});
