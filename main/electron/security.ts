/**
 * Every lock-down rule of the Electron shell in one place
 * (shared/reference/aadhaar-and-kiosk-rules.md, Electron security checklist).
 */
import type { BrowserWindowConstructorOptions, Session, WebContents } from 'electron';
import { isTrustedFrameUrl } from './ipc';
import type { Logger } from '../services/log/logger';

export function secureWebPreferences(preloadPath: string): NonNullable<BrowserWindowConstructorOptions['webPreferences']> {
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
  };
}

/** Denies every permission request (camera, geolocation, notifications, …): the UI needs none. */
export function lockDownSession(session: Session, logger: Logger): void {
  session.setPermissionRequestHandler((_wc, permission, callback) => {
    logger.warn('permission request denied', { permission });
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
}

/** Our own origin. Compared by scheme and host: a custom scheme's URL.origin is "null". */
export function isAppUrl(url: string): boolean {
  return isTrustedFrameUrl(url);
}

/** No navigation away from our own origin, no new windows, no webviews. */
export function lockDownContents(contents: WebContents, logger: Logger): void {
  contents.on('will-navigate', (event, url) => {
    if (!isAppUrl(url)) {
      event.preventDefault();
      logger.warn('navigation blocked', { url: url.slice(0, 100) });
    }
  });
  contents.on('will-redirect', (event, url) => {
    if (!isAppUrl(url)) event.preventDefault();
  });
  contents.setWindowOpenHandler(({ url }) => {
    logger.warn('window.open denied', { url: url.slice(0, 100) });
    return { action: 'deny' };
  });
  contents.on('will-attach-webview', (event) => event.preventDefault());
}
