/** One kiosk for a spec file or a describe block: started before its tests, stopped after them. */
import { test } from '@playwright/test';
import { startKiosk, type KioskProcess, type StartKioskOptions } from '../../support/kiosk-process';
import { awayFromMidnight, dailyAuthForKiosk } from './flow';

export interface SpecKioskOptions extends StartKioskOptions {
  /** The kiosk's environment; a function is read when the kiosk starts (e.g. a sandbox's kioskEnv() from an earlier beforeAll). */
  env?: Record<string, string> | (() => Record<string, string>);
  /** First wait until just after midnight when close to it: "today" must not change under the spec. */
  awayFromMidnight?: boolean;
  /** Then today's daily authentication by the UI: the sandbox, like Eko, refuses every customer request until it passed. */
  dailyAuth?: boolean;
}

/**
 * Registers the beforeAll that starts the kiosk (in the file or describe it is called in) and the
 * afterAll that stops it; returns the running kiosk's getter, for the tests.
 */
export function kioskForSpec(options: SpecKioskOptions = {}): () => KioskProcess {
  const { env = {}, awayFromMidnight: away = false, dailyAuth = false, ...start } = options;
  let kiosk: KioskProcess | undefined;
  test.beforeAll(async ({ browser }) => {
    if (away) await awayFromMidnight();
    kiosk = await startKiosk(typeof env === 'function' ? env() : env, start);
    if (dailyAuth) await dailyAuthForKiosk(browser, kiosk.launchUrl);
  });
  test.afterAll(async () => {
    await kiosk?.stop();
  });
  return () => {
    if (!kiosk) throw new Error('the kiosk is not running: kioskForSpec’s getter is for the tests, after its beforeAll');
    return kiosk;
  };
}
