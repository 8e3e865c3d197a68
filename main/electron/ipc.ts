/**
 * Serves the contract over Electron IPC: one handler per call, each checking
 * who is calling before dispatch validates the input and runs the service.
 */
import type { IpcMain, IpcMainInvokeEvent } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../app/app-origin';
import { CALL_NAMES, KioskError, ipcChannel, type Envelope } from '../../app/contract';
import type { Dispatch } from '../host/dispatch';
import type { Logger } from '../services/log/logger';

/** Only our own UI, loaded from our own protocol, may call. */
export function isTrustedFrameUrl(url: string | undefined | null): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export function registerContractHandlers(
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>,
  dispatch: Dispatch,
  logger: Logger,
  isTrusted: (url: string | undefined | null) => boolean = isTrustedFrameUrl,
): () => void {
  const log = logger.child('ipc');
  for (const name of CALL_NAMES) {
    ipcMain.handle(ipcChannel(name), async (event: IpcMainInvokeEvent, input: unknown): Promise<Envelope> => {
      const url = event.senderFrame?.url;
      if (!isTrusted(url)) {
        log.warn('call from an untrusted frame refused', { call: name, url: String(url).slice(0, 100) });
        return { ok: false, error: new KioskError('host.unauthorized').toWire() };
      }
      return dispatch(name, input);
    });
  }
  return () => {
    for (const name of CALL_NAMES) ipcMain.removeHandler(ipcChannel(name));
  };
}
