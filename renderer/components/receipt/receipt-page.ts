/**
 * The printed page is as long as the receipt: a thermal printer feeds the whole page
 * length, so an A4-long page would waste ~20 cm of paper per receipt. The receipt is
 * measured where it is laid out (the print-only area, ReceiptPrint.tsx); the desktop
 * app gets the length with the print/PDF call, the browser's print dialog from @page.
 */
import { RECEIPT_HEIGHT_MM, type PaperWidth } from '../../../app/contract';

const CSS_PX_PER_MM = 96 / 25.4;
/** Rounding up plus this much keeps the last line from spilling onto a second page. */
const SLACK_MM = 1;

/** The receipt in the print-only area, if one is there. */
function printedReceipt(root: ParentNode): HTMLElement | null {
  return root.querySelector<HTMLElement>('[data-testid="receipt-print"] [data-testid="receipt"]');
}

/** The printed receipt's length in whole mm, or null when there is none, it has no layout, or the length makes no sense. */
export function measureReceiptHeightMm(root: ParentNode = document): number | null {
  const px = printedReceipt(root)?.getBoundingClientRect().height ?? 0;
  const mm = Math.ceil(px / CSS_PX_PER_MM) + SLACK_MM;
  return px > 0 && mm >= RECEIPT_HEIGHT_MM.min && mm <= RECEIPT_HEIGHT_MM.max ? mm : null;
}

/** { heightMm } for a contract call, or nothing when the receipt could not be measured (the main side then uses A4's length). */
export function measuredReceiptPage(root: ParentNode = document): { heightMm?: number } {
  const heightMm = measureReceiptHeightMm(root);
  return heightMm === null ? {} : { heightMm };
}

/**
 * Resolves once the page's fonts have loaded (at most `capMs`): a receipt measured in a fallback
 * font (the Devanagari font loads on the first Hindi text) is longer or shorter than it prints.
 */
export function fontsReady(capMs = 2000, doc: Document | undefined = typeof document === 'undefined' ? undefined : document): Promise<void> {
  const ready = doc?.fonts?.ready;
  if (!ready) return Promise.resolve();
  return Promise.race([ready.then(() => undefined), new Promise<void>((resolve) => setTimeout(resolve, capMs))]);
}

/** The @page rule styles.css names for this paper width, at this length. */
function pageRule(paperMm: PaperWidth, heightMm: number): string {
  return `@page receipt${paperMm} { size: ${paperMm}mm ${heightMm}mm; margin: 0; }`;
}

/**
 * Gives the browser's print dialog the measured length: a constructed style sheet (allowed by
 * the CSP's style-src 'self', unlike an inline <style>) that overrides styles.css's A4-long
 * fallback. Answers a function that removes it again.
 */
export function applyPageLength(paperMm: PaperWidth, heightMm: number, doc: Document = document): () => void {
  if (typeof CSSStyleSheet === 'undefined' || !('adoptedStyleSheets' in doc)) return () => {};
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(pageRule(paperMm, heightMm));
  doc.adoptedStyleSheets = [...doc.adoptedStyleSheets, sheet];
  return () => {
    doc.adoptedStyleSheets = doc.adoptedStyleSheets.filter((s) => s !== sheet);
  };
}
