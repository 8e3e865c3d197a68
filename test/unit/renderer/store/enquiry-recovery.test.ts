// @vitest-environment happy-dom
/** The enquiry slice at start-up: an enquiry the main side still knows about. */
import { describe, expect, it, vi } from 'vitest';
import { KioskError, type LastEnquiry } from '../../../../app/contract';
import { timings } from '../../../../renderer/timings';
import { SUCCESS } from '../fake-kiosk-api';
import { api, resetStore, s, storeHarness, use } from './harness';

storeHarness();

describe('recovery after a reload', () => {
  it('shows an enquiry still in flight, then its outcome when done', async () => {
    const saved = timings.lastEnquiryPollMs;
    timings.lastEnquiryPollMs = 5;
    const inFlight = { state: 'inFlight', clientRefId: 'REF-1', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankName: SUCCESS.bankName };
    let calls = 0;
    use({ getLastEnquiry: () => (++calls < 3 ? inFlight : { state: 'done', outcome: SUCCESS }) });
    try {
      await s().enquiry.recoverLastEnquiry();
      expect(s().enquiry).toMatchObject({ step: 'result', pending: { clientRefId: 'REF-1' } });
      expect(s().nav.route.name).toBe('flow');
      await vi.waitFor(() => expect(s().enquiry.outcome).toEqual(SUCCESS));
      expect(s().enquiry.pending).toBeNull();
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
    resetStore();
    sessionStorage.clear();
  }

  it('shows a finished outcome in every new window until the agent has seen it, then never again', async () => {
    mainSide({ state: 'done', outcome: SUCCESS });
    await s().enquiry.recoverLastEnquiry();
    expect(s().enquiry).toMatchObject({ step: 'result', outcome: SUCCESS });
    expect(s().nav.route.name).toBe('flow');
    newWindow(); // crashed before the agent was done with it: shown again
    await s().enquiry.recoverLastEnquiry();
    expect(s().enquiry).toMatchObject({ outcome: SUCCESS });
    expect(s().nav.route.name).toBe('flow');
    s().nav.goHome(); // New enquiry / Home
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ clientRefId: 'REF-1' });
    newWindow();
    await s().enquiry.recoverLastEnquiry();
    expect(s().enquiry).toMatchObject({ outcome: null });
    expect(s().nav.route.name).toBe('home');
  });

  it('an idle wipe counts as seen: the outcome does not come back', async () => {
    mainSide({ state: 'done', outcome: SUCCESS });
    await s().enquiry.recoverLastEnquiry();
    s().nav.goHome('idle');
    newWindow();
    await s().enquiry.recoverLastEnquiry();
    expect(s().nav.route.name).toBe('home');
  });

  it('an enquiry that failed before sending while no window was open is shown as "not sent", masked, without capture again', async () => {
    mainSide({ state: 'notSent', clientRefId: 'REF-8', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankIin: '607094', bankName: SUCCESS.bankName, error: { code: 'eko.offline', messageKey: 'errors.eko.offline' } });
    await s().enquiry.recoverLastEnquiry();
    expect(s().enquiry).toMatchObject({ step: 'result', outcome: null, aadhaar: '', maskedAadhaar: SUCCESS.maskedAadhaar, notSent: { clientRefId: 'REF-8' } });
    expect(s().nav.route.name).toBe('flow');
    expect(s().enquiry.enquiryError?.code).toBe('eko.offline');
    s().enquiry.retryCapture(); // the number is gone: only a new enquiry
    expect(s().enquiry.step).toBe('result');
    s().nav.goHome();
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ clientRefId: 'REF-8' });
  });

  it('a recovered enquiry the main side forgets (restarted) becomes "result unknown"', async () => {
    const saved = timings.lastEnquiryPollMs;
    timings.lastEnquiryPollMs = 5;
    const inFlight = { state: 'inFlight', clientRefId: 'REF-2', at: SUCCESS.at, maskedAadhaar: SUCCESS.maskedAadhaar, maskedMobile: SUCCESS.maskedMobile, bankName: SUCCESS.bankName };
    let calls = 0;
    use({ getLastEnquiry: () => (++calls < 3 ? inFlight : { state: 'none' }) });
    try {
      await s().enquiry.recoverLastEnquiry();
      expect(s().enquiry.pending).not.toBeNull();
      await vi.waitFor(() => expect(s().enquiry.outcome).toMatchObject({ outcome: 'unknown', reason: 'interrupted', clientRefId: 'REF-2', maskedAadhaar: SUCCESS.maskedAadhaar }));
      expect(s().enquiry.pending).toBeNull();
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
      await s().enquiry.recoverLastEnquiry();
      await vi.waitFor(() => expect(s().enquiry.outcome).toMatchObject({ outcome: 'unknown', clientRefId: 'REF-3' }));
      expect(s().enquiry.pending).toBeNull();
      expect(calls).toBeGreaterThan(10); // it did keep asking for a while first
    } finally {
      timings.lastEnquiryPollMs = saved;
    }
  });

  it('with nothing on the main side, stays home', async () => {
    await s().enquiry.recoverLastEnquiry();
    expect(s().nav.route.name).toBe('home');
  });
});
