/**
 * Silent self-update (electron-updater, generic feed, per-user NSIS install):
 * check at start and every few hours, download in the background, and install
 * only while the counter is idle between enquiries. An offline counter never
 * shows an update error: every failure is logged, nothing reaches the agent.
 *
 * Nothing is installed unless it is signed with the release key (update-signing-key.ts),
 * whatever the feed or the Windows signature says: each check first fetches latest.yml and
 * latest.yml.sig itself and verifies them (update-signature.ts); only then does
 * electron-updater check (its update info must be exactly the signed release) and download
 * (its sha512 check is against the signed hash); the downloaded installer is hashed again
 * before it may be installed, now or on quit. The feed must be HTTPS; KIOSK_UPDATE_URL may
 * only point at a loopback feed (development and tests).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../services/log/logger';
import {
  DEFAULT_METADATA_FILE,
  UpdateRefusedError,
  createFetchBytes,
  fetchSignedRelease,
  isNewerVersion,
  resolveUpdateFeed,
  sha512FileBase64,
  updateInfoMismatch,
  type FetchBytes,
  type SignedRelease,
} from './update-signature';
import { UPDATE_SIGNING_PUBLIC_KEYS } from './update-signing-key';

export type UpdaterLike = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'checkForUpdates' | 'downloadUpdate' | 'quitAndInstall' | 'setFeedURL' | 'on'
> & {
  /** electron-updater's running version (AppUpdater.currentVersion, a SemVer). */
  readonly currentVersion?: { readonly version: string };
  allowDowngrade?: boolean;
  disableWebInstaller?: boolean;
};

interface UpdaterOptions {
  updater: UpdaterLike;
  logger: Logger;
  /** True when installing now would interrupt nobody (no enquiry in flight, no recent input). */
  isIdle: () => boolean;
  /** Overrides the feed baked into app-update.yml at build time; loopback only (KIOSK_UPDATE_URL). */
  feedUrl?: string | null;
  /** The feed baked in at build time; by default read from resources/app-update.yml. */
  builtInFeedUrl?: string | null;
  /** Trusted Ed25519 public keys (SPKI, base64); by default the release key. */
  publicKeys?: readonly string[];
  /** The running version; by default electron-updater's. */
  currentVersion?: string;
  /** latest.yml on Windows. */
  metadataFile?: string;
  /** For latest.yml and its signature (by default Electron's net.fetch, which uses the system proxy like electron-updater; Node's fetch outside Electron). */
  fetch?: FetchBytes;
  fetchTimeoutMs?: number;
  checkEveryMs?: number;
  /** How often a downloaded update looks for an idle moment. */
  idlePollMs?: number;
  /** The first check waits this long so start-up is not slowed. */
  firstCheckDelayMs?: number;
}

export interface UpdaterHandle {
  /** One check now; never rejects. */
  check(): Promise<void>;
  /** The version downloaded, verified and waiting for an idle moment, if any. */
  pendingVersion(): string | null;
  stop(): void;
}

export const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
const UPDATE_IDLE_POLL_MS = 60 * 1000;
const UPDATE_FETCH_TIMEOUT_MS = 30 * 1000;
/** The feed electron-builder.yml ships with until the real one is set at build time. */
const PLACEHOLDER_FEED_HOST_SUFFIX = '.invalid';

