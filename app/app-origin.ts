/**
 * The desktop app's own origin: Electron serves the built renderer from app://kiosk/
 * (main/electron/protocol.ts), and only frames from it may call the contract or navigate.
 * A custom scheme's URL.origin is "null", so compare scheme and host, never `origin`.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
/** `app://kiosk` */
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
/** The page the window loads. */
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;
