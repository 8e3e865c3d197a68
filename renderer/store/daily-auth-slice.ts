/**
 * The agent's daily authentication ("2FA"): today's status (home, and the enquiry flow's
 * notice before a customer's fingerprint), and the flow that does it: the agent's own
 * Aadhaar number, the bank linked to it, the agent's finger, then dailyAuthenticate.
 *
 * Billed by Eko: nothing here ever starts it by itself; every attempt is the agent's tap.
 *
 * Privacy: the agent's clear Aadhaar number lives only in this slice, in memory, from the
 * keypad until the flow ends (success, leaving it, Home, the idle wipe); it is typed again
 * each time and never written anywhere. Only the bank's IIN is remembered (localStorage).
 *
 * Entered from the enquiry flow, the customer's details stay untouched in the enquiry slice;
 * the flow returns to the customer's fingerprint step.
 */
import type { StateCreator } from 'zustand';
import {
  KioskError,
  enquiryNeverSent,
  toKioskError,
  type CaptureResult,
  type DailyAuthOutcome,
  type DailyAuthStatus,
} from '../../app/contract';
import { aadhaarDigits, aadhaarProblem, maskAadhaar } from '../../app/domain/aadhaar';
import { api } from '../bridge';
import { agentBankIin, bankByIin, bankSelectable, rememberAgentBank } from '../banks';
import { captureBusy, idleCapture, type CaptureState } from './capture';
import type { Loadable } from './home-slice';
import type { KioskState } from '.';

export const DAILY_AUTH_STEPS = ['aadhaar', 'bank', 'capture', 'result'] as const;
export type DailyAuthStep = (typeof DAILY_AUTH_STEPS)[number];

export interface DailyAuthFlow {
  step: DailyAuthStep;
  /** The agent's number, digits only, clear: in memory while this flow lasts, never stored. */
  aadhaar: string;
  /** Set once the Aadhaar step is passed: the only form shown from then on. */
  maskedAadhaar: string | null;
  bankIin: string | null;
  attempted: boolean;
  capture: CaptureState;
  outcome: DailyAuthOutcome | null;
  /** The call failed: provably not sent (enquiryNeverSent), or else its result is not known. */
  error: KioskError | null;
  /** Where the agent came from, and goes back to: home, or the customer's fingerprint step. */
  returnTo: 'home' | 'flow';
}

export interface DailyAuthSlice {
  dailyAuthStatus: Loadable<DailyAuthStatus>;
  daily: DailyAuthFlow;
  /** ISO time of a daily authentication just done, shown once where the agent returned to. */
  dailyAuthJustDone: string | null;
  /** Bumped whenever the daily flow opens or ends: answers for an older one are dropped. */
  dailyId: number;

  loadDailyAuthStatus(): Promise<void>;
  /** The agent's tap: from home, from the customer's fingerprint step, or from a "do 2fa" refusal (via recoverRefusal). */
  openDailyAuth(): void;
  /** Back where the agent came from; the agent's number is wiped. */
  leaveDailyAuth(): void;
  daSetAadhaar(value: string): void;
  daChangeAadhaar(): void;
  daSetBank(iin: string): void;
  daNext(): boolean;
  daBack(): void;
  daCapture(): Promise<void>;
  daCancelCapture(): Promise<void>;
  daSendLowQuality(): Promise<void>;
  /** After a refusal, an unknown result or a failure: a new capture (the number is kept). */
  daCaptureAgain(): void;
  /** After a refusal: back to the Aadhaar step (shown masked, may be changed) and the bank. */
  daEditDetails(): void;
}

export function blankDailyAuth(returnTo: DailyAuthFlow['returnTo'] = 'home', bankIin: string | null = null): DailyAuthFlow {
  return { step: 'aadhaar', aadhaar: '', maskedAadhaar: null, bankIin, attempted: false, capture: idleCapture(), outcome: null, error: null, returnTo };
}

/** Capture again is offered after a verdict other than success, or a failure, with the number still in memory. */
export function canRetryDailyAuth(d: DailyAuthFlow): boolean {
  if (d.aadhaar === '' || d.step !== 'result') return false;
  return (d.outcome !== null && d.outcome.outcome !== 'success') || d.error !== null;
}

