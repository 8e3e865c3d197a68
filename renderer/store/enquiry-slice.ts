/**
 * The enquiry-flow slice: one balance enquiry or mini statement (`operation`: the same steps,
 * another call and result) from the customer's mobile number to the result. Every transition
 * is an action; `end` (nav.goHome) wipes it all.
 *
 * Privacy: the clear Aadhaar number lives only here, in memory, from the keypad
 * until the enquiry is answered. After a refusal that a new try can fix without
 * retyping (refusalRecovery: capture again, another bank, try again, the agent's
 * daily authentication; for a bank entered by its IIN, a refusal a wrong IIN can cause also
 * offers another bank) it stays in memory until the flow ends (Home, New enquiry,
 * the idle wipe), so that try needs no retyping; after any other answer only the
 * masked form is kept. Nothing in this slice is ever written to storage.
 *
 * A mini statement's lines are the customer's private data too: they live only in `outcome`,
 * in memory, and go with the flow (Home, New enquiry, the idle wipe).
 */
import {
  KioskError,
  enquiryNeverSent,
  refusalRecovery,
  type RefusalReason,
  type RefusalRecovery,
  toKioskError,
  type CaptureResult,
  type EnquiryOutcome,
  type LastEnquiry,
} from '../../app/contract';
import { aadhaarDigits, aadhaarProblem, maskAadhaar } from '../../app/domain/aadhaar';
import { maskMobile, mobileProblem } from '../../app/domain/mobile';
import { api } from '../bridge';
import { bankByIin, bankSelectable, rememberBank } from '../banks';
import { timings } from '../timings';
import { captureBusy, idleCapture } from './capture';
import {
  STEPS,
  type EnquirySlice,
  type EnquiryState,
  type FlowOperation,
  type FlowOutcome,
  type NotSentRecord,
  type PendingEnquiry,
  type SliceApi,
  type Step,
} from './types';

/** A refusal that a new try fixes without retyping, with the customer's number still in memory: how to recover, else null. */
export function refusalRecoveryFor(s: Pick<EnquiryState, 'outcome' | 'aadhaar' | 'bankIin'>) {
  if (s.outcome?.outcome !== 'refused' || s.aadhaar === '') return null;
  const recovery = recoveryOf(s.outcome.reason, s.bankIin);
  return recovery === 'none' ? null : recovery;
}

/** What fixes a refusal for this flow's bank (one entered by its IIN may have been the wrong IIN). */
const recoveryOf = (reason: RefusalReason, bankIin: string | null): RefusalRecovery => refusalRecovery(reason, { enteredByIin: bankByIin(bankIin)?.unlisted });

/** Capture again only after a failure that proves nothing reached a bank, and with the number still typed in. */
export function canRetryCapture(s: Pick<EnquiryState, 'enquiryError' | 'aadhaar'>): boolean {
  return s.enquiryError !== null && enquiryNeverSent(s.enquiryError.code) && s.aadhaar !== '';
}

/** True when `next` is `previous` with one digit typed in, anywhere: a keystroke, not a paste. */
function oneDigitTyped(previous: string, next: string): boolean {
  if (next.length !== previous.length + 1) return false;
  for (let i = 0; i < next.length; i++) if (next.slice(0, i) + next.slice(i + 1) === previous) return true;
  return false;
}

/**
 * The mobile number as digits. A pasted "+91 98765 43210" or "0 98765 43210" loses its country
 * or trunk prefix. Digits typed one at a time are kept as typed, and so is any other input longer
 * than 10 digits (the step says it is too long): a stray keystroke must never turn the number
 * into a different, valid-looking one.
 */
function mobileInput(value: string, previous: string): string {
  const digits = value.replace(/\D/g, '').slice(0, 15); // 15: the longest phone number there is
  if (oneDigitTyped(previous, digits)) return digits;
  if (digits.length === 12 && digits.startsWith('91')) return digits.slice(2);
  if (digits.length === 11 && digits.startsWith('0')) return digits.slice(1);
  return digits;
}

/** After this many failed questions in a row (about a minute or more) a recovered enquiry is shown as unknown. */
const PENDING_GIVE_UP_FAILURES = 30;

