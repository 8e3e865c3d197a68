/** A KioskApi for component and store tests: every call a vi.fn with a sensible default answer. */
import { vi } from 'vitest';
import { CALL_NAMES, KioskError, type CallName, type EnquiryList, type HistoryRow, type KioskApi } from '../../../app/contract';
import { useKiosk, type KioskState } from '../../../renderer/store';

export const DEVICE_READY = {
  state: 'ready' as const,
  selected: { port: 11100, protocol: 'http' as const, status: 'READY' as const, info: 'Mantra', capturePath: '/rd/capture', deviceInfoPath: '/rd/info' },
  devices: [],
  deviceInfo: { vendor: 'MANTRA', model: 'MFS100', rdsId: 'MANTRA.WIN.001', rdsVersion: '1.0.8', serial: '2113456', level: 'L0' },
  scannedAt: null,
  scanMs: null,
};

/** The customer, the bank and the balance of every customer's answer here (the enquiry's, the mini statement's). */
const CUSTOMER_ANSWERED = {
  at: '2025-01-01T10:00:00.000Z',
  maskedAadhaar: 'XXXX XXXX 0124',
  maskedMobile: 'XXXXXX3210',
  bankIin: '607094',
  bankName: 'State Bank of India',
  balance: '5500.75',
};

export const SUCCESS = {
  outcome: 'success' as const,
  clientRefId: 'REF-1',
  ...CUSTOMER_ANSWERED,
  tid: 'T1',
  bankRef: 'RRN1',
  uidaiRef: 'U1',
};

/** A mini statement received: the balance, then the lines newest first (money in and out). */
export const STATEMENT = {
  outcome: 'success' as const,
  clientRefId: 'MS-1',
  ...CUSTOMER_ANSWERED,
  lines: [
    { date: '2024-12-30', direction: 'credit' as const, amount: '125000.5', narration: 'NEFT SALARY DEC' },
    { date: '2024-12-28', direction: 'debit' as const, amount: '250', narration: 'ATM WDL MG ROAD' },
    { date: '2024-11-02', direction: 'debit' as const, amount: '1999.99', narration: '' },
  ],
  tid: 'MT1',
  bankRef: 'MRRN1',
};

/** A journal row as listEnquiries answers it: by default this customer's balance enquiry, still waiting for the bank. */
export function historyRow(over: Partial<HistoryRow> = {}): HistoryRow {
  const { maskedMobile, maskedAadhaar, bankIin, bankName } = CUSTOMER_ANSWERED;
  const time = '2026-11-22T10:35:00.000Z';
  return {
    kind: 'balance',
    clientRefId: 'R1',
    time,
    updatedAt: time,
    profile: 'demo',
    maskedMobile,
    maskedAadhaar,
    bankIin,
    bankName,
    outcome: 'unknown',
    reason: 'awaited',
    tid: 'T1',
    bankRef: null,
    uidaiRef: null,
    balance: null,
    errorCode: null,
    ...over,
  };
}

/** History's journal: R1 still waiting for the bank, and R2, another customer's success with the same mobile. */
export const HISTORY_LIST: EnquiryList = {
  rows: [
    historyRow({ maskedAadhaar: 'XXXX XXXX 9011' }),
    historyRow({ clientRefId: 'R2', outcome: 'success', reason: null, balance: '5500.75', bankRef: 'RRN2' }),
  ],
  totals: { success: 1, refused: 0, unknown: 1, notSent: 0 },
  agentRefused: 0,
};

/** Today's daily authentication, done (the default: enquiries are not held up by it). */
export const DAILY_DONE = { day: '2025-01-01', state: 'done' as const, doneAt: '2025-01-01T03:42:00.000Z', askedAgain: false, lastBankIin: '607094' };
export const DAILY_NOT_DONE = { day: '2025-01-01', state: 'notDone' as const, doneAt: null, askedAgain: false, lastBankIin: null };

/** The agent's daily authentication, passed. */
export const DAILY_SUCCESS = {
  outcome: 'success' as const,
  ref: 'DA-1',
  at: '2025-01-01T03:42:00.000Z',
  maskedAadhaar: 'XXXX XXXX 2345',
  bankIin: '607094',
  bankName: 'State Bank of India',
};

const DEFAULTS: Partial<Record<CallName, unknown>> = {
  getAppInfo: {
    name: 'AePS Counter', version: '0.1.0', profile: 'demo', training: true, dataDir: '/x', host: 'web',
    agent: { userCode: '1', mobile: '9999999999' }, receiptPaperMm: 80, captureTimeoutMs: 10_000, ekoRequestTimeoutMs: 15_000, ekoEnquiryTimeoutMs: 60_000,
    ekoEdition: 'spec',
  },
  getDeviceStatus: DEVICE_READY,
  findScanner: DEVICE_READY,
  captureFingerprint: { handle: 'h1', qScore: 80, nmPoints: 30, quality: 'good', device: null },
  cancelCapture: { cancelled: true },
  getSettlementBalance: { balance: '1000', currency: 'INR', customerId: '9999999999' },
  getSettlementAccounts: { unsettledFund: '0', remainingLimit: '0', recipients: [] },
  getEkoStatus: { baseUrl: 'x', clockSkewMs: null, clockWarning: false },
  balanceEnquiry: SUCCESS,
  miniStatement: STATEMENT,
  getDailyAuthStatus: DAILY_DONE,
  dailyAuthenticate: DAILY_SUCCESS,
  getLastEnquiry: { state: 'none' },
  acknowledgeLastEnquiry: { acknowledged: true },
};

export type FakeKioskApi = { [K in CallName]: ReturnType<typeof vi.fn> & KioskApi[K] };

/** `answers[name]`: a value, a KioskError (thrown), or a function of the input. */
export function fakeKioskApi(answers: Partial<Record<CallName, unknown>> = {}): FakeKioskApi {
  const api = {} as Record<CallName, ReturnType<typeof vi.fn>>;
  for (const name of CALL_NAMES) {
    api[name] = vi.fn(async (input: unknown) => {
      const a = name in answers ? answers[name] : (DEFAULTS[name] ?? new KioskError('internal'));
      const v = typeof a === 'function' ? await (a as (i: unknown) => unknown)(input) : a;
      if (v instanceof KioskError) throw v;
      return v;
    });
  }
  return api as unknown as FakeKioskApi;
}

/** A promise with its resolve/reject outside, for answers the test releases. */
export function deferred<T>() {
  let resolve!: (v: T) => void;
  let reject!: (e: unknown) => void;
  const promise = new Promise<T>((res, rej) => {
    resolve = res;
    reject = rej;
  });
  return { promise, resolve, reject };
}

/** Sets part of one slice's state directly, as a test's starting point (`patchSlice('enquiry', { step: 'result' })`). */
export function patchSlice<K extends keyof KioskState>(name: K, patch: Partial<KioskState[K]>): void {
  useKiosk.setState((s) => ({ [name]: { ...s[name], ...patch } }) as unknown as Partial<KioskState>);
}
