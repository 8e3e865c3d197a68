// @vitest-environment happy-dom
/** The session slice: language, and the call deadlines getAppInfo sets. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, CAPTURE_HTTP_MARGIN_MS, MAIN_SIDE_WAITS_MS, type RawKioskApi } from '../../../../app/contract';
import { createApi, setApi } from '../../../../renderer/bridge';
import { applyMainSideWaits, callTimeoutMs } from '../../../../renderer/bridge/call-timeouts';
import { i18n, initI18n, LANGUAGE_KEY, savedLanguage } from '../../../../renderer/i18n';
import { fakeKioskApi } from '../fake-kiosk-api';
import { AADHAAR, MOBILE, s, storeHarness, toCapture, use } from './harness';

storeHarness();

describe('language', () => {
  initI18n('en');
  afterEach(async () => {
    await i18n.changeLanguage('en');
  });

  it('setLanguage switches the strings and remembers the choice on this PC', async () => {
    s().session.setLanguage('hi');
    expect(s().session.language).toBe('hi');
    expect(localStorage.getItem(LANGUAGE_KEY)).toBe('hi');
    expect(document.documentElement.lang).toBe('hi');
    await vi.waitFor(() => expect(i18n.language).toBe('hi'));
    expect(savedLanguage()).toBe('hi'); // what the next start (a reload) begins with
  });

  it('toggleLanguage goes back and forth', () => {
    s().session.toggleLanguage();
    expect(s().session.language).toBe('hi');
    s().session.toggleLanguage();
    expect(s().session.language).toBe('en');
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
      await s().session.loadAppInfo();
      expect(callTimeoutMs('balanceEnquiry')).toBeGreaterThan(longest.ekoEnquiryTimeoutMs);
      expect(callTimeoutMs('miniStatement')).toBeGreaterThan(longest.ekoEnquiryTimeoutMs);
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
    const running = s().enquiry.captureFingerprint();
    await vi.advanceTimersByTimeAsync(0);
    expect(s().enquiry.capture.phase).toBe('sending');
    await vi.advanceTimersByTimeAsync(callTimeoutMs('balanceEnquiry') + callTimeoutMs('getLastEnquiry')); // the enquiry's deadline, then getLastEnquiry's
    await running;
    expect(s().enquiry).toMatchObject({ step: 'result', outcome: null });
    expect(s().enquiry.enquiryError?.code).toBe('host.unreachable');
    expect(s().enquiry.capture.phase).toBe('idle');
  });
});
