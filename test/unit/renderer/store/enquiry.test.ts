// @vitest-environment happy-dom
/** The enquiry slice: the customer's flow, step by step, the capture and the enquiry. */
import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, KioskError, type LastEnquiry, type RawKioskApi } from '../../../../app/contract';
import { createApi, setApi } from '../../../../renderer/bridge';
import { timings } from '../../../../renderer/timings';
import { SUCCESS, deferred, fakeKioskApi, patchSlice } from '../fake-kiosk-api';
import { AADHAAR, MOBILE, api, s, startHeldCapture, startHeldEnquiry, storeHarness, toCapture, use } from './harness';

storeHarness();

describe('enquiry flow: steps', () => {
  it('starts on the mobile step with nothing filled in', () => {
    s().nav.openFlow();
    expect(s().enquiry).toMatchObject({ step: 'mobile', mobile: '', aadhaar: '', bankIin: null, consent: false, attempted: false });
    expect(s().nav.route.name).toBe('flow');
  });

  it('keeps only digits, at most 12 for Aadhaar', () => {
    s().nav.openFlow();
    s().enquiry.setMobile('98765-43210');
    expect(s().enquiry.mobile).toBe(MOBILE);
    s().enquiry.setAadhaar('2345-6789-0124-5');
    expect(s().enquiry.aadhaar).toBe(AADHAAR);
  });

  it('drops a pasted +91, 91 or 0 prefix from the mobile number', () => {
    s().nav.openFlow();
    for (const pasted of ['+91 98765 43210', '+91-9876543210', '919876543210', '09876543210', '0 98765 43210']) {
      s().enquiry.setMobile('');
      s().enquiry.setMobile(pasted);
      expect(s().enquiry.mobile, pasted).toBe(MOBILE);
    }
    // Pasted over a number already there, too.
    s().enquiry.setMobile('+91 98765 43210');
    expect(s().enquiry.mobile).toBe(MOBILE);
  });

  it('digits typed one at a time are never taken for a prefix: a 12th digit is "too long", not another number', () => {
    s().nav.openFlow();
    for (const d of '919123456789') s().enquiry.setMobile(s().enquiry.mobile + d); // meant 9191234567, then two stray keys
    expect(s().enquiry.mobile).toBe('919123456789');
    expect(s().enquiry.next()).toBe(false);
    s().enquiry.setMobile('');
    for (const d of '09876543210') s().enquiry.setMobile(s().enquiry.mobile + d);
    expect(s().enquiry.mobile).toBe('09876543210');
  });

  it('keeps a mobile number that is too long as typed and refuses it, never cut to another number', () => {
    s().nav.openFlow();
    s().enquiry.setMobile('98765 43210 99'); // not a prefix: the agent must look again
    expect(s().enquiry.mobile).toBe('987654321099');
    expect(s().enquiry.next()).toBe(false);
    expect(s().enquiry).toMatchObject({ step: 'mobile', attempted: true });
    s().enquiry.setMobile('+44 98765 43210'); // 12 digits, but not India's code
    expect(s().enquiry.mobile).toBe('449876543210');
    expect(s().enquiry.next()).toBe(false);
    s().enquiry.setMobile('98765432101');
    expect(s().enquiry.mobile).toBe('98765432101');
    expect(s().enquiry.next()).toBe(false);
  });

  it('refuses a bad mobile number: stays and marks the step attempted', () => {
    s().nav.openFlow();
    s().enquiry.setMobile('5876543210');
    expect(s().enquiry.next()).toBe(false);
    expect(s().enquiry).toMatchObject({ step: 'mobile', attempted: true });
    s().enquiry.setMobile('987654321');
    expect(s().enquiry.next()).toBe(false);
    s().enquiry.setMobile(MOBILE);
    expect(s().enquiry.next()).toBe(true);
    expect(s().enquiry).toMatchObject({ step: 'aadhaar', attempted: false });
  });

  it('refuses an Aadhaar number with a wrong check digit, accepts a valid one and masks it', () => {
    s().nav.openFlow();
    s().enquiry.setMobile(MOBILE);
    s().enquiry.next();
    s().enquiry.setAadhaar('234567890125');
    expect(s().enquiry.next()).toBe(false);
    expect(s().enquiry.step).toBe('aadhaar');
    expect(s().enquiry.maskedAadhaar).toBeNull();
    s().enquiry.setAadhaar(AADHAAR);
    expect(s().enquiry.next()).toBe(true);
    expect(s().enquiry).toMatchObject({ step: 'bank', maskedAadhaar: 'XXXX XXXX 0124' });
  });

  it('needs a bank from the list, and consent before any capture', async () => {
    s().nav.openFlow();
    s().enquiry.setMobile(MOBILE);
    s().enquiry.next();
    s().enquiry.setAadhaar(AADHAAR);
    s().enquiry.next();
    s().enquiry.setBank('000000'); // not an AePS bank
    expect(s().enquiry.bankIin).toBeNull();
    expect(s().enquiry.next()).toBe(false);
    s().enquiry.setBank('607094');
    expect(s().enquiry.next()).toBe(true);
    // The consent is on the fingerprint step: Capture without it captures nothing and says why.
    expect(s().enquiry).toMatchObject({ step: 'capture', consent: false, attempted: false });
    await s().enquiry.captureFingerprint();
    expect(api.captureFingerprint).not.toHaveBeenCalled();
    expect(s().enquiry).toMatchObject({ step: 'capture', attempted: true });
    expect(s().enquiry.next()).toBe(false); // nothing after the fingerprint step but the answer
    s().enquiry.setConsent(true);
    await s().enquiry.captureFingerprint();
    expect(api.captureFingerprint).toHaveBeenCalledTimes(1);
  });

  it('goes back step by step without losing what was typed', () => {
    toCapture();
    s().enquiry.back();
    expect(s().enquiry.step).toBe('bank');
    s().enquiry.back();
    expect(s().enquiry.step).toBe('aadhaar');
    s().enquiry.back();
    expect(s().enquiry).toMatchObject({ step: 'mobile', mobile: MOBILE, aadhaar: AADHAAR, bankIin: '607094', consent: true, maskedAadhaar: 'XXXX XXXX 0124' });
    s().enquiry.back(); // nowhere further back
    expect(s().enquiry.step).toBe('mobile');
  });

  it('changeAadhaar replaces the accepted number', () => {
    toCapture();
    s().enquiry.back();
    s().enquiry.back();
    s().enquiry.changeAadhaar();
    expect(s().enquiry).toMatchObject({ aadhaar: '', maskedAadhaar: null });
  });

  it('takes consent back when the bank, Aadhaar or mobile number changes (the consent names them)', () => {
    const consentAfter = (change: () => void) => {
      toCapture();
      change();
      return s().enquiry.consent;
    };
    expect(consentAfter(() => s().enquiry.setBank('607094'))).toBe(true); // the same bank again: nothing changed
    expect(consentAfter(() => s().enquiry.setMobile(MOBILE))).toBe(true);
    expect(consentAfter(() => s().enquiry.setAadhaar(AADHAAR))).toBe(true);
    expect(consentAfter(() => s().enquiry.setBank('607027'))).toBe(false);
    expect(consentAfter(() => s().enquiry.setMobile('9876543211'))).toBe(false);
    expect(consentAfter(() => s().enquiry.setAadhaar('234567890125'))).toBe(false);
    expect(consentAfter(() => s().enquiry.changeAadhaar())).toBe(false);
  });

  it('after going back and choosing another bank, the capture waits for the consent again', async () => {
    toCapture();
    s().enquiry.back();
    expect(s().enquiry.step).toBe('bank');
    s().enquiry.setBank('607027');
    expect(s().enquiry.next()).toBe(true);
    expect(s().enquiry).toMatchObject({ step: 'capture', consent: false });
    await s().enquiry.captureFingerprint();
    expect(api.captureFingerprint).not.toHaveBeenCalled();
    expect(s().enquiry).toMatchObject({ step: 'capture', attempted: true });
  });

  it('back() does nothing while the scanner or the bank is being waited for', async () => {
    const { capture } = startHeldCapture();
    s().enquiry.back();
    expect(s().enquiry.step).toBe('capture');
    const answer = deferred<typeof SUCCESS>();
    api.balanceEnquiry.mockImplementation(() => answer.promise);
    capture.resolve({ handle: 'h1', qScore: 90, nmPoints: null, quality: 'good', device: null });
    await vi.waitFor(() => expect(s().enquiry.capture.phase).toBe('sending'));
    s().enquiry.back();
    expect(s().enquiry.step).toBe('capture');
    answer.resolve(SUCCESS);
    await vi.waitFor(() => expect(s().enquiry.step).toBe('result'));
    s().enquiry.back(); // nor from the result
    expect(s().enquiry.step).toBe('result');
  });
});

