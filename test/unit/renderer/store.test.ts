// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, CAPTURE_HTTP_MARGIN_MS, KioskError, MAIN_SIDE_WAITS_MS, type LastEnquiry, type RawKioskApi } from '../../../app/contract';
import { createApi, setApi } from '../../../renderer/bridge';
import { applyMainSideWaits, callTimeoutMs } from '../../../renderer/bridge/call-timeouts';
import { i18n, initI18n, LANGUAGE_KEY, savedLanguage } from '../../../renderer/i18n';
import { RECENT_BANKS_KEY } from '../../../renderer/banks';
import { useKiosk } from '../../../renderer/store';
import { timings } from '../../../renderer/timings';
import { SUCCESS, deferred, fakeKioskApi, type FakeKioskApi } from './fake-kiosk-api';

const AADHAAR = '234567890124'; // Verhoeff-valid
const MOBILE = '9876543210';
const initial = useKiosk.getState();
let api: FakeKioskApi;

const s = () => useKiosk.getState();

function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi(answers);
  setApi(api);
}

/** Walks the flow to the fingerprint step. */
function toCapture(bankIin = '607094') {
  s().startEnquiry();
  s().setMobile(MOBILE);
  expect(s().next()).toBe(true);
  s().setAadhaar(AADHAAR);
  expect(s().next()).toBe(true);
  s().setBank(bankIin);
  expect(s().next()).toBe(true);
  s().setConsent(true);
  expect(s().next()).toBe(true);
  expect(s().step).toBe('capture');
}

beforeEach(() => {
  useKiosk.setState(initial, true);
  localStorage.clear();
  sessionStorage.clear();
  use();
});
afterEach(() => {
  setApi(null);
  vi.useRealTimers();
});

