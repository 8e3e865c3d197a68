/**
 * The print slice: a receipt (from the result screen or from history) laid out in the
 * print-only area, then sent to the thermal printer or saved as a PDF.
 */
import { toKioskError } from '../../app/contract';
import { api } from '../bridge';
import { receiptFrom } from '../components/receipt/receipt-data';
import { fontsReady, measuredReceiptPage } from '../components/receipt/receipt-page';
import type { PrintSlice, SliceApi } from './types';

/** Lets React paint the receipt into the print-only area before printing. */
const nextPaint = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 16);
  });

export function createPrintSlice({ set, get }: SliceApi<'print'>): PrintSlice {
  return {
    receipt: null,
    printing: null,

    clear() {
      // The receipt laid out for printing goes too: Ctrl+P on a later screen must not print it.
      set({ receipt: null, printing: null });
    },

    wipe() {
      set({ receipt: null, printing: null });
    },

    async printReceipt(source, to = 'printer') {
      const data = receiptFrom(source);
      const key = data.clientRefId;
      if (get().print.printing?.state === 'printing') return;
      set({ receipt: { data, screen: get().nav.route.name }, printing: { key, to, state: 'printing', error: null, path: null } });
      await nextPaint();
      // Measured in the fonts it prints in (the Devanagari font may still be loading after a language switch).
      await fontsReady();
      // As long as the receipt laid out in the print area: a thermal printer feeds the whole page.
      const page = { paperMm: get().session.appInfo?.receiptPaperMm ?? 58, ...measuredReceiptPage() };
      try {
        const answer = to === 'pdf' ? await api().saveReceiptPdf({ ...page, clientRefId: key }) : await api().printReceipt(page);
        // The web host cannot print by itself: the browser's dialog prints (or saves as PDF) the receipt.
        if (answer.method === 'browser') {
          window.print();
          set({ printing: null }); // the dialog itself was the feedback
        } else {
          set({ printing: { key, to, state: 'sent', error: null, path: answer.method === 'saved' ? answer.path : null } });
        }
      } catch (err) {
        set({ printing: { key, to, state: 'failed', error: toKioskError(err), path: null } });
      }
    },
  };
}
