import { describe, expect, it } from 'vitest';
import { CaptureStore, CAPTURE_TTL_MS } from '../../../main/services/rd/captures';

describe('CaptureStore', () => {
  it('hands a PID block over once', () => {
    const store = new CaptureStore();
    const h = store.put('<PidData>one</PidData>', 70);
    expect(store.take(h)).toEqual({ pidXml: '<PidData>one</PidData>', qScore: 70 });
    expect(store.take(h)).toBeNull();
    expect(store.size).toBe(0);
  });

  it('a new capture replaces the older one', () => {
    const store = new CaptureStore();
    const first = store.put('a', 50);
    const second = store.put('b', 60);
    expect(store.size).toBe(1);
    expect(store.take(first)).toBeNull();
    expect(store.take(second)?.pidXml).toBe('b');
  });

  it('forgets a capture after 3 minutes', () => {
    let now = 1_000_000;
    const store = new CaptureStore(CAPTURE_TTL_MS, () => now);
    const kept = store.put('a', 50);
    now += CAPTURE_TTL_MS - 1;
    expect(store.take(kept)?.pidXml).toBe('a');
    const late = store.put('b', 50);
    now += CAPTURE_TTL_MS + 1;
    expect(store.take(late)).toBeNull();
    expect(store.size).toBe(0);
  });

  it('frees the memory by timer even if nobody asks', async () => {
    const store = new CaptureStore(30);
    store.put('a', 50);
    await new Promise((r) => setTimeout(r, 60));
    expect(store.size).toBe(0);
  });

  it('handles are random, long and unknown ones give nothing', () => {
    const store = new CaptureStore();
    const handles = new Set(Array.from({ length: 200 }, () => store.put('x', 50)));
    expect(handles.size).toBe(200);
    for (const h of handles) expect(h).toMatch(/^[A-Za-z0-9_-]{32}$/);
    expect(store.take('guess')).toBeNull();
    expect(store.take(undefined as unknown as string)).toBeNull();
  });
});
