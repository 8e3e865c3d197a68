/**
 * The Electron shell's wiring, with every Electron API passed in: main.ts hands
 * over the real modules, the unit tests a stand-in, so each lock-down rule is
 * proven without the Electron binary.
 *
 * Start-up order: privileged scheme → single-instance lock → ready → no menu →
 * boot services → session/protocol/IPC lock-down → keep display awake → window
 * → updater. A settings flow can be added as more contract calls (IPC) and, if
 * it needs a window of its own, another createWindow call with the same
 * webPreferences and lock-down (lockDownApp covers every web contents).
 */
import type {
  App,
  BrowserWindow,
  BrowserWindowConstructorOptions,
  Dialog,
  IpcMain,
  Menu,
  PowerSaveBlocker,
  Protocol,
  Session,
} from 'electron';
import type { Booted } from '../host/boot';
import { ConfigError } from '../services/config/config';
import type { Logger } from '../services/log/logger';
import { registerContractHandlers } from './ipc';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { createRecovery, type Recovery, type RecoveryTiming } from './recovery';
import { lockDownApp, lockDownKeyboardAndZoom, lockDownSession } from './security';
import { KIOSK_URL, mainWindowOptions, resolveShellMode, type ShellMode } from './window';

export const APP_USER_MODEL_ID = 'in.eko.aeps.counter';

export type ShellApp = Pick<
  App,
  | 'isPackaged'
  | 'whenReady'
  | 'on'
  | 'quit'
  | 'exit'
  | 'requestSingleInstanceLock'
  | 'getPath'
  | 'setAppUserModelId'
>;

export interface ShellDeps {
  app: ShellApp;
  /** `(options) => new BrowserWindow(options)` */
  createWindow: (options: BrowserWindowConstructorOptions) => BrowserWindow;
  Menu: Pick<typeof Menu, 'setApplicationMenu'>;
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler'>;
  protocol: Pick<Protocol, 'registerSchemesAsPrivileged' | 'handle'>;
  session: { defaultSession: Session };
  powerSaveBlocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>;
  dialog: Pick<Dialog, 'showErrorBox'>;
  /** Boots config, logger, services and dispatch (main/host/boot.ts) with this data dir. */
  boot: (dataDir: string) => Promise<Booted>;
  /** Starts self-update (release builds); answers something with stop(), or null. */
  startUpdater?: (context: { logger: Logger; enquiryInFlight: () => boolean }) => { stop(): void } | null;
  paths: { preload: string; rendererDir: string };
  argv?: readonly string[];
  env?: NodeJS.ProcessEnv;
  recoveryTiming?: Partial<RecoveryTiming>;
}

export interface Shell {
  start(): Promise<void>;
  mode: ShellMode;
  window(): BrowserWindow | null;
  booted(): Booted | null;
}

export function createShell(deps: ShellDeps): Shell {
  const { app } = deps;
  const mode = resolveShellMode({ isPackaged: app.isPackaged, argv: deps.argv ?? [], env: deps.env ?? {} });
  let win: BrowserWindow | null = null;
  let booted: Booted | null = null;
  let recovery: Recovery | null = null;
  let updater: { stop(): void } | null = null;
  let blockerId: number | null = null;
  let quitting = false;

  function createMainWindow(logger: Logger): BrowserWindow {
    const next = deps.createWindow(mainWindowOptions(mode, deps.paths.preload));
    next.removeMenu();
    if (mode.release) lockDownKeyboardAndZoom(next.webContents, logger.child('window'));
    next.once('ready-to-show', () => {
      next.show();
      next.focus();
    });
    recovery?.watch(next.webContents);
    // The same URL every time: a recreated renderer asks getLastEnquiry for an in-flight enquiry itself.
    void next.loadURL(KIOSK_URL).catch((err: unknown) => logger.error('window failed to load', { error: err }));
    return next;
  }

  function recreateWindow(logger: Logger): void {
    if (quitting) return;
    const old = win;
    // The new window first: closing the old one before would fire window-all-closed and quit.
    win = createMainWindow(logger);
    if (old && !old.isDestroyed()) old.destroy();
    logger.info('window recreated');
  }

  function focusWindow(): void {
    if (!win || win.isDestroyed()) return;
    if (win.isMinimized()) win.restore();
    win.show();
    win.focus();
  }

  async function start(): Promise<void> {
    // Before ready: app:// must be a standard, secure scheme.
    deps.protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);
    if (!app.requestSingleInstanceLock()) {
      // Another counter window already runs: it gets focus (second-instance), this one leaves.
      app.quit();
      return;
    }
    app.on('second-instance', () => focusWindow());
    app.on('window-all-closed', () => {
      quitting = true;
      void (booted?.services.stop() ?? Promise.resolve()).finally(() => app.quit());
    });
    app.on('before-quit', () => {
      quitting = true;
      recovery?.dispose();
      updater?.stop();
      if (blockerId !== null && deps.powerSaveBlocker.isStarted(blockerId)) deps.powerSaveBlocker.stop(blockerId);
    });
    app.setAppUserModelId(APP_USER_MODEL_ID);

    await app.whenReady();
    deps.Menu.setApplicationMenu(null);

    try {
      booted = await deps.boot(app.getPath('userData'));
    } catch (err) {
      const text = err instanceof ConfigError ? err.message : `The kiosk could not start: ${(err as Error)?.message ?? String(err)}`;
      deps.dialog.showErrorBox('AePS Counter', text);
      app.exit(1);
      return;
    }
    const logger = booted.logger.child('shell');
    logger.info('shell starting', { release: mode.release, kiosk: mode.kiosk });

    lockDownApp(app, logger.child('security'));
    lockDownSession(deps.session.defaultSession, logger.child('security'), { release: mode.release });
    registerAppProtocol(deps.protocol, deps.paths.rendererDir);
    registerContractHandlers(deps.ipcMain, booted.dispatch, booted.logger);

    app.on('child-process-gone', (_event, details) => {
      logger.warn('child process gone', { type: details.type, reason: details.reason, exitCode: details.exitCode });
    });

    blockerId = deps.powerSaveBlocker.start('prevent-display-sleep');

    recovery = createRecovery({ recreate: () => recreateWindow(logger), logger, timing: deps.recoveryTiming });
    win = createMainWindow(logger);

    try {
      updater =
        deps.startUpdater?.({ logger: booted.logger, enquiryInFlight: () => booted?.services.enquiry.last().state === 'inFlight' }) ?? null;
    } catch (err) {
      logger.warn('updater not started', { error: err });
    }
  }

  return {
    start,
    mode,
    window: () => win,
    booted: () => booted,
  };
}
