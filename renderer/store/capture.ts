/** A fingerprint capture's state, shared by the customer's enquiry and the agent's daily authentication. */
import type { CaptureResult, KioskError } from '../../app/contract';
import { timings } from '../timings';

export type CapturePhase = 'idle' | 'capturing' | 'low' | 'failed' | 'sending';

export interface CaptureState {
  phase: CapturePhase;
  /** Date.now() when the current capture started (for the countdown). */
  startedAt: number | null;
  timeoutMs: number;
  result: CaptureResult | null;
  error: KioskError | null;
}

export const idleCapture = (): CaptureState => ({
  phase: 'idle',
  startedAt: null,
  timeoutMs: timings.captureTimeoutMs,
  result: null,
  error: null,
});

export const captureBusy = (c: CaptureState) => c.phase === 'capturing' || c.phase === 'sending';