describe('enquiry flow: steps', () => {
  it('starts on the mobile step with nothing filled in', () => {
    s().startEnquiry();
    expect(s()).toMatchObject({ screen: 'flow', step: 'mobile', mobile: '', aadhaar: '', bankIin: null, consent: false, attempted: false });
  });

  it('keeps only digits, at most 12 for Aadhaar', () => {
    s().startEnquiry();
    s().setMobile('98765-43210');
    expect(s().mobile).toBe(MOBILE);
    s().setAadhaar('2345-6789-0124-5');
    expect(s().aadhaar).toBe(AADHAAR);
  });

  it('drops a pasted +91, 91 or 0 prefix from the mobile number', () => {
    s().startEnquiry();
    for (const pasted of ['+91 98765 43210', '+91-9876543210', '919876543210', '09876543210', '0 98765 43210']) {
      s().setMobile('');
      s().setMobile(pasted);
      expect(s().mobile, pasted).toBe(MOBILE);
    }
    // Pasted over a number already there, too.
    s().setMobile('+91 98765 43210');
    expect(s().mobile).toBe(MOBILE);
  });

  it('digits typed one at a time are never taken for a prefix: a 12th digit is "too long", not another number', () => {
    s().startEnquiry();
    for (const d of '919123456789') s().setMobile(s().mobile + d); // meant 9191234567, then two stray keys
    expect(s().mobile).toBe('919123456789');
    expect(s().next()).toBe(false);
    s().setMobile('');
    for (const d of '09876543210') s().setMobile(s().mobile + d);
    expect(s().mobile).toBe('09876543210');
  });

  it('keeps a mobile number that is too long as typed and refuses it, never cut to another number', () => {
    s().startEnquiry();
    s().setMobile('98765 43210 99'); // not a prefix: the agent must look again
    expect(s().mobile).toBe('987654321099');
    expect(s().next()).toBe(false);
    expect(s()).toMatchObject({ step: 'mobile', attempted: true });
    s().setMobile('+44 98765 43210'); // 12 digits, but not India's code
    expect(s().mobile).toBe('449876543210');
    expect(s().next()).toBe(false);
    s().setMobile('98765432101');
    expect(s().mobile).toBe('98765432101');
    expect(s().next()).toBe(false);
  });

  it('refuses a bad mobile number: stays and marks the step attempted', () => {
    s().startEnquiry();
    s().setMobile('5876543210');
    expect(s().next()).toBe(false);
    expect(s()).toMatchObject({ step: 'mobile', attempted: true });
    s().setMobile('987654321');
    expect(s().next()).toBe(false);
    s().setMobile(MOBILE);
    expect(s().next()).toBe(true);
    expect(s()).toMatchObject({ step: 'aadhaar', attempted: false });
  });

  it('refuses an Aadhaar number with a wrong check digit, accepts a valid one and masks it', () => {
    s().startEnquiry();
    s().setMobile(MOBILE);
    s().next();
    s().setAadhaar('234567890125');
    expect(s().next()).toBe(false);
    expect(s().step).toBe('aadhaar');
    expect(s().maskedAadhaar).toBeNull();
    s().setAadhaar(AADHAAR);
    expect(s().next()).toBe(true);
    expect(s()).toMatchObject({ step: 'bank', maskedAadhaar: 'XXXX XXXX 0124' });
  });

  it('needs a bank from the list, and consent', () => {
    s().startEnquiry();
    s().setMobile(MOBILE);
    s().next();
    s().setAadhaar(AADHAAR);
    s().next();
    s().setBank('000000'); // not an AePS bank
    expect(s().bankIin).toBeNull();
    expect(s().next()).toBe(false);
    s().setBank('607094');
    expect(s().next()).toBe(true);
    expect(s().next()).toBe(false);
    expect(s()).toMatchObject({ step: 'consent', attempted: true });
    s().setConsent(true);
    expect(s().next()).toBe(true);
    expect(s().step).toBe('capture');
  });

  it('goes back step by step without losing what was typed', () => {
    toCapture();
    s().back();
    expect(s().step).toBe('consent');
    s().back();
    s().back();
    expect(s().step).toBe('aadhaar');
    s().back();
    expect(s()).toMatchObject({ step: 'mobile', mobile: MOBILE, aadhaar: AADHAAR, bankIin: '607094', consent: true, maskedAadhaar: 'XXXX XXXX 0124' });
    s().back(); // nowhere further back
    expect(s().step).toBe('mobile');
  });

  it('changeAadhaar replaces the accepted number', () => {
    toCapture();
    s().back();
    s().back();
    s().back();
    s().changeAadhaar();
    expect(s()).toMatchObject({ aadhaar: '', maskedAadhaar: null });
  });

  it('takes consent back when the bank, Aadhaar or mobile number changes (the consent names them)', () => {
    const consentAfter = (change: () => void) => {
      toCapture();
      change();
      return s().consent;
    };
    expect(consentAfter(() => s().setBank('607094'))).toBe(true); // the same bank again: nothing changed
    expect(consentAfter(() => s().setMobile(MOBILE))).toBe(true);
    expect(consentAfter(() => s().setAadhaar(AADHAAR))).toBe(true);
    expect(consentAfter(() => s().setBank('607027'))).toBe(false);
    expect(consentAfter(() => s().setMobile('9876543211'))).toBe(false);
    expect(consentAfter(() => s().setAadhaar('234567890125'))).toBe(false);
    expect(consentAfter(() => s().changeAadhaar())).toBe(false);
  });

  it('after going back and choosing another bank, Continue stops at consent again', () => {
    toCapture();
    s().back();
    s().back();
    expect(s().step).toBe('bank');
    s().setBank('607027');
    expect(s().next()).toBe(true);
    expect(s().step).toBe('consent');
    expect(s().next()).toBe(false);
    expect(s()).toMatchObject({ step: 'consent', attempted: true });
  });

  it('back() does nothing while the scanner or the bank is being waited for', async () => {
    const capture = deferred<unknown>();
    use({ captureFingerprint: () => capture.promise });
    toCapture();
    void s().captureFingerprint();
    expect(s().capture.phase).toBe('capturing');
    s().back();
    expect(s().step).toBe('capture');
    const answer = deferred<typeof SUCCESS>();
    api.balanceEnquiry.mockImplementation(() => answer.promise);
    capture.resolve({ handle: 'h1', qScore: 90, nmPoints: null, quality: 'good', device: null });
    await vi.waitFor(() => expect(s().capture.phase).toBe('sending'));
    s().back();
    expect(s().step).toBe('capture');
    answer.resolve(SUCCESS);
    await vi.waitFor(() => expect(s().step).toBe('result'));
    s().back(); // nor from the result
    expect(s().step).toBe('result');
  });
});

