import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import {
  FALLBACK_RECEIPT_HEIGHT_MM,
  PRINT_TIMEOUT_MS,
  createReceiptPrinter,
  pdfOptions,
  printOptions,
  receiptPdfName,
} from '../../../main/electron/printer';
import { makeTempDir } from '../../support/temp-dir';
import { StandInContents } from './stand-in-electron';

const printerOn = (contents: StandInContents) => createReceiptPrinter(() => contents as unknown as WebContents);

afterEach(() => {
  vi.useRealTimers();
});

describe('receipt printer (Electron): print', () => {
  it('prints silently, no margins, at the paper width and the measured receipt length, in microns', () => {
    expect(printOptions({ paperMm: 58, heightMm: 123.4 })).toEqual({
      silent: true,
      printBackground: false,
      margins: { marginType: 'none' },
      pageSize: { width: 58_000, height: 123_400 },
    });
    expect(printOptions({ paperMm: 80, heightMm: 140 }).pageSize).toEqual({ width: 80_000, height: 140_000 });
    // Not measured (an old renderer): an A4 length, never Chromium's A4 default page.
    expect(printOptions({ paperMm: 58 }).pageSize).toEqual({ width: 58_000, height: FALLBACK_RECEIPT_HEIGHT_MM * 1000 });
  });

  it('resolves when the printer took the job and fails with print.failed otherwise', async () => {
    const contents = new StandInContents();
    await printerOn(contents).print({ paperMm: 80, heightMm: 150 });
    expect(contents.print.mock.calls[0]![0]).toMatchObject({ silent: true, pageSize: { width: 80_000, height: 150_000 } });

    contents.print.mockImplementation((_o, done) => done?.(false, 'no printer'));
    await expect(printerOn(contents).print({ paperMm: 58 })).rejects.toMatchObject({ code: 'print.failed', detail: 'no printer' });
    await expect(createReceiptPrinter(() => null).print({ paperMm: 58 })).rejects.toMatchObject({ code: 'internal' });
  });

  it('gives up with print.failed when the print callback never comes (a Windows driver that never answers)', async () => {
    vi.useFakeTimers();
    const contents = new StandInContents();
    let lateCallback: ((ok: boolean, reason: string) => void) | undefined;
    contents.print.mockImplementation((_o, done) => void (lateCallback = done));
    let settled: unknown = 'pending';
    const printing = printerOn(contents)
      .print({ paperMm: 58, heightMm: 120 })
      .then(
        () => (settled = 'resolved'),
        (err: unknown) => (settled = err),
      );
    await vi.advanceTimersByTimeAsync(PRINT_TIMEOUT_MS - 1);
    expect(settled).toBe('pending');
    await vi.advanceTimersByTimeAsync(1);
    await printing;
    expect(settled).toMatchObject({ code: 'print.failed' });
    expect(PRINT_TIMEOUT_MS).toBe(20_000);
    // A callback that finally comes changes nothing.
    expect(() => lateCallback?.(true, '')).not.toThrow();
    expect(settled).toMatchObject({ code: 'print.failed' });
  });
});

describe('receipt printer (Electron): save as PDF', () => {
  it('asks Chromium for a PDF at the paper width and receipt length in inches, with no margins', () => {
    const options = pdfOptions({ paperMm: 58, heightMm: 127 });
    expect(options.pageSize).toEqual({ width: 58 / 25.4, height: 5 });
    expect(options.margins).toEqual({ top: 0, bottom: 0, left: 0, right: 0 });
    expect(options.preferCSSPageSize).toBe(false);
    expect(pdfOptions({ paperMm: 80 }).pageSize).toEqual({ width: 80 / 25.4, height: FALLBACK_RECEIPT_HEIGHT_MM / 25.4 });
  });

  it('writes the PDF into <dataDir>/receipts, named after the reference, and answers its path', async () => {
    const dataDir = makeTempDir('receipt-pdf-');
    try {
      const contents = new StandInContents();
      const file = await printerOn(contents).savePdf({ paperMm: 80, heightMm: 152.4, clientRefId: 'KSK20261122103500ABC123' }, dataDir);
      expect(file).toBe(path.join(dataDir, 'receipts', 'receipt-KSK20261122103500ABC123.pdf'));
      expect(fs.readFileSync(file, 'latin1')).toMatch(/^%PDF-/);
      expect(contents.printToPDF).toHaveBeenCalledWith(pdfOptions({ paperMm: 80, heightMm: 152.4 }));
      const { pageSize } = contents.printToPDF.mock.calls[0]![0] as { pageSize: { width: number; height: number } };
      expect(pageSize.height).toBeCloseTo(6, 9); // 152.4 mm = 6 in
      // A reference can never climb out of the receipts folder.
      expect(receiptPdfName('../../evil\\x:y')).toBe('receipt-______evil_x_y.pdf');
      // No reference at all ("—"): named by the time, never one shared file.
      expect(receiptPdfName('—', new Date('2026-11-29T10:11:12.345Z'))).toBe('receipt-2026-11-29T10-11-12-345Z.pdf');
      const odd = await printerOn(contents).savePdf({ paperMm: 58, clientRefId: '../../evil' }, dataDir);
      expect(path.dirname(odd)).toBe(path.join(dataDir, 'receipts'));
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('fails with print.pdfFailed when Chromium cannot make the PDF, the disk refuses it, or no PDF comes in time', async () => {
    const dataDir = makeTempDir('receipt-pdf-');
    try {
      const contents = new StandInContents();
      contents.printToPDF.mockRejectedValueOnce(new Error('Failed to generate PDF'));
      await expect(printerOn(contents).savePdf({ paperMm: 58, clientRefId: 'R1' }, dataDir)).rejects.toMatchObject({ code: 'print.pdfFailed' });

      // The receipts "folder" is a file: the write fails.
      fs.writeFileSync(path.join(dataDir, 'receipts'), 'not a folder');
      await expect(printerOn(contents).savePdf({ paperMm: 58, clientRefId: 'R2' }, dataDir)).rejects.toMatchObject({ code: 'print.pdfFailed' });

      vi.useFakeTimers();
      contents.printToPDF.mockImplementationOnce(() => new Promise(() => {}));
      const saving = printerOn(contents).savePdf({ paperMm: 58, clientRefId: 'R3' }, dataDir);
      const outcome = expect(saving).rejects.toMatchObject({ code: 'print.pdfFailed' });
      await vi.advanceTimersByTimeAsync(PRINT_TIMEOUT_MS);
      await outcome;
    } finally {
      fs.rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
