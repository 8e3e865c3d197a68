/**
 * One shape for data a screen loads (home's panels, history, diagnostics, the daily
 * authentication's status), and one loader with a built-in stale-answer guard: an answer
 * to an older request never overwrites a newer one.
 */
import { toKioskError, type KioskError } from '../../app/contract';

export type LoadState = 'idle' | 'loading' | 'ok' | 'error';

export interface Loadable<T> {
  state: LoadState;
  /** The last answer: kept while a new one loads and after a failure. */
  data: T | null;
  /** The last failure: kept while a new answer loads, dropped by an answer. */
  error: KioskError | null;
  /** When `data` was fetched (ms since the epoch): a figure kept after a failed refresh says how old it is. */
  at?: number | null;
}

export const idleLoadable = <T>(): Loadable<T> => ({ state: 'idle', data: null, error: null });

export const isLoading = (l: Loadable<unknown>): boolean => l.state === 'loading';

export interface Loader<T> {
  /** Asks `fetch`; writes the answer (or the error) unless a newer load started meanwhile. True when this answer was kept. */
  load(fetch: () => Promise<T>): Promise<boolean>;
  /** Answers still on their way are dropped. */
  invalidate(): void;
}

/** `read`/`write`: where the Loadable lives in the store. */
export function createLoader<T>(read: () => Loadable<T>, write: (next: Loadable<T>) => void): Loader<T> {
  let request = 0;
  return {
    async load(fetch) {
      const id = ++request;
      write({ ...read(), state: 'loading' });
      try {
        const data = await fetch();
        if (id !== request) return false;
        write({ state: 'ok', data, error: null, at: Date.now() });
        return true;
      } catch (err) {
        if (id !== request) return false;
        write({ state: 'error', data: read().data, error: toKioskError(err), at: read().at ?? null });
        return false;
      }
    },
    invalidate() {
      request++;
    },
  };
}

/** The keys of a slice that hold a Loadable. */
type LoadableKey<S> = { [K in keyof S]: S[K] extends Loadable<unknown> ? K : never }[keyof S];
type LoadedData<L> = L extends Loadable<infer T> ? T : never;

/** A loader for the Loadable a slice keeps under `key`: `slice` reads the slice, `set` merges into it. */
export function sliceLoader<S, K extends LoadableKey<S>>(slice: () => S, set: (patch: Partial<S>) => void, key: K): Loader<LoadedData<S[K]>> {
  return createLoader(
    () => slice()[key] as Loadable<LoadedData<S[K]>>,
    (next) => set({ [key]: next } as unknown as Partial<S>),
  );
}
