/**
 * Electron entry: a thin shell. It boots the same services as the web host,
 * serves the contract over IPC, and opens one locked-down window.
 */
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, protocol, session } from 'electron';
import { boot, type Booted } from '../host/boot';
import { ConfigError } from '../services/config/config';
import { registerContractHandlers } from './ipc';
import { APP_SCHEME_PRIVILEGES, registerAppProtocol } from './protocol';
import { lockDownContents, lockDownSession, secureWebPreferences } from './security';

// Must happen before the app is ready.
protocol.registerSchemesAsPrivileged([APP_SCHEME_PRIVILEGES]);

let window: BrowserWindow | null = null;
let booted: Booted | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow({
    width: 1280,
    height: 800,
    minWidth: 1024,
    minHeight: 700,
    show: false,
    autoHideMenuBar: true,
    backgroundColor: '#f4f6fb',
    title: 'AePS Counter',
    webPreferences: secureWebPreferences(path.join(__dirname, 'preload.cjs')),
  });
  win.removeMenu();
  lockDownContents(win.webContents, booted!.logger);
  win.once('ready-to-show', () => win.show());
  void win.loadURL('app://kiosk/index.html');
  return win;
}

async function start(): Promise<void> {
  await app.whenReady();
  try {
    booted = await boot({ host: 'electron', dataDir: app.getPath('userData') });
  } catch (err) {
    const message = err instanceof ConfigError ? err.message : `The kiosk could not start: ${(err as Error).message}`;
    dialog.showErrorBox('AePS Counter', message);
    app.exit(1);
    return;
  }
  lockDownSession(session.defaultSession, booted.logger);
  registerAppProtocol(protocol, path.join(__dirname, '..', 'renderer'));
  registerContractHandlers(ipcMain, booted.dispatch, booted.logger);
  window = createWindow();
}

app.on('window-all-closed', () => {
  void booted?.services.stop().finally(() => app.quit());
});

void start();
export { window };
