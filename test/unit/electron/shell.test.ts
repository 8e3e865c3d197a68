import { afterEach, describe, expect, it, vi } from 'vitest';
import { CALL_NAMES, ipcChannel } from '../../../app/contract';
import { CONTENT_SECURITY_POLICY } from '../../../main/host/csp';
import { RELAUNCHED_AFTER_ERROR_FLAG, RELAUNCH_LOOP_WINDOW_MS, createShell } from '../../../main/electron/shell';
import { APP_ENTRY_URL, APP_ORIGIN } from '../../../app/app-origin';
import { APP_SCHEME_PRIVILEGES } from '../../../main/electron/protocol';
import { resolveShellMode } from '../../../main/electron/window';
import { ConfigError } from '../../../main/services/config/config';
import { cleanupStandIns, standInElectron, type StandInWindow } from './stand-in-electron';

async function started(options: Parameters<typeof standInElectron>[0] = {}, overrides: Parameters<typeof standInElectron>[1] = {}) {
  const e = standInElectron(options, overrides);
  const shell = createShell(e.deps);
  await shell.start();
  return { ...e, shell, win: e.windows[0] as StandInWindow };
}

const key = (k: Partial<{ key: string; code: string; control: boolean; meta: boolean; shift: boolean; alt: boolean; type: string }>) => ({
  type: 'keyDown',
  key: '',
  code: '',
  control: false,
  meta: false,
  shift: false,
  alt: false,
  ...k,
});

afterEach(() => {
  vi.useRealTimers();
  cleanupStandIns();
});

