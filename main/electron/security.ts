/**
 * Every lock-down rule of the Electron shell in one place
 * (shared/reference/aadhaar-and-kiosk-rules.md, Electron security checklist).
 */
import type { App, BrowserWindowConstructorOptions, Event, Input, Session, WebContents } from 'electron';
import { APP_ORIGIN } from '../../app/app-origin';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { isTrustedFrameUrl } from './ipc';
import type { Logger } from '../services/log/logger';

export function secureWebPreferences(
  preloadPath: string,
  options: { release?: boolean } = {},
): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
  return {
    preload: preloadPath,
    contextIsolation: true,
    sandbox: true,
    nodeIntegration: false,
    nodeIntegrationInWorker: false,
    nodeIntegrationInSubFrames: false,
    webSecurity: true,
    allowRunningInsecureContent: false,
    experimentalFeatures: false,
    webviewTag: false,
    spellcheck: false,
    navigateOnDragDrop: false,
    // Release builds: no DevTools at all (a shortcut block alone could be bypassed).
    devTools: !options.release,
    safeDialogs: true,
    disableDialogs: false,
    autoplayPolicy: 'user-gesture-required',
  };
}

/** Where the renderer may load anything from: our own protocol, and inline data it made itself. */
function isAllowedRequestUrl(url: string, options: { release: boolean }): boolean {
  if (isTrustedFrameUrl(url)) return true;
  if (url.startsWith('data:') || url.startsWith(`blob:${APP_ORIGIN}/`)) return true;
  // DevTools load their own front-end over devtools:// (development only).
  return !options.release && url.startsWith('devtools://');
}

/**
 * Denies every permission request (camera, geolocation, notifications, …): the UI needs none.
 * Cancels any request that is not for our own origin (the renderer talks to the world only through
 * the contract), and adds the CSP to every response as a second line behind protocol.ts.
 */
export function lockDownSession(session: Session, logger: Logger, options: { release: boolean } = { release: true }): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
  session.webRequest.onBeforeRequest((details, callback) => {
    const allowed = isAllowedRequestUrl(details.url, options);
    if (!allowed) logger.warn('request blocked', { url: details.url.slice(0, 100) });
    callback({ cancel: !allowed });
  });
  session.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...(details.responseHeaders ?? {}) };
    for (const name of Object.keys(headers)) {
      if (name.toLowerCase() === 'content-security-policy') delete headers[name];
    }
    headers['Content-Security-Policy'] = [CONTENT_SECURITY_POLICY];
    callback({ responseHeaders: headers });
  });
}

/** Our own origin. Compared by scheme and host: a custom scheme's URL.origin is "null". */
function isAppUrl(url: string): boolean {
  return isTrustedFrameUrl(url);
}

/** No navigation away from our own origin, no new windows, no webviews. */
function lockDownContents(contents: WebContents, logger: Logger): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      logger.warn('navigation blocked', { url: url.slice(0, 100) });
    }
  });
  contents.on('will-frame-navigate', (event) => {
    if (!isAppUrl(event.url)) {
      event.preventDefault();
      logger.warn('frame navigation blocked', { url: event.url.slice(0, 100) });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  // Never shell.openExternal: a kiosk opens nothing outside itself, whatever the page asks.
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('window.open denied', { url: url.slice(0, 100) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => {
    event.preventDefault();
    logger.warn('webview blocked');
  });
}

/** Applies lockDownContents to every web contents the app ever creates, not only our window's. */
export function lockDownApp(app: Pick<App, 'on'>, logger: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    lockDownContents(contents, logger);
  });
}

type KeyInput = Pick<Input, 'type' | 'key' | 'code' | 'control' | 'meta' | 'shift' | 'alt'>;

/**
 * Shortcuts a release build swallows: reload, DevTools, zoom, close, print, view-source,
 * back/forward. Typing (digits, letters, Backspace, Tab, Enter) is untouched.
 */
function isBlockedShortcut(input: KeyInput): boolean {
  if (input.type !== 'keyDown' && input.type !== 'rawKeyDown') return false;
  const key = input.key.length === 1 ? input.key.toLowerCase() : input.key;
  const mod = input.control || input.meta;
  if (['F5', 'F11', 'F12', 'BrowserRefresh', 'BrowserBack', 'BrowserForward', 'BrowserHome'].includes(key)) return true;
  if (input.code === 'F5' || input.code === 'F12') return true;
  if (input.alt && (key === 'ArrowLeft' || key === 'ArrowRight' || key === 'Home')) return true;
  if (!mod) return false;
  if (input.shift && ['i', 'j', 'c', 'r'].includes(key)) return true;
  // Zoom: Ctrl with =, +, -, _, 0, and the numpad's versions.
  if (['=', '+', '-', '_', '0'].includes(key)) return true;
  if (['NumpadAdd', 'NumpadSubtract', 'Numpad0', 'Equal', 'Minus', 'Digit0'].includes(input.code)) return true;
  // Reload, close, quit, print dialog, view source. Copy/paste/select-all stay.
  return ['r', 'w', 'q', 'p', 'u'].includes(key);
}

/** Release builds: swallow the shortcuts above, keep zoom at 100 %, close DevTools if anything opens them. */
export function lockDownKeyboardAndZoom(contents: WebContents, logger: Logger): void {
  contents.on('before-input-event', (event: Event, input: Input) => {
    if (isBlockedShortcut(input)) {
      event.preventDefault();
      logger.debug('shortcut blocked', { key: input.key.length === 1 ? 'char' : input.key });
    }
  });
  // Ctrl+wheel and pinch zoom come as zoom-changed / visual zoom, not as keys.
  contents.on('zoom-changed', () => contents.setZoomFactor(1));
  contents.on('did-finish-load', () => {
    contents.setZoomFactor(1);
    void contents.setVisualZoomLevelLimits(1, 1).catch(() => undefined);
  });
  contents.on('devtools-opened', () => {
    logger.warn('devtools closed in a release build');
    contents.closeDevTools();
  });
}
