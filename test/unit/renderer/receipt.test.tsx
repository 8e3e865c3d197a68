// @vitest-environment happy-dom
process.env.TZ = 'Asia/Kolkata';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { KioskError, type EnquiryOutcome, type HistoryRow } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { Receipt } from '../../../renderer/components/receipt/Receipt';
import { PrintReceiptButton, ReceiptPrintArea } from '../../../renderer/components/receipt/ReceiptPrint';
import { receiptFrom } from '../../../renderer/components/receipt/receipt-data';
import { measureReceiptHeightMm } from '../../../renderer/components/receipt/receipt-page';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { SUCCESS, fakeKioskApi, historyRow, patchSlice } from './fake-kiosk-api';

initI18n('en');
const initial = useKiosk.getState();
const AGENT = { userCode: '20810200', mobile: '9962981729' };

/** 22 Nov 2026, 4:05 pm in India. */
const OUTCOME: EnquiryOutcome = { ...SUCCESS, at: '2026-11-22T10:35:00.000Z', clientRefId: 'AEPS20261122ABC' };

/** The same enquiry, reprinted from history. */
const ROW = historyRow({
  clientRefId: 'AEPS-R-1',
  updatedAt: '2026-11-22T10:35:02.000Z',
  outcome: 'success',
  reason: null,
  tid: 'T9',
  bankRef: 'RRN9',
  uidaiRef: 'UID9',
  balance: '2208340023.75',
});

/** happy-dom has no window.print: a stand-in that records calls. */
function stubPrint(impl: () => void) {
  const fn = vi.fn(impl);
  window.print = fn;
  return fn;
}

function renderReceipt(source: EnquiryOutcome | HistoryRow, paperMm: 58 | 80 = 58, training = false) {
  return render(
    <I18nextProvider i18n={i18n}>
      <Receipt data={receiptFrom(source)} paperMm={paperMm} agent={AGENT} training={training} />
    </I18nextProvider>,
  );
}

const field = (id: string) => screen.getByTestId(`rc-${id}`).textContent;

beforeEach(async () => {
  useKiosk.setState(initial, true);
  await act(() => i18n.changeLanguage('en'));
});
afterEach(() => {
  cleanup();
  setApi(null);
  vi.restoreAllMocks();
});

