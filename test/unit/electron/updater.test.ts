import { EventEmitter } from 'node:events';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FeedFileMissingError, type FetchBytes } from '../../../main/electron/update-signature';
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
import { makeKeys, makeRelease, type TestRelease } from './update-feed-fixture';

const realSetTimeout = globalThis.setTimeout;
const FEED = 'https://updates.example.com/aeps-counter/';
const keys = makeKeys();
const release = makeRelease('0.2.0', keys);
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'aeps-updater-test-'));
const downloaded = path.join(tmp, release.file);
fs.writeFileSync(downloaded, release.installer);
afterAll(() => fs.rmSync(tmp, { recursive: true, force: true }));

function infoOf(r: TestRelease) {
  return { version: r.version, files: [{ url: r.file, sha512: r.sha512, size: r.installer.length }], path: r.file, sha512: r.sha512, releaseDate: '2026-12-01' };
}

/** electron-updater as startUpdater sees it: checks answer the feed's release; downloads "land" in downloadedFile. */
class StandInUpdater extends EventEmitter {
  autoDownload = true;
  autoInstallOnAppQuit = true;
  allowDowngrade = true;
  disableWebInstaller = false;
  currentVersion = { version: '0.1.0' };
  logger: unknown = console;
  offered: ReturnType<typeof infoOf> = infoOf(release);
  downloadedFile = downloaded;
  checkForUpdates = vi.fn(async (): Promise<unknown> => ({ isUpdateAvailable: true, updateInfo: this.offered }));
  downloadUpdate = vi.fn(async (): Promise<string[]> => {
    this.emit('update-downloaded', { ...this.offered, downloadedFile: this.downloadedFile });
    return [this.downloadedFile];
  });
  quitAndInstall = vi.fn();
  setFeedURL = vi.fn();
}

let updater: StandInUpdater;
let lines: string[];
let handle: UpdaterHandle | null;
let idle: boolean;
let feedFiles: Record<string, Buffer | string | Error>;
let fetched: string[];

const fetchFake: FetchBytes = async (url) => {
  fetched.push(url);
  const name = url.slice(url.lastIndexOf('/') + 1);
  const body = feedFiles[name];
  if (body instanceof Error) throw body;
  if (body === undefined) {
    throw new FeedFileMissingError(`${url} not found (404)`);
  }
  return Buffer.from(body);
};

function start(extra: Partial<Parameters<typeof startUpdater>[0]> = {}): UpdaterHandle {
  handle = startUpdater({
    updater: updater as unknown as UpdaterLike,
    logger: createLogger({ dir: null, minLevel: 'debug', onLine: (l) => lines.push(l) }),
    isIdle: () => idle,
    builtInFeedUrl: FEED,
    publicKeys: [keys.publicKey],
    fetch: fetchFake,
    firstCheckDelayMs: 1000,
    idlePollMs: 60_000,
    ...extra,
  });
  return handle;
}

/** Lets file hashing (real I/O) finish while timers are fake: waits (real time, up to 5 s) until `until()`, or 100 ms. */
async function settle(until?: () => boolean): Promise<void> {
  const rounds = until ? 1000 : 20;
  for (let i = 0; i < rounds && !until?.(); i++) await new Promise((resolve) => realSetTimeout(resolve, 5));
}

const warnings = (what: string) => lines.filter((l) => l.includes('"level":"warn"') && l.includes(what));

beforeEach(() => {
  vi.useFakeTimers();
  updater = new StandInUpdater();
  lines = [];
  handle = null;
  idle = false;
  fetched = [];
  feedFiles = { 'latest.yml': release.metadata, 'latest.yml.sig': release.signature! };
});
afterEach(() => {
  handle?.stop();
  vi.useRealTimers();
});

