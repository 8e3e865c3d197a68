/** Printing in the browser specs: a window.print that counts, and the PDF Chromium prints. */
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from '@playwright/test';
import { SCREENSHOT_DIR } from './flow';

export const MM_TO_PT = 72 / 25.4;

/** window.print counts instead of opening a dialog. */
export async function stubPrint(page: Page): Promise<void> {
  await page.addInitScript(() => {
    const w = window as unknown as { __prints: number };
    w.__prints = 0;
    window.print = () => {
      w.__prints += 1;
    };
  });
}
export const prints = (page: Page) => page.evaluate(() => (window as unknown as { __prints: number }).__prints);

/** The printed pages' sizes in points, from the PDF Chromium makes with the print styles. */
export async function pdfPages(page: Page, name: string): Promise<{ width: number; height: number }[]> {
  const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: false });
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  fs.writeFileSync(path.join(SCREENSHOT_DIR, `${name}.pdf`), pdf);
  const boxes = [...pdf.toString('latin1').matchAll(/\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/g)];
  return boxes.map((m) => ({ width: Number(m[3]) - Number(m[1]), height: Number(m[4]) - Number(m[2]) }));
}