describe('enquiry flow: capture and enquiry', () => {
  it('captures nothing without consent', async () => {
    toCapture();
    useKiosk.setState({ consent: false });
    await s().captureFingerprint();
    expect(api.captureFingerprint).not.toHaveBeenCalled();
  });

  it('a good capture goes straight to the enquiry; the answer is shown and the clear number dropped', async () => {
    toCapture();
    await s().captureFingerprint();
    expect(api.captureFingerprint).toHaveBeenCalledWith({ timeoutMs: timings.captureTimeoutMs });
    expect(api.balanceEnquiry).toHaveBeenCalledWith({ customerMobile: MOBILE, aadhaar: AADHAAR, bankIin: '607094', captureHandle: 'h1' });
    expect(s()).toMatchObject({ step: 'result', outcome: SUCCESS, aadhaar: '', maskedAadhaar: 'XXXX XXXX 0124', enquiryError: null });
    expect(s().capture.phase).toBe('idle');
  });

  it('shows "sending" while the bank is asked', async () => {
    const answer = deferred<typeof SUCCESS>();
    use({ balanceEnquiry: () => answer.promise });
    toCapture();
    const running = s().captureFingerprint();
    await vi.waitFor(() => expect(s().capture.phase).toBe('sending'));
    answer.resolve(SUCCESS);
    await running;
    expect(s().step).toBe('result');
  });

  it('asks the scanner for the configured capture time, not a built-in 10 s', async () => {
    use({ getAppInfo: { ...(await fakeKioskApi().getAppInfo({})), captureTimeoutMs: 25_000 } });
    await s().loadAppInfo();
    const capture = deferred<unknown>();
    api.captureFingerprint.mockImplementation(() => capture.promise);
    toCapture();
    void s().captureFingerprint();
    expect(api.captureFingerprint).toHaveBeenCalledWith({ timeoutMs: 25_000 });
    expect(s().capture.timeoutMs).toBe(25_000); // the countdown shows the same
    capture.reject(new KioskError('rd.cancelled'));
  });

  it('sends a low-quality capture only after one was taken (the sendLowQuality guard)', async () => {
    toCapture();
    await s().sendLowQuality();
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
    useKiosk.setState({ capture: { ...s().capture, phase: 'failed', result: { handle: 'h9', qScore: 30, nmPoints: null, quality: 'low', device: null } } });
    await s().sendLowQuality();
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
  });

  it('a low-quality capture waits for the agent: rescan or send anyway (allowLowQuality)', async () => {
    use({ captureFingerprint: { handle: 'h2', qScore: 35, nmPoints: null, quality: 'low', device: null } });
    toCapture();
    await s().captureFingerprint();
    expect(s().capture).toMatchObject({ phase: 'low', result: { qScore: 35 } });
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
    await s().sendLowQuality();
    expect(api.balanceEnquiry).toHaveBeenCalledWith(expect.objectContaining({ captureHandle: 'h2', allowLowQuality: true }));
    expect(s().step).toBe('result');
  });

  it('a failed capture keeps its error and can be retried', async () => {
    use({ captureFingerprint: new KioskError('rd.captureTimeout') });
    toCapture();
    await s().captureFingerprint();
    expect(s().capture.phase).toBe('failed');
    expect(s().capture.error?.code).toBe('rd.captureTimeout');
    api.captureFingerprint.mockResolvedValueOnce({ handle: 'h3', qScore: 90, nmPoints: null, quality: 'good', device: null });
    await s().captureFingerprint();
    expect(s().step).toBe('result');
  });

  it('cancel asks the scanner to stop and shows "cancelled"', async () => {
    const answer = deferred<unknown>();
    use({ captureFingerprint: () => answer.promise });
    toCapture();
    void s().captureFingerprint();
    expect(s().capture.phase).toBe('capturing');
    await s().cancelCapture();
    expect(api.cancelCapture).toHaveBeenCalled();
    expect(s().capture.error?.code).toBe('rd.cancelled');
    answer.reject(new KioskError('rd.cancelled'));
  });

  it('an enquiry that was not sent shows its error; "capture again" goes back to the fingerprint', async () => {
    use({ balanceEnquiry: new KioskError('eko.offline') });
    toCapture();
    await s().captureFingerprint();
    expect(s()).toMatchObject({ step: 'result', outcome: null });
    expect(s().enquiryError?.code).toBe('eko.offline');
    expect(s().aadhaar).toBe(AADHAAR); // kept: nothing was sent, the agent may retry
    s().retryCapture();
    expect(s()).toMatchObject({ step: 'capture', enquiryError: null });
    expect(s().capture.phase).toBe('idle');
  });

  // Failures that prove the enquiry never reached a bank: "not sent", capture again allowed.
  for (const code of ['input.invalid', 'rd.captureExpired', 'rd.poorQuality', 'eko.offline', 'eko.auth', 'eko.clockSkew', 'eko.invalidParams', 'config.invalid', 'journal.unavailable', 'settings.busy'] as const) {
    it(`${code}: not sent, and capture again is offered`, async () => {
      use({ balanceEnquiry: new KioskError(code) });
      toCapture();
      await s().captureFingerprint();
      expect(s().enquiryError?.code).toBe(code);
      s().retryCapture();
      expect(s().step).toBe('capture');
    });
  }

  // Anything else may have reached the bank: ask the main side, and never offer a second, billed try.
  for (const code of ['internal', 'host.unreachable', 'eko.timeout', 'eko.server', 'eko.htmlPage', 'eko.badResponse', 'eko.failed'] as const) {
    it(`${code}: the main side is asked; with no record the result stays unknown, no capture again`, async () => {
      use({ balanceEnquiry: new KioskError(code) });
      toCapture();
      await s().captureFingerprint();
      expect(api.getLastEnquiry).toHaveBeenCalled();
      expect(s()).toMatchObject({ step: 'result', outcome: null });
      expect(s().enquiryError?.code).toBe(code);
      s().retryCapture();
      expect(s().step).toBe('result');
      expect(api.captureFingerprint).toHaveBeenCalledTimes(1);
    });
  }

  it('an answer the bridge cannot read (bad envelope) may have been sent: the main side’s outcome is shown', async () => {
    const fake = fakeKioskApi({ getLastEnquiry: { state: 'done', outcome: SUCCESS } });
    const raw = Object.fromEntries(
      CALL_NAMES.map((name) => [name, async (input: unknown) => (name === 'balanceEnquiry' ? { garbage: true } : { ok: true, value: await (fake[name] as (i: unknown) => Promise<unknown>)(input) })]),
    ) as unknown as RawKioskApi;
    setApi(createApi(raw));
    toCapture();
    await s().captureFingerprint();
    expect(s().outcome).toEqual(SUCCESS);
    expect(s().enquiryError).toBeNull();
  });

  it('the same, with nothing on the main side: "result unknown", never "not sent"', async () => {
    const fake = fakeKioskApi();
    const raw = Object.fromEntries(
      CALL_NAMES.map((name) => [name, async (input: unknown) => (name === 'balanceEnquiry' ? { ok: true, value: { outcome: 'weird' } } : { ok: true, value: await (fake[name] as (i: unknown) => Promise<unknown>)(input) })]),
    ) as unknown as RawKioskApi;
    setApi(createApi(raw));
    toCapture();
    await s().captureFingerprint();
    expect(s().enquiryError?.code).toBe('internal');
    s().retryCapture();
    expect(s().step).toBe('result');
  });

  it('losing the app mid-enquiry asks the main side what became of it', async () => {
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: { state: 'done', outcome: SUCCESS } });
    toCapture();
    await s().captureFingerprint();
    expect(api.getLastEnquiry).toHaveBeenCalled();
    expect(s().outcome).toEqual(SUCCESS);
  });

  it('the main side’s record of a failure before sending is shown as "not sent", with its reference', async () => {
    const notSent: LastEnquiry = { state: 'notSent', clientRefId: 'REF-7', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankIin: '607094', bankName: SUCCESS.bankName, error: { code: 'eko.offline', messageKey: 'errors.eko.offline' } };
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: notSent });
    toCapture();
    await s().captureFingerprint();
    expect(s().enquiryError?.code).toBe('eko.offline');
    expect(s().notSent).toEqual(notSent);
    s().retryCapture(); // the number is still typed in: capture again, and the old record is let go
    expect(s().step).toBe('capture');
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ clientRefId: 'REF-7' });
  });

  for (const [what, other] of [
    ['Aadhaar number', { maskedAadhaar: 'XXXX XXXX 9999' }],
    ['mobile number', { maskedMobile: 'XXXXXX9999' }],
    ['bank', { bankIin: '607027', bankName: 'Punjab National Bank' }],
  ] as const) {
    it(`does not take another customer’s outcome for this one (another ${what})`, async () => {
      use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: { state: 'done', outcome: { ...SUCCESS, ...other } } });
      toCapture();
      await s().captureFingerprint();
      expect(s().outcome).toBeNull();
      expect(s().enquiryError?.code).toBe('host.unreachable');
    });
  }

  it('does not take another customer’s enquiry still in flight (another mobile number)', async () => {
    const inFlight = { state: 'inFlight', clientRefId: 'R', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: 'XXXXXX9999', bankName: SUCCESS.bankName };
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: inFlight });
    toCapture();
    await s().captureFingerprint();
    expect(s().pending).toBeNull();
    expect(s().enquiryError?.code).toBe('host.unreachable');
  });

  it('editDetails after refused details goes back to the first step keeping what was typed', async () => {
    use({ balanceEnquiry: new KioskError('eko.invalidParams', { params: { fields: 'customer_id' } }) });
    toCapture();
    await s().captureFingerprint();
    s().editDetails();
    expect(s()).toMatchObject({ step: 'mobile', mobile: MOBILE, aadhaar: AADHAAR, bankIin: '607094', enquiryError: null, attempted: false });
    expect(s().capture.phase).toBe('idle');
  });

  it('editDetails does nothing once there is an answer (the details are gone)', async () => {
    toCapture();
    await s().captureFingerprint();
    s().editDetails();
    expect(s()).toMatchObject({ step: 'result', outcome: SUCCESS });
  });
});