describe('enquiry flow: capture and enquiry', () => {
  it('captures nothing without consent', async () => {
    toCapture();
    patchSlice('enquiry', { consent: false });
    await s().enquiry.captureFingerprint();
    expect(api.captureFingerprint).not.toHaveBeenCalled();
  });

  it('a good capture goes straight to the enquiry; the answer is shown and the clear number dropped', async () => {
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(api.captureFingerprint).toHaveBeenCalledWith({ timeoutMs: timings.captureTimeoutMs });
    expect(api.balanceEnquiry).toHaveBeenCalledWith({ customerMobile: MOBILE, aadhaar: AADHAAR, bankIin: '607094', captureHandle: 'h1' });
    expect(s().enquiry).toMatchObject({ step: 'result', outcome: SUCCESS, aadhaar: '', maskedAadhaar: 'XXXX XXXX 0124', enquiryError: null });
    expect(s().enquiry.capture.phase).toBe('idle');
  });

  it('shows "sending" while the bank is asked', async () => {
    const { answer, running } = await startHeldEnquiry();
    answer.resolve(SUCCESS);
    await running;
    expect(s().enquiry.step).toBe('result');
  });

  it('asks the scanner for the configured capture time, not a built-in 10 s', async () => {
    use({ getAppInfo: { ...(await fakeKioskApi().getAppInfo({})), captureTimeoutMs: 25_000 } });
    await s().session.loadAppInfo();
    const capture = deferred<unknown>();
    api.captureFingerprint.mockImplementation(() => capture.promise);
    toCapture();
    void s().enquiry.captureFingerprint();
    expect(api.captureFingerprint).toHaveBeenCalledWith({ timeoutMs: 25_000 });
    expect(s().enquiry.capture.timeoutMs).toBe(25_000); // the countdown shows the same
    capture.reject(new KioskError('rd.cancelled'));
  });

  it('sends a low-quality capture only after one was taken (the sendLowQuality guard)', async () => {
    toCapture();
    await s().enquiry.sendLowQuality();
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
    patchSlice('enquiry', { capture: { ...s().enquiry.capture, phase: 'failed', result: { handle: 'h9', qScore: 30, nmPoints: null, quality: 'low', device: null } } });
    await s().enquiry.sendLowQuality();
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
  });

  it('a low-quality capture waits for the agent: rescan or send anyway (allowLowQuality)', async () => {
    use({ captureFingerprint: { handle: 'h2', qScore: 35, nmPoints: null, quality: 'low', device: null } });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.capture).toMatchObject({ phase: 'low', result: { qScore: 35 } });
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
    await s().enquiry.sendLowQuality();
    expect(api.balanceEnquiry).toHaveBeenCalledWith(expect.objectContaining({ captureHandle: 'h2', allowLowQuality: true }));
    expect(s().enquiry.step).toBe('result');
  });

  it('a failed capture keeps its error and can be retried', async () => {
    use({ captureFingerprint: new KioskError('rd.captureTimeout') });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.capture.phase).toBe('failed');
    expect(s().enquiry.capture.error?.code).toBe('rd.captureTimeout');
    api.captureFingerprint.mockResolvedValueOnce({ handle: 'h3', qScore: 90, nmPoints: null, quality: 'good', device: null });
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.step).toBe('result');
  });

  it('cancel asks the scanner to stop and shows "cancelled"', async () => {
    const { capture } = startHeldCapture();
    await s().enquiry.cancelCapture();
    expect(api.cancelCapture).toHaveBeenCalled();
    expect(s().enquiry.capture.error?.code).toBe('rd.cancelled');
    capture.reject(new KioskError('rd.cancelled'));
  });

  it('an enquiry that was not sent shows its error; "capture again" goes back to the fingerprint', async () => {
    use({ balanceEnquiry: new KioskError('eko.offline') });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry).toMatchObject({ step: 'result', outcome: null });
    expect(s().enquiry.enquiryError?.code).toBe('eko.offline');
    expect(s().enquiry.aadhaar).toBe(AADHAAR); // kept: nothing was sent, the agent may retry
    s().enquiry.retryCapture();
    expect(s().enquiry).toMatchObject({ step: 'capture', enquiryError: null });
    expect(s().enquiry.capture.phase).toBe('idle');
  });

  // Failures that prove the enquiry never reached a bank: "not sent", capture again allowed.
  for (const code of ['input.invalid', 'rd.captureExpired', 'rd.poorQuality', 'eko.offline', 'eko.auth', 'eko.clockSkew', 'eko.invalidParams', 'config.invalid', 'journal.unavailable', 'settings.busy'] as const) {
    it(`${code}: not sent, and capture again is offered`, async () => {
      use({ balanceEnquiry: new KioskError(code) });
      toCapture();
      await s().enquiry.captureFingerprint();
      expect(s().enquiry.enquiryError?.code).toBe(code);
      s().enquiry.retryCapture();
      expect(s().enquiry.step).toBe('capture');
    });
  }

  // Anything else may have reached the bank: ask the main side, and never offer a second, billed try.
  for (const code of ['internal', 'host.unreachable', 'eko.timeout', 'eko.server', 'eko.htmlPage', 'eko.badResponse', 'eko.failed'] as const) {
    it(`${code}: the main side is asked; with no record the result stays unknown, no capture again`, async () => {
      use({ balanceEnquiry: new KioskError(code) });
      toCapture();
      await s().enquiry.captureFingerprint();
      expect(api.getLastEnquiry).toHaveBeenCalled();
      expect(s().enquiry).toMatchObject({ step: 'result', outcome: null });
      expect(s().enquiry.enquiryError?.code).toBe(code);
      s().enquiry.retryCapture();
      expect(s().enquiry.step).toBe('result');
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
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.outcome).toEqual(SUCCESS);
    expect(s().enquiry.enquiryError).toBeNull();
  });

  it('the same, with nothing on the main side: "result unknown", never "not sent"', async () => {
    const fake = fakeKioskApi();
    const raw = Object.fromEntries(
      CALL_NAMES.map((name) => [name, async (input: unknown) => (name === 'balanceEnquiry' ? { ok: true, value: { outcome: 'weird' } } : { ok: true, value: await (fake[name] as (i: unknown) => Promise<unknown>)(input) })]),
    ) as unknown as RawKioskApi;
    setApi(createApi(raw));
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.enquiryError?.code).toBe('internal');
    s().enquiry.retryCapture();
    expect(s().enquiry.step).toBe('result');
  });

  it('losing the app mid-enquiry asks the main side what became of it', async () => {
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: { state: 'done', outcome: SUCCESS } });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(api.getLastEnquiry).toHaveBeenCalled();
    expect(s().enquiry.outcome).toEqual(SUCCESS);
  });

  it('the main side’s record of a failure before sending is shown as "not sent", with its reference', async () => {
    const notSent: LastEnquiry = { state: 'notSent', clientRefId: 'REF-7', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankIin: '607094', bankName: SUCCESS.bankName, error: { code: 'eko.offline', messageKey: 'errors.eko.offline' } };
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: notSent });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.enquiryError?.code).toBe('eko.offline');
    expect(s().enquiry.notSent).toEqual(notSent);
    s().enquiry.retryCapture(); // the number is still typed in: capture again, and the old record is let go
    expect(s().enquiry.step).toBe('capture');
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
      await s().enquiry.captureFingerprint();
      expect(s().enquiry.outcome).toBeNull();
      expect(s().enquiry.enquiryError?.code).toBe('host.unreachable');
    });
  }

  it('does not take another customer’s enquiry still in flight (another mobile number)', async () => {
    const inFlight = { state: 'inFlight', clientRefId: 'R', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: 'XXXXXX9999', bankName: SUCCESS.bankName };
    use({ balanceEnquiry: new KioskError('host.unreachable'), getLastEnquiry: inFlight });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.pending).toBeNull();
    expect(s().enquiry.enquiryError?.code).toBe('host.unreachable');
  });

  it('editDetails after refused details goes back to the first step keeping what was typed', async () => {
    use({ balanceEnquiry: new KioskError('eko.invalidParams', { params: { fields: 'customer_id' } }) });
    toCapture();
    await s().enquiry.captureFingerprint();
    s().enquiry.editDetails();
    expect(s().enquiry).toMatchObject({ step: 'mobile', mobile: MOBILE, aadhaar: AADHAAR, bankIin: '607094', enquiryError: null, attempted: false });
    expect(s().enquiry.capture.phase).toBe('idle');
  });

  it('editDetails does nothing once there is an answer (the details are gone)', async () => {
    toCapture();
    await s().enquiry.captureFingerprint();
    s().enquiry.editDetails();
    expect(s().enquiry).toMatchObject({ step: 'result', outcome: SUCCESS });
  });
});
