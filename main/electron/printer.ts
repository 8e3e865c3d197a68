/**
 * Silent receipt printing on the counter's thermal printer. Without an explicit
 * page size (microns) and no margins, webContents.print falls back to A4.
 */
import type { WebContents } from 'electron';
import { KioskError, type PaperWidth } from '../../app/contract';
import type { ReceiptPrinter } from '../services';

/** Long enough for any receipt; thermal printers cut at the end of the content. */
const RECEIPT_HEIGHT_MICRONS = 297_000;

export function printOptions(paperMm: PaperWidth): Electron.WebContentsPrintOptions {
  return {
    silent: true,
    printBackground: false,
    margins: { marginType: 'none' },
    pageSize: { width: paperMm * 1000, height: RECEIPT_HEIGHT_MICRONS },
  };
}

export function createReceiptPrinter(contents: () => WebContents | null): ReceiptPrinter {
  return {
    print: (paperMm) =>
      new Promise<void>((resolve, reject) => {
        const wc = contents();
        if (!wc) return reject(new KioskError('internal', { detail: 'no window to print from' }));
        wc.print(printOptions(paperMm), (success, failureReason) => {
          if (success) resolve();
          else reject(new KioskError('print.failed', { detail: failureReason }));
        });
      }),
  };
}
