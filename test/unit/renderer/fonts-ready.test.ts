/** The receipt is measured once its fonts have loaded, but a font that never loads never holds printing up. */
import { describe, expect, it, vi } from 'vitest';
import { fontsReady } from '../../../renderer/components/receipt/receipt-page';

describe('fontsReady', () => {
  it('waits for the document’s fonts', async () => {
    let loaded!: () => void;
    const doc = { fonts: { ready: new Promise<void>((r) => (loaded = r)) } } as unknown as Document;
    let done = false;
    const waiting = fontsReady(60_000, doc).then(() => (done = true));
    await Promise.resolve();
    expect(done).toBe(false);
    loaded();
    await waiting;
    expect(done).toBe(true);
  });

  it('gives up after its cap, and answers at once without a font API', async () => {
    vi.useFakeTimers();
    try {
      const never = { fonts: { ready: new Promise<void>(() => {}) } } as unknown as Document;
      const waiting = fontsReady(2000, never);
      vi.advanceTimersByTime(2000);
      await expect(waiting).resolves.toBeUndefined();
    } finally {
      vi.useRealTimers();
    }
    await expect(fontsReady(2000, {} as Document)).resolves.toBeUndefined();
  });
});