function message(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** The generic feed's url from a packaged app's resources/app-update.yml (null if absent). */
export function feedUrlFromAppUpdateYml(text: string | null): string | null {
  if (!text) return null;
  const m = /^url:\s*['"]?([^'"\s]+)['"]?\s*$/m.exec(text);
  return m ? m[1]! : null;
}

/** A feed that can never answer: the build was made without a real update URL. */
export function isPlaceholderFeed(url: string | null | undefined): boolean {
  if (!url) return true;
  try {
    return new URL(url).hostname.endsWith(PLACEHOLDER_FEED_HOST_SUFFIX);
  } catch {
    return true;
  }
}

/** Electron's net.fetch when running in Electron (same network stack and proxy as electron-updater), else Node's fetch. */
async function defaultFetch(): Promise<FetchBytes> {
  if (process.versions.electron) {
    try {
      const { net } = await import('electron');
      if (typeof net?.fetch === 'function') return createFetchBytes(net.fetch.bind(net) as typeof fetch);
    } catch {
      // Fall back to Node's fetch.
    }
  }
  return createFetchBytes();
}

function builtInFeedFromResources(): string | null {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  if (!resources) return null;
  try {
    return feedUrlFromAppUpdateYml(fs.readFileSync(path.join(resources, 'app-update.yml'), 'utf8'));
  } catch {
    return null;
  }
}

export function createIdlePredicate(options: {
  enquiryInFlight: () => boolean;
  /** Seconds since the last keyboard, mouse or touch input on this PC (powerMonitor.getSystemIdleTime). */
  systemIdleSeconds: () => number;
  minIdleSeconds?: number;
}): () => boolean {
  const minIdle = options.minIdleSeconds ?? 5 * 60;
  return () => !options.enquiryInFlight() && options.systemIdleSeconds() >= minIdle;
}

interface DownloadedInfo {
  version: string;
  files?: readonly { url: string; sha512: string; size?: number }[];
  path?: string;
  sha512?: string;
  downloadedFile?: string;
}

export function startUpdater(options: UpdaterOptions): UpdaterHandle {
  const { updater, isIdle } = options;
  const log = options.logger.child('updater');
  const publicKeys = options.publicKeys ?? UPDATE_SIGNING_PUBLIC_KEYS;
  const metadataFile = options.metadataFile ?? DEFAULT_METADATA_FILE;
  const timers: ReturnType<typeof setTimeout>[] = [];
  let idlePoll: ReturnType<typeof setInterval> | null = null;
  let pending: string | null = null;
  /** The signed release electron-updater may download now (set by a check, only after its signature verified). */
  let approved: SignedRelease | null = null;
  let fetchFeed: FetchBytes | undefined;
  let checking = false;
  let installing = false;
  let stopped = false;

  // We decide when to download (after the signature verified) and what may install on quit
  // (only a verified download): electron-updater does neither on its own.
  updater.autoDownload = false;
  updater.autoInstallOnAppQuit = false;
  updater.allowDowngrade = false;
  // A web installer's package is not covered by our signature.
  updater.disableWebInstaller = true;
  updater.logger = {
    info: (m?: unknown) => log.info('updater says', { message: String(m) }),
    warn: (m?: unknown) => log.warn('updater says', { message: String(m) }),
    error: (m?: unknown) => log.warn('updater says', { message: String(m) }),
    debug: (m: string) => log.debug('updater says', { message: m }),
  };

  const built = options.builtInFeedUrl !== undefined ? options.builtInFeedUrl : builtInFeedFromResources();
  const feed = resolveUpdateFeed({ override: options.feedUrl, built: isPlaceholderFeed(built) ? null : built });
  for (const problem of feed.problems) log.warn('update feed refused', { message: problem });
  // electron-updater reads exactly the feed whose signature we check.
  if (feed.url) updater.setFeedURL({ provider: 'generic', url: feed.url });
  else log.warn('self-update off: no acceptable update feed');

  function currentVersion(): string | null {
    return options.currentVersion ?? updater.currentVersion?.version ?? null;
  }

  function refuse(reason: string, fields: Record<string, unknown> = {}): void {
    log.warn('update refused', { reason, ...fields });
  }

  // Offline, DNS failures, a 404 feed, a bad signature: all land here. Logged, never shown.
  updater.on('error', (err: Error) => log.warn('update failed', { message: message(err) }));
  updater.on('update-available', (info: { version: string }) => log.info('update available', { version: info.version }));
  updater.on('update-downloaded', (info: DownloadedInfo) => {
    const release = approved;
    const problem = !release
      ? 'no signed release was approved for download'
      : !info.downloadedFile
        ? 'electron-updater did not say where the download is'
        : updateInfoMismatch(info, release);
    if (problem || !release || !info.downloadedFile) {
      updater.autoInstallOnAppQuit = false;
      pending = null;
      refuse(problem ?? 'unknown', { version: info.version });
      return;
    }
    // electron-updater has checked the file against the signed sha512 (its update info is the
    // signed release); it may install on quit from now on. Hashed once more before anything else.
    updater.autoInstallOnAppQuit = true;
    const file = info.downloadedFile;
    void verifyDownload(file, release).then((reason) => {
      if (reason) {
        updater.autoInstallOnAppQuit = false;
        pending = null;
        refuse(reason, { version: release.version });
        return;
      }
      if (stopped) return;
      pending = release.version;
      log.info('update downloaded and verified; waiting for an idle moment', { version: release.version });
      installIfIdle();
      if (!idlePoll && !installing && !stopped) idlePoll = setInterval(installIfIdle, options.idlePollMs ?? UPDATE_IDLE_POLL_MS);
    });
  });

  async function verifyDownload(file: string, release: SignedRelease): Promise<string | null> {
    try {
      if (path.basename(file) !== release.file) return `the downloaded file is ${path.basename(file)}, the signature is for ${release.file}`;
      const size = (await fs.promises.stat(file)).size;
      if (size !== release.size) return `the downloaded installer has ${size} bytes, the signature says ${release.size}`;
      if ((await sha512FileBase64(file)) !== release.sha512) return 'the downloaded installer does not match the signed sha512';
      return null;
    } catch (err) {
      return `the downloaded installer cannot be read: ${message(err)}`;
    }
  }

  function installIfIdle(): void {
    if (!pending || installing || stopped) return;
    let idle = false;
    try {
      idle = isIdle();
    } catch (err) {
      log.warn('idle check failed; not installing', { message: message(err) });
    }
    if (!idle) return;
    installing = true;
    if (idlePoll) clearInterval(idlePoll);
    idlePoll = null;
    log.info('installing update', { version: pending });
    try {
      // Silent (no installer UI), and start the app again afterwards.
      updater.quitAndInstall(true, true);
    } catch (err) {
      installing = false;
      log.warn('install failed', { message: message(err) });
    }
  }

  async function check(): Promise<void> {
    if (stopped || installing || checking || !feed.url) return;
    checking = true;
    try {
      let release: SignedRelease;
      try {
        release = await fetchSignedRelease({
          feedUrl: feed.url,
          publicKeys,
          metadataFile,
          timeoutMs: options.fetchTimeoutMs ?? UPDATE_FETCH_TIMEOUT_MS,
          fetch: (fetchFeed ??= options.fetch ?? (await defaultFetch())),
        });
      } catch (err) {
        if (err instanceof UpdateRefusedError) refuse(err.message);
        else log.warn('update check failed', { message: message(err) });
        return;
      }
      const current = currentVersion();
      if (current && !isNewerVersion(release.version, current)) {
        log.debug('no newer signed release', { version: release.version, current });
        return;
      }
      if (pending === release.version || stopped) return;
      approved = release;
      const result = await updater.checkForUpdates();
      if (!result || result.isUpdateAvailable === false) return;
      // electron-updater fetched latest.yml again: it must still be exactly what was signed.
      const mismatch = updateInfoMismatch(result.updateInfo, release);
      if (mismatch) {
        approved = null;
        refuse(mismatch, { version: result.updateInfo.version });
        return;
      }
      log.info('signed update verified; downloading', { version: release.version });
      // An older download waiting for an idle moment gives way: nothing installs, now or on quit,
      // until this one is downloaded and verified.
      pending = null;
      updater.autoInstallOnAppQuit = false;
      // A download that fails (offline half-way, a checksum mismatch) is logged, never an unhandled rejection.
      await updater.downloadUpdate(result.cancellationToken).catch((err: unknown) => log.warn('update download failed', { message: message(err) }));
    } catch (err) {
      log.warn('update check failed', { message: message(err) });
    } finally {
      checking = false;
    }
  }

  timers.push(setTimeout(() => void check(), options.firstCheckDelayMs ?? 10_000));
  const every = setInterval(() => void check(), options.checkEveryMs ?? UPDATE_CHECK_EVERY_MS);

  return {
    check,
    pendingVersion: () => pending,
    stop() {
      stopped = true;
      for (const t of timers) clearTimeout(t);
      clearInterval(every);
      if (idlePoll) clearInterval(idlePoll);
      idlePoll = null;
    },
  };
}