describe('reset and privacy', () => {
  it('reset wipes every piece of the customer’s data and goes home', async () => {
    toCapture();
    await s().captureFingerprint();
    s().resetEnquiry();
    const st = s();
    expect(st).toMatchObject({ screen: 'home', step: 'mobile', mobile: '', aadhaar: '', maskedAadhaar: null, bankIin: null, consent: false, outcome: null, enquiryError: null, pending: null, wiped: null });
    expect(st.capture).toMatchObject({ phase: 'idle', result: null, error: null });
  });

  it('an idle wipe is remembered for the home screen’s notice', () => {
    toCapture();
    s().resetEnquiry('idle');
    expect(s().wiped).toBe('idle');
    s().dismissWipeNotice();
    expect(s().wiped).toBeNull();
  });

  it('an answer that arrives after a reset is dropped', async () => {
    const answer = deferred<unknown>();
    use({ captureFingerprint: () => answer.promise });
    toCapture();
    const running = s().captureFingerprint();
    s().resetEnquiry('idle');
    answer.resolve({ handle: 'h1', qScore: 90, nmPoints: null, quality: 'good', device: null });
    await running;
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
    expect(s()).toMatchObject({ screen: 'home', outcome: null });
    expect(api.cancelCapture).toHaveBeenCalled();
  });

  it('an idle wipe while the bank is asked tells the main side by capture handle, so no later window shows it', async () => {
    const answer = deferred<typeof SUCCESS>();
    use({ balanceEnquiry: () => answer.promise });
    toCapture();
    const running = s().captureFingerprint();
    await vi.waitFor(() => expect(s().capture.phase).toBe('sending'));
    const handle = s().capture.result!.handle;
    s().resetEnquiry('idle');
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ captureHandle: handle });
    answer.resolve(SUCCESS);
    await running;
    expect(s()).toMatchObject({ screen: 'home', outcome: null, wiped: 'idle' });
  });

  it('writes nothing about the customer to storage; only the bank’s IIN is remembered', async () => {
    toCapture();
    await s().captureFingerprint();
    s().resetEnquiry();
    const dump = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(dump).not.toContain(AADHAAR);
    expect(dump).not.toContain('0124');
    expect(dump).not.toContain(MOBILE);
    expect(dump).not.toContain('3210');
    expect(JSON.parse(localStorage.getItem(RECENT_BANKS_KEY)!)).toEqual(['607094']);
  });

  it('remembers at most five recent banks, most recent first', async () => {
    for (const iin of ['607094', '607027', '607161', '607105', '508505', '607396', '607027']) {
      toCapture(iin);
      await s().captureFingerprint();
      s().resetEnquiry();
    }
    expect(JSON.parse(localStorage.getItem(RECENT_BANKS_KEY)!)).toEqual(['607027', '607396', '508505', '607105', '607161']);
  });
});

