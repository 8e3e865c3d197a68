/**
 * The services currently running, swappable without restarting the process: the
 * operator saves settings, the old services stop, new ones start with the new
 * configuration. Contract handlers always ask for the current ones (and wait
 * while a switch is under way, so no call lands on half-stopped services).
 */
import { KioskError } from '../../../app/contract';
import type { KioskConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { Services } from '../index';

export interface LiveServices {
  /** The services now (possibly the old ones while a switch runs). */
  current(): Services;
  /** The services once any switch has finished. */
  ready(): Promise<Services>;
  /**
   * Stops the current services and starts new ones with `config`. `commit` runs once
   * they are up (e.g. writing config.json); if starting or committing fails, the
   * previous configuration is started again and the error is rethrown.
   * Refused with settings.busy while an enquiry is in flight.
   */
  replace(config: KioskConfig, commit?: () => void | Promise<void>): Promise<Services>;
  stop(): Promise<void>;
}

export function createLiveServices(first: Services, start: (config: KioskConfig) => Promise<Services>, logger: Logger): LiveServices {
  const log = logger.child('settings');
  let current = first;
  let switching: Promise<unknown> | null = null;

  async function ready(): Promise<Services> {
    while (switching) await switching.catch(() => undefined);
    return current;
  }

  async function doReplace(config: KioskConfig, commit?: () => void | Promise<void>): Promise<Services> {
    const old = current;
    // A balance enquiry uses the customer's fingerprint and is billed: never cut one off.
    if (old.enquiry.last().state === 'inFlight') throw new KioskError('settings.busy', { detail: 'an enquiry is in flight' });
    await old.stop().catch((err: unknown) => log.warn('old services did not stop cleanly', { error: err }));
    let next: Services | null = null;
    try {
      next = await start(config);
      await commit?.();
      current = next;
      log.info('services restarted with new settings', { profile: config.profile });
      return next;
    } catch (err) {
      log.warn('new settings failed, restarting with the previous ones', { error: err });
      if (next) await next.stop().catch(() => undefined);
      try {
        current = await start(old.config);
      } catch (again) {
        // Nothing runs now: every call fails until the app restarts. Rare (what ran a moment ago no longer starts).
        log.error('previous settings no longer start either', { error: again });
      }
      throw err;
    }
  }

  return {
    current: () => current,
    ready,
    replace: (config, commit) => {
      const previous = switching ?? Promise.resolve();
      const run = previous.catch(() => undefined).then(() => doReplace(config, commit));
      const settled = run.catch(() => undefined).finally(() => {
        if (switching === settled) switching = null;
      });
      switching = settled;
      return run;
    },
    stop: async () => {
      await ready();
      await current.stop();
    },
  };
}
