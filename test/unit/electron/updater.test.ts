import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  UPDATE_CHECK_EVERY_MS,
  createIdlePredicate,
  feedUrlFromAppUpdateYml,
  isPlaceholderFeed,
  startUpdater,
  type UpdaterHandle,
  type UpdaterLike,
} from '../../../main/electron/updater';
import { createLogger } from '../../../main/services/log/logger';

class StandInUpdater extends EventEmitter {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  logger: unknown = console;
  checkForUpdates = vi.fn(async (): Promise<unknown> => null);
  quitAndInstall = vi.fn();
  setFeedURL = vi.fn();
}

let updater: StandInUpdater;
let lines: string[];
let handle: UpdaterHandle | null;
let idle: boolean;

function start(extra: Partial<Parameters<typeof startUpdater>[0]> = {}): UpdaterHandle {
  handle = startUpdater({
    updater: updater as unknown as UpdaterLike,
    logger: createLogger({ dir: null, minLevel: 'debug', onLine: (l) => lines.push(l) }),
    isIdle: () => idle,
    firstCheckDelayMs: 1000,
    idlePollMs: 60_000,
    ...extra,
  });
  return handle;
}

beforeEach(() => {
  vi.useFakeTimers();
  updater = new StandInUpdater();
  lines = [];
  handle = null;
  idle = false;
});
afterEach(() => {
  handle?.stop();
  vi.useRealTimers();
});

describe('the updater', () => {
  it('downloads in the background and checks at start, then every 4 hours', async () => {
    start();
    expect(updater.autoDownload).toBe(true);
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(2);
    expect(UPDATE_CHECK_EVERY_MS).toBe(4 * 60 * 60 * 1000);
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_EVERY_MS);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(3);
  });

  it('offline: a rejected check and an error event are logged, never thrown or shown', async () => {
    updater.checkForUpdates.mockRejectedValue(new Error('net::ERR_INTERNET_DISCONNECTED'));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      start();
      await vi.advanceTimersByTimeAsync(1000);
      // EventEmitter throws on an 'error' event nobody listens to: this must not.
      expect(() => updater.emit('error', new Error('getaddrinfo ENOTFOUND updates.example.com'))).not.toThrow();
      await expect(handle!.check()).resolves.toBeUndefined();
      updater.checkForUpdates.mockImplementation(() => {
        throw new Error('sync failure');
      });
      await expect(handle!.check()).resolves.toBeUndefined();
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    expect(lines.filter((l) => l.includes('"level":"warn"') && l.includes('update'))).toHaveLength(4);
    expect(lines.join('\n')).toContain('ERR_INTERNET_DISCONNECTED');
  });

  it('a download that fails after the check (offline half-way) is logged, never an unhandled rejection', async () => {
    let rejectDownload!: (err: Error) => void;
    const downloadPromise = new Promise<string[]>((_resolve, reject) => (rejectDownload = reject));
    updater.checkForUpdates.mockResolvedValue({ updateInfo: { version: '0.2.0' }, downloadPromise });
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      start();
      await vi.advanceTimersByTimeAsync(1000);
      expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
      rejectDownload(new Error('net::ERR_NETWORK_CHANGED'));
      // Let Node report an unhandled rejection, if there is one, before looking (a real macrotask).
      vi.useRealTimers();
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    expect(lines.some((l) => l.includes('"level":"warn"') && l.includes('update download failed') && l.includes('ERR_NETWORK_CHANGED'))).toBe(true);
  });

  it('installs a downloaded update only when the counter is idle, silently, and restarts', async () => {
    start();
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(handle!.pendingVersion()).toBe('0.2.0');
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000 * 5);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    idle = true;
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
    // Installing: no more polling, no second install, no more checks.
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_EVERY_MS * 2);
    expect(updater.quitAndInstall).toHaveBeenCalledTimes(1);
  });

  it('installs at once when already idle, and treats a failing idle check as busy', async () => {
    let calls = 0;
    start({
      isIdle: () => {
        calls += 1;
        if (calls === 1) throw new Error('journal locked');
        return true;
      },
    });
    updater.emit('update-downloaded', { version: '0.2.0' });
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('uses the feed URL it is given, and logs through our (redacting) logger', () => {
    start({ feedUrl: 'https://updates.example.com/aeps-counter/' });
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: 'https://updates.example.com/aeps-counter/' });
    (updater.logger as { info(m: string): void }).info('Checking for update 2345 6789 0123');
    expect(lines.at(-1)).toContain('[aadhaar]');
  });

  it('stop() ends every timer', async () => {
    start().stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_EVERY_MS * 3);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });
});

describe('update helpers', () => {
  it('idle means no enquiry in flight and no input for 5 minutes', () => {
    let inFlight = false;
    let seconds = 0;
    const isIdle = createIdlePredicate({ enquiryInFlight: () => inFlight, systemIdleSeconds: () => seconds });
    expect(isIdle()).toBe(false);
    seconds = 300;
    expect(isIdle()).toBe(true);
    inFlight = true;
    expect(isIdle()).toBe(false);
  });

  it('reads the feed from app-update.yml and spots the placeholder', () => {
    const yml = 'provider: generic\nurl: https://updates.example.invalid/aeps-counter/\nupdaterCacheDirName: aeps-kiosk-updater\n';
    expect(feedUrlFromAppUpdateYml(yml)).toBe('https://updates.example.invalid/aeps-counter/');
    expect(feedUrlFromAppUpdateYml(null)).toBeNull();
    expect(isPlaceholderFeed('https://updates.example.invalid/aeps-counter/')).toBe(true);
    expect(isPlaceholderFeed(null)).toBe(true);
    expect(isPlaceholderFeed('not a url')).toBe(true);
    expect(isPlaceholderFeed('https://updates.eko.in/aeps-counter/')).toBe(false);
  });
});