describe('recovery after a reload', () => {
  it('shows an enquiry still in flight, then its outcome when done', async () => {
    const saved = timings.lastEnquiryPollMs;
    timings.lastEnquiryPollMs = 5;
    const inFlight = { state: 'inFlight', clientRefId: 'REF-1', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankName: SUCCESS.bankName };
    let calls = 0;
    use({ getLastEnquiry: () => (++calls < 3 ? inFlight : { state: 'done', outcome: SUCCESS }) });
    try {
      await s().recoverLastEnquiry();
      expect(s()).toMatchObject({ screen: 'flow', step: 'result', pending: { clientRefId: 'REF-1' } });
      await vi.waitFor(() => expect(s().outcome).toEqual(SUCCESS));
      expect(s().pending).toBeNull();
    } finally {
      timings.lastEnquiryPollMs = saved;
    }
  });

  /** The main side's last enquiry, kept until acknowledged (as enquiry-service does). */
  function mainSide(last: LastEnquiry) {
    let current = last;
    use({
      getLastEnquiry: () => current,
      acknowledgeLastEnquiry: ({ clientRefId }: { clientRefId: string }) => {
        const ref = current.state === 'done' ? current.outcome.clientRefId : current.state === 'notSent' ? current.clientRefId : null;
        if (ref === clientRefId) current = { state: 'none' };
        return { acknowledged: ref === clientRefId };
      },
    });
  }
  /** A new window: a fresh store and fresh session storage, the same main side. */
  function newWindow() {
    useKiosk.setState(initial, true);
    sessionStorage.clear();
  }

  it('shows a finished outcome in every new window until the agent has seen it, then never again', async () => {
    mainSide({ state: 'done', outcome: SUCCESS });
    await s().recoverLastEnquiry();
    expect(s()).toMatchObject({ screen: 'flow', step: 'result', outcome: SUCCESS });
    newWindow(); // crashed before the agent was done with it: shown again
    await s().recoverLastEnquiry();
    expect(s()).toMatchObject({ screen: 'flow', outcome: SUCCESS });
    s().resetEnquiry(); // New enquiry / Home
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ clientRefId: 'REF-1' });
    newWindow();
    await s().recoverLastEnquiry();
    expect(s()).toMatchObject({ screen: 'home', outcome: null });
  });

  it('an idle wipe counts as seen: the outcome does not come back', async () => {
    mainSide({ state: 'done', outcome: SUCCESS });
    await s().recoverLastEnquiry();
    s().resetEnquiry('idle');
    newWindow();
    await s().recoverLastEnquiry();
    expect(s().screen).toBe('home');
  });

  it('an enquiry that failed before sending while no window was open is shown as "not sent", masked, without capture again', async () => {
    mainSide({ state: 'notSent', clientRefId: 'REF-8', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankIin: '607094', bankName: SUCCESS.bankName, error: { code: 'eko.offline', messageKey: 'errors.eko.offline' } });
    await s().recoverLastEnquiry();
    expect(s()).toMatchObject({ screen: 'flow', step: 'result', outcome: null, aadhaar: '', maskedAadhaar: SUCCESS.maskedAadhaar, notSent: { clientRefId: 'REF-8' } });
    expect(s().enquiryError?.code).toBe('eko.offline');
    s().retryCapture(); // the number is gone: only a new enquiry
    expect(s().step).toBe('result');
    s().resetEnquiry();
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ clientRefId: 'REF-8' });
  });

  it('a recovered enquiry the main side forgets (restarted) becomes "result unknown"', async () => {
    const saved = timings.lastEnquiryPollMs;
    timings.lastEnquiryPollMs = 5;
    const inFlight = { state: 'inFlight', clientRefId: 'REF-2', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankName: SUCCESS.bankName };
    let calls = 0;
    use({ getLastEnquiry: () => (++calls < 3 ? inFlight : { state: 'none' }) });
    try {
      await s().recoverLastEnquiry();
      expect(s().pending).not.toBeNull();
      await vi.waitFor(() => expect(s().outcome).toMatchObject({ outcome: 'unknown', reason: 'interrupted', clientRefId: 'REF-2', maskedAadhaar: SUCCESS.maskedAadhaar }));
      expect(s().pending).toBeNull();
    } finally {
      timings.lastEnquiryPollMs = saved;
    }
  });

  it('a recovered enquiry whose main side stops answering ends as "result unknown", not a spinner for ever', async () => {
    const saved = timings.lastEnquiryPollMs;
    timings.lastEnquiryPollMs = 1;
    const inFlight = { state: 'inFlight', clientRefId: 'REF-3', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankName: SUCCESS.bankName };
    let calls = 0;
    use({ getLastEnquiry: () => (++calls === 1 ? inFlight : new KioskError('host.unreachable')) });
    try {
      await s().recoverLastEnquiry();
      await vi.waitFor(() => expect(s().outcome).toMatchObject({ outcome: 'unknown', clientRefId: 'REF-3' }));
      expect(s().pending).toBeNull();
      expect(calls).toBeGreaterThan(10); // it did keep asking for a while first
    } finally {
      timings.lastEnquiryPollMs = saved;
    }
  });

  it('with nothing on the main side, stays home', async () => {
    await s().recoverLastEnquiry();
    expect(s().screen).toBe('home');
  });
});

