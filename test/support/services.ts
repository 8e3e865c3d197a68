/** Stand-in services for host tests: each call is recorded so tests can prove nothing ran. */
import { vi } from 'vitest';
import type { Handlers } from '../../main/host/handlers';
import type { AppInfo, Settings } from '../../app/contract';

export const sampleAppInfo: AppInfo = {
  name: 'AePS Counter',
  version: '9.9.9',
  profile: 'demo',
  training: true,
  dataDir: '/tmp/kiosk',
  host: 'web',
  agent: { userCode: '20810200', mobile: '9962981729' },
  receiptPaperMm: 58,
  captureTimeoutMs: 10000,
  ekoRequestTimeoutMs: 15000,
  ekoEnquiryTimeoutMs: 60000,
  ekoEdition: 'spec',
};

export const sampleSettings: Settings = {
  firstRun: false,
  pinSet: true,
  locked: false,
  lockedUntil: null,
  profile: 'demo',
  eko: {
    baseUrl: null,
    initiatorId: '9962981729',
    userCode: '20810200',
    agentMobile: '9962981729',
    latlong: '28.6139,77.2090',
    aadhaarPublicKey: null,
    developerKey: { set: false, masked: null, source: 'sandbox' },
    accessKey: { set: false, masked: null, source: 'sandbox' },
    shopName: '',
    shopAddress: '',
    edition: 'spec',
  },
  receiptPaperMm: 58,
  secretStorage: 'dev-file',
  envOverrides: [],
  configProblem: null,
};

/** An agent's own Eko account (not the sandbox's), as the settings show it: the live URL, both keys saved. */
export const sampleEkoAccount: Settings['eko'] = {
  baseUrl: 'https://api.eko.in:25002/ekoicici/v3',
  initiatorId: '9876543210',
  userCode: '30000001',
  agentMobile: '9876543210',
  latlong: '19.0760,72.8777',
  aadhaarPublicKey: null,
  developerKey: { set: true, masked: '••••1234', source: 'saved' },
  accessKey: { set: true, masked: '••••0567', source: 'saved' },
  shopName: '',
  shopAddress: '',
  edition: 'spec',
};

export function recordingHandlers(): Handlers & { calls: ReturnType<typeof vi.fn> } {
  const calls = vi.fn();
  const record = <T>(name: string, value: T) =>
    async (input: unknown) => {
      calls(name, input);
      return value;
    };
  const device = { state: 'none' as const, selected: null, devices: [], deviceInfo: null, scannedAt: null, scanMs: null };
  return {
    calls,
    getAppInfo: record('getAppInfo', sampleAppInfo),
    getDeviceStatus: record('getDeviceStatus', device),
    findScanner: record('findScanner', device),
    captureFingerprint: record('captureFingerprint', { handle: 'h', qScore: 80, nmPoints: 30, quality: 'good' as const, device: null }),
    cancelCapture: record('cancelCapture', { cancelled: false }),
    getSettlementBalance: record('getSettlementBalance', { balance: '10', currency: 'INR', customerId: '9962981729' }),
    getSettlementAccounts: record('getSettlementAccounts', { unsettledFund: '0', remainingLimit: '0', recipients: [] }),
    getEkoStatus: record('getEkoStatus', { baseUrl: 'x', clockSkewMs: null, clockWarning: false }),
    miniStatement: record('miniStatement', {
      outcome: 'success' as const, clientRefId: 'KSK1', at: new Date(0).toISOString(), maskedAadhaar: 'XXXX XXXX 1234', maskedMobile: 'XXXXXX3210',
      bankIin: '607094', bankName: 'State Bank of India', balance: null, lines: [], tid: null, bankRef: null,
    }),
    getDailyAuthStatus: record('getDailyAuthStatus', { day: '2026-12-02', state: 'notDone' as const, doneAt: null, askedAgain: false, lastBankIin: null }),
    dailyAuthenticate: record('dailyAuthenticate', {
      outcome: 'success' as const, ref: 'KSK1', at: new Date(0).toISOString(), maskedAadhaar: 'XXXX XXXX 1234', bankIin: '607094', bankName: 'State Bank of India',
    }),
    getLastEnquiry: record('getLastEnquiry', { state: 'none' as const }),
    acknowledgeLastEnquiry: record('acknowledgeLastEnquiry', { acknowledged: false }),
    listEnquiries: record('listEnquiries', { rows: [], totals: { success: 0, refused: 0, unknown: 0, notSent: 0 }, agentRefused: 0 }),
    followUpEnquiry: record('followUpEnquiry', {
      kind: 'balance' as const, clientRefId: 'r', time: new Date(0).toISOString(), updatedAt: new Date(0).toISOString(), profile: 'demo' as const,
      maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 1234', bankIin: '607094', bankName: 'State Bank of India',
      outcome: 'unknown' as const, reason: 'awaited', tid: null, bankRef: null, uidaiRef: null, balance: null, errorCode: null,
    }),
    printReceipt: record('printReceipt', { method: 'browser' as const }),
    saveReceiptPdf: record('saveReceiptPdf', { method: 'browser' as const }),
    getDiagnostics: record('getDiagnostics', {
      version: '9.9.9', profile: 'demo' as const, dataDir: '/tmp/kiosk', host: 'web' as const,
      runtime: { node: '20', electron: null, chrome: null, platform: 'linux-x64' },
      device: { state: 'none' as const, selected: null, devices: [], deviceInfo: null, scannedAt: null, scanMs: null },
      eko: { ok: true, baseUrl: 'x', clockSkewMs: 0, walletBalance: '1', error: null },
      journal: { rows: 0, unknown: 0, fileBytes: 0, schemaVersion: 2 },
    }),
    exportDiagnostics: record('exportDiagnostics', { path: '/tmp/kiosk/exports/d.json' }),
    exportLogs: record('exportLogs', { path: '/tmp/kiosk/exports/logs.zip', files: 1, lines: 3 }),
    getSettings: record('getSettings', sampleSettings),
    unlockSettings: record('unlockSettings', { token: 't'.repeat(43), expiresAt: new Date(600_000).toISOString() }),
    saveSettings: record('saveSettings', sampleSettings),
    testConnection: record('testConnection', { ok: true, baseUrl: 'x', clockSkewMs: 0, walletBalance: '1', error: null }),
    lockSettings: record('lockSettings', {}),
    balanceEnquiry: record('balanceEnquiry', {
      outcome: 'unknown' as const,
      clientRefId: 'r',
      at: new Date(0).toISOString(),
      maskedAadhaar: 'XXXX XXXX 1234',
      maskedMobile: 'XXXXXX3210',
      bankIin: '607094',
      bankName: 'State Bank of India',
      reason: 'timeout' as const,
      tid: null,
    }),
  };
}
