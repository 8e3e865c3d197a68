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
import {
  KioskError,
  enquiryNeverSent,
  toKioskError,
  type CaptureResult,
  type DailyAuthOutcome,
  type DailyAuthStatus,
} from '../../app/contract';
import { aadhaarDigits, aadhaarProblem, maskAadhaar } from '../../app/domain/aadhaar';
import { bankCodeEdition } from '../../app/domain/banks';
import { api } from '../bridge';
import { bankByIin, bankSelectable, rememberAgentBank } from '../banks';
import { captureBusy, idleCapture, type CaptureState } from './capture';
import { createLoader, idleLoadable } from './loadable';
import type { DailyAuthFlow, DailyAuthSlice, SliceApi } from './types';

export type { DailyAuthFlow, DailyAuthStep } from './types';

export function blankDailyAuth(bankIin: string | null = null): DailyAuthFlow {
  return { step: 'aadhaar', aadhaar: '', maskedAadhaar: null, bankIin, attempted: false, capture: idleCapture(), outcome: null, error: null };
}
/** Capture again is offered after a verdict other than success, or a failure, with the number still in memory. */
export function canRetryDailyAuth(d: DailyAuthFlow): boolean {
  if (d.aadhaar === '' || d.step !== 'result') return false;
  return (d.outcome !== null && d.outcome.outcome !== 'success') || d.error !== null;
}