describe('the Electron shell (release build)', () => {
  it('opens one full-screen kiosk window with the secure webPreferences, no menu, on the app origin', async () => {
    const { win, Menu, windows } = await started();
    expect(windows).toHaveLength(1);
    expect(Menu.setApplicationMenu).toHaveBeenCalledWith(null);
    expect(win.removeMenu).toHaveBeenCalled();
    expect(win.options).toMatchObject({ kiosk: true, fullscreen: true, show: false });
    expect(win.options.webPreferences).toMatchObject({
      preload: '/app/dist/main/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      devTools: false,
    });
    expect(win.options.webPreferences).not.toHaveProperty('enableBlinkFeatures');
    expect(win.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    // The origin is pinned: the renderer's storage is keyed by it.
    expect(APP_ENTRY_URL).toBe('app://kiosk/index.html');
    win.emit('ready-to-show');
    expect(win.show).toHaveBeenCalled();
  });

  it('registers app:// as a privileged scheme before ready, and serves the renderer with the CSP header', async () => {
    const e = standInElectron();
    const order: string[] = [];
    e.protocol.registerSchemesAsPrivileged.mockImplementation(() => void order.push('scheme'));
    e.app.whenReady.mockImplementation(async () => void order.push('ready'));
    await createShell(e.deps).start();
    expect(order).toEqual(['scheme', 'ready']);
    expect(e.protocol.registerSchemesAsPrivileged).toHaveBeenCalledWith([APP_SCHEME_PRIVILEGES]);
    expect(APP_SCHEME_PRIVILEGES.privileges).toMatchObject({ standard: true, secure: true, codeCache: true });
    const handler = e.protocol.handlers.get('app')!;
    const res = await handler(new Request(APP_ENTRY_URL));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(CONTENT_SECURITY_POLICY).toContain("default-src 'none'");
    // Nothing outside the renderer folder (a path that climbs out gets the app's index), and no other host.
    const climbing = await handler(new Request(`${APP_ORIGIN}/..%2F..%2F..%2Fetc%2Fhostname.txt`));
    expect(await climbing.text()).toContain('<title>kiosk</title>');
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  it('serves exactly the contract over IPC, refusing another frame', async () => {
    const { ipcMain, dispatch } = await started();
    expect([...ipcMain.handlers.keys()].sort()).toEqual(CALL_NAMES.map(ipcChannel).sort());
    const getAppInfo = ipcMain.handlers.get(ipcChannel('getAppInfo'))!;
    expect(await getAppInfo({ senderFrame: { url: 'https://evil.example/' } }, {})).toMatchObject({ ok: false, error: { code: 'host.unauthorized' } });
    expect(dispatch).not.toHaveBeenCalled();
    await getAppInfo({ senderFrame: { url: APP_ENTRY_URL } }, {});
    expect(dispatch).toHaveBeenCalledWith('getAppInfo', {});
  });

  it('denies every permission request and check', async () => {
    const { session } = await started();
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'hid', 'serial', 'openExternal']) {
      const callback = vi.fn();
      session.permissionRequestHandler!({}, permission, callback, {});
      expect(callback).toHaveBeenCalledWith(false);
      expect(session.permissionCheckHandler!({}, permission, APP_ORIGIN, {})).toBe(false);
    }
    expect(session.devicePermissionHandler!({})).toBe(false);
  });

  it('cancels any request that is not our own origin and sets the CSP on every response', async () => {
    const { session } = await started();
    const decide = (url: string) => {
      let answer: Record<string, unknown> = {};
      session.beforeRequest!({ url }, (r) => (answer = r));
      return answer.cancel;
    };
    expect(decide(`${APP_ORIGIN}/assets/app.js`)).toBe(false);
    expect(decide('data:image/png;base64,AAAA')).toBe(false);
    expect(decide('https://evil.example/x.js')).toBe(true);
    expect(decide('http://127.0.0.1:11100/')).toBe(true);
    expect(decide('file:///C:/Windows/win.ini')).toBe(true);
    expect(decide('devtools://devtools/bundled/inspector.html')).toBe(true);
    let headers: Record<string, string[]> = {};
    session.headersReceived!({ url: `${APP_ORIGIN}/`, responseHeaders: { 'content-security-policy': ['default-src *'], 'x-a': ['1'] } }, (r) => {
      headers = r.responseHeaders as Record<string, string[]>;
    });
    expect(headers).toEqual({ 'Content-Security-Policy': [CONTENT_SECURITY_POLICY], 'x-a': ['1'] });
  });

  it('denies navigation elsewhere, new windows and webviews, for every web contents', async () => {
    const { win } = await started();
    const c = win.webContents;
    expect(c.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(c.fire('will-navigate', 'file:///C:/x.html')).toBe(true);
    expect(c.fire('will-navigate', `${APP_ORIGIN}.evil/`)).toBe(true);
    expect(c.fire('will-navigate', APP_ENTRY_URL)).toBe(false);
    expect(c.fire('will-frame-navigate', { url: 'https://evil.example/' })).toBe(true);
    expect(c.fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(c.windowOpenHandler!({ url: 'https://evil.example/' })).toEqual({ action: 'deny' });
    expect(c.windowOpenHandler!({ url: APP_ENTRY_URL })).toEqual({ action: 'deny' });
    expect(c.fire('will-attach-webview', {}, {})).toBe(true);
  });

  it('blocks reload, DevTools and zoom shortcuts, keeps typing, and pins zoom at 100 %', async () => {
    const { win } = await started();
    const c = win.webContents;
    for (const k of [
      key({ key: 'r', control: true }),
      key({ key: 'R', control: true, shift: true }),
      key({ key: 'F5', code: 'F5' }),
      key({ key: 'F12', code: 'F12' }),
      key({ key: 'I', control: true, shift: true }),
      key({ key: 'J', control: true, shift: true }),
      key({ key: 'C', control: true, shift: true }),
      key({ key: 'i', meta: true, alt: true, shift: true }),
      key({ key: '=', control: true, code: 'Equal' }),
      key({ key: '+', control: true, shift: true, code: 'Equal' }),
      key({ key: '-', control: true, code: 'Minus' }),
      key({ key: '0', control: true, code: 'Digit0' }),
      key({ key: '+', control: true, code: 'NumpadAdd' }),
      key({ key: 'w', control: true }),
      key({ key: 'p', control: true }),
      key({ key: 'ArrowLeft', alt: true }),
    ]) {
      expect(c.fire('before-input-event', k), JSON.stringify(k)).toBe(true);
    }
    for (const k of [key({ key: '7', code: 'Digit7' }), key({ key: 'a' }), key({ key: 'Backspace' }), key({ key: 'Enter' }), key({ key: 'Tab' }), key({ key: 'v', control: true }), key({ key: 'r', control: true, type: 'keyUp' })]) {
      expect(c.fire('before-input-event', k), JSON.stringify(k)).toBe(false);
    }
    c.zoomFactor = 1.5;
    c.fire('zoom-changed', 'in');
    expect(c.zoomFactor).toBe(1);
    c.fire('did-finish-load');
    expect(c.setVisualZoomLevelLimits).toHaveBeenCalledWith(1, 1);
    c.fire('devtools-opened');
    expect(c.closeDevTools).toHaveBeenCalled();
  });

  it('keeps the display awake, and lets it sleep again on quit', async () => {
    const { powerSaveBlocker, app } = await started();
    expect(powerSaveBlocker.start).toHaveBeenCalledWith('prevent-display-sleep');
    app.emit('before-quit');
    expect(powerSaveBlocker.stop).toHaveBeenCalledWith(7);
  });

  it('runs one instance only: a second launch quits, and the first one comes to the front', async () => {
    const second = await started({ gotLock: false });
    expect(second.app.quit).toHaveBeenCalled();
    expect(second.windows).toHaveLength(0);
    expect(second.deps.boot).not.toHaveBeenCalled();

    const first = await started();
    first.win.minimized = true;
    first.app.emit('second-instance', {}, ['AePS Counter.exe'], '/');
    expect(first.win.restore).toHaveBeenCalled();
    expect(first.win.focus).toHaveBeenCalled();
  });

  it('a bad configuration shows one message and exits, opening no window', async () => {
    const { dialog, app, windows } = await started({ bootError: new ConfigError('KIOSK_PROFILE', 'must be demo, staging or production') });
    expect(dialog.showErrorBox).toHaveBeenCalledWith('AePS Counter', expect.stringContaining('KIOSK_PROFILE'));
    expect(app.exit).toHaveBeenCalledWith(1);
    expect(windows).toHaveLength(0);
  });

  it('stops the services, then quits, when the window is closed', async () => {
    const { app, deps } = await started();
    app.emit('window-all-closed');
    const booted = await (deps.boot as unknown as () => Promise<{ services: { stop: ReturnType<typeof vi.fn> } }>)();
    await vi.waitFor(() => expect(app.quit).toHaveBeenCalled());
    expect(booted.services.stop).toHaveBeenCalled();
  });

  it('starts the updater with an idle predicate that sees an in-flight enquiry', async () => {
    let context: { enquiryInFlight: () => boolean } | null = null;
    const stop = vi.fn();
    const { lastEnquiry, app } = await started({}, {
      startUpdater: (ctx) => {
        context = ctx;
        return { stop };
      },
    });
    expect(context!.enquiryInFlight()).toBe(false);
    lastEnquiry.value = { state: 'inFlight', clientRefId: null, at: new Date().toISOString(), maskedAadhaar: 'XXXX XXXX 1234', maskedMobile: 'XXXXXX3210', bankName: 'SBI' };
    expect(context!.enquiryInFlight()).toBe(true);
    app.emit('before-quit');
    expect(stop).toHaveBeenCalled();
  });
});

describe('main-process errors nobody caught', () => {
  it('are logged redacted, never shown as Electron’s raw dialog, and a release build relaunches itself', async () => {
    const { processEvents, app, lines, dialog } = await started({ argv: ['AePS Counter.exe', '--kiosk'] });
    // Installed before anything else could throw, and so Electron's own dialog handler stands down.
    expect(processEvents.listenerCount('uncaughtException')).toBe(1);
    expect(processEvents.listenerCount('unhandledRejection')).toBe(1);
    processEvents.emit('uncaughtException', new Error('handler blew up for 2345 6789 0124'));
    const logged = lines.find((l) => l.includes('uncaught exception in the main process'))!;
    expect(logged).toContain('"level":"error"');
    expect(logged).toContain('[aadhaar]');
    expect(logged).not.toContain('6789');
    expect(logged).toContain('"stack":');
    expect(dialog.showErrorBox).not.toHaveBeenCalled();
    expect(app.relaunch).toHaveBeenCalledWith({ args: ['--kiosk', RELAUNCHED_AFTER_ERROR_FLAG] });
    expect(app.exit).toHaveBeenCalledWith(1);
  });

  it('an unhandled rejection is logged and the app carries on', async () => {
    const { processEvents, app, lines } = await started();
    processEvents.emit('unhandledRejection', new Error('lost promise'), Promise.resolve());
    expect(lines.some((l) => l.includes('unhandled promise rejection in the main process') && l.includes('lost promise'))).toBe(true);
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
  });

  it('a relaunched app failing again at once exits without relaunching (no crash loop); later it relaunches', async () => {
    vi.useFakeTimers();
    const first = await started({ argv: ['AePS Counter.exe', RELAUNCHED_AFTER_ERROR_FLAG] });
    await vi.advanceTimersByTimeAsync(1000);
    first.processEvents.emit('uncaughtException', new Error('again'));
    expect(first.app.relaunch).not.toHaveBeenCalled();
    expect(first.app.exit).toHaveBeenCalledWith(1);

    const second = await started({ argv: ['AePS Counter.exe', RELAUNCHED_AFTER_ERROR_FLAG] });
    await vi.advanceTimersByTimeAsync(RELAUNCH_LOOP_WINDOW_MS);
    second.processEvents.emit('uncaughtException', new Error('hours later'));
    // The flag is passed on once, not piled up.
    expect(second.app.relaunch).toHaveBeenCalledWith({ args: [RELAUNCHED_AFTER_ERROR_FLAG] });
  });

  it('development runs log it and keep running (the developer sees it on stderr)', async () => {
    const { processEvents, app, lines } = await started({ isPackaged: false });
    processEvents.emit('uncaughtException', new Error('dev bug'));
    expect(lines.some((l) => l.includes('uncaught exception') && l.includes('dev bug'))).toBe(true);
    expect(app.relaunch).not.toHaveBeenCalled();
    expect(app.exit).not.toHaveBeenCalled();
  });
});

describe('release lock-down of the app itself', () => {
  it('refuses Alt+F4 / a close request, unless the app is quitting', async () => {
    const { win, app } = await started();
    expect(win.requestClose()).toBe(true);
    app.emit('before-quit');
    expect(win.requestClose()).toBe(false);
  });

  it('lets Windows close it when the session ends (shutdown, restart, log-off)', async () => {
    const { win } = await started();
    expect(win.requestClose()).toBe(true);
    win.emit('session-end', { reasons: ['shutdown'], preventDefault() {} });
    expect(win.requestClose()).toBe(false);
  });

  it('a development window closes normally', async () => {
    const { win } = await started({ isPackaged: false });
    expect(win.requestClose()).toBe(false);
  });

  it.each([['--remote-debugging-port=9222'], ['--remote-debugging-pipe'], ['/remote-debugging-port=9222'], ['--inspect=9229']])(
    'a packaged build started with %s exits before loading anything',
    async (flag) => {
      const { app, windows, deps, protocol } = await started({ argv: ['AePS Counter.exe', flag] });
      expect(app.exit).toHaveBeenCalledWith(1);
      expect(protocol.registerSchemesAsPrivileged).not.toHaveBeenCalled();
      expect(deps.boot).not.toHaveBeenCalled();
      expect(windows).toHaveLength(0);
    },
  );

  it('a development run may be debugged (Playwright starts Electron with a debugging port)', async () => {
    const { app, windows } = await started({ isPackaged: false, argv: ['electron', '.', '--remote-debugging-port=0'] });
    expect(app.exit).not.toHaveBeenCalled();
    expect(windows).toHaveLength(1);
  });
});

describe('crash and hang recovery', () => {
  it('recreates the window on the same URL after a crash, backing off 1 s, 2 s, 4 s …, and never quits meanwhile', async () => {
    vi.useFakeTimers();
    const { windows, app } = await started();
    const crash = (w: StandInWindow) => w.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 3 });

    crash(windows[0]!);
    await vi.advanceTimersByTimeAsync(999);
    expect(windows).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(windows).toHaveLength(2);
    expect(windows[1]!.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(windows[0]!.destroy).toHaveBeenCalled();
    expect(windows[1]!.options.webPreferences).toMatchObject({ sandbox: true, contextIsolation: true, devTools: false });
    expect(app.quit).not.toHaveBeenCalled();

    crash(windows[1]!);
    await vi.advanceTimersByTimeAsync(1999);
    expect(windows).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(windows).toHaveLength(3);

    crash(windows[2]!);
    await vi.advanceTimersByTimeAsync(3999);
    expect(windows).toHaveLength(3);
    await vi.advanceTimersByTimeAsync(1);
    expect(windows).toHaveLength(4);
    // The recreated window is locked down like the first.
    expect(windows[3]!.webContents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(windows[3]!.webContents.fire('before-input-event', key({ key: 'F5', code: 'F5' }))).toBe(true);
  });

  it('ignores events from a window already replaced, and resets the back-off after a stable period', async () => {
    vi.useFakeTimers();
    const { windows, lines } = await started();
    windows[0]!.webContents.emit('render-process-gone', {}, { reason: 'oom', exitCode: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(windows).toHaveLength(2);
    // The destroyed window's own exit must not start another round.
    windows[0]!.webContents.emit('render-process-gone', {}, { reason: 'clean-exit', exitCode: 0 });
    await vi.advanceTimersByTimeAsync(5000);
    expect(windows).toHaveLength(2);
    // Stable for two minutes: the next crash waits 1 s again, not 2 s.
    await vi.advanceTimersByTimeAsync(120_000);
    windows[1]!.webContents.emit('render-process-gone', {}, { reason: 'crashed', exitCode: 1 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(windows).toHaveLength(3);
    expect(lines.some((l) => l.includes('renderer failed') && l.includes('"reason":"oom"'))).toBe(true);
    expect(lines.some((l) => l.includes('back-off reset'))).toBe(true);
  });

  it('loads a page that failed to load again (never a blank window), with the same back-off; ignores sub-frames and aborts', async () => {
    vi.useFakeTimers();
    const { windows, lines } = await started();
    const c = windows[0]!.webContents;
    c.emit('did-fail-load', {}, -3, 'ERR_ABORTED', APP_ENTRY_URL, true);
    c.emit('did-fail-load', {}, -106, 'ERR_INTERNET_DISCONNECTED', `${APP_ORIGIN}/frame.html`, false);
    await vi.advanceTimersByTimeAsync(5000);
    expect(windows).toHaveLength(1);
    c.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_ENTRY_URL, true);
    await vi.advanceTimersByTimeAsync(999);
    expect(windows).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(windows).toHaveLength(2);
    expect(windows[1]!.loadURL).toHaveBeenCalledWith(APP_ENTRY_URL);
    expect(lines.some((l) => l.includes('"reason":"load-failed"') && l.includes('ERR_FILE_NOT_FOUND'))).toBe(true);
    // Failing again waits longer (2 s).
    windows[1]!.webContents.emit('did-fail-load', {}, -6, 'ERR_FILE_NOT_FOUND', APP_ENTRY_URL, true);
    await vi.advanceTimersByTimeAsync(1999);
    expect(windows).toHaveLength(2);
    await vi.advanceTimersByTimeAsync(1);
    expect(windows).toHaveLength(3);
  });

  it('replaces a hung window only if it stays unresponsive past the grace period', async () => {
    vi.useFakeTimers();
    const { windows } = await started();
    const c = windows[0]!.webContents;
    c.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(5000);
    c.emit('responsive');
    await vi.advanceTimersByTimeAsync(60_000);
    expect(windows).toHaveLength(1);
    c.emit('unresponsive');
    await vi.advanceTimersByTimeAsync(10_000 + 1000);
    expect(windows).toHaveLength(2);
    expect(windows[0]!.destroy).toHaveBeenCalled();
  });
});

describe('development runs', () => {
  it('are windowed with DevTools and shortcuts, unless kiosk is asked for', async () => {
    const { win } = await started({ isPackaged: false });
    expect(win.options).toMatchObject({ kiosk: false, fullscreen: false });
    expect(win.options.webPreferences).toMatchObject({ devTools: true, sandbox: true, contextIsolation: true, nodeIntegration: false });
    expect(win.webContents.fire('before-input-event', key({ key: 'F12', code: 'F12' }))).toBe(false);
    // The security rules hold in development too.
    expect(win.webContents.fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(resolveShellMode({ isPackaged: false, argv: ['--kiosk'], env: {} })).toEqual({ release: false, kiosk: true });
    expect(resolveShellMode({ isPackaged: false, argv: [], env: { KIOSK_WINDOW: 'kiosk' } })).toEqual({ release: false, kiosk: true });
    expect(resolveShellMode({ isPackaged: true, argv: [], env: {} })).toEqual({ release: true, kiosk: true });
  });
});
