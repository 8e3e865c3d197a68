/**
 * The customer receipt against the real web host: printed from the result screen and
 * from history, in English and in Hindi, on 58 mm and on 80 mm paper. In the web host
 * printReceipt answers {method:'browser'} and the app opens the browser's print dialog;
 * here window.print is a stand-in that counts, and Chromium's own PDF printer (the
 * dialog's "Save as PDF") proves the printed page is the receipt at the paper's width and
 * only as long as the receipt (a thermal printer feeds the whole page length).
 */
import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { demoAadhaar } from '../../main/simulators/eko';
import { callKiosk, valueOf } from '../support/kiosk-api';
import { startKiosk, type KioskProcess } from '../support/kiosk-process';
import { awayFromMidnight, button, dailyAuthForKiosk, shot } from './support/flow';
import { MM_TO_PT, pdfPages, prints, stubPrint } from './support/print';

let kiosk: KioskProcess;

async function enquire(aadhaar: string, mobile: string) {
  const capture = await valueOf<{ handle: string }>(kiosk, 'captureFingerprint', {});
  const envelope = await callKiosk(kiosk, 'balanceEnquiry', { customerMobile: mobile, aadhaar, bankIin: '607094', captureHandle: capture.handle });
  if (!envelope.ok) throw new Error(`enquiry failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as { outcome: string; clientRefId: string };
}

/** The receipt's laid-out height in mm (CSS px are 1/96 in). */
const receiptHeightMm = (page: Page) => page.getByTestId('receipt').evaluate((el) => (el.getBoundingClientRect().height * 25.4) / 96);

/** One page, as long as the receipt (the app rounds up and adds 1 mm), never an A4 length. */
async function expectPageFitsReceipt(page: Page, pages: { width: number; height: number }[]): Promise<void> {
  expect(pages.length).toBe(1);
  const contentMm = await receiptHeightMm(page);
  const pageMm = pages[0]!.height / MM_TO_PT;
  expect(contentMm).toBeGreaterThan(40);
  expect(pageMm).toBeGreaterThanOrEqual(contentMm);
  expect(pageMm - contentMm).toBeLessThan(3);
  expect(pageMm).toBeLessThan(200); // not 297 mm
}

/** The print view as the printer gets it, screenshotted for review. */
async function printView(page: Page, name: string): Promise<void> {
  await page.emulateMedia({ media: 'print' });
  await expect(page.getByTestId('receipt')).toBeVisible();
  await expect(page.getByRole('banner')).toBeHidden(); // nothing but the receipt
  await shot(page, name);
  await page.emulateMedia({ media: null }); // back to the default (page.pdf prints with the emulated media)
}

test.describe.configure({ mode: 'serial' });
test.beforeAll(() => awayFromMidnight());

test.afterAll(async () => {
  await kiosk?.stop();
});

test('58 mm: printed from the result screen, in English, only the receipt, 58 mm wide', async ({ page, browser }) => {
  kiosk = await startKiosk();
  // The sandbox, like Eko, refuses every enquiry until the agent's daily authentication passed.
  await dailyAuthForKiosk(browser, kiosk.launchUrl);
  expect((await valueOf<{ receiptPaperMm: number }>(kiosk, 'getAppInfo')).receiptPaperMm).toBe(58);
  const outcome = await enquire(demoAadhaar('success'), '9876543210');
  await stubPrint(page);
  // A fresh page shows the enquiry just finished (as after a reload): its result screen.
  await page.goto(kiosk.launchUrl);
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'success');
  await expect(page.getByTestId('receipt-print')).toHaveCount(0);
  await shot(page, '29-result-print-button');
  await button(page, 'Print receipt').click();
  await expect.poll(() => prints(page)).toBe(1);

  const receipt = page.getByTestId('receipt');
  await expect(receipt).toHaveAttribute('data-paper', '58');
  await expect(receipt).toBeHidden(); // print-only
  await expect(receipt).toContainText('AePS Balance Enquiry');
  await expect(receipt.getByTestId('rc-agent')).toHaveText('20810200');
  await expect(receipt.getByTestId('rc-agentMobile')).toHaveText(/^\d{10}$/);
  // en-IN writes September as "Sept".
  await expect(receipt.getByTestId('rc-time')).toHaveText(/^\d{1,2} [A-Z][a-z]{2,3} \d{4}, \d{1,2}:\d{2} (am|pm)$/);
  await expect(receipt.getByTestId('rc-bank')).toHaveText('State Bank of India');
  await expect(receipt.getByTestId('rc-aadhaar')).toHaveText('XXXX XXXX 0124');
  await expect(receipt.getByTestId('rc-mobile')).toHaveText('XXXXXX3210');
  await expect(receipt.getByTestId('rc-status')).toHaveText('Success');
  await expect(receipt.getByTestId('rc-balance')).toHaveText('₹5,500.75');
  await expect(receipt.getByTestId('rc-rrn')).not.toHaveText('—');
  await expect(receipt.getByTestId('rc-uidai')).not.toHaveText('—');
  await expect(receipt.getByTestId('rc-ref')).toHaveText(outcome.clientRefId);
  await expect(receipt).toContainText('TRAINING');
  // The customer's number appears on the receipt only masked (never whole or as its first groups).
  const receiptText = (await receipt.textContent()) ?? '';
  expect(receiptText).not.toContain('234567890124');
  expect(receiptText).not.toContain('2345 6789');

  const pages = await pdfPages(page, 'receipt-58-en');
  expect(pages.length).toBe(1);
  expect(pages[0]!.width).toBeCloseTo(58 * MM_TO_PT, 0); // 164.4 pt
  await expectPageFitsReceipt(page, pages);
  await printView(page, '30-receipt-58-en');

  // "Save as PDF" in the web host opens the browser's print dialog, whose destinations include Save as PDF.
  await button(page, 'Save as PDF').click();
  await expect.poll(() => prints(page)).toBe(2);
});

test('58 mm: reprinted from history, in Hindi', async ({ page }) => {
  await stubPrint(page);
  await page.goto(kiosk.launchUrl);
  await expect(page.locator('[data-startup="done"]')).toHaveCount(1);
  if ((await page.locator('[data-screen="flow"]').count()) > 0) await button(page, 'Home').click();
  await button(page, 'हिन्दी').click();
  await button(page, 'इतिहास').click();
  const row = page.getByTestId('history-row').filter({ hasText: 'XXXX XXXX 0124' });
  await row.getByRole('button', { name: 'रसीद प्रिंट करें' }).click();
  await expect.poll(() => prints(page)).toBe(1);
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toHaveAttribute('lang', 'hi');
  await expect(receipt).toContainText('AePS बैलेंस पूछताछ');
  await expect(receipt).toContainText('एजेंट आईडी');
  await expect(receipt.getByTestId('rc-status')).toHaveText('सफल');
  await expect(receipt.getByTestId('rc-balance')).toHaveText('₹5,500.75');
  await expect(receipt.getByTestId('rc-aadhaar')).toHaveText('XXXX XXXX 0124');
  await expect(receipt).not.toContainText('Balance Enquiry');
  const pages = await pdfPages(page, 'receipt-58-hi');
  expect(pages[0]!.width).toBeCloseTo(58 * MM_TO_PT, 0);
  await expectPageFitsReceipt(page, pages);
  await printView(page, '31-receipt-58-hi');
  // Leaving history empties the print area.
  await button(page, 'होम').click();
  await expect(page.getByTestId('receipt-print')).toHaveCount(0);
});

test('80 mm paper: the receipt is 80 mm wide, in English and in Hindi', async ({ page, browser }) => {
  // Same counter, its printer set to 80 mm paper (config.json, as the settings screen saves it).
  await kiosk.stop();
  const file = path.join(kiosk.dataDir, 'config.json');
  const config = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  fs.writeFileSync(file, JSON.stringify({ ...config, receiptPaperMm: 80 }, null, 2));
  kiosk = await startKiosk({ KIOSK_DATA_DIR: kiosk.dataDir });
  expect((await valueOf<{ receiptPaperMm: number }>(kiosk, 'getAppInfo')).receiptPaperMm).toBe(80);
  // A restarted demo kiosk has a new sandbox, which asks for today's daily authentication again (as
  // Eko may): its "do 2fa" refusal turns today's status back to "not done", and the agent does it.
  expect((await enquire(demoAadhaar('success'), '9000000000')).outcome).toBe('refused');
  await dailyAuthForKiosk(browser, kiosk.launchUrl);
  await enquire(demoAadhaar('notLinked'), '9123456789');

  await stubPrint(page);
  await page.goto(kiosk.launchUrl);
  await expect(page.getByTestId('result')).toHaveAttribute('data-outcome', 'refused');
  await button(page, 'Print receipt').click();
  await expect.poll(() => prints(page)).toBe(1);
  const receipt = page.getByTestId('receipt');
  await expect(receipt).toHaveAttribute('data-paper', '80');
  await expect(receipt.getByTestId('rc-status')).toHaveText('Failed: This Aadhaar number is not linked to an account at this bank.');
  await expect(receipt.getByTestId('rc-balance')).toHaveCount(0);
  await expect(receipt.getByTestId('rc-aadhaar')).toHaveText('XXXX XXXX 9015');
  let pages = await pdfPages(page, 'receipt-80-en');
  expect(pages[0]!.width).toBeCloseTo(80 * MM_TO_PT, 0); // 226.8 pt
  await expectPageFitsReceipt(page, pages);
  await printView(page, '32-receipt-80-en');

  await button(page, 'हिन्दी').click();
  await button(page, 'रसीद प्रिंट करें').click();
  await expect.poll(() => prints(page)).toBe(2);
  await expect(receipt).toContainText('AePS बैलेंस पूछताछ');
  await expect(receipt.getByTestId('rc-status')).toHaveText(/^असफल: /);
  pages = await pdfPages(page, 'receipt-80-hi');
  expect(pages[0]!.width).toBeCloseTo(80 * MM_TO_PT, 0);
  await expectPageFitsReceipt(page, pages);
  await printView(page, '33-receipt-80-hi');
});
