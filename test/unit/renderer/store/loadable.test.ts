/** The one loader behind home's panels, history, diagnostics and the daily authentication's status. */
import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../../app/contract';
import { createLoader, idleLoadable, type Loadable } from '../../../../renderer/store/loadable';
import { deferred } from '../fake-kiosk-api';

function box<T>() {
  let value: Loadable<T> = idleLoadable<T>();
  const seen: Loadable<T>[] = [];
  const loader = createLoader(
    () => value,
    (next) => {
      value = next;
      seen.push(next);
    },
  );
  return { loader, get: () => value, seen };
}

describe('loadable', () => {
  it('idle, loading, then ok; a failure keeps the last data', async () => {
    const b = box<number>();
    expect(b.get()).toEqual({ state: 'idle', data: null, error: null });
    const p = b.loader.load(async () => 1);
    expect(b.get().state).toBe('loading');
    expect(await p).toBe(true);
    expect(b.get()).toEqual({ state: 'ok', data: 1, error: null, at: expect.any(Number) });
    const fetchedAt = b.get().at;
    expect(await b.loader.load(async () => Promise.reject(new KioskError('eko.offline')))).toBe(false);
    // The figure kept after a failure says when it was fetched.
    expect(b.get()).toMatchObject({ state: 'error', data: 1, error: { code: 'eko.offline' }, at: fetchedAt });
  });

  it('an answer to an older request never overwrites a newer one', async () => {
    const b = box<string>();
    const first = deferred<string>();
    const second = deferred<string>();
    const p1 = b.loader.load(() => first.promise);
    const p2 = b.loader.load(() => second.promise);
    second.resolve('new');
    await p2;
    first.resolve('old');
    expect(await p1).toBe(false);
    expect(b.get()).toEqual({ state: 'ok', data: 'new', error: null, at: expect.any(Number) });
  });

  it('a late failure is dropped too, and invalidate drops what is on its way', async () => {
    const b = box<string>();
    const first = deferred<string>();
    const p1 = b.loader.load(() => first.promise);
    await b.loader.load(async () => 'new');
    first.reject(new KioskError('eko.timeout'));
    await p1;
    expect(b.get()).toEqual({ state: 'ok', data: 'new', error: null, at: expect.any(Number) });
    const third = deferred<string>();
    const p3 = b.loader.load(() => third.promise);
    b.loader.invalidate();
    third.resolve('dropped');
    expect(await p3).toBe(false);
    expect(b.get().data).toBe('new');
  });
});
