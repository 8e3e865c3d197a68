/** Stand-in services for host tests: each call is recorded so tests can prove nothing ran. */
import { vi } from 'vitest';
import type { Handlers } from '../../main/host/handlers';
import type { AppInfo } from '../../app/contract';

export const sampleAppInfo: AppInfo = {
  name: 'AePS Counter',
  version: '9.9.9',
  profile: 'demo',
  training: true,
  dataDir: '/tmp/kiosk',
  host: 'web',
  agent: { userCode: '20810200', mobile: '9962981729' },
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
    getLastEnquiry: record('getLastEnquiry', { state: 'none' as const }),
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