export function createDailyAuthSlice({ set, get }: SliceApi<'dailyAuth'>): DailyAuthSlice {
  const status = createLoader(
    () => get().dailyAuth.status,
    (next) => set({ status: next }),
  );
  const patch = (p: Partial<DailyAuthFlow>) => set((s) => ({ flow: { ...s.flow, ...p } }));
  const patchCapture = (p: Partial<CaptureState>) => set((s) => ({ flow: { ...s.flow, capture: { ...s.flow.capture, ...p } } }));
  const same = (id: number) => get().dailyAuth.flowId === id && get().nav.route.name === 'dailyAuth';

  /** Today done: the status says so at once (the notice before a capture goes), then the main side's word. */
  function succeeded(outcome: Extract<DailyAuthOutcome, { outcome: 'success' }>): void {
    const prev = get().dailyAuth.status.data;
    const done: DailyAuthStatus = {
      day: prev?.day ?? outcome.at.slice(0, 10),
      state: 'done',
      doneAt: outcome.at,
      askedAgain: false,
      lastBankIin: outcome.bankIin,
    };
    status.invalidate(); // a status asked before this success must not take it back
    set({ status: { state: 'ok', data: done, error: null }, justDone: outcome.at });
    leave();
    void get().dailyAuth.loadStatus();
  }

  /** Back where the agent came from (home, or the customer's fingerprint step). */
  function leave(): void {
    const { route } = get().nav;
    get().dailyAuth.end();
    get().nav.show({ name: route.name === 'dailyAuth' ? route.returnTo : 'home' });
  }

  async function send(allowLowQuality: boolean): Promise<void> {
    const s = get().dailyAuth;
    const d = s.flow;
    const handle = d.capture.result?.handle;
    const id = s.flowId;
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
      void get().dailyAuth.loadStatus();
    } catch (err) {
      if (!same(id)) return;
      const error = toKioskError(err);
      // An answer lost on the way back may still have been a success: the main side's status knows.
      if (!enquiryNeverSent(error.code)) {
        await get().dailyAuth.loadStatus();
        if (!same(id)) return;
        const st = get().dailyAuth.status.data;
        if (st?.state === 'done' && st.doneAt !== null && st.doneAt >= startedAt) {
          set({ justDone: st.doneAt });
          return leave();
        }
      }
      patch({ step: 'result', outcome: null, error, capture: idleCapture() });
    }
  }

  return {
    status: idleLoadable(),
    flow: blankDailyAuth(),
    justDone: null,
    flowId: 0,

    async loadStatus() {
      await status.load(() => api().getDailyAuthStatus({}));
    },

    dismissJustDone() {
      set({ justDone: null });
    },

    begin(bankIin) {
      set((s) => ({ flow: blankDailyAuth(bankIin), flowId: s.flowId + 1, justDone: null }));
    },

    end(options = {}) {
      const s = get().dailyAuth;
      if (s.flow.capture.phase === 'capturing') void api().cancelCapture({}).catch(() => {});
      set({ flow: blankDailyAuth(), flowId: s.flowId + 1, ...(options.forgetJustDone ? { justDone: null } : {}) });
    },

    setAadhaar(value) {
      const aadhaar = aadhaarDigits(value).replace(/\D/g, '').slice(0, 12);
      if (aadhaar !== get().dailyAuth.flow.aadhaar) patch({ aadhaar, maskedAadhaar: null });
    },
    changeAadhaar() {
      patch({ aadhaar: '', maskedAadhaar: null, attempted: false });
    },
    setBank(iin) {
      if (!bankSelectable(bankByIin(iin), bankCodeEdition('dailyAuth', get().session.appInfo?.ekoEdition ?? 'spec'))) return;
      patch({ bankIin: iin });
    },
    next() {
      const d = get().dailyAuth.flow;
      let ok = false;
      const p: Partial<DailyAuthFlow> = {};
      if (d.step === 'aadhaar') {
        ok = aadhaarProblem(d.aadhaar) === null;
        if (ok) Object.assign(p, { maskedAadhaar: maskAadhaar(d.aadhaar), step: 'bank' });
      } else if (d.step === 'bank') {
        ok = bankSelectable(bankByIin(d.bankIin), bankCodeEdition('dailyAuth', get().session.appInfo?.ekoEdition ?? 'spec'));
        if (ok) p.step = 'capture';
      }
      if (!ok) {
        patch({ attempted: true });
        return false;
      }
      patch({ ...p, attempted: false });
      return true;
    },
    back() {
      const d = get().dailyAuth.flow;
      if (captureBusy(d.capture)) return;
      if (d.step === 'aadhaar') return get().nav.leaveDailyAuth();
      if (d.step === 'bank') patch({ step: 'aadhaar', attempted: false });
      else if (d.step === 'capture') patch({ step: 'bank', attempted: false, capture: idleCapture() });
    },
    async captureFingerprint() {
      const s = get();
      const d = s.dailyAuth.flow;
      if (s.nav.route.name !== 'dailyAuth' || d.step !== 'capture' || captureBusy(d.capture) || d.aadhaar === '') return;
      const id = s.dailyAuth.flowId;
      const timeoutMs = s.session.appInfo?.captureTimeoutMs ?? idleCapture().timeoutMs;
      patch({ capture: { phase: 'capturing', startedAt: Date.now(), timeoutMs, result: null, error: null } });
      let result: CaptureResult;
      try {
        result = await api().captureFingerprint({ timeoutMs });
      } catch (err) {
        if (!same(id) || get().dailyAuth.flow.capture.phase !== 'capturing') return;
        patchCapture({ phase: 'failed', error: toKioskError(err) });
        return;
      }
      if (!same(id) || get().dailyAuth.flow.capture.phase !== 'capturing') return;
      if (result.quality === 'good') {
        patchCapture({ phase: 'sending', result });
        await send(false);
      } else {
        patchCapture({ phase: 'low', result });
      }
    },
    async cancelCapture() {
      if (get().dailyAuth.flow.capture.phase !== 'capturing') return;
      patchCapture({ phase: 'failed', error: new KioskError('rd.cancelled') });
      try {
        await api().cancelCapture({});
      } catch {
        // The capture ends on its own at its timeout.
      }
    },
    async sendLowQuality() {
      if (get().dailyAuth.flow.capture.phase !== 'low') return;
      await send(true);
    },
    captureAgain() {
      if (!canRetryDailyAuth(get().dailyAuth.flow)) return;
      patch({ step: 'capture', outcome: null, error: null, capture: idleCapture() });
    },
    editDetails() {
      if (!canRetryDailyAuth(get().dailyAuth.flow)) return;
      patch({ step: 'aadhaar', outcome: null, error: null, capture: idleCapture(), attempted: false });
    },
  };
}
