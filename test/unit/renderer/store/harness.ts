/** What every store test shares: a fresh store and a fake KioskApi per test, and walks through the flow. */
import { afterEach, beforeEach, expect, vi } from 'vitest';
import { setApi } from '../../../../renderer/bridge';
import { useKiosk, type FlowOperation } from '../../../../renderer/store';
import { SUCCESS, deferred, fakeKioskApi, type FakeKioskApi } from '../fake-kiosk-api';

export const AADHAAR = '234567890124'; // Verhoeff-valid
export const MOBILE = '9876543210';
const initial = useKiosk.getState();

/** The fake KioskApi of the running test (`use` replaces it). */
export let api: FakeKioskApi;

export const s = () => useKiosk.getState();

export function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi(answers);
  setApi(api);
}

/** The store as the app starts (a reload). */
export function resetStore() {
  useKiosk.setState(initial, true);
}

/** Walks the flow to the fingerprint step, where the customer's consent is ticked. */
export function toCapture(bankIin = '607094', operation?: FlowOperation) {
  s().nav.openFlow(operation);
  s().enquiry.setMobile(MOBILE);
  expect(s().enquiry.next()).toBe(true);
  s().enquiry.setAadhaar(AADHAAR);
  expect(s().enquiry.next()).toBe(true);
  s().enquiry.setBank(bankIin);
  expect(s().enquiry.next()).toBe(true);
  expect(s().enquiry.step).toBe('capture');
  s().enquiry.setConsent(true);
}

/** Call once at the top of a store test file. */
export function storeHarness() {
  beforeEach(() => {
    resetStore();
    localStorage.clear();
    sessionStorage.clear();
    use();
  });
  afterEach(() => {
    setApi(null);
    vi.useRealTimers();
  });
}

/** Walks to the fingerprint step and starts a capture the scanner holds back: `capture.resolve` (or reject) answers it. */
export function startHeldCapture() {
  const capture = deferred<unknown>();
  use({ captureFingerprint: () => capture.promise });
  toCapture();
  const running = s().enquiry.captureFingerprint();
  expect(s().enquiry.capture.phase).toBe('capturing');
  return { capture, running };
}

/** Walks to the fingerprint step and captures; once the bank is being asked ("sending"), `answer.resolve` gives its answer. */
export async function startHeldEnquiry() {
  const answer = deferred<typeof SUCCESS>();
  use({ balanceEnquiry: () => answer.promise });
  toCapture();
  const running = s().enquiry.captureFingerprint();
  await vi.waitFor(() => expect(s().enquiry.capture.phase).toBe('sending'));
  return { answer, running };
}
