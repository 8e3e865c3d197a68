/**
 * Signed updates end to end: a real HTTP feed on 127.0.0.1 (latest.yml, latest.yml.sig, the
 * installer) and electron-updater's real NsisUpdater (in Node: its Electron net executor swapped
 * for builder-util's Node one, as electron-updater's own tests do; the installer is never run).
 */
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { NsisUpdater } from 'electron-updater';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUpdater, type UpdaterHandle, type UpdaterLike } from '../../../main/electron/updater';
import { createLogger } from '../../../main/services/log/logger';
import { signRelease, verifyRelease } from '../../../scripts/release-sign';
import { makeKeys, makeRelease, type TestRelease } from '../../unit/electron/update-feed-fixture';

const require = createRequire(import.meta.url);
// electron-updater's executor, with Node's http in place of Electron's net (which needs Electron).
const { ElectronHttpExecutor } = require('electron-updater/out/electronHttpExecutor') as {
  ElectronHttpExecutor: new (login: null) => object;
};
class NodeHttpExecutor extends (ElectronHttpExecutor as unknown as new (login: null) => object) {
  constructor() {
    super(null);
  }
  createRequest(options: http.RequestOptions, callback: (res: http.IncomingMessage) => void): http.ClientRequest {
    return http.request(options, callback);
  }
  addRedirectHandlers(): void {
    // Node's redirects are handled by the base executor.
  }
}

const keys = makeKeys();
let server: http.Server;
let feedUrl: string;
let feed: Map<string, Buffer>;
let requests: string[];
let work: string;
let lines: string[];
let handle: UpdaterHandle | null;
let updater: NsisUpdater;
let quitHandlers: ((exitCode: number) => void)[];
let installs: ReturnType<typeof vi.fn<() => boolean>>;
let unhandled: ReturnType<typeof vi.fn<(reason: unknown) => void>>;

function publish(r: TestRelease, signature: string | null = r.signature): void {
  feed.set('/latest.yml', r.metadata);
  feed.set(`/${r.file}`, r.installer);
  if (signature === null) feed.delete('/latest.yml.sig');
  else feed.set('/latest.yml.sig', Buffer.from(signature));
}

function makeUpdater(): NsisUpdater {
  const dir = fs.mkdtempSync(path.join(work, 'app-'));
  fs.writeFileSync(path.join(dir, 'app-update.yml'), `provider: generic\nurl: ${feedUrl}\nupdaterCacheDirName: aeps-kiosk-updater-test\n`);
  const app = {
    version: '0.1.0',
    name: 'aeps-kiosk',
    isPackaged: true,
    appUpdateConfigPath: path.join(dir, 'app-update.yml'),
    userDataPath: path.join(dir, 'user'),
    baseCachePath: path.join(dir, 'cache'),
    whenReady: () => Promise.resolve(),
    relaunch: () => undefined,
    quit: () => undefined,
    onQuit: (h: (exitCode: number) => void) => quitHandlers.push(h),
  };
  const u = new NsisUpdater(undefined, app as never);
  const internals = u as unknown as Record<string, unknown>;
  internals.httpExecutor = new NodeHttpExecutor();
  internals._testOnlyOptions = { platform: 'win32', isUseDifferentialDownload: false };
  // Never run an installer: record what would have been.
  internals.doInstall = installs;
  u.quitAndInstall = vi.fn();
  return u;
}

function start(extra: Partial<Parameters<typeof startUpdater>[0]> = {}): UpdaterHandle {
  handle = startUpdater({
    updater: updater as unknown as UpdaterLike,
    logger: createLogger({ dir: null, minLevel: 'debug', onLine: (l) => lines.push(l) }),
    isIdle: () => true,
    feedUrl,
    builtInFeedUrl: null,
    publicKeys: [keys.publicKey],
    firstCheckDelayMs: 3_600_000,
    fetchTimeoutMs: 5_000,
    ...extra,
  });
  return handle;
}

const refusals = () => lines.filter((l) => l.includes('"level":"warn"') && l.includes('update refused'));

/** Waits for the async verification that follows a download. */
async function until(done: () => boolean): Promise<void> {
  for (let i = 0; i < 400 && !done(); i++) await new Promise((resolve) => setTimeout(resolve, 5));
}

beforeEach(async () => {
  work = fs.mkdtempSync(path.join(os.tmpdir(), 'aeps-signed-feed-'));
  feed = new Map();
  requests = [];
  lines = [];
  handle = null;
  quitHandlers = [];
  installs = vi.fn<() => boolean>(() => true);
  server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    requests.push(url.pathname);
    const body = feed.get(url.pathname);
    if (!body) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': body.length }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  feedUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
  updater = makeUpdater();
  unhandled = vi.fn<(reason: unknown) => void>();
  process.on('unhandledRejection', unhandled);
});

afterEach(async () => {
  handle?.stop();
  process.off('unhandledRejection', unhandled);
  // Nothing ever reaches the agent: no rejection escapes, every failure is a log line.
  expect(unhandled).not.toHaveBeenCalled();
  await new Promise((resolve) => server.close(resolve));
  fs.rmSync(work, { recursive: true, force: true });
});

