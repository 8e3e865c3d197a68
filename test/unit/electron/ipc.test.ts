import { describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, ipcChannel } from '../../../app/contract';
import { createDispatch } from '../../../main/host/dispatch';
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

const fromApp = { senderFrame: { url: 'app://kiosk/index.html' } };

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

  it('trusts only app://kiosk', () => {
    expect(isTrustedFrameUrl('app://kiosk/')).toBe(true);
    expect(isTrustedFrameUrl('app://kiosk.evil/')).toBe(false);
    expect(isTrustedFrameUrl('http://127.0.0.1:5178/')).toBe(false);
    expect(isTrustedFrameUrl(undefined)).toBe(false);
  });
});
