/**
 * A stand-in for the parts of Electron the shell uses, recording what was
 * configured so the tests can assert every lock-down rule without the binary.
 */
import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { vi } from 'vitest';
import type { BrowserWindow, BrowserWindowConstructorOptions } from 'electron';
import type { Booted } from '../../../main/host/boot';
import type { ShellDeps } from '../../../main/electron/shell';
import { createLogger, type Logger } from '../../../main/services/log/logger';
import type { LastEnquiry } from '../../../app/contract';

export class StandInContents extends EventEmitter {
  windowOpenHandler: ((details: { url: string }) => { action: string }) | null = null;
  zoomFactor = 1;
  setWindowOpenHandler = vi.fn((handler: (details: { url: string }) => { action: string }) => {
    this.windowOpenHandler = handler;
  });
  setZoomFactor = vi.fn((factor: number) => {
    this.zoomFactor = factor;
  });
  setVisualZoomLevelLimits = vi.fn(async (_min: number, _max: number) => undefined);
  closeDevTools = vi.fn();
  /** Answers like a printer that took the job; a test replaces it for other printers. */
  print = vi.fn((_options: unknown, callback?: (success: boolean, failureReason: string) => void) => callback?.(true, ''));
  /** A tiny PDF-looking buffer, like Chromium's. */
  printToPDF = vi.fn(async (_options: unknown) => Buffer.from('%PDF-1.4\n% stand-in receipt\n%%EOF\n'));

  /** Emits like Electron: a cancellable event first. Answers whether a listener prevented it. */
  fire(name: string, ...args: unknown[]): boolean {
    let prevented = false;
    const event = { preventDefault: () => (prevented = true), ...(typeof args[0] === 'object' && name === 'will-frame-navigate' ? (args[0] as object) : {}) };
    this.emit(name, event, ...(name === 'will-frame-navigate' ? [] : args));
    return prevented;
  }
}

export class StandInWindow extends EventEmitter {
  readonly webContents = new StandInContents();
  destroyed = false;
  minimized = false;
  loadURL = vi.fn(async (_url: string) => undefined);
  removeMenu = vi.fn();
  show = vi.fn();
  focus = vi.fn();
  restore = vi.fn(() => {
    this.minimized = false;
  });
  constructor(readonly options: BrowserWindowConstructorOptions) {
    super();
  }
  isDestroyed = () => this.destroyed;
  isMinimized = () => this.minimized;
  destroy = vi.fn(() => {
    this.destroyed = true;
    this.emit('closed');
  });
  /** Alt+F4 or the close button: emits a cancellable 'close'; answers whether a listener prevented it. */
  requestClose(): boolean {
    let prevented = false;
    this.emit('close', { preventDefault: () => (prevented = true) });
    return prevented;
  }
}

export class StandInApp extends EventEmitter {
  isPackaged: boolean;
  gotLock: boolean;
  quit = vi.fn();
  exit = vi.fn();
  setAppUserModelId = vi.fn();
  requestSingleInstanceLock = vi.fn(() => this.gotLock);
  getPath = vi.fn((_name: string) => this.userData);
  whenReady = vi.fn(async () => undefined);
  relaunch = vi.fn();
  /** Chromium's parsed command line: switches may start with --, - or / (Windows), with or without =value. */
  commandLine = {
    hasSwitch: vi.fn((name: string) => this.argv.some((arg) => new RegExp(`^(?:--|-|/)${name}(?:=|$)`, 'i').test(arg))),
  };
  constructor(options: { isPackaged?: boolean; gotLock?: boolean; userData: string; argv?: string[] }) {
    super();
    this.isPackaged = options.isPackaged ?? true;
    this.gotLock = options.gotLock ?? true;
    this.userData = options.userData;
    this.argv = options.argv ?? [];
  }
  argv: string[];
  userData: string;
}

type PermissionRequestHandler = (wc: unknown, permission: string, callback: (granted: boolean) => void, details?: unknown) => void;
type RequestListener = (details: { url: string; responseHeaders?: Record<string, string[]> }, callback: (response: Record<string, unknown>) => void) => void;

export class StandInSession {
  permissionRequestHandler: PermissionRequestHandler | null = null;
  permissionCheckHandler: ((...args: unknown[]) => boolean) | null = null;
  devicePermissionHandler: ((...args: unknown[]) => boolean) | null = null;
  beforeRequest: RequestListener | null = null;
  headersReceived: RequestListener | null = null;
  setPermissionRequestHandler = vi.fn((h: PermissionRequestHandler) => void (this.permissionRequestHandler = h));
  setPermissionCheckHandler = vi.fn((h: (...args: unknown[]) => boolean) => void (this.permissionCheckHandler = h));
  setDevicePermissionHandler = vi.fn((h: (...args: unknown[]) => boolean) => void (this.devicePermissionHandler = h));
  webRequest = {
    onBeforeRequest: vi.fn((l: RequestListener) => void (this.beforeRequest = l)),
    onHeadersReceived: vi.fn((l: RequestListener) => void (this.headersReceived = l)),
  };
}

