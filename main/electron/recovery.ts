/**
 * Recovery from a crashed or hung renderer, or a page that failed to load: the
 * window is recreated (on the same URL) after a back-off (1 s, 2 s, 4 s … capped)
 * so a renderer that crashes on start cannot spin the CPU, and the back-off resets
 * once a window has stayed up for a while.
 */
import type { Logger } from '../services/log/logger';

export interface RecoveryTiming {
  baseDelayMs: number;
  maxDelayMs: number;
  /** A window that lives this long without trouble resets the back-off. */
  stableMs: number;
  /** 'unresponsive' is given this long to turn 'responsive' again before the window is replaced. */
  hangGraceMs: number;
}

const DEFAULT_RECOVERY_TIMING: RecoveryTiming = {
  baseDelayMs: 1_000,
  maxDelayMs: 60_000,
  stableMs: 120_000,
  hangGraceMs: 10_000,
};

/** What recovery listens to on a window's web contents. */
interface WatchedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'unresponsive' | 'responsive', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
}

/** Chromium's net::ERR_ABORTED: a load we cancelled ourselves (a blocked navigation), not a failure. */
const LOAD_ABORTED = -3;

export interface Recovery {
  /** Watches the current window; events from windows watched before are ignored from now on. */
  watch(contents: WatchedContents): void;
  /** The back-off the next failure would wait (for logs and tests). */
  nextDelayMs(): number;
  dispose(): void;
}

function backoffDelay(failures: number, timing: Pick<RecoveryTiming, 'baseDelayMs' | 'maxDelayMs'>): number {
  const exponent = Math.max(0, Math.min(failures - 1, 30));
  return Math.min(timing.baseDelayMs * 2 ** exponent, timing.maxDelayMs);
}

export function createRecovery(options: {
  recreate: (reason: string) => void;
  logger: Logger;
  timing?: Partial<RecoveryTiming>;
}): Recovery {
  const timing = { ...DEFAULT_RECOVERY_TIMING, ...options.timing };
  const log = options.logger.child('recovery');
  let generation = 0;
  let failures = 0;
  let pending: ReturnType<typeof setTimeout> | null = null;
  let hang: ReturnType<typeof setTimeout> | null = null;
  let stable: ReturnType<typeof setTimeout> | null = null;
  let disposed = false;

  function clear(timer: ReturnType<typeof setTimeout> | null): null {
    if (timer) clearTimeout(timer);
    return null;
  }

  function fail(reason: string, fields: Record<string, unknown> = {}): void {
    if (pending || disposed) return; // one recreation at a time
    hang = clear(hang);
    stable = clear(stable);
    failures += 1;
    const delayMs = backoffDelay(failures, timing);
    log.error('renderer failed; recreating the window', { reason, failures, delayMs, ...fields });
    pending = setTimeout(() => {
      pending = null;
      if (disposed) return;
      try {
        options.recreate(reason);
      } catch (err) {
        log.error('window recreation failed', { error: err });
      }
    }, delayMs);
  }

  return {
    watch(contents) {
      const mine = ++generation;
      hang = clear(hang);
      stable = clear(stable);
      if (failures > 0) {
        stable = setTimeout(() => {
          stable = null;
          if (mine === generation) {
            log.info('renderer stable again; back-off reset', { failures });
            failures = 0;
          }
        }, timing.stableMs);
      }
      contents.on('render-process-gone', (_event, details) => {
        if (mine !== generation) return;
        fail(details.reason, { exitCode: details.exitCode });
      });
      // A page that failed to load leaves a blank window: load it again, with the same back-off.
      contents.on('did-fail-load', (_event, errorCode, errorDescription, _url, isMainFrame) => {
        if (mine !== generation || !isMainFrame || errorCode === LOAD_ABORTED) return;
        fail('load-failed', { errorCode, errorDescription });
      });
      contents.on('unresponsive', () => {
        if (mine !== generation || hang || pending) return;
        log.warn('renderer unresponsive', { graceMs: timing.hangGraceMs });
        hang = setTimeout(() => {
          hang = null;
          if (mine === generation) fail('unresponsive');
        }, timing.hangGraceMs);
      });
      contents.on('responsive', () => {
        if (mine !== generation || !hang) return;
        hang = clear(hang);
        log.info('renderer responsive again');
      });
    },
    nextDelayMs: () => backoffDelay(failures + 1, timing),
    dispose() {
      disposed = true;
      pending = clear(pending);
      hang = clear(hang);
      stable = clear(stable);
    },
  };
}
