/**
 * The enquiry-flow slice: one balance enquiry from the customer's mobile number
 * to the result. Every transition is an action; `resetEnquiry` wipes it all.
 *
 * Privacy: the clear Aadhaar number lives only here, in memory, from the keypad
 * until the enquiry is answered; after that only the masked form is kept.
 * Nothing in this slice is ever written to storage.
 */
import type { StateCreator } from 'zustand';
import {
  KioskError,
  toKioskError,
  type CaptureResult,
  type EnquiryOutcome,
  type LastEnquiry,
} from '../../app/contract';
import { aadhaarDigits, aadhaarProblem, maskAadhaar } from '../../app/domain/aadhaar';
import { mobileDigits, mobileProblem } from '../../app/domain/mobile';
import { api } from '../bridge';
import { bankByIin, rememberBank } from '../banks';
import { timings } from '../timings';
import type { KioskState } from '.';

export const STEPS = ['mobile', 'aadhaar', 'bank', 'consent', 'capture', 'result'] as const;
export type Step = (typeof STEPS)[number];

export type CapturePhase = 'idle' | 'capturing' | 'low' | 'failed' | 'sending';

export interface CaptureState {
  phase: CapturePhase;
  /** Date.now() when the current capture started (for the countdown). */
  startedAt: number | null;
  timeoutMs: number;
  result: CaptureResult | null;
  error: KioskError | null;
}

/** An enquiry the main side was still working on when this renderer started. */
export interface PendingEnquiry {
  clientRefId: string | null;
  at: string;
  maskedAadhaar: string;
  maskedMobile: string;
  bankName: string;
}

export type WipeReason = 'idle' | 'agent';

export interface EnquirySlice {
  /** 'history' and 'diagnostics' are opened by the history and diagnostics slices. */
  screen: 'home' | 'flow' | 'history' | 'diagnostics';
  step: Step;
  /** Digits only. */
  mobile: string;
  /** Digits only, clear: kept in memory until the enquiry is answered, then emptied. */
  aadhaar: string;
  /** Set once the Aadhaar step is passed: the only form shown from then on. */
  maskedAadhaar: string | null;
  bankIin: string | null;
  consent: boolean;
  /** The agent pressed Continue on this step at least once (validation messages show from then on). */
  attempted: boolean;
  capture: CaptureState;
  outcome: EnquiryOutcome | null;
  /** The enquiry could not be sent (or, for host.unreachable, its fate is unknown). */
  enquiryError: KioskError | null;
  pending: PendingEnquiry | null;
  /** Why the last flow was wiped, shown once on the home screen. */
  wiped: WipeReason | null;
  /** Bumped on every reset: answers that arrive for an older flow are dropped. */
  flowId: number;
  /** The start-up question to the main side (getLastEnquiry) has been answered. */
  startupChecked: boolean;

  startEnquiry(): void;
  setMobile(value: string): void;
  setAadhaar(value: string): void;
  /** Back on the Aadhaar step after it was passed: the masked number is replaced by a new one. */
  changeAadhaar(): void;
  setBank(iin: string): void;
  setConsent(value: boolean): void;
  /** Continue: validates the current step and moves on, or marks it attempted. Returns whether it moved. */
  next(): boolean;
  back(): void;
  captureFingerprint(): Promise<void>;
  cancelCapture(): Promise<void>;
  /** After a low-quality capture: send it anyway. */
  sendLowQuality(): Promise<void>;
  /** After an error that left nothing sent: capture again. */
  retryCapture(): void;
  /** Go back to the first step keeping what was typed (e.g. after input.invalid). */
  editDetails(): void;
  resetEnquiry(reason?: WipeReason): void;
  dismissWipeNotice(): void;
  /** At start-up: show an enquiry the main side has in flight or just finished. */
  recoverLastEnquiry(): Promise<void>;
}

const idleCapture = (): CaptureState => ({
  phase: 'idle',
  startedAt: null,
  timeoutMs: timings.captureTimeoutMs,
  result: null,
  error: null,
});

/** The customer's part of the state: what resetEnquiry puts back. */
const blankFlow = () => ({
  screen: 'home' as const,
  step: 'mobile' as Step,
  mobile: '',
  aadhaar: '',
  maskedAadhaar: null,
  bankIin: null,
  consent: false,
  attempted: false,
  capture: idleCapture(),
  outcome: null,
  enquiryError: null,
  pending: null,
});

