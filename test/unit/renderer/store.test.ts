// @vitest-environment happy-dom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskError } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
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
function toCapture() {
  s().startEnquiry();
  s().setMobile(MOBILE);
  expect(s().next()).toBe(true);
  s().setAadhaar(AADHAAR);
  expect(s().next()).toBe(true);
  s().setBank('607094');
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

  it('keeps only digits, at most 10 for the mobile and 12 for Aadhaar', () => {
    s().startEnquiry();
    s().setMobile('98765 43210 99');
    expect(s().mobile).toBe('9876543210');
    s().setAadhaar('2345-6789-0124-5');
    expect(s().aadhaar).toBe(AADHAAR);
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

  it('losing the app mid-enquiry asks the main side what became of it', async () => {
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: { state: 'done', outcome: SUCCESS } });
    toCapture();
    await s().captureFingerprint();
    expect(api.getLastEnquiry).toHaveBeenCalled();
    expect(s().outcome).toEqual(SUCCESS);
  });

  it('does not take another customer’s outcome for this one', async () => {
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: { state: 'done', outcome: { ...SUCCESS, maskedAadhaar: 'XXXX XXXX 9999' } } });
    toCapture();
    await s().captureFingerprint();
    expect(s().outcome).toBeNull();
    expect(s().enquiryError?.code).toBe('host.unreachable');
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
      toCapture();
      s().setBank(iin);
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

  it('shows a just-finished outcome once; after New enquiry a reload does not bring it back', async () => {
    use({ getLastEnquiry: { state: 'done', outcome: SUCCESS } });
    await s().recoverLastEnquiry();
    expect(s()).toMatchObject({ screen: 'flow', step: 'result', outcome: SUCCESS });
    s().resetEnquiry();
    useKiosk.setState(initial, true);
    await s().recoverLastEnquiry();
    expect(s()).toMatchObject({ screen: 'home', outcome: null });
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
