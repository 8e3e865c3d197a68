/**
 * Electron entry: hands the real Electron modules to the shell (shell.ts holds
 * all the wiring and is unit-tested with stand-ins). It boots the same services
 * as the web host, serves the contract over IPC, and opens one locked-down window.
 */
import fs from 'node:fs';
import path from 'node:path';
import { app, BrowserWindow, dialog, ipcMain, Menu, powerMonitor, powerSaveBlocker, protocol, safeStorage, session } from 'electron';
import { autoUpdater } from 'electron-updater';
import { boot } from '../host/boot';
import { createReceiptPrinter } from './printer';
import { createSafeStorageSecretStore } from './secret-store';
import { createShell } from './shell';
import { createIdlePredicate, feedUrlFromAppUpdateYml, isPlaceholderFeed, startUpdater } from './updater';

function readText(file: string): string | null {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return null;
  }
}

const shell = createShell({
  app,
  createWindow: (options) => new BrowserWindow(options),
  Menu,
  ipcMain,
  protocol,
  session,
  powerSaveBlocker,
  dialog,
  boot: (dataDir) =>
    boot({
      host: 'electron',
      dataDir,
      assetsDir: path.join(app.getAppPath(), 'assets'),
      printer: createReceiptPrinter(() => BrowserWindow.getAllWindows()[0]?.webContents ?? null),
      // Boot runs after app.whenReady, when safeStorage (DPAPI on Windows) works.
      secretStore: createSafeStorageSecretStore(safeStorage),
    }),
  paths: {
    preload: path.join(__dirname, 'preload.cjs'),
    rendererDir: path.join(__dirname, '..', 'renderer'),
  },
  argv: process.argv,
  processEvents: process,
  env: process.env,
  startUpdater: ({ logger, enquiryInFlight }) => {
    // Only an installed build can update itself (a development run has no app-update.yml).
    if (!app.isPackaged) return null;
    const feedUrl = process.env.KIOSK_UPDATE_URL || feedUrlFromAppUpdateYml(readText(path.join(process.resourcesPath, 'app-update.yml')));
    if (isPlaceholderFeed(feedUrl)) {
      logger.warn('self-update off: this build has no update feed (set KIOSK_UPDATE_URL when running `npm run dist`)');
      return null;
    }
    return startUpdater({
      updater: autoUpdater,
      logger,
      feedUrl: process.env.KIOSK_UPDATE_URL || null,
      isIdle: createIdlePredicate({ enquiryInFlight, systemIdleSeconds: () => powerMonitor.getSystemIdleTime() }),
    });
  },
});

void shell.start();
