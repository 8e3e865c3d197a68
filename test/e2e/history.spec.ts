/**
 * History against the real web host (demo profile): enquiries made through the contract
 * (as the flow makes them) show up masked, the filters narrow them, an awaited result is
 * resolved by "Check result again" through the sandbox's transaction inquiry, and the home
 * screen points at unknown results.
 */
import { expect, test, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { callKiosk, valueOf } from '../support/kiosk-api';
import { button, openHome, shot } from './support/flow';
import { kioskForSpec } from './support/kiosk';

const kiosk = kioskForSpec({ awayFromMidnight: true, dailyAuth: true });

/** One enquiry through the contract: capture on the simulated scanner, then the balance enquiry. */
async function enquire(aadhaar: string, mobile: string): Promise<{ outcome: string; clientRefId: string }> {
  const capture = await valueOf<{ handle: string }>(kiosk(), 'captureFingerprint', {});
  const envelope = await callKiosk(kiosk(), 'balanceEnquiry', { customerMobile: mobile, aadhaar, bankIin: '607094', captureHandle: capture.handle });
  if (!envelope.ok) throw new Error(`enquiry failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as { outcome: string; clientRefId: string };
}

const rows = (page: Page) => page.getByTestId('history-row');

async function openHistory(page: Page): Promise<void> {
  await openHome(page, kiosk().launchUrl);
  await button(page, 'History').click();
  await expect(page.getByRole('heading', { level: 1, name: 'History' })).toBeVisible();
  // The customers' balance enquiries (the agent's daily authentication of the day, and mini statements, are rows of their own kind).
  await page.getByRole('radio', { name: 'Balance enquiries' }).check();
}

// Three enquiries for History to show, made through the contract once the kiosk is up.
test.beforeAll(async () => {
  expect((await enquire(demoAadhaar('success'), '9876543210')).outcome).toBe('success'); // ₹5,500.75
  expect((await enquire(demoAadhaar('notLinked'), '9123456789')).outcome).toBe('refused');
  expect((await enquire(demoAadhaar('awaited'), '9000011111')).outcome).toBe('unknown'); // 7234 5678 9011
});

test('shows today’s enquiries, masked, with the day’s totals', async ({ page }) => {
  await openHistory(page);
  await expect(rows(page)).toHaveCount(3);
  await expect(page.getByLabel('Date', { exact: true })).toHaveValue(/^\d{4}-\d{2}-\d{2}$/);
  await expect(page.getByTestId('total-all')).toHaveText('3');
  await expect(page.getByTestId('total-success')).toHaveText('1');
  await expect(page.getByTestId('total-refused')).toHaveText('1');
  await expect(page.getByTestId('total-unknown')).toHaveText('1');
  await expect(page.getByTestId('total-notSent')).toHaveText('0');

  const success = rows(page).filter({ has: page.getByText('XXXX XXXX 0124') });
  await expect(success.getByTestId('row-outcome')).toHaveText('Success₹5,500.75');
  await expect(success.getByTestId('row-mobile')).toHaveText('XXXXXX3210');
  await expect(success.getByTestId('row-ref')).toHaveText(/\S{6,}/);
  await expect(success.getByRole('button', { name: 'Check result again' })).toHaveCount(0);

  const refused = rows(page).filter({ has: page.getByText('XXXX XXXX 9015') });
  await expect(refused.getByTestId('row-outcome')).toHaveText('Refused');
  await expect(refused).toContainText('not linked to an account at this bank');

  const unknown = rows(page).filter({ has: page.getByText('XXXX XXXX 9011') });
  await expect(unknown.getByTestId('row-outcome')).toHaveText('Unknown');
  await expect(unknown).toContainText('The bank has not answered yet (pending).');
  await expect(unknown.getByRole('button', { name: 'Check result again' })).toBeVisible();

  // Never a clear number on the page.
  const html = await page.content();
  for (const clear of [demoAadhaar('success'), '9876543210', '2345 6789', '98765 43210']) expect(html).not.toContain(clear);
  await shot(page, '20-history');

  // Yesterday has none of them; Today brings them back.
  await button(page, 'Previous day').click();
  await expect(page.getByText('No enquiries for this date and filter.')).toBeVisible();
  await expect(page.getByTestId('total-all')).toHaveText('0');
  await button(page, 'Today').click();
  await expect(rows(page)).toHaveCount(3);
});

test('filters by outcome and by the last 4 digits of mobile or Aadhaar', async ({ page }) => {
  await openHistory(page);
  await expect(rows(page)).toHaveCount(3);
  await page.getByRole('radio', { name: /Refused/ }).check();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('XXXX XXXX 9015');
  await page.getByRole('radio', { name: /Success/ }).check();
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('XXXX XXXX 0124');
  // The totals stay the day's.
  await expect(page.getByTestId('total-all')).toHaveText('3');

  await page.getByRole('radio', { name: /^All/ }).check();
  const search = page.getByLabel('Last 4 digits of mobile or Aadhaar');
  await search.fill('111');
  await expect(page.getByText('Type all 4 digits (3 typed so far).')).toBeVisible();
  await expect(rows(page)).toHaveCount(3);
  await search.fill('1111'); // the awaited customer's mobile
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('XXXX XXXX 9011');
  await search.fill('9015'); // the refused customer's Aadhaar
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('XXXXXX6789');

  // By touch: the app's own keypad types into the search.
  await button(page, 'Clear search').click();
  await expect(rows(page)).toHaveCount(3);
  await button(page, 'Keypad').click();
  await expect(button(page, 'Keypad')).toHaveAttribute('aria-expanded', 'true');
  for (const d of ['0', '1', '2', '4']) await page.getByRole('group', { name: 'Number keypad' }).getByRole('button', { name: d, exact: true }).click();
  await expect(search).toHaveValue('0124');
  await expect(rows(page)).toHaveCount(1);
  await expect(rows(page)).toContainText('XXXX XXXX 0124');
  await shot(page, '21-history-search');
});

test('an unknown result: home says so, and "Check result again" resolves it through Eko’s inquiry', async ({ page }) => {
  await openHome(page, kiosk().launchUrl);
  const notice = page.getByTestId('unknown-results');
  await expect(notice).toContainText('1 enquiry has an unknown result — check it in History.');
  await shot(page, '23-home-unknown-notice');
  await notice.getByRole('button', { name: 'Check in History' }).click();
  await expect(page.getByRole('radio', { name: /Unknown/ })).toBeChecked();
  await expect(rows(page)).toHaveCount(1);
  const row = rows(page).first();
  await expect(row.getByTestId('row-outcome')).toHaveText('Unknown');
  await row.getByRole('button', { name: 'Check result again' }).click();
  // Updated in place: the same row now shows the success and the balance Eko's inquiry gave.
  await expect(row.getByTestId('row-outcome')).toHaveText(/^Success₹[\d,]+(\.\d\d)?$/);
  await expect(row).toHaveAttribute('data-outcome', 'success');
  await expect(row.getByRole('button', { name: 'Check result again' })).toHaveCount(0);
  await expect(page.getByTestId('total-unknown')).toHaveText('0');
  await expect(page.getByTestId('total-success')).toHaveText('2');
  await shot(page, '22-history-resolved');

  // The journal has it too, and home no longer warns.
  const list = await valueOf<{ rows: { outcome: string }[] }>(kiosk(), 'listEnquiries', { outcome: 'unknown' });
  expect(list.rows).toHaveLength(0);
  await button(page, 'Home').click();
  await expect(button(page, 'Balance enquiry')).toBeVisible();
  await expect(page.getByTestId('unknown-results')).toHaveCount(0);
});

/**
 * Every element of a row that is neither the masked Aadhaar, inside it, nor around it, and
 * overlaps it; and whether the Aadhaar's text is cut (by its box, the row or the window).
 */
async function aadhaarObstructions(page: Page): Promise<string[]> {
  const rowsFound = await rows(page).count();
  expect(rowsFound).toBeGreaterThan(0);
  const problems: string[] = [];
  for (let i = 0; i < rowsFound; i++) {
    const row = rows(page).nth(i);
    const aadhaar = row.getByTestId('row-aadhaar');
    await aadhaar.scrollIntoViewIfNeeded();
    await expect(aadhaar).toBeVisible();
    const box = await aadhaar.boundingBox();
    const rowBox = await row.boundingBox();
    if (!box || !rowBox) throw new Error('no box');
    const text = (await aadhaar.textContent()) ?? '';
    expect(text).toMatch(/\d{4}$/);
    // The text itself: its glyphs' extent within the element, the row and the window.
    const cut = await aadhaar.evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const r = range.getBoundingClientRect();
      const b = el.getBoundingClientRect();
      return el.scrollWidth > el.clientWidth + 1 || r.right > b.right + 1 || r.left < b.left - 1 || r.right > window.innerWidth;
    });
    if (cut) problems.push(`row ${i}: ${text} is cut`);
    if (box.x < rowBox.x || box.x + box.width > rowBox.x + rowBox.width) problems.push(`row ${i}: ${text} leaves its row`);
    // Every other element in the row, by its bounding box.
    const others = row.locator('*');
    const n = await others.count();
    for (let j = 0; j < n; j++) {
      const other = others.nth(j);
      const related = await other.evaluate((el, target) => el === target || el.contains(target) || target!.contains(el), await aadhaar.elementHandle());
      if (related) continue;
      const o = await other.boundingBox();
      if (!o || o.width === 0 || o.height === 0) continue;
      const overlapX = Math.min(box.x + box.width, o.x + o.width) - Math.max(box.x, o.x);
      const overlapY = Math.min(box.y + box.height, o.y + o.height) - Math.max(box.y, o.y);
      if (overlapX > 0.5 && overlapY > 0.5) {
        const what = await other.evaluate((el) => `${el.tagName.toLowerCase()}.${el.className}`);
        problems.push(`row ${i}: ${text} overlapped by ${what}`);
      }
    }
  }
  return problems;
}

for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });
    test('the masked Aadhaar on every row is whole and nothing covers it, in English and Hindi', async ({ page }) => {
      await openHistory(page);
      await page.getByRole('radio', { name: 'Everything' }).check();
      await expect(rows(page)).toHaveCount(4); // three enquiries and the agent's daily authentication
      expect(await aadhaarObstructions(page)).toEqual([]);
      await shot(page, `history-${viewport.width}-en`);
      await page.locator('.lang-switch').click();
      await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
      await expect(rows(page)).toHaveCount(4);
      expect(await aadhaarObstructions(page)).toEqual([]);
      await shot(page, `history-${viewport.width}-hi`);
    });
  });
}

test('one reference on the row; Eko’s, the bank’s and UIDAI’s behind "More details"', async ({ page }) => {
  await openHistory(page);
  const row = rows(page).filter({ has: page.getByText('XXXX XXXX 0124') });
  await expect(row.getByTestId('row-ref')).toHaveText(/\S{6,}/);
  for (const id of ['tid', 'rrn', 'uidai']) await expect(row.getByTestId(`row-${id}`)).toHaveCount(0);
  const more = row.getByRole('button', { name: 'More details' });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  const fewer = row.getByRole('button', { name: 'Fewer details' });
  await expect(fewer).toHaveAttribute('aria-expanded', 'true');
  for (const id of ['tid', 'rrn', 'uidai']) await expect(row.getByTestId(`row-${id}`)).toBeVisible();
  await expect(row.getByTestId('row-tid')).toHaveText(/\S+/);
  await fewer.click();
  await expect(row.getByTestId('row-tid')).toHaveCount(0);
  // The other rows stay as they were.
  await expect(page.getByRole('button', { name: 'Fewer details' })).toHaveCount(0);
});

test.describe('with the browser in en-US', () => {
  test.use({ locale: 'en-US' });
  test('dates read the Indian way ("2 Dec 2026"), never the browser’s 12/02/2026, in English and Hindi', async ({ page }) => {
    await openHistory(page);
    expect(await page.evaluate(() => navigator.language)).toBe('en-US');
    const dateText = page.getByTestId('history-date-text');
    await expect(dateText).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    // The browser's own text of the date field (its locale's order) is hidden under it.
    const nativeColor = await page.getByLabel('Date', { exact: true }).evaluate((el) => getComputedStyle(el).color);
    expect(nativeColor).toBe('rgba(0, 0, 0, 0)');
    await expect(page.getByTestId('history-totals')).toContainText(/\d{1,2} [A-Z][a-z]{2,3} \d{4}/);
    await button(page, 'All dates').click();
    await expect(rows(page).first().locator('.history-day')).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}$/);
    expect(await page.locator('body').innerText()).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/);
    await button(page, 'Today').click();

    await page.locator('.lang-switch').click();
    await expect(page.locator('html')).toHaveAttribute('lang', 'hi');
    await expect(dateText).toHaveText(/^\d{1,2} \S+ \d{4}$/);
    await expect(dateText).toHaveText(/[\u0900-\u097F]/);
    expect(await page.locator('body').innerText()).not.toMatch(/\b\d{1,2}\/\d{1,2}\/\d{2,4}\b/);
  });
});