/** The finished enquiry the agent has already seen (a reference, no customer data), so a reload does not show it again. */
const SEEN_KEY = 'kiosk.seenEnquiry';
function markSeen(clientRefId: string | null | undefined): void {
  if (!clientRefId) return;
  try {
    sessionStorage.setItem(SEEN_KEY, clientRefId);
  } catch {
    /* storage disabled */
  }
}
function wasSeen(clientRefId: string): boolean {
  try {
    return sessionStorage.getItem(SEEN_KEY) === clientRefId;
  } catch {
    return false;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const createEnquirySlice: StateCreator<KioskState, [], [], EnquirySlice> = (set, get) => {
  /** Runs `fn` only if the flow was not reset meanwhile. */
  const sameFlow = (id: number) => get().flowId === id;

  const stepIndex = (step: Step) => STEPS.indexOf(step);

  async function sendEnquiry(allowLowQuality: boolean): Promise<void> {
    const s = get();
    const handle = s.capture.result?.handle;
    const id = s.flowId;
    if (!handle || !s.bankIin) return;
    set({ capture: { ...s.capture, phase: 'sending', error: null }, enquiryError: null });
    rememberBank(s.bankIin);
    try {
      const outcome = await api().balanceEnquiry({
        customerMobile: s.mobile,
        aadhaar: s.aadhaar,
        bankIin: s.bankIin,
        captureHandle: handle,
        ...(allowLowQuality ? { allowLowQuality: true } : {}),
      });
      if (!sameFlow(id)) return;
      showOutcome(outcome);
    } catch (err) {
      if (!sameFlow(id)) return;
      const error = toKioskError(err);
      if (error.code === 'host.unreachable') {
        // The app stopped answering after the request left: the main side may still know.
        const recovered = await recoverFrom(id, maskAadhaar(s.aadhaar));
        if (recovered) return;
      }
      set((st) => ({ step: 'result', enquiryError: error, capture: { ...st.capture, phase: 'idle', result: null } }));
    }
  }

  function showOutcome(outcome: EnquiryOutcome): void {
    // From here on only masked data is kept.
    set({
      step: 'result',
      screen: 'flow',
      outcome,
      enquiryError: null,
      pending: null,
      aadhaar: '',
      maskedAadhaar: outcome.maskedAadhaar,
      capture: idleCapture(),
      attempted: false,
    });
  }

  /** Asks the main side about its last enquiry; polls while it is in flight. True when something was shown. */
  async function recoverFrom(id: number, expectMasked?: string): Promise<boolean> {
    let last: LastEnquiry;
    try {
      last = await api().getLastEnquiry({});
    } catch {
      return false;
    }
    if (!sameFlow(id)) return true;
    if (last.state === 'none') return false;
    const masked = last.state === 'done' ? last.outcome.maskedAadhaar : last.maskedAadhaar;
    if (expectMasked && masked !== expectMasked) return false; // another customer's enquiry
    if (last.state === 'done') {
      if (wasSeen(last.outcome.clientRefId)) return false;
      showOutcome(last.outcome);
      return true;
    }
    const { state: _state, ...pending } = last;
    set({ ...blankFlow(), screen: 'flow', step: 'result', pending, maskedAadhaar: pending.maskedAadhaar });
    void pollPending(id);
    return true;
  }

  async function pollPending(id: number): Promise<void> {
    let failures = 0;
    while (sameFlow(id) && get().pending) {
      await sleep(timings.lastEnquiryPollMs);
      if (!sameFlow(id)) return;
      try {
        const last = await api().getLastEnquiry({});
        failures = 0;
        if (!sameFlow(id)) return;
        if (last.state === 'done') {
          showOutcome(last.outcome);
          return;
        }
        if (last.state === 'none') {
          // The main side forgot it (restarted): its fate is unknown.
          const p = get().pending!;
          showOutcome({
            outcome: 'unknown',
            reason: 'interrupted',
            clientRefId: p.clientRefId ?? '—',
            at: p.at,
            maskedAadhaar: p.maskedAadhaar,
            maskedMobile: p.maskedMobile,
            bankIin: '',
            bankName: p.bankName,
            tid: null,
          });
          return;
        }
      } catch {
        failures += 1; // keep waiting: the screen says "still waiting for the bank"
        if (failures > 1000) return;
      }
    }
  }

  return {
    ...blankFlow(),
    wiped: null,
    flowId: 0,
    startupChecked: false,

    startEnquiry() {
      set((s) => ({ ...blankFlow(), screen: 'flow', wiped: null, flowId: s.flowId + 1 }));
    },
    setMobile(value) {
      set({ mobile: mobileDigits(value).replace(/\D/g, '').slice(0, 10) });
    },
    setAadhaar(value) {
      set({ aadhaar: aadhaarDigits(value).replace(/\D/g, '').slice(0, 12), maskedAadhaar: null });
    },
    changeAadhaar() {
      set({ aadhaar: '', maskedAadhaar: null, attempted: false });
    },
    setBank(iin) {
      if (!bankByIin(iin)) return;
      set({ bankIin: iin });
    },
    setConsent(value) {
      set({ consent: value });
    },
    next() {
      const s = get();
      let ok = false;
      const patch: Partial<EnquirySlice> = {};
      switch (s.step) {
        case 'mobile':
          ok = mobileProblem(s.mobile) === null;
          break;
        case 'aadhaar':
          ok = aadhaarProblem(s.aadhaar) === null;
          if (ok) patch.maskedAadhaar = maskAadhaar(s.aadhaar);
          break;
        case 'bank':
          ok = bankByIin(s.bankIin) !== null;
          break;
        case 'consent':
          ok = s.consent;
          break;
        default:
          ok = false;
      }
      if (!ok) {
        set({ attempted: true });
        return false;
      }
      set({ ...patch, step: STEPS[stepIndex(s.step) + 1]!, attempted: false });
      return true;
    },
    back() {
      const s = get();
      if (s.capture.phase === 'capturing' || s.capture.phase === 'sending') return;
      if (s.step === 'result' || s.step === 'mobile') return;
      set({ step: STEPS[stepIndex(s.step) - 1]!, attempted: false, capture: idleCapture() });
    },
    async captureFingerprint() {
      const s = get();
      if (s.step !== 'capture' || !s.consent) return; // nothing is captured without consent
      if (s.capture.phase === 'capturing' || s.capture.phase === 'sending') return;
      const id = s.flowId;
      const timeoutMs = timings.captureTimeoutMs;
      set({ capture: { phase: 'capturing', startedAt: Date.now(), timeoutMs, result: null, error: null } });
      let result: CaptureResult;
      try {
        result = await api().captureFingerprint({ timeoutMs });
      } catch (err) {
        if (!sameFlow(id) || get().capture.phase !== 'capturing') return;
        set({ capture: { ...get().capture, phase: 'failed', error: toKioskError(err) } });
        return;
      }
      if (!sameFlow(id) || get().capture.phase !== 'capturing') return;
      if (result.quality === 'good') {
        set({ capture: { ...get().capture, phase: 'sending', result } });
        await sendEnquiry(false);
      } else {
        set({ capture: { ...get().capture, phase: 'low', result } });
      }
    },
    async cancelCapture() {
      if (get().capture.phase !== 'capturing') return;
      set({ capture: { ...get().capture, phase: 'failed', error: new KioskError('rd.cancelled') } });
      try {
        await api().cancelCapture({});
      } catch {
        // The capture ends on its own at its timeout.
      }
    },
    async sendLowQuality() {
      if (get().capture.phase !== 'low') return;
      await sendEnquiry(true);
    },
    retryCapture() {
      set({ step: 'capture', capture: idleCapture(), enquiryError: null, outcome: null });
    },
    editDetails() {
      if (get().outcome) return; // after an answer the details are gone: start a new enquiry
      set({ step: 'mobile', capture: idleCapture(), enquiryError: null, attempted: false });
    },
    resetEnquiry(reason = 'agent') {
      const s = get();
      markSeen(s.outcome?.clientRefId ?? s.pending?.clientRefId);
      const wasActive = s.screen === 'flow';
      if (s.capture.phase === 'capturing') void api().cancelCapture({}).catch(() => {});
      set({ ...blankFlow(), flowId: s.flowId + 1, wiped: reason === 'idle' && wasActive ? 'idle' : null });
    },
    dismissWipeNotice() {
      set({ wiped: null });
    },
    async recoverLastEnquiry() {
      try {
        await recoverFrom(get().flowId);
      } finally {
        set({ startupChecked: true });
      }
    },
  };
};
