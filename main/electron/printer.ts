/**
 * The receipt on the counter's thermal printer (silently) or as a PDF file. Without an
 * explicit page size and no margins, Chromium falls back to A4 (print) or Letter with a
 * 1 cm border (PDF). The page is as long as the receipt the renderer measured, because a
 * thermal printer feeds the whole page length.
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { WebContents } from 'electron';
import { KioskError, type ReceiptPage, type SaveReceiptPdfInput } from '../../app/contract';
import type { ReceiptPrinter } from '../services';
import { RECEIPTS_DIR_NAME } from '../services/journal/file-retention';
import { OWNER_DIR, OWNER_FILE } from '../services/owner-only';

/** The page length when the renderer could not measure the receipt: long enough for any receipt. */
export const FALLBACK_RECEIPT_HEIGHT_MM = 297;
/**
 * Electron's print callback has been seen never to fire with some Windows printer drivers;
 * after this long the print counts as failed, so the print buttons do not stay disabled.
 */
export const PRINT_TIMEOUT_MS = 20_000;

const MM_PER_INCH = 25.4;

function pageMm(page: ReceiptPage): { width: number; height: number } {
  return { width: page.paperMm, height: page.heightMm ?? FALLBACK_RECEIPT_HEIGHT_MM };
}

/** webContents.print takes the page size in microns. */
export function printOptions(page: ReceiptPage): Electron.WebContentsPrintOptions {
  const mm = pageMm(page);
  return {
    silent: true,
    printBackground: false,
    margins: { marginType: 'none' },
    pageSize: { width: Math.round(mm.width * 1000), height: Math.round(mm.height * 1000) },
  };
}

/** webContents.printToPDF takes the page size and the margins in inches. */
export function pdfOptions(page: ReceiptPage): Electron.PrintToPDFOptions {
  const mm = pageMm(page);
  return {
    printBackground: false,
    preferCSSPageSize: false,
    pageSize: { width: mm.width / MM_PER_INCH, height: mm.height / MM_PER_INCH },
    margins: { top: 0, bottom: 0, left: 0, right: 0 },
  };
}

/**
 * receipt-<reference>.pdf, with anything that cannot be in a Windows file name replaced. A
 * receipt without a reference (an enquiry interrupted before it had one) is named by the time
 * instead, so one never overwrites another.
 */
export function receiptPdfName(clientRefId: string, now = new Date()): string {
  const ref = clientRefId.replace(/[^A-Za-z0-9_-]/g, '_');
  return /[A-Za-z0-9]/.test(ref) ? `receipt-${ref}.pdf` : `receipt-${now.toISOString().replace(/[:.]/g, '-')}.pdf`;
}

/** Rejects with `onTimeout()` if `promise` has not settled within `ms`. */
function withTimeout<T>(promise: Promise<T>, ms: number, onTimeout: () => Error): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_resolve, reject) => {
    timer = setTimeout(() => reject(onTimeout()), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export function createReceiptPrinter(contents: () => WebContents | null, options: { timeoutMs?: number } = {}): ReceiptPrinter {
  const timeoutMs = options.timeoutMs ?? PRINT_TIMEOUT_MS;

  function currentContents(): WebContents {
    const wc = contents();
    if (!wc) throw new KioskError('internal', { detail: 'no window to print from' });
    return wc;
  }

  return {
    async print(page) {
      const wc = currentContents();
      const printed = new Promise<void>((resolve, reject) => {
        wc.print(printOptions(page), (success, failureReason) => {
          if (success) resolve();
          else reject(new KioskError('print.failed', { detail: failureReason }));
        });
      });
      await withTimeout(printed, timeoutMs, () => new KioskError('print.failed', { detail: `the printer did not answer in ${timeoutMs} ms` }));
    },

    async savePdf(request: SaveReceiptPdfInput, dataDir: string) {
      const wc = currentContents();
      const file = path.join(dataDir, RECEIPTS_DIR_NAME, receiptPdfName(request.clientRefId));
      try {
        const pdf = await withTimeout(wc.printToPDF(pdfOptions(request)), timeoutMs, () => new Error(`no PDF in ${timeoutMs} ms`));
        await fs.mkdir(path.dirname(file), { recursive: true, mode: OWNER_DIR });
        await fs.writeFile(file, pdf, { mode: OWNER_FILE });
      } catch (err) {
        throw new KioskError('print.pdfFailed', { detail: err instanceof Error ? err.message : String(err) });
      }
      return file;
    },
  };
}
