import { describe, expect, it, vi } from 'vitest';
import type { WebContents } from 'electron';
import { createReceiptPrinter, printOptions } from '../../../main/electron/printer';

describe('receipt printer (Electron)', () => {
  it('prints silently at the paper width, no margins (never the A4 fallback)', () => {
    expect(printOptions(58)).toMatchObject({ silent: true, margins: { marginType: 'none' }, pageSize: { width: 58_000 } });
    expect(printOptions(80).pageSize).toMatchObject({ width: 80_000 });
  });

  it('resolves when the printer took the job and fails with print.failed otherwise', async () => {
    const print = vi.fn((_options: unknown, done: (ok: boolean, reason: string) => void) => done(true, ''));
    const printer = createReceiptPrinter(() => ({ print }) as unknown as WebContents);
    await printer.print(80);
    expect(print.mock.calls[0]![0]).toMatchObject({ pageSize: { width: 80_000 } });

    const failing = createReceiptPrinter(() => ({ print: (_o: unknown, done: (ok: boolean, reason: string) => void) => done(false, 'no printer') }) as unknown as WebContents);
    await expect(failing.print(58)).rejects.toMatchObject({ code: 'print.failed' });
    await expect(createReceiptPrinter(() => null).print(58)).rejects.toMatchObject({ code: 'internal' });
  });
});
