/**
 * An RD service that is still starting (Mantra L1 answers errCode -1509, "System is still
 * checking status, please try after sometime…") is not a broken device: it is ready seconds
 * later. So the main side asks again, every pollMs, for at most waitMs, before it tells the
 * agent anything; and only then with rd.starting, never "restart the RD service".
 */
import { KioskError } from '../../../app/contract';

/** Defaults: about 15 s in all, asking every 1.5 s (a starting Mantra service needs a few seconds). */
export const STARTING_WAIT_MS = 15_000;
export const STARTING_POLL_MS = 1_500;

export type Sleep = (ms: number, signal: AbortSignal) => Promise<void>;

/** Waits ms; rejects with rd.cancelled as soon as the signal aborts (the agent pressed Cancel). */
export const abortableSleep: Sleep = (ms, signal) =>
  new Promise<void>((resolve, reject) => {
    if (signal.aborted) {
      reject(new KioskError('rd.cancelled'));
      return;
    }
    const onAbort = () => {
      clearTimeout(timer);
      reject(new KioskError('rd.cancelled'));
    };
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal.addEventListener('abort', onAbort, { once: true });
  });

export function isStarting(err: unknown): boolean {
  return err instanceof KioskError && err.code === 'rd.starting';
}

interface StartingWait {
  waitMs: number;
  pollMs: number;
  signal: AbortSignal;
  sleep?: Sleep;
  /** Monotonic clock, ms (tests). */
  now?: () => number;
  /** Hears every "still starting" answer that will be asked again (for the log). */
  onRetry?: (attempt: number, waitedMs: number) => void;
}

/**
 * Runs attempt(); while it fails with rd.starting, waits pollMs and runs it again, until
 * waitMs have passed since the first such answer: then the last rd.starting is thrown.
 * Any other outcome, success or failure, is returned or thrown at once.
 */
export async function askWhileStarting<T>(attempt: () => Promise<T>, options: StartingWait): Promise<T> {
  const sleep = options.sleep ?? abortableSleep;
  const now = options.now ?? (() => performance.now());
  const pollMs = Math.max(1, options.pollMs);
  let firstAt: number | null = null;
  for (let tries = 1; ; tries++) {
    try {
      return await attempt();
    } catch (err) {
      if (!isStarting(err)) throw err;
      firstAt ??= now();
      const waited = now() - firstAt;
      // Never wait past the bound: one more poll that would end after it is not made.
      if (waited + pollMs > options.waitMs) throw err;
      options.onRetry?.(tries, Math.round(waited));
      await sleep(pollMs, options.signal);
      if (options.signal.aborted) throw new KioskError('rd.cancelled');
    }
  }
}