describe('home and device', () => {
  it('each panel fails on its own', async () => {
    use({ getSettlementBalance: new KioskError('eko.offline') });
    await s().loadHome();
    expect(s().wallet).toMatchObject({ data: null, loading: false });
    expect(s().wallet.error?.code).toBe('eko.offline');
    expect(s().accounts.data).toMatchObject({ recipients: [] });
    expect(s().accounts.error).toBeNull();
    expect(s().ekoStatus).toMatchObject({ clockWarning: false });
  });

  it('a refresh keeps the last balance shown when it fails', async () => {
    await s().refreshWallet();
    api.getSettlementBalance.mockRejectedValueOnce(new KioskError('eko.timeout'));
    await s().refreshWallet();
    expect(s().wallet.data?.balance).toBe('1000');
    expect(s().wallet.error?.code).toBe('eko.timeout');
  });

  it('polls the scanner, and not while a capture runs', async () => {
    vi.useFakeTimers();
    const stop = s().startDevicePolling(3000);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(2);
    useKiosk.setState({ capture: { ...s().capture, phase: 'capturing' } });
    await vi.advanceTimersByTimeAsync(9000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(2);
    useKiosk.setState({ capture: { ...s().capture, phase: 'idle' } });
    await vi.advanceTimersByTimeAsync(3000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(9000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(3);
  });

  it('find scanner updates the state; a failure is kept as the device error', async () => {
    await s().findScanner();
    expect(s().device?.state).toBe('ready');
    api.findScanner.mockRejectedValueOnce(new KioskError('rd.notFound'));
    await s().findScanner();
    expect(s().deviceError?.code).toBe('rd.notFound');
    expect(s().finding).toBe(false);
  });
});

describe('language', () => {
  initI18n('en');
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('setLanguage switches the strings and remembers the choice on this PC', async () => {
    s().setLanguage('hi');
    expect(s().language).toBe('hi');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('hi');
    expect(document.documentElement.lang).toBe('hi');
    await vi.waitFor(() => expect(i18n.language).toBe('hi'));
    expect(savedLanguage()).toBe('hi'); // what the next start (a reload) begins with
  });

  it('toggleLanguage goes back and forth', () => {
    s().toggleLanguage();
    expect(s().language).toBe('hi');
    s().toggleLanguage();
    expect(s().language).toBe('en');
    expect(savedLanguage()).toBe('en');
  });
});

describe('call deadlines', () => {
  /** A transport that never answers (a hung main side), as Electron's IPC would. */
  const hung = () => Object.fromEntries(CALL_NAMES.map((name) => [name, () => new Promise(() => {})])) as unknown as RawKioskApi;

  it('every call gives up with host.unreachable at its deadline, whatever the transport', async () => {
    vi.useFakeTimers();
    const bridged = createApi(hung());
    const status = bridged.getDeviceStatus({}).catch((e: unknown) => e);
    const enquiry = bridged
      .balanceEnquiry({ customerMobile: MOBILE, aadhaar: AADHAAR, bankIin: '607094', captureHandle: 'h1' })
      .then(() => 'answered', (e: unknown) => e);
    let enquiryDone = false;
    void enquiry.then(() => (enquiryDone = true));
    await vi.advanceTimersByTimeAsync(callTimeoutMs('getDeviceStatus'));
    expect(await status).toMatchObject({ code: 'host.unreachable' });
    await vi.advanceTimersByTimeAsync(callTimeoutMs('balanceEnquiry') - callTimeoutMs('getDeviceStatus') - 1);
    expect(enquiryDone).toBe(false); // the bank may take long: the enquiry waits longer
    await vi.advanceTimersByTimeAsync(1);
    expect(await enquiry).toMatchObject({ code: 'host.unreachable' });
  });

  it('each deadline sits above what the main side may wait for that call, as getAppInfo says it is configured', async () => {
    const longest = { captureTimeoutMs: MAIN_SIDE_WAITS_MS.capture.max, ekoRequestTimeoutMs: MAIN_SIDE_WAITS_MS.ekoRequest.max, ekoEnquiryTimeoutMs: MAIN_SIDE_WAITS_MS.ekoEnquiry.max };
    use({ getAppInfo: { ...(await fakeKioskApi().getAppInfo({})), ...longest } });
    try {
      await s().loadAppInfo();
      expect(callTimeoutMs('balanceEnquiry')).toBeGreaterThan(longest.ekoEnquiryTimeoutMs);
      // A clock-refused GET is retried once: two full waits.
      for (const call of ['getSettlementBalance', 'followUpEnquiry', 'testConnection', 'getDiagnostics'] as const) {
        expect(callTimeoutMs(call)).toBeGreaterThan(2 * longest.ekoRequestTimeoutMs);
      }
      expect(callTimeoutMs('captureFingerprint')).toBeGreaterThan(longest.captureTimeoutMs + CAPTURE_HTTP_MARGIN_MS);
    } finally {
      applyMainSideWaits({ captureTimeoutMs: MAIN_SIDE_WAITS_MS.capture.default, ekoRequestTimeoutMs: MAIN_SIDE_WAITS_MS.ekoRequest.default, ekoEnquiryTimeoutMs: MAIN_SIDE_WAITS_MS.ekoEnquiry.default });
    }
  });

  it('a hung main side during an enquiry ends in "result unknown", not "sending" for ever', async () => {
    vi.useFakeTimers();
    const fake = fakeKioskApi();
    const raw = Object.fromEntries(
      CALL_NAMES.map((name) => [name, async (input: unknown) => (name === 'captureFingerprint' ? { ok: true, value: await (fake[name] as (i: unknown) => Promise<unknown>)(input) } : new Promise(() => {}))]),
    ) as unknown as RawKioskApi;
    setApi(createApi(raw));
    toCapture();
    const running = s().captureFingerprint();
    await vi.advanceTimersByTimeAsync(0);
    expect(s().capture.phase).toBe('sending');
    await vi.advanceTimersByTimeAsync(callTimeoutMs('balanceEnquiry') + callTimeoutMs('getLastEnquiry')); // the enquiry's deadline, then getLastEnquiry's
    await running;
    expect(s()).toMatchObject({ step: 'result', outcome: null });
    expect(s().enquiryError?.code).toBe('host.unreachable');
    expect(s().capture.phase).toBe('idle');
  });
});
