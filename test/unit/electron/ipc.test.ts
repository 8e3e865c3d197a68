import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, contract, ipcChannel, type CallInput, type CallName } from '../../../app/contract';
import { createDispatch } from '../../../main/host/dispatch';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../app/app-origin';
import { isTrustedFrameUrl, registerContractHandlers } from '../../../main/electron/ipc';
import { createLogger } from '../../../main/services/log/logger';
import { recordingHandlers } from '../../support/services';

type Handler = (event: unknown, input: unknown) => Promise<unknown>;

function standInIpcMain() {
  const handlers = new Map<string, Handler>();
  return {
    handlers,
    handle: vi.fn((channel: string, fn: Handler) => void handlers.set(channel, fn)),
    removeHandler: vi.fn((channel: string) => void handlers.delete(channel)),
  };
}

const fromApp = { senderFrame: { url: APP_ENTRY_URL } };

describe('Electron IPC wiring', () => {
  it('registers exactly one handler per contract call', () => {
    const ipcMain = standInIpcMain();
    registerContractHandlers(ipcMain, createDispatch(recordingHandlers(), createLogger({ dir: null })), createLogger({ dir: null }));
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CALL_NAMES.map(ipcChannel).sort());
  });

  it('serves our own frame, validating input before the service', async () => {
    const ipcMain = standInIpcMain();
    const services = recordingHandlers();
    registerContractHandlers(ipcMain, createDispatch(services, createLogger({ dir: null })), createLogger({ dir: null }));
    const getAppInfo = ipcMain.handlers.get(ipcChannel('getAppInfo'))!;
    expect(await getAppInfo(fromApp, {})).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    const capture = ipcMain.handlers.get(ipcChannel('captureFingerprint'))!;
    expect(await capture(fromApp, { timeoutMs: 'soon' })).toMatchObject({ ok: false, error: { code: 'input.invalid', params: { field: 'timeoutMs' } } });
    expect(services.calls).toHaveBeenCalledTimes(1);
  });

  /** A valid input for every call: an unknown field added to it must be the only reason for a refusal. */
  const VALID: { [K in CallName]: CallInput<K> } = {
    getAppInfo: {},
    getDeviceStatus: {},
    findScanner: {},
    captureFingerprint: { timeoutMs: 10_000 },
    cancelCapture: {},
    getSettlementBalance: {},
    getSettlementAccounts: {},
    getEkoStatus: {},
    balanceEnquiry: { customerMobile: '9876543210', aadhaar: '234567890124', bankIin: '607094', captureHandle: 'h1' },
    miniStatement: { customerMobile: '9876543210', aadhaar: '234567890124', bankIin: '607094', captureHandle: 'h1' },
    getDailyAuthStatus: {},
    dailyAuthenticate: { aadhaar: '234567890124', bankIin: '607094', captureHandle: 'h1' },
    getLastEnquiry: {},
    acknowledgeLastEnquiry: { clientRefId: 'REF-1' },
    listEnquiries: { outcome: 'success' },
    followUpEnquiry: { clientRefId: 'REF-1' },
    printReceipt: { paperMm: 58 },
    saveReceiptPdf: { paperMm: 80, clientRefId: 'REF-1' },
    getDiagnostics: {},
    exportDiagnostics: {},
    exportLogs: {},
    getSettings: {},
    unlockSettings: { pin: '2468' },
    saveSettings: { profile: 'demo' },
    testConnection: {},
    lockSettings: { token: 't'.repeat(43) },
  };

  it('validates the input of every call before any service runs: not an object, or an unknown field', async () => {
    const ipcMain = standInIpcMain();
    const services = recordingHandlers();
    registerContractHandlers(ipcMain, createDispatch(services, createLogger({ dir: null })), createLogger({ dir: null }));
    for (const name of CALL_NAMES) {
      const valid = VALID[name] as Record<string, unknown> | undefined;
      expect(valid, `a valid sample input for ${name}`).toBeDefined();
      expect(contract[name].input.safeParse(valid).success, `the sample input of ${name} is valid`).toBe(true);
      const handler = ipcMain.handlers.get(ipcChannel(name))!;
      for (const input of ['text', 42, true, [], [valid], { ...valid, unknownField: 1 }]) {
        expect(await handler(fromApp, input), `${name}(${JSON.stringify(input)})`).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
      }
    }
    expect(services.calls).not.toHaveBeenCalled();
  });

  it('rejects every call from an unknown sender', async () => {
    const ipcMain = standInIpcMain();
    const services = recordingHandlers();
    registerContractHandlers(ipcMain, createDispatch(services, createLogger({ dir: null })), createLogger({ dir: null }));
    for (const sender of [
      { senderFrame: { url: 'https://evil.example/' } },
      { senderFrame: { url: 'file:///C:/app/index.html' } },
      { senderFrame: { url: 'app://other/index.html' } },
      { senderFrame: null },
      {},
    ]) {
      for (const name of CALL_NAMES) {
        const result = await ipcMain.handlers.get(ipcChannel(name))!(sender, {});
        expect(result).toMatchObject({ ok: false, error: { code: 'host.unauthorized' } });
      }
    }
    expect(services.calls).not.toHaveBeenCalled();
  });

  it('unregisters cleanly', () => {
    const ipcMain = standInIpcMain();
    const off = registerContractHandlers(ipcMain, createDispatch(recordingHandlers(), createLogger({ dir: null })), createLogger({ dir: null }));
    off();
    expect(ipcMain.handlers.size).toBe(0);
  });

  it('trusts only the app origin', () => {
    expect(isTrustedFrameUrl(`${APP_ORIGIN}/`)).toBe(true);
    expect(isTrustedFrameUrl(`${APP_ORIGIN}.evil/`)).toBe(false);
    expect(isTrustedFrameUrl('http://127.0.0.1:5178/')).toBe(false);
    expect(isTrustedFrameUrl(undefined)).toBe(false);
  });
});
