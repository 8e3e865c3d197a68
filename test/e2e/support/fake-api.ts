/**
 * Browser tests that need answers the simulators cannot give (a panel failing on
 * its own, the PC-clock warning, …) replace the web host's /api/<call> with a
 * scripted fake. Every answer still passes the contract's schemas in the bridge.
 */
import type { Page, Route } from '@playwright/test';
import type { CallName, Envelope } from '../../../app/contract';

export type FakeAnswer = unknown | { error: string; params?: Record<string, string> } | ((input: unknown) => unknown);
export type FakeApi = Partial<Record<CallName, FakeAnswer>>;

export const FAKE_DEFAULTS: Partial<Record<CallName, FakeAnswer>> = {
  getAppInfo: {
    name: 'AePS Counter',
    version: '0.1.0',
    profile: 'demo',
    training: true,
    dataDir: '/tmp/x',
    host: 'web',
    agent: { userCode: '20810200', mobile: '9962981729' },
    receiptPaperMm: 80,
  },
  getDeviceStatus: {
    state: 'ready',
    selected: { port: 11100, protocol: 'http', status: 'READY', info: 'Mantra MFS100', capturePath: '/rd/capture', deviceInfoPath: '/rd/info' },
    devices: [],
    deviceInfo: { vendor: 'MANTRA', model: 'MFS100', rdsId: 'MANTRA.WIN.001', rdsVersion: '1.0.8', serial: '2113456', level: 'L0' },
    scannedAt: '2025-01-01T10:00:00.000Z',
    scanMs: 40,
  },
  findScanner: () => FAKE_DEFAULTS.getDeviceStatus,
  captureFingerprint: { handle: 'h1', qScore: 78, nmPoints: 40, quality: 'good', device: null },
  cancelCapture: { cancelled: true },
  getSettlementBalance: { balance: '12345.5', currency: 'INR', customerId: '9962981729' },
  getSettlementAccounts: {
    unsettledFund: '2500',
    remainingLimit: '100000',
    recipients: [{ recipientId: '1', name: 'Sharma Kirana Store', accountMasked: 'XXXXXX4321', ifsc: 'SBIN0001234' }],
  },
  getEkoStatus: { baseUrl: 'sandbox', clockSkewMs: 0, clockWarning: false },
  balanceEnquiry: {
    outcome: 'success',
    clientRefId: 'KIOSK-TEST-1',
    at: '2025-01-01T10:00:00.000Z',
    maskedAadhaar: 'XXXX XXXX 0124',
    maskedMobile: 'XXXXXX3210',
    bankIin: '607094',
    bankName: 'State Bank of India',
    balance: '5500.75',
    tid: '1234567',
    bankRef: '501234567890',
    uidaiRef: 'UIDAI-ABC',
  },
  getLastEnquiry: { state: 'none' },
};

function isError(a: unknown): a is { error: string; params?: Record<string, string> } {
  return typeof a === 'object' && a !== null && 'error' in a && typeof (a as { error: unknown }).error === 'string';
}

/** Routes every /api/<call> to `answers` (then the defaults). Returns a log of calls made. */
export async function fakeApi(page: Page, answers: FakeApi = {}): Promise<{ calls: { name: string; input: unknown }[]; set(next: FakeApi): void }> {
  let current: FakeApi = { ...answers };
  const calls: { name: string; input: unknown }[] = [];
  await page.route('**/api/*', async (route: Route) => {
    const name = new URL(route.request().url()).pathname.split('/').pop() as CallName;
    const input = route.request().postDataJSON() as unknown;
    calls.push({ name, input });
    let answer: FakeAnswer = name in current ? current[name] : name in FAKE_DEFAULTS ? FAKE_DEFAULTS[name] : { error: 'internal' };
    if (typeof answer === 'function') answer = (answer as (i: unknown) => unknown)(input);
    if (answer instanceof Promise) answer = await answer;
    const envelope: Envelope = isError(answer)
      ? { ok: false, error: { code: answer.error as never, messageKey: `errors.${answer.error}`, ...(answer.params ? { params: answer.params } : {}) } }
      : { ok: true, value: answer };
    await route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(envelope) });
  });
  return {
    calls,
    set(next) {
      current = { ...current, ...next };
    },
  };
}
