/**
 * Silent self-update (electron-updater, generic feed, per-user NSIS install):
 * check at start and every few hours, download in the background, and install
 * only while the counter is idle between enquiries. An offline counter never
 * shows an update error: every failure is logged, nothing reaches the agent.
 */
import type { AppUpdater } from 'electron-updater';
import type { Logger } from '../services/log/logger';

export type UpdaterLike = Pick<
  AppUpdater,
  'autoDownload' | 'autoInstallOnAppQuit' | 'logger' | 'checkForUpdates' | 'quitAndInstall' | 'setFeedURL' | 'on'
>;

export interface UpdaterOptions {
  updater: UpdaterLike;
  logger: Logger;
  /** True when installing now would interrupt nobody (no enquiry in flight, no recent input). */
  isIdle: () => boolean;
  /** Overrides the feed baked into app-update.yml at build time. */
  feedUrl?: string | null;
  checkEveryMs?: number;
  /** How often a downloaded update looks for an idle moment. */
  idlePollMs?: number;
  /** The first check waits this long so start-up is not slowed. */
  firstCheckDelayMs?: number;
}

export interface UpdaterHandle {
  /** One check now; never rejects. */
  check(): Promise<void>;
  /** The version downloaded and waiting for an idle moment, if any. */
  pendingVersion(): string | null;
  stop(): void;
}

export const UPDATE_CHECK_EVERY_MS = 4 * 60 * 60 * 1000;
export const UPDATE_IDLE_POLL_MS = 60 * 1000;
/** The feed electron-builder.yml ships with until the real one is set at build time. */
export const PLACEHOLDER_FEED_HOST_SUFFIX = '.invalid';

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

export function createIdlePredicate(options: {
  enquiryInFlight: () => boolean;
  /** Seconds since the last keyboard, mouse or touch input on this PC (powerMonitor.getSystemIdleTime). */
  systemIdleSeconds: () => number;
  minIdleSeconds?: number;
}): () => boolean {
  const minIdle = options.minIdleSeconds ?? 5 * 60;
  return () => !options.enquiryInFlight() && options.systemIdleSeconds() >= minIdle;
}

export function startUpdater(options: UpdaterOptions): UpdaterHandle {
  const { updater, isIdle } = options;
  const log = options.logger.child('updater');
  const timers: ReturnType<typeof setTimeout>[] = [];
  let idlePoll: ReturnType<typeof setInterval> | null = null;
  let pending: string | null = null;
  let installing = false;
  let stopped = false;

  updater.autoDownload = true;
  // A counter that is shut down for the night installs a waiting update on the way out.
  updater.autoInstallOnAppQuit = true;
  updater.logger = {
    info: (m?: unknown) => log.info('updater says', { message: String(m) }),
    warn: (m?: unknown) => log.warn('updater says', { message: String(m) }),
    error: (m?: unknown) => log.warn('updater says', { message: String(m) }),
    debug: (m: string) => log.debug('updater says', { message: m }),
  };
  if (options.feedUrl) updater.setFeedURL({ provider: 'generic', url: options.feedUrl });

  // Offline, DNS failures, a 404 feed, a bad signature: all land here. Logged, never shown.
  updater.on('error', (err: Error) => log.warn('update failed', { message: message(err) }));
  updater.on('update-available', (info: { version: string }) => log.info('update available; downloading', { version: info.version }));
  updater.on('update-downloaded', (info: { version: string }) => {
    pending = info.version;
    log.info('update downloaded; waiting for an idle moment', { version: info.version });
    installIfIdle();
    if (!idlePoll && !installing && !stopped) idlePoll = setInterval(installIfIdle, options.idlePollMs ?? UPDATE_IDLE_POLL_MS);
  });

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
    if (stopped || installing) return;
    try {
      const result = await updater.checkForUpdates();
      // With autoDownload the download runs on after the check: its promise rejects when the download
      // fails (offline half-way), and nothing else awaits it. Logged, never an unhandled rejection.
      result?.downloadPromise?.catch((err: unknown) => log.warn('update download failed', { message: message(err) }));
    } catch (err) {
      log.warn('update check failed', { message: message(err) });
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