describe('signed updates from a local feed', () => {
  it('accepts a release whose signature verifies: downloads, re-checks the file, installs when idle or on quit', async () => {
    publish(makeRelease('0.2.0', keys));
    start();
    await expect(handle!.check()).resolves.toBeUndefined();
    await until(() => handle!.pendingVersion() !== null);
    expect(handle!.pendingVersion()).toBe('0.2.0');
    expect(requests).toEqual(expect.arrayContaining(['/latest.yml', '/latest.yml.sig', '/AePS-Counter-Setup-0.2.0.exe']));
    expect(refusals()).toEqual([]);
    expect(updater.quitAndInstall).toHaveBeenCalledWith(true, true);
    // The counter shut down for the night instead: electron-updater installs the verified download on quit.
    expect(updater.autoInstallOnAppQuit).toBe(true);
    expect(quitHandlers).toHaveLength(1);
    quitHandlers[0]!(0);
    expect(installs).toHaveBeenCalledTimes(1);
  });

  it('refuses a release without latest.yml.sig, and logs it; the installer is never fetched', async () => {
    publish(makeRelease('0.2.0', keys), null);
    start();
    await handle!.check();
    expect(refusals().join()).toMatch(/no latest\.yml\.sig: unsigned release/);
    expect(requests).not.toContain('/AePS-Counter-Setup-0.2.0.exe');
    expect(handle!.pendingVersion()).toBeNull();
    expect(quitHandlers).toHaveLength(0);
  });

  it('refuses a release signed with another key (or a corrupted signature)', async () => {
    const other = makeKeys();
    publish(makeRelease('0.2.0', other));
    start();
    await handle!.check();
    expect(refusals().at(-1)).toMatch(/unknown key/);

    const good = makeRelease('0.2.0', keys);
    publish(good, good.signature!.replace(/signature: (.)/, (_m, c: string) => `signature: ${c === 'A' ? 'B' : 'A'}`));
    await handle!.check();
    expect(refusals().at(-1)).toMatch(/does not verify/);
    expect(requests.filter((r) => r.endsWith('.exe'))).toEqual([]);
    expect(handle!.pendingVersion()).toBeNull();
  });

  it("refuses an old version's signature replayed next to a new release", async () => {
    const old = makeRelease('0.2.0', keys);
    const next = makeRelease('0.3.0', null);
    publish(next, old.signature);
    start();
    await handle!.check();
    expect(refusals().at(-1)).toMatch(/signature is for version 0\.2\.0 but latest\.yml offers 0\.3\.0/);
    expect(requests.filter((r) => r.endsWith('.exe'))).toEqual([]);
  });

  it('a swapped installer behind a signed latest.yml is never installed', async () => {
    const r = makeRelease('0.2.0', keys);
    publish(r);
    feed.set(`/${r.file}`, Buffer.alloc(r.installer.length, 7));
    start();
    await handle!.check();
    expect(lines.some((l) => l.includes('"level":"warn"') && /sha512 checksum mismatch/i.test(l))).toBe(true);
    expect(handle!.pendingVersion()).toBeNull();
    expect(updater.autoInstallOnAppQuit).toBe(false);
    expect(updater.quitAndInstall).not.toHaveBeenCalled();
    for (const h of quitHandlers) h(0);
    expect(installs).not.toHaveBeenCalled();
  });

  it('a feed that is not loopback is not taken from KIOSK_UPDATE_URL', async () => {
    publish(makeRelease('0.2.0', keys));
    start({ feedUrl: 'http://192.0.2.10/feed/' });
    await handle!.check();
    expect(requests).toEqual([]);
    expect(lines.join('\n')).toMatch(/KIOSK_UPDATE_URL is ignored/);
  });
});

describe('npm run release:sign', () => {
  function releaseDir(r: TestRelease): string {
    const dir = fs.mkdtempSync(path.join(work, 'release-'));
    fs.writeFileSync(path.join(dir, 'latest.yml'), r.metadata);
    fs.writeFileSync(path.join(dir, r.file), r.installer);
    return dir;
  }

  it('signs latest.yml with its installer; the app accepts what it writes', async () => {
    const keyFile = path.join(work, 'key.pem');
    fs.writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const r = makeRelease('0.2.0', null);
    const dir = releaseDir(r);
    const { signatureFile, release } = await signRelease({ dir, keyFile, trustedKeys: [keys.publicKey] });
    expect(signatureFile).toBe(path.join(dir, 'latest.yml.sig'));
    expect(release).toMatchObject({ version: '0.2.0', file: r.file, sha512: r.sha512 });
    await expect(verifyRelease({ dir, trustedKeys: [keys.publicKey] })).resolves.toMatchObject({ version: '0.2.0' });

    publish(r, fs.readFileSync(signatureFile, 'utf8'));
    start();
    await handle!.check();
    await until(() => handle!.pendingVersion() !== null);
    expect(handle!.pendingVersion()).toBe('0.2.0');
  });

  it('refuses to sign an installer that does not match latest.yml, or with a key the app does not trust', async () => {
    const keyFile = path.join(work, 'key.pem');
    fs.writeFileSync(keyFile, keys.privateKey.export({ type: 'pkcs8', format: 'pem' }));
    const r = makeRelease('0.2.0', null);
    const dir = releaseDir(r);
    await expect(signRelease({ dir, keyFile, trustedKeys: [makeKeys().publicKey] })).rejects.toThrow(/not in main\/electron\/update-signing-key\.ts/);
    fs.writeFileSync(path.join(dir, r.file), Buffer.alloc(10));
    await expect(signRelease({ dir, keyFile, trustedKeys: [keys.publicKey] })).rejects.toThrow(/does not match the sha512/);
    expect(fs.existsSync(path.join(dir, 'latest.yml.sig'))).toBe(false);
  });
});