export const createDailyAuthSlice: StateCreator<KioskState, [], [], DailyAuthSlice> = (set, get) => {
  let statusRequest = 0;
  const patch = (p: Partial<DailyAuthFlow>) => set((s) => ({ daily: { ...s.daily, ...p } }));
  const patchCapture = (p: Partial<CaptureState>) => set((s) => ({ daily: { ...s.daily, capture: { ...s.daily.capture, ...p } } }));
  const same = (id: number) => get().dailyId === id && get().screen === 'dailyAuth';

  /** Today done: the status says so at once (the notice before a capture goes), then the main side's word. */
  function succeeded(outcome: Extract<DailyAuthOutcome, { outcome: 'success' }>): void {
    const s = get();
    const prev = s.dailyAuthStatus.data;
    const done: DailyAuthStatus = {
      day: prev?.day ?? outcome.at.slice(0, 10),
      state: 'done',
      doneAt: outcome.at,
      askedAgain: false,
      lastBankIin: outcome.bankIin,
    };
    set({ dailyAuthStatus: { data: done, error: null, loading: false }, dailyAuthJustDone: outcome.at });
    leave();
    void get().loadDailyAuthStatus();
  }

  function leave(): void {
    const s = get();
    if (s.daily.capture.phase === 'capturing') void api().cancelCapture({}).catch(() => {});
    set({ screen: s.daily.returnTo === 'flow' ? 'flow' : 'home', daily: blankDailyAuth(), dailyId: s.dailyId + 1 });
  }

  async function send(allowLowQuality: boolean): Promise<void> {
    const s = get();
    const d = s.daily;
    const handle = d.capture.result?.handle;
    const id = s.dailyId;
    if (!handle || !d.bankIin) return;
    patchCapture({ phase: 'sending', error: null });
    rememberAgentBank(d.bankIin);
    const startedAt = new Date().toISOString();
    try {
      const outcome = await api().dailyAuthenticate({
        aadhaar: d.aadhaar,
        bankIin: d.bankIin,
        captureHandle: handle,
        ...(allowLowQuality ? { allowLowQuality: true } : {}),
      });
      if (!same(id)) return;
      if (outcome.outcome === 'success') return succeeded(outcome);
      patch({ step: 'result', outcome, error: null, capture: idleCapture() });
      void get().loadDailyAuthStatus();
    } catch (err) {
      if (!same(id)) return;
      const error = toKioskError(err);
      // An answer lost on the way back may still have been a success: the main side's status knows.
      if (!enquiryNeverSent(error.code)) {
        await get().loadDailyAuthStatus();
        if (!same(id)) return;
        const st = get().dailyAuthStatus.data;
        if (st?.state === 'done' && st.doneAt !== null && st.doneAt >= startedAt) {
          set({ dailyAuthJustDone: st.doneAt });
          return leave();
        }
      }
      patch({ step: 'result', outcome: null, error, capture: idleCapture() });
    }
  }

  return {
    dailyAuthStatus: { data: null, error: null, loading: false },
    daily: blankDailyAuth(),
    dailyAuthJustDone: null,
    dailyId: 0,

    async loadDailyAuthStatus() {
      const id = ++statusRequest;
      set((s) => ({ dailyAuthStatus: { ...s.dailyAuthStatus, loading: true } }));
      try {
        const data = await api().getDailyAuthStatus({});
        if (id !== statusRequest) return;
        set({ dailyAuthStatus: { data, error: null, loading: false } });
      } catch (err) {
        if (id !== statusRequest) return;
        set((s) => ({ dailyAuthStatus: { data: s.dailyAuthStatus.data, error: toKioskError(err), loading: false } }));
      }
    },

    openDailyAuth() {
      const s = get();
      if (s.screen === 'dailyAuth' || captureBusy(s.capture)) return;
      // From the customer's flow only where the customer's fingerprint is next (the result's recovery puts it there).
      const fromFlow = s.screen === 'flow';
      if (fromFlow && s.step !== 'capture') return;
      if (s.capture.phase !== 'idle') set({ capture: idleCapture() });
      const edition = s.appInfo?.ekoEdition;
      const preset = [s.dailyAuthStatus.data?.lastBankIin ?? null, agentBankIin()].find((iin) => iin && bankSelectable(bankByIin(iin), edition)) ?? null;
      set({ screen: 'dailyAuth', daily: blankDailyAuth(fromFlow ? 'flow' : 'home', preset), dailyId: s.dailyId + 1, dailyAuthJustDone: null, wiped: null });
    },

    leaveDailyAuth() {
      if (get().screen !== 'dailyAuth' || get().daily.capture.phase === 'sending') return;
      leave();
      void get().loadDailyAuthStatus();
    },

    daSetAadhaar(value) {
      const aadhaar = aadhaarDigits(value).replace(/\D/g, '').slice(0, 12);
      if (aadhaar !== get().daily.aadhaar) patch({ aadhaar, maskedAadhaar: null });
    },
    daChangeAadhaar() {
      patch({ aadhaar: '', maskedAadhaar: null, attempted: false });
    },
    daSetBank(iin) {
      if (!bankSelectable(bankByIin(iin), get().appInfo?.ekoEdition)) return;
      patch({ bankIin: iin });
    },
    daNext() {
      const d = get().daily;
      let ok = false;
      const p: Partial<DailyAuthFlow> = {};
      if (d.step === 'aadhaar') {
        ok = aadhaarProblem(d.aadhaar) === null;
        if (ok) Object.assign(p, { maskedAadhaar: maskAadhaar(d.aadhaar), step: 'bank' });
      } else if (d.step === 'bank') {
        ok = bankSelectable(bankByIin(d.bankIin), get().appInfo?.ekoEdition);
        if (ok) p.step = 'capture';
      }
      if (!ok) {
        patch({ attempted: true });
        return false;
      }
      patch({ ...p, attempted: false });
      return true;
    },
    daBack() {
      const d = get().daily;
      if (captureBusy(d.capture)) return;
      if (d.step === 'aadhaar') return get().leaveDailyAuth();
      if (d.step === 'bank') patch({ step: 'aadhaar', attempted: false });
      else if (d.step === 'capture') patch({ step: 'bank', attempted: false, capture: idleCapture() });
    },
    async daCapture() {
      const s = get();
      const d = s.daily;
      if (s.screen !== 'dailyAuth' || d.step !== 'capture' || captureBusy(d.capture) || d.aadhaar === '') return;
      const id = s.dailyId;
      const timeoutMs = s.appInfo?.captureTimeoutMs ?? idleCapture().timeoutMs;
      patch({ capture: { phase: 'capturing', startedAt: Date.now(), timeoutMs, result: null, error: null } });
      let result: CaptureResult;
      try {
        result = await api().captureFingerprint({ timeoutMs });
      } catch (err) {
        if (!same(id) || get().daily.capture.phase !== 'capturing') return;
        patchCapture({ phase: 'failed', error: toKioskError(err) });
        return;
      }
      if (!same(id) || get().daily.capture.phase !== 'capturing') return;
      if (result.quality === 'good') {
        patchCapture({ phase: 'sending', result });
        await send(false);
      } else {
        patchCapture({ phase: 'low', result });
      }
    },
    async daCancelCapture() {
      if (get().daily.capture.phase !== 'capturing') return;
      patchCapture({ phase: 'failed', error: new KioskError('rd.cancelled') });
      try {
        await api().cancelCapture({});
      } catch {
        // The capture ends on its own at its timeout.
      }
    },
    async daSendLowQuality() {
      if (get().daily.capture.phase !== 'low') return;
      await send(true);
    },
    daCaptureAgain() {
      if (!canRetryDailyAuth(get().daily)) return;
      patch({ step: 'capture', outcome: null, error: null, capture: idleCapture() });
    },
    daEditDetails() {
      if (!canRetryDailyAuth(get().daily)) return;
      patch({ step: 'aadhaar', outcome: null, error: null, capture: idleCapture(), attempted: false });
    },
  };
};