export interface StandIn {
  deps: ShellDeps;
  app: StandInApp;
  windows: StandInWindow[];
  session: StandInSession;
  protocol: { registerSchemesAsPrivileged: ReturnType<typeof vi.fn>; handle: ReturnType<typeof vi.fn>; handlers: Map<string, (req: Request) => Promise<Response>> };
  ipcMain: { handle: ReturnType<typeof vi.fn>; removeHandler: ReturnType<typeof vi.fn>; handlers: Map<string, (event: unknown, input: unknown) => Promise<unknown>> };
  Menu: { setApplicationMenu: ReturnType<typeof vi.fn> };
  powerSaveBlocker: { start: ReturnType<typeof vi.fn>; stop: ReturnType<typeof vi.fn>; isStarted: ReturnType<typeof vi.fn> };
  dialog: { showErrorBox: ReturnType<typeof vi.fn> };
  /** Stands in for `process`: emit 'uncaughtException' / 'unhandledRejection' on it. */
  processEvents: EventEmitter;
  dispatch: ReturnType<typeof vi.fn>;
  lines: string[];
  logger: Logger;
  lastEnquiry: { value: LastEnquiry };
  rendererDir: string;
}

const madeDirs: string[] = [];
/** Removes the temporary folders the stand-ins made. */
export function cleanupStandIns(): void {
  for (const dir of madeDirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
}

/** A full set of stand-ins; `overrides` replaces any dependency. */
export function standInElectron(options: { isPackaged?: boolean; gotLock?: boolean; argv?: string[]; env?: NodeJS.ProcessEnv; bootError?: Error } = {}, overrides: Partial<ShellDeps> = {}): StandIn {
  const userData = fs.mkdtempSync(path.join(os.tmpdir(), 'shell-test-'));
  madeDirs.push(userData);
  const rendererDir = path.join(userData, 'renderer');
  fs.mkdirSync(rendererDir);
  fs.writeFileSync(path.join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  const app = new StandInApp({ isPackaged: options.isPackaged, gotLock: options.gotLock, userData, argv: options.argv });
  const windows: StandInWindow[] = [];
  const session = new StandInSession();
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  const protocol = {
    handlers: protocolHandlers,
    registerSchemesAsPrivileged: vi.fn(),
    handle: vi.fn((scheme: string, handler: (req: Request) => Promise<Response>) => void protocolHandlers.set(scheme, handler)),
  };
  const ipcHandlers = new Map<string, (event: unknown, input: unknown) => Promise<unknown>>();
  const ipcMain = {
    handlers: ipcHandlers,
    handle: vi.fn((channel: string, fn: (event: unknown, input: unknown) => Promise<unknown>) => void ipcHandlers.set(channel, fn)),
    removeHandler: vi.fn((channel: string) => void ipcHandlers.delete(channel)),
  };
  const Menu = { setApplicationMenu: vi.fn() };
  const started = new Set<number>();
  const powerSaveBlocker = {
    start: vi.fn(() => {
      started.add(7);
      return 7;
    }),
    stop: vi.fn((id: number) => void started.delete(id)),
    isStarted: vi.fn((id: number) => started.has(id)),
  };
  const dialog = { showErrorBox: vi.fn() };
  const processEvents = new EventEmitter();
  const lines: string[] = [];
  const logger = createLogger({ dir: null, minLevel: 'debug', onLine: (l) => lines.push(l) });
  const dispatch = vi.fn(async (_name: string, _input: unknown) => ({ ok: true, value: {} }));
  const lastEnquiry: { value: LastEnquiry } = { value: { state: 'none' } };
  const booted = {
    config: { dataDir: userData },
    logger,
    dispatch,
    services: { stop: vi.fn(async () => undefined), enquiry: { last: () => lastEnquiry.value } },
  } as unknown as Booted;

  const deps: ShellDeps = {
    app: app as unknown as ShellDeps['app'],
    createWindow: (opts) => {
      const win = new StandInWindow(opts);
      windows.push(win);
      // Electron announces every new web contents on the app.
      app.emit('web-contents-created', { preventDefault() {} }, win.webContents);
      return win as unknown as BrowserWindow;
    },
    Menu: Menu as unknown as ShellDeps['Menu'],
    ipcMain: ipcMain as unknown as ShellDeps['ipcMain'],
    protocol: protocol as unknown as ShellDeps['protocol'],
    session: { defaultSession: session as unknown as ShellDeps['session']['defaultSession'] },
    powerSaveBlocker: powerSaveBlocker as unknown as ShellDeps['powerSaveBlocker'],
    dialog: dialog as unknown as ShellDeps['dialog'],
    boot: vi.fn(async () => {
      if (options.bootError) throw options.bootError;
      return booted;
    }),
    paths: { preload: '/app/dist/main/preload.cjs', rendererDir },
    argv: options.argv ?? [],
    env: options.env ?? {},
    processEvents,
    ...overrides,
  };
  return { deps, app, windows, session, protocol, ipcMain, Menu, powerSaveBlocker, dialog, processEvents, dispatch, lines, logger, lastEnquiry, rendererDir };
}
