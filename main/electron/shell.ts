/**
 * The Electron shell's wiring, with every Electron API passed in: main.ts hands
 * over the real modules, the unit tests a stand-in, so each lock-down rule is
 * proven without the Electron binary.
 *
 * Start-up order: main-process error handlers → refuse debugging switches (release)
 * → privileged scheme → single-instance lock → ready → no menu → boot services →
 * session/protocol/IPC lock-down → keep display awake → window → updater. A settings
 * flow can be added as more contract calls (IPC) and, if it needs a window of its own,
 * another createWindow call with the same webPreferences and lock-down (lockDownApp
 * covers every web contents).
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
import { APP_ENTRY_URL } from '../../app/app-origin';
import type { Booted } from '../host/boot';
import { ConfigError } from '../services/config/config';
import { createLogger, type Logger } from '../services/log/logger';
import { registerContractHandlers } from './ipc';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { createRecovery, type Recovery, type RecoveryTiming } from './recovery';
import { lockDownApp, lockDownKeyboardAndZoom, lockDownSession } from './security';
import { mainWindowOptions, resolveShellMode, type ShellMode } from './window';

const APP_USER_MODEL_ID = 'in.eko.aeps.counter';

type ShellApp = Pick<
  App,
  | 'isPackaged'
  | 'whenReady'
  | 'on'
  | 'quit'
  | 'exit'
  | 'relaunch'
  | 'commandLine'
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
  /** Where main-process errors nobody caught are reported: `process` (tests: a stand-in emitter). */
  processEvents: Pick<NodeJS.EventEmitter, 'on'>;
}

/**
 * Chromium switches that would open the app to a debugger (DevTools protocol, Node inspector).
 * The release fuses already turn Node's --inspect off; remote debugging has no fuse.
 */
const REFUSED_SWITCHES = ['remote-debugging-port', 'remote-debugging-pipe', 'inspect', 'inspect-brk', 'inspect-port'] as const;
/** Marks a start that relaunched after an uncaught error, so a crash loop stops instead of spinning. */
export const RELAUNCHED_AFTER_ERROR_FLAG = '--kiosk-relaunched-after-error';
/** A relaunched start that fails again within this long is not relaunched again. */
export const RELAUNCH_LOOP_WINDOW_MS = 60_000;

interface Shell {
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
  const startedAt = Date.now(); // tests: fake timers
  // Until boot has a logger with a file: redacted lines on stderr.
  const earlyLogger = createLogger({ dir: null, console: true });

  /**
   * A throw or rejection nobody caught in the main process: logged through the redacting logger,
   * never Electron's raw "A JavaScript error occurred" dialog (which shows a stack trace to the
   * agent). A release build then starts itself again: state after an uncaught exception is not
   * trusted, and an enquiry in flight stays "sent" in the journal, shown as unknown after the start.
   */
  function handleProcessErrors(): void {
    const log = () => (booted?.logger ?? earlyLogger).child('process');
    deps.processEvents.on('uncaughtException', (err: unknown) => {
      log().error('uncaught exception in the main process', { error: err, stack: err instanceof Error ? err.stack : undefined });
      if (!mode.release) return;
      const looping = (deps.argv ?? []).includes(RELAUNCHED_AFTER_ERROR_FLAG) && Date.now() - startedAt < RELAUNCH_LOOP_WINDOW_MS;
      if (looping) {
        log().error('failing again right after a relaunch; exiting without relaunching');
      } else {
        log().warn('relaunching after the uncaught exception');
        const args = (deps.argv ?? []).slice(1).filter((a) => a !== RELAUNCHED_AFTER_ERROR_FLAG);
        app.relaunch({ args: [...args, RELAUNCHED_AFTER_ERROR_FLAG] });
      }
      app.exit(1);
    });
    // A rejected promise is one failed action (its caller already answered); the app carries on.
    deps.processEvents.on('unhandledRejection', (reason: unknown) => {
      log().error('unhandled promise rejection in the main process', { error: reason, stack: reason instanceof Error ? reason.stack : undefined });
    });
  }

  function createMainWindow(logger: Logger): BrowserWindow {
    const next = deps.createWindow(mainWindowOptions(mode, deps.paths.preload));
    next.removeMenu();
    if (mode.release) lockDownKeyboardAndZoom(next.webContents, logger.child('window'));
    // Release: Alt+F4 or a close message must not end the counter app. It closes only when the app
    // quits (an update installing, app.quit) or Windows ends the session (shutdown, restart, log-off).
    next.on('close', (event) => {
      if (!mode.release || quitting) return;
      event.preventDefault();
      logger.warn('window close refused (release build)');
    });
    next.on('session-end', () => {
      quitting = true;
    });
    next.once('ready-to-show', () => {
      next.show();
      next.focus();
    });
    recovery?.watch(next.webContents);
    // The same URL every time: a recreated renderer asks getLastEnquiry for an in-flight enquiry itself.
    void next.loadURL(APP_ENTRY_URL).catch((err: unknown) => logger.error('window failed to load', { error: err }));
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
    handleProcessErrors();
    if (mode.release) {
      const refused = REFUSED_SWITCHES.filter((name) => app.commandLine.hasSwitch(name));
      if (refused.length > 0) {
        // Someone started the counter app with a debugger port: leave before anything loads.
        earlyLogger.error('refusing to start with debugging switches', { switches: refused });
        app.exit(1);
        return;
      }
    }
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