describe('receipt', () => {
  it('shows every field of a successful enquiry in English', () => {
    renderReceipt(OUTCOME);
    const receipt = screen.getByTestId('receipt');
    expect(receipt.textContent).toContain('AePS Balance Enquiry');
    expect(field('agent')).toBe('20810200');
    expect(field('agentMobile')).toBe('9962981729');
    expect(field('time')).toBe('22 Nov 2026, 4:05 pm');
    expect(field('bank')).toBe('State Bank of India');
    expect(field('aadhaar')).toBe('XXXX XXXX 0124');
    expect(field('mobile')).toBe('XXXXXX3210');
    expect(field('status')).toBe('Success');
    expect(field('balance')).toBe('₹5,500.75');
    expect(field('tid')).toBe('T1');
    expect(field('rrn')).toBe('RRN1');
    expect(field('uidai')).toBe('U1');
    expect(field('ref')).toBe('AEPS20261122ABC');
    for (const label of ['Agent ID', 'Agent mobile', 'Date and time', 'Customer mobile', 'Bank reference (RRN)', 'UIDAI reference', 'Reference no.'])
      expect(within(receipt).getByText(label)).toBeTruthy();
  });

  it('is translated into Hindi, with the date in Hindi', async () => {
    await act(() => i18n.changeLanguage('hi'));
    renderReceipt(ROW);
    const receipt = screen.getByTestId('receipt');
    expect(receipt.getAttribute('lang')).toBe('hi');
    expect(receipt.textContent).toContain('AePS बैलेंस पूछताछ');
    expect(within(receipt).getByText('एजेंट आईडी')).toBeTruthy();
    expect(within(receipt).getByText('उपलब्ध बैलेंस')).toBeTruthy();
    expect(field('status')).toBe('सफल');
    expect(field('time')).toMatch(/^22 नव.* 2026, शाम 4:05$/);
    expect(field('balance')).toBe('₹2,20,83,40,023.75');
    expect(field('rrn')).toBe('RRN9');
    expect(field('uidai')).toBe('UID9');
    expect(receipt.textContent).not.toMatch(/Success|Bank reference|Available balance/);
  });

  it('picks the 58 or 80 mm layout from the paper width', () => {
    const { unmount } = renderReceipt(OUTCOME, 58);
    expect(screen.getByTestId('receipt').className).toContain('receipt-58');
    expect(screen.getByTestId('receipt').getAttribute('data-paper')).toBe('58');
    unmount();
    renderReceipt(OUTCOME, 80);
    expect(screen.getByTestId('receipt').className).toContain('receipt-80');
    expect(screen.getByTestId('receipt').className).not.toContain('receipt-58');
  });

  it('prints only masked customer numbers, even when handed a clear one', () => {
    renderReceipt({ ...ROW, maskedAadhaar: '234567890124', maskedMobile: '9876543210' });
    const text = screen.getByTestId('receipt').textContent!;
    expect(field('aadhaar')).toBe('XXXX XXXX 0124');
    expect(field('mobile')).toBe('XXXXXX3210');
    expect(text).not.toContain('23456789');
    expect(text).not.toContain('987654');
    // The only 10-digit run is the agent's own mobile.
    expect(text.match(/\d{10,}/g)).toEqual(['9962981729']);
  });

  it('says Failed with the reason for a refusal, and never shows a balance', () => {
    renderReceipt({ ...OUTCOME, outcome: 'refused', reason: 'notLinked', serverMessage: 'x', tid: null } as EnquiryOutcome);
    expect(field('status')).toBe('Failed: This Aadhaar number is not linked to an account at this bank.');
    expect(screen.queryByTestId('rc-balance')).toBeNull();
    expect(field('tid')).toBe('—');
    expect(screen.getByTestId('receipt').getAttribute('data-status')).toBe('refused');
  });

  it('says Result unknown (with what to do) for an unknown result, and Failed for one never sent', () => {
    const { unmount } = renderReceipt({ ...ROW, outcome: 'unknown', reason: 'interrupted', balance: null, bankRef: null, uidaiRef: null });
    expect(field('status')).toBe('Result unknown');
    expect(screen.getByTestId('receipt').textContent).toContain('Do not repeat the enquiry now');
    unmount();
    renderReceipt({ ...ROW, outcome: 'notSent', reason: null, errorCode: 'eko.offline', balance: null });
    expect(field('status')).toBe('Failed: Could not reach Eko: the internet seems to be down. Nothing was sent.');
  });

  it('an enquiry Eko never received says so, not "the internet seems to be down", in English and Hindi', async () => {
    const neverArrived: HistoryRow = { ...ROW, outcome: 'notSent', reason: null, errorCode: 'eko.neverArrived', balance: null, tid: null, bankRef: null, uidaiRef: null };
    const { unmount } = renderReceipt(neverArrived);
    expect(field('status')).toBe('Failed: Eko has no record of this enquiry: it did not reach the bank, and nothing was charged.');
    expect(screen.getByTestId('receipt').textContent).not.toContain('internet');
    unmount();
    await act(() => i18n.changeLanguage('hi'));
    renderReceipt(neverArrived);
    expect(field('status')).toContain('Eko के पास इस पूछताछ का कोई रिकॉर्ड नहीं है');
  });

  it('marks a training receipt', () => {
    renderReceipt(OUTCOME, 58, true);
    expect(screen.getByTestId('receipt').textContent).toContain('TRAINING — not a real transaction');
  });
});

