/**
 * The renderer's timings. Production uses the defaults; browser tests may shorten
 * them by defining `window.__KIOSK_TEST_TIMINGS__` before the app loads (Playwright's
 * addInitScript). Nothing in the app or its hosts ever sets that global.
 */
import { MAIN_SIDE_WAITS_MS } from '../app/contract';

export interface Timings {
  /** Wipe the customer's data after this long without input anywhere in the flow. */
  idleFlowMs: number;
  /** …or this long without input on the result screen. */
  idleResultMs: number;
  /**
   * While the scanner or the bank is waited for the idle wipe waits too, but never longer than
   * this without input: a main side that hangs must not keep the customer's data on screen.
   */
  idleWaitMaxMs: number;
  /** How often the scanner's status is asked for. */
  devicePollMs: number;
  /** How long the scanner waits for a finger, until getAppInfo says what is configured. */
  captureTimeoutMs: number;
  /** How often a recovered in-flight enquiry is asked about. */
  lastEnquiryPollMs: number;
}

export const DEFAULT_TIMINGS: Timings = {
  idleFlowMs: 180_000,
  idleResultMs: 60_000,
  // Above the longest legitimate wait: an enquiry's call deadline at the longest configurable bank wait
  // (MAIN_SIDE_WAITS_MS, renderer/bridge/call-timeouts.ts) and the recovery after it.
  idleWaitMaxMs: 300_000,
  devicePollMs: 3_000,
  captureTimeoutMs: MAIN_SIDE_WAITS_MS.capture.default,
  lastEnquiryPollMs: 2_000,
};

declare global {
  interface Window {
    __KIOSK_TEST_TIMINGS__?: Partial<Timings>;
  }
}

function read(): Timings {
  const injected = typeof window !== 'undefined' ? window.__KIOSK_TEST_TIMINGS__ : undefined;
  const out = { ...DEFAULT_TIMINGS };
  if (injected && typeof injected === 'object') {
    for (const key of Object.keys(DEFAULT_TIMINGS) as (keyof Timings)[]) {
      const v = injected[key];
      if (typeof v === 'number' && Number.isFinite(v) && v > 0) out[key] = v;
    }
  }
  return out;
}

export const timings: Timings = read();