/** The customer's part of the state: what `end` puts back. */
const blankFlow = (operation: FlowOperation = 'balance') => ({
  operation,
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
  notSent: null,
  pending: null,
});

/** Whose enquiry this flow is: what a record from the main side must match to be shown for it. */
interface Customer {
  maskedAadhaar: string;
  maskedMobile: string;
  bankIin: string;
}

function sameCustomer(last: Exclude<LastEnquiry, { state: 'none' }>, c: Customer): boolean {
  const rec = last.state === 'done' ? last.outcome : last;
  // The answer's bank name may be Eko's spelling: compare the IIN where the record has it.
  const sameBank = 'bankIin' in rec ? rec.bankIin === c.bankIin : rec.bankName === bankByIin(c.bankIin)?.name;
  return rec.maskedAadhaar === c.maskedAadhaar && rec.maskedMobile === c.maskedMobile && sameBank;
}

/** A recovered enquiry the main side lost track of: its fate is unknown. */
function unknownFrom(p: PendingEnquiry): EnquiryOutcome {
  return {
    outcome: 'unknown',
    reason: 'interrupted',
    clientRefId: p.clientRefId ?? '—',
    at: p.at,
    maskedAadhaar: p.maskedAadhaar,
    maskedMobile: p.maskedMobile,
    bankIin: '',
    bankName: p.bankName,
    tid: null,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export function createEnquirySlice({ set, get }: SliceApi<'enquiry'>): EnquirySlice {
  /** Runs `fn` only if the flow was not reset meanwhile. */
  const sameFlow = (id: number) => get().enquiry.flowId === id;
  const showFlow = () => get().nav.show({ name: 'flow' });

  /**
   * Tells the main side the agent is done with this enquiry (a window opened later will not show it):
   * by its reference, or by its capture handle while it is with the bank and the reference is not known here.
   */
  const acknowledge = (clientRefId: string | null | undefined, captureHandle?: string) => {
    const which = clientRefId ? { clientRefId } : captureHandle ? { captureHandle } : null;
    if (which) void api().acknowledgeLastEnquiry(which).catch(() => {});
  };

  const stepIndex = (step: Step) => STEPS.indexOf(step);

  async function sendEnquiry(allowLowQuality: boolean): Promise<void> {
    const s = get().enquiry;
    const handle = s.capture.result?.handle;
    const id = s.flowId;
    if (!handle || !s.bankIin) return;
    set({ capture: { ...s.capture, phase: 'sending', error: null }, enquiryError: null });
    rememberBank(s.bankIin);
    const input = {
      customerMobile: s.mobile,
      aadhaar: s.aadhaar,
      bankIin: s.bankIin,
      captureHandle: handle,
      ...(allowLowQuality ? { allowLowQuality: true } : {}),
    };
    try {
      const outcome: FlowOutcome = s.operation === 'miniStatement' ? await api().miniStatement(input) : await api().balanceEnquiry(input);
      if (!sameFlow(id)) return;
      showOutcome(outcome);
    } catch (err) {
      if (!sameFlow(id)) return;
      const error = toKioskError(err);
      // The main side may know better: an answer that got lost on the way back (the error was only
      // the way back: a timeout, an unreadable envelope), or its record of a failure before sending.
      // Its "last enquiry" is a balance enquiry's only: a mini statement's failure is shown as it is.
      const customer = { maskedAadhaar: maskAadhaar(s.aadhaar), maskedMobile: maskMobile(s.mobile), bankIin: s.bankIin };
      if (s.operation === 'balance' && (await recoverFrom(id, customer))) return;
      if (!sameFlow(id)) return;
      set((st) => ({ step: 'result', enquiryError: error, capture: { ...st.capture, phase: 'idle', result: null } }));
    }
  }

  function showOutcome(outcome: FlowOutcome): void {
    // From here on only masked data is kept, except after a refusal a new try can fix (see the privacy note above).
    const keep = outcome.outcome === 'refused' && recoveryOf(outcome.reason, get().enquiry.bankIin) !== 'none';
    set((st) => ({
      step: 'result',
      outcome,
      enquiryError: null,
      notSent: null,
      pending: null,
      aadhaar: keep ? st.aadhaar : '',
      maskedAadhaar: outcome.maskedAadhaar,
      capture: idleCapture(),
      attempted: false,
    }));
    showFlow();
    // The main side records a "do 2fa" refusal in today's status (asked again): the notice must say so.
    void get().dailyAuth.loadStatus();
  }

  /** The main side's record of a failure before sending: "not sent", said explicitly. */
  function showNotSent(record: NotSentRecord): void {
    set((st) => ({
      step: 'result',
      outcome: null,
      pending: null,
      enquiryError: KioskError.fromWire(record.error),
      notSent: record,
      maskedAadhaar: record.maskedAadhaar,
      capture: { ...st.capture, phase: 'idle', result: null },
    }));
    showFlow();
  }

  /**
   * Asks the main side about its last enquiry and shows it; polls while it is in flight. With
   * `customer` (this flow's enquiry failed) only a record of that customer counts. True when shown.
   */
  async function recoverFrom(id: number, customer?: Customer): Promise<boolean> {
    let last: LastEnquiry;
    try {
      last = await api().getLastEnquiry({});
    } catch {
      return false;
    }
    if (!sameFlow(id)) return true;
    if (last.state === 'none') return false;
    if (customer && !sameCustomer(last, customer)) return false; // another customer's enquiry
    if (last.state === 'done') {
      showOutcome(last.outcome);
      return true;
    }
    if (last.state === 'notSent') {
      // After a restart the typed details are gone: only the masked record is shown.
      if (!customer) set({ ...blankFlow() });
      showNotSent(last);
      return true;
    }
    const { state: _state, ...pending } = last;
    set({ ...blankFlow(), step: 'result', pending, maskedAadhaar: pending.maskedAadhaar });
    showFlow();
    void pollPending(id);
    return true;
  }

  async function pollPending(id: number): Promise<void> {
    let failures = 0;
    while (sameFlow(id) && get().enquiry.pending) {
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
        if (last.state === 'notSent') {
          showNotSent(last);
          return;
        }
        if (last.state === 'none') {
          // The main side forgot it (restarted): its fate is unknown.
          showOutcome(unknownFrom(get().enquiry.pending!));
          return;
        }
      } catch {
        // Keep waiting a while ("still waiting for the bank"); a main side that stays silent
        // leaves the result unknown, never a spinner for ever.
        failures += 1;
        if (failures >= PENDING_GIVE_UP_FAILURES) {
          if (sameFlow(id) && get().enquiry.pending) showOutcome(unknownFrom(get().enquiry.pending!));
          return;
        }
      }
    }
  }

  return {
    ...blankFlow(),
    wiped: null,
    flowId: 0,
    startupChecked: false,

    begin(operation = 'balance') {
      set((s) => ({ ...blankFlow(operation), wiped: null, flowId: s.flowId + 1 }));
    },
    // The consent names the bank and is given for this customer's numbers: any change takes it back.
    setMobile(value) {
      const mobile = mobileInput(value, get().enquiry.mobile);
      if (mobile !== get().enquiry.mobile) set({ mobile, consent: false });
    },
    setAadhaar(value) {
      const aadhaar = aadhaarDigits(value).replace(/\D/g, '').slice(0, 12);
      if (aadhaar !== get().enquiry.aadhaar) set({ aadhaar, maskedAadhaar: null, consent: false });
    },
    changeAadhaar() {
      set({ aadhaar: '', maskedAadhaar: null, attempted: false, consent: false });
    },
    setBank(iin) {
      if (!bankSelectable(bankByIin(iin), get().session.appInfo?.ekoEdition) || iin === get().enquiry.bankIin) return;
      set({ bankIin: iin, consent: false });
    },
    setConsent(value) {
      set({ consent: value });
    },
    next() {
      const s = get().enquiry;
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
          ok = bankSelectable(bankByIin(s.bankIin), get().session.appInfo?.ekoEdition);
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
      const s = get().enquiry;
      if (captureBusy(s.capture)) return;
      if (s.step === 'result' || s.step === 'mobile') return;
      set({ step: STEPS[stepIndex(s.step) - 1]!, attempted: false, capture: idleCapture() });
    },
    async captureFingerprint() {
      const s = get().enquiry;
      if (s.step !== 'capture') return;
      if (!s.consent) {
        set({ attempted: true }); // nothing is captured without consent: the step says so
        return;
      }
      if (s.capture.phase === 'capturing' || s.capture.phase === 'sending') return;
      const id = s.flowId;
      // The configured wait (rd.captureTimeoutMs), for the scanner and the countdown alike.
      const timeoutMs = get().session.appInfo?.captureTimeoutMs ?? timings.captureTimeoutMs;
      set({ capture: { phase: 'capturing', startedAt: Date.now(), timeoutMs, result: null, error: null } });
      let result: CaptureResult;
      try {
        result = await api().captureFingerprint({ timeoutMs });
      } catch (err) {
        if (!sameFlow(id) || get().enquiry.capture.phase !== 'capturing') return;
        set({ capture: { ...get().enquiry.capture, phase: 'failed', error: toKioskError(err) } });
        return;
      }
      if (!sameFlow(id) || get().enquiry.capture.phase !== 'capturing') return;
      if (result.quality === 'good') {
        set({ capture: { ...get().enquiry.capture, phase: 'sending', result } });
        await sendEnquiry(false);
      } else {
        set({ capture: { ...get().enquiry.capture, phase: 'low', result } });
      }
    },
    async cancelCapture() {
      if (get().enquiry.capture.phase !== 'capturing') return;
      set({ capture: { ...get().enquiry.capture, phase: 'failed', error: new KioskError('rd.cancelled') } });
      try {
        await api().cancelCapture({});
      } catch {
        // The capture ends on its own at its timeout.
      }
    },
    async sendLowQuality() {
      if (get().enquiry.capture.phase !== 'low') return;
      await sendEnquiry(true);
    },
    retryCapture() {
      const s = get().enquiry;
      if (!canRetryCapture(s)) return;
      acknowledge(s.notSent?.clientRefId); // so a failure of the next try is not mistaken for this one
      set({ step: 'capture', capture: idleCapture(), enquiryError: null, notSent: null, outcome: null });
    },
    editDetails() {
      const s = get().enquiry;
      if (s.outcome || !s.aadhaar) return; // after an answer the details are gone: start a new enquiry
      acknowledge(s.notSent?.clientRefId);
      set({ step: 'mobile', capture: idleCapture(), enquiryError: null, notSent: null, attempted: false });
    },
    recoverRefusal() {
      const s = get().enquiry;
      const recovery = refusalRecoveryFor(s);
      if (!recovery || !s.outcome) return;
      acknowledge(s.outcome.clientRefId); // seen: the next try's failure must not be mistaken for this answer
      const fresh = { outcome: null, enquiryError: null, notSent: null, capture: idleCapture(), attempted: false };
      get().dailyAuth.dismissJustDone();
      if (recovery === 'otherBank') {
        // The consent names the bank: it is asked again for the new one.
        set({ ...fresh, step: 'bank', bankIin: null, consent: false });
        return;
      }
      set({ ...fresh, step: 'capture' });
      if (recovery === 'dailyAuth') get().nav.openDailyAuth();
    },
    setAside() {
      if (get().enquiry.capture.phase !== 'idle') set({ capture: idleCapture() });
      set({ wiped: null });
    },
    end(reason, wasActive) {
      const s = get().enquiry;
      // Seen (or wiped): the main side may forget it, so a new window does not show it again.
      acknowledge(
        s.outcome?.clientRefId ?? s.notSent?.clientRefId ?? s.pending?.clientRefId,
        s.capture.phase === 'sending' ? s.capture.result?.handle : undefined,
      );
      if (s.capture.phase === 'capturing') void api().cancelCapture({}).catch(() => {});
      set({ ...blankFlow(), flowId: s.flowId + 1, wiped: reason === 'idle' && wasActive ? 'idle' : null });
    },
    dismissWipeNotice() {
      set({ wiped: null });
    },
    async recoverLastEnquiry() {
      try {
        await recoverFrom(get().enquiry.flowId);
      } finally {
        set({ startupChecked: true });
      }
    },
  };
}