describe('printing', () => {
  function renderPrint(source: EnquiryOutcome | HistoryRow = OUTCOME) {
    return render(
      <I18nextProvider i18n={i18n}>
        <PrintReceiptButton source={source} />
        <ReceiptPrintArea />
      </I18nextProvider>,
    );
  }

  beforeEach(async () => {
    const api = fakeKioskApi();
    setApi(api);
    await useKiosk.getState().session.loadAppInfo();
    patchSlice('session', { appInfo: { ...useKiosk.getState().session.appInfo!, receiptPaperMm: 58 } });
  });

  it('renders the receipt into the print area, asks the main side to print it, and opens the browser dialog when told to', async () => {
    const api = fakeKioskApi({ printReceipt: { method: 'browser' } });
    setApi(api);
    const print = stubPrint(() => {
      // At the moment of printing, the receipt is in the page.
      expect(document.querySelector('.receipt-print [data-testid="rc-ref"]')?.textContent).toBe('AEPS20261122ABC');
    });
    renderPrint();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(api.printReceipt).toHaveBeenCalledWith({ paperMm: 58 });
    expect(screen.getByTestId('receipt-print').querySelector('.receipt-58')).toBeTruthy();
  });

  it('after a silent print says it went to the printer; a failure shows what to do', async () => {
    const api = fakeKioskApi({ printReceipt: { method: 'silent' } });
    setApi(api);
    const print = stubPrint(() => {});
    renderPrint(ROW);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Receipt sent to the printer.'));
    expect(print).not.toHaveBeenCalled();

    api.printReceipt.mockRejectedValueOnce(new KioskError('print.failed'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    });
    await vi.waitFor(() => expect(screen.getByRole('alert').textContent).toContain('The receipt could not be printed.'));
    expect(screen.getByRole('alert').getAttribute('data-error-code')).toBe('print.failed');
  });

  /** Gives every receipt a laid-out height (happy-dom has no layout): 400 CSS px = 105.8 mm. */
  const real = HTMLElement.prototype.getBoundingClientRect;
  function layOutReceiptsAt(px: number) {
    vi.spyOn(HTMLElement.prototype, 'getBoundingClientRect').mockImplementation(function (this: HTMLElement) {
      return this.dataset.testid === 'receipt' ? ({ x: 0, y: 0, top: 0, left: 0, width: 219, height: px, right: 219, bottom: px } as DOMRect) : real.call(this);
    });
  }

  it('asks for a page as long as the receipt (in mm, rounded up), not a whole A4 length of paper', async () => {
    layOutReceiptsAt(400);
    const api = fakeKioskApi({ printReceipt: { method: 'silent' } });
    setApi(api);
    renderPrint();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    });
    await vi.waitFor(() => expect(api.printReceipt).toHaveBeenCalled());
    // 400 px = 105.83 mm → 106, plus 1 mm so the last line never spills onto a second page.
    expect(api.printReceipt).toHaveBeenCalledWith({ paperMm: 58, heightMm: 107 });
    // No layout, or a length no receipt has: no height, so the main side keeps its A4-long fallback.
    layOutReceiptsAt(0);
    expect(measureReceiptHeightMm()).toBeNull();
    layOutReceiptsAt(20_000);
    expect(measureReceiptHeightMm()).toBeNull();
  });

  it('gives the browser print dialog the same length through @page, and takes it away with the receipt', async () => {
    layOutReceiptsAt(400);
    const replaceSync = vi.spyOn(CSSStyleSheet.prototype, 'replaceSync');
    const before = document.adoptedStyleSheets.length;
    setApi(fakeKioskApi({ printReceipt: { method: 'browser' } }));
    const print = stubPrint(() => {
      // When the dialog opens, the page rule is in place.
      expect(replaceSync.mock.calls.map((c) => c[0])).toContain('@page receipt58 { size: 58mm 107mm; margin: 0; }');
      expect(document.adoptedStyleSheets.length).toBe(before + 1);
    });
    patchSlice('nav', { route: { name: 'history' } });
    renderPrint(ROW);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(print.mock.results[0]!.type).toBe('return'); // its checks passed
    expect(document.adoptedStyleSheets.length).toBe(before + 1);
    act(() => patchSlice('nav', { route: { name: 'home' } }));
    expect(document.adoptedStyleSheets.length).toBe(before);
  });

  it('saves the receipt as a PDF: the desktop app says where the file is', async () => {
    layOutReceiptsAt(400);
    const file = 'C:\\Users\\counter\\AppData\\Roaming\\AePS Counter\\receipts\\receipt-AEPS20261122ABC.pdf';
    const api = fakeKioskApi({ saveReceiptPdf: { method: 'saved', path: file } });
    setApi(api);
    const print = stubPrint(() => {});
    renderPrint();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toContain('Receipt saved as a PDF in this file:'));
    expect(screen.getByTestId('receipt-pdf-path').textContent).toBe(file);
    expect(api.saveReceiptPdf).toHaveBeenCalledWith({ paperMm: 58, heightMm: 107, clientRefId: 'AEPS20261122ABC' });
    expect(api.printReceipt).not.toHaveBeenCalled();
    expect(print).not.toHaveBeenCalled();
    // What is saved is the receipt, rendered into the print area.
    expect(screen.getByTestId('receipt-print').querySelector('[data-testid="rc-ref"]')?.textContent).toBe('AEPS20261122ABC');
  });

  it('in the web host, Save as PDF opens the browser print dialog (its "Save as PDF"); a failure says what to do, in Hindi too', async () => {
    const api = fakeKioskApi({ saveReceiptPdf: { method: 'browser' } });
    setApi(api);
    const print = stubPrint(() => {});
    renderPrint(ROW);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Save as PDF' }));
    });
    await vi.waitFor(() => expect(print).toHaveBeenCalledTimes(1));
    expect(api.saveReceiptPdf).toHaveBeenCalledWith({ paperMm: 58, clientRefId: 'AEPS-R-1' });

    api.saveReceiptPdf.mockRejectedValueOnce(new KioskError('print.pdfFailed'));
    await act(() => i18n.changeLanguage('hi'));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'PDF में सेव करें' }));
    });
    const alert = await screen.findByRole('alert');
    expect(alert.getAttribute('data-error-code')).toBe('print.pdfFailed');
    expect(alert.textContent).toContain('रसीद PDF में सेव नहीं हो सकी।');
    // Its retry saves again, it does not print.
    api.saveReceiptPdf.mockResolvedValueOnce({ method: 'saved', path: '/data/receipts/receipt-AEPS-R-1.pdf' });
    await act(async () => {
      fireEvent.click(within(alert).getByRole('button', { name: 'PDF में सेव करें' }));
    });
    await vi.waitFor(() => expect(screen.getByTestId('receipt-pdf-path').textContent).toBe('/data/receipts/receipt-AEPS-R-1.pdf'));
    expect(api.printReceipt).not.toHaveBeenCalled();
  });

  it('leaves nothing in the print area once the agent leaves the screen it was printed from', async () => {
    setApi(fakeKioskApi({ printReceipt: { method: 'silent' } }));
    patchSlice('nav', { route: { name: 'history' } });
    renderPrint(ROW);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Print receipt' }));
    });
    await vi.waitFor(() => expect(screen.getByRole('status').textContent).toBe('Receipt sent to the printer.'));
    expect(screen.getByTestId('receipt-print').textContent).toContain('XXXX XXXX 0124');
    act(() => patchSlice('nav', { route: { name: 'home' } }));
    expect(screen.queryByTestId('receipt-print')).toBeNull();
  });
});

describe('the shop on the receipt (operator settings: shop name and address)', () => {
  it('heads the receipt with the shop’s name and address when set, the app’s name otherwise', () => {
    render(
      <I18nextProvider i18n={i18n}>
        <Receipt data={receiptFrom(SUCCESS)} paperMm={58} agent={{ ...AGENT, shopName: 'Sharma General Store', shopAddress: '12 Station Road, Lucknow' }} />
      </I18nextProvider>,
    );
    expect(screen.getByTestId('rc-shop').textContent).toBe('Sharma General Store');
    expect(screen.getByTestId('rc-shop-address').textContent).toBe('12 Station Road, Lucknow');
    cleanup();
    renderReceipt(SUCCESS);
    expect(screen.getByTestId('rc-shop').textContent).toBe(i18n.t('app.name'));
    expect(screen.queryByTestId('rc-shop-address')).toBeNull();
  });
});