describe('the updater', () => {
  it('checks the signature at start, then every 4 hours; electron-updater never downloads or installs on its own', async () => {
    start();
    expect(updater.autoDownload).toBe(false);
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.allowDowngrade).toBe(false);
    expect(updater.disableWebInstaller).toBe(true);
    expect(updater.setFeedURL).toHaveBeenCalledWith({ provider: 'generic', url: FEED });
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetched.sort()).toEqual([`${FEED}latest.yml`, `${FEED}latest.yml.sig`]);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
    await settle(() => handle!.pendingVersion() !== null);
    expect(handle!.pendingVersion()).toBe('0.2.0');
    expect(updater.autoInstallOnAppQuit).toBe(true);
    // Already downloaded: later checks verify the feed again but do not download again.
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_EVERY_MS);
    expect(fetched).toHaveLength(4);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(UPDATE_CHECK_EVERY_MS).toBe(4 * 60 * 60 * 1000);
  });

  it('does nothing when the signed release is not newer', async () => {
    updater.currentVersion = { version: '0.2.0' };
    start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetched).toHaveLength(2);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('offline: a failing fetch, a rejected check and an error event are logged, never thrown or shown', async () => {
    feedFiles['latest.yml'] = new Error('net::ERR_INTERNET_DISCONNECTED');
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      start();
      await vi.advanceTimersByTimeAsync(1000);
      // EventEmitter throws on an 'error' event nobody listens to: this must not.
      expect(() => updater.emit('error', new Error('getaddrinfo ENOTFOUND updates.example.com'))).not.toThrow();
      feedFiles['latest.yml'] = release.metadata;
      updater.checkForUpdates.mockRejectedValue(new Error('net::ERR_CONNECTION_RESET'));
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
    expect(lines.join('\n')).toContain('ERR_CONNECTION_RESET');
  });

  it('a download that fails (offline half-way) is logged, never an unhandled rejection', async () => {
    updater.downloadUpdate.mockRejectedValue(new Error('net::ERR_NETWORK_CHANGED'));
    const unhandled = vi.fn();
    process.on('unhandledRejection', unhandled);
    try {
      start();
      await vi.advanceTimersByTimeAsync(1000);
      expect(updater.downloadUpdate).toHaveBeenCalledTimes(1);
      vi.useRealTimers();
      await new Promise((resolve) => setImmediate(resolve));
      await new Promise((resolve) => setImmediate(resolve));
    } finally {
      process.off('unhandledRejection', unhandled);
    }
    expect(unhandled).not.toHaveBeenCalled();
    expect(warnings('update download failed').some((l) => l.includes('ERR_NETWORK_CHANGED'))).toBe(true);
    expect(handle!.pendingVersion()).toBeNull();
  });

  it('installs a verified update only when the counter is idle, silently, and restarts', async () => {
    start();
    await vi.advanceTimersByTimeAsync(1000);
    await settle(() => handle!.pendingVersion() !== null);
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
    await vi.advanceTimersByTimeAsync(1000);
    await settle(() => handle!.pendingVersion() !== null);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
  });

  it('refuses what electron-updater offers when it is not the signed release (the feed changed in between)', async () => {
    const other = makeRelease('0.2.0', null);
    updater.offered = infoOf(other);
    start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(updater.checkForUpdates).toHaveBeenCalledTimes(1);
    expect(updater.downloadUpdate).not.toHaveBeenCalled();
    expect(warnings('update refused').join()).toMatch(/sha512/);
    expect(updater.autoInstallOnAppQuit).toBe(false);
  });

  it('refuses a downloaded installer that does not hash to the signed sha512: not installed, not even on quit', async () => {
    const swapped = path.join(tmp, 'swapped', release.file);
    fs.mkdirSync(path.dirname(swapped), { recursive: true });
    fs.writeFileSync(swapped, Buffer.alloc(release.installer.length, 1));
    updater.downloadedFile = swapped;
    idle = true;
    start();
    await vi.advanceTimersByTimeAsync(1000);
    await settle(() => warnings('update refused').length > 0);
    expect(warnings('update refused').join()).toMatch(/does not match the signed sha512/);
    expect(handle!.pendingVersion()).toBeNull();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    await vi.advanceTimersByTimeAsync(60_000 * 3);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
  });

  it('refuses a download nobody approved (electron-updater acting on its own)', async () => {
    start();
    updater.emit('update-downloaded', { ...infoOf(release), downloadedFile: downloaded });
    await settle();
    expect(handle!.pendingVersion()).toBeNull();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(warnings('update refused').join()).toMatch(/no signed release was approved/);
  });

  it('an unsigned feed is refused and logged; nothing reaches electron-updater', async () => {
    delete feedFiles['latest.yml.sig'];
    start();
    await vi.advanceTimersByTimeAsync(1000);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
    expect(warnings('update refused').join()).toMatch(/no latest\.yml\.sig/);
  });

  it('KIOSK_UPDATE_URL may only point at a loopback feed; an http built-in feed turns updates off', async () => {
    start({ feedUrl: 'http://127.0.0.1:8123/feed' });
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: 'http://127.0.0.1:8123/feed/' });
    handle!.stop();

    updater = new StandInUpdater();
    start({ feedUrl: 'https://attacker.example.net/feed/' });
    expect(updater.setFeedURL).toHaveBeenLastCalledWith({ provider: 'generic', url: FEED });
    expect(warnings('update feed refused').join()).toMatch(/KIOSK_UPDATE_URL is ignored/);
    handle!.stop();

    updater = new StandInUpdater();
    fetched = [];
    start({ builtInFeedUrl: 'http://updates.example.com/aeps-counter/' });
    expect(updater.setFeedURL).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1000);
    expect(fetched).toEqual([]);
    expect(updater.checkForUpdates).not.toHaveBeenCalled();
  });

  it('logs through our (redacting) logger', () => {
    start();
    (updater.logger as { info(m: string): void }).info('Checking for update 2345 6789 0123');
    expect(lines.at(-1)).toContain('[aadhaar]');
  });

  it('stop() ends every timer', async () => {
    start().stop();
    await vi.advanceTimersByTimeAsync(UPDATE_CHECK_EVERY_MS * 3);
    expect(fetched).toEqual([]);
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
