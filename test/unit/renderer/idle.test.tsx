// @vitest-environment happy-dom
import { act, cleanup, render } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAIN_SIDE_WAITS_MS } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { applyMainSideWaits, callTimeoutMs } from '../../../renderer/bridge/call-timeouts';
import { IdleWatcher } from '../../../renderer/components/IdleWatcher';
import { useKiosk } from '../../../renderer/store';
import { DEFAULT_TIMINGS } from '../../../renderer/timings';
import { fakeKioskApi, patchSlice } from './fake-kiosk-api';

const initial = useKiosk.getState();
const s = () => useKiosk.getState();
const { idleFlowMs, idleResultMs, idleWaitMaxMs } = DEFAULT_TIMINGS;

const PENDING = { clientRefId: 'REF-1', at: '2025-01-01T10:00:00.000Z', maskedAadhaar: 'XXXX XXXX 0124', maskedMobile: 'XXXXXX3210', bankName: 'State Bank of India' };

beforeEach(() => {
  vi.useFakeTimers();
  useKiosk.setState(initial, true);
  setApi(fakeKioskApi());
  s().nav.openFlow();
  s().enquiry.setMobile('9876543210');
  render(<IdleWatcher />);
});
afterEach(() => {
  cleanup();
  setApi(null);
  vi.useRealTimers();
});

const wait = (ms: number) => act(() => vi.advanceTimersByTimeAsync(ms));

describe('IdleWatcher: the customer’s data is wiped after a while without input', () => {
  it('3 minutes anywhere in the flow', async () => {
    await wait(idleFlowMs - 1_000);
    expect(s().enquiry).toMatchObject({ mobile: '9876543210' });
    expect(s().nav.route.name).toBe('flow');
    await wait(1_000);
    expect(s().enquiry).toMatchObject({ mobile: '', wiped: 'idle' });
    expect(s().nav.route.name).toBe('home');
  });

  it('input keeps it alive', async () => {
    for (let i = 0; i < 5; i++) {
      await wait(idleFlowMs - 10_000);
      document.dispatchEvent(new KeyboardEvent('keydown', { key: '1' }));
    }
    expect(s().nav.route.name).toBe('flow');
    await wait(idleFlowMs);
    expect(s().nav.route.name).toBe('home');
  });

  it('60 seconds on the result', async () => {
    act(() => patchSlice('enquiry', { step: 'result' }));
    await wait(idleResultMs);
    expect(s().enquiry).toMatchObject({ wiped: 'idle' });
    expect(s().nav.route.name).toBe('home');
  });

  it('waits longer while the scanner or the bank is waited for, but not for ever (a hung main side)', async () => {
    act(() => patchSlice('enquiry', { step: 'capture', capture: { ...s().enquiry.capture, phase: 'sending' } }));
    await wait(idleFlowMs * 1.5);
    expect(s().nav.route.name).toBe('flow'); // the bank may take a while
    await wait(idleWaitMaxMs - idleFlowMs * 1.5);
    expect(s().enquiry).toMatchObject({ mobile: '', wiped: 'idle' });
    expect(s().nav.route.name).toBe('home');
  });

  it('a recovered enquiry still "waiting for the bank" is wiped too in the end', async () => {
    act(() => patchSlice('enquiry', { step: 'result', pending: PENDING, maskedAadhaar: PENDING.maskedAadhaar }));
    await wait(idleResultMs * 2);
    expect(s().enquiry.pending).not.toBeNull();
    await wait(idleWaitMaxMs);
    expect(s().enquiry).toMatchObject({ pending: null, maskedAadhaar: null });
    expect(s().nav.route.name).toBe('home');
  });

  it('the cap is above the longest legitimate wait: an enquiry’s call deadline at the longest configurable bank wait, and the recovery after it', () => {
    const w = MAIN_SIDE_WAITS_MS;
    applyMainSideWaits({ captureTimeoutMs: w.capture.max, ekoRequestTimeoutMs: w.ekoRequest.max, ekoEnquiryTimeoutMs: w.ekoEnquiry.max });
    try {
      expect(idleWaitMaxMs).toBeGreaterThan(callTimeoutMs('balanceEnquiry') + callTimeoutMs('getLastEnquiry'));
      expect(idleWaitMaxMs).toBeGreaterThan(callTimeoutMs('captureFingerprint'));
    } finally {
      applyMainSideWaits({ captureTimeoutMs: w.capture.default, ekoRequestTimeoutMs: w.ekoRequest.default, ekoEnquiryTimeoutMs: w.ekoEnquiry.default });
    }
  });
});
