/**
 * The navigation slice: the one route shown (see `Route`). Leaving a screen ends what ran
 * on it explicitly: goHome() wipes the customer's enquiry and the agent's daily
 * authentication. While the saved settings need setting up or fixing, no other route is
 * reachable (followSettings puts the counter there after every read or save of them).
 */
import { bankByIin, bankSelectable, agentBankIin } from '../banks';
import { captureBusy } from './capture';
import type { KioskState, NavSlice, Route, SliceApi } from './types';

/** The route the saved settings force, if any: first-run setup, or the settings while they need fixing. */
function forcedRoute(s: KioskState): Route | null {
  const current = s.settings.current;
  if (current?.firstRun) return { name: 'setup' };
  if (current?.configProblem) return s.nav.route.name === 'settings' ? s.nav.route : { name: 'settings', reason: 'configProblem' };
  return null;
}

export function createNavSlice({ set, get }: SliceApi<'nav'>): NavSlice {
  /** Shows `route`, unless the settings force another one. */
  const show = (route: Route) => set({ route: forcedRoute(get()) ?? route });

  return {
    route: { name: 'home' },

    show,

    goHome(reason = 'agent') {
      const s = get();
      const wasActive = s.nav.route.name === 'flow' || s.nav.route.name === 'dailyAuth';
      s.enquiry.end(reason, wasActive);
      // The agent's own number (daily authentication) goes too.
      s.dailyAuth.end({ forgetJustDone: true });
      // A receipt laid out from the flow (a mini statement's lines) goes with it.
      if (s.print.receipt?.screen === 'flow') s.print.wipe();
      show({ name: 'home' });
    },

    openFlow(operation = 'balance') {
      get().enquiry.begin(operation);
      get().dailyAuth.dismissJustDone();
      show({ name: 'flow' });
      void get().dailyAuth.loadStatus();
    },

    openHistory(filters) {
      get().history.begin(filters);
      get().print.clear();
      show({ name: 'history' });
      void get().history.load();
    },

    openDiagnostics() {
      get().diagnostics.begin();
      show({ name: 'diagnostics' });
      void get().diagnostics.load();
    },

    openSettings(reason = 'operator') {
      get().settings.resetScreen();
      show({ name: 'settings', reason });
      void get().settings.load();
    },

    closeSettings() {
      void get().settings.lock();
      get().settings.resetScreen();
      show({ name: 'home' });
    },

    openSetup() {
      set({ route: { name: 'setup' } });
    },

    openDailyAuth() {
      const s = get();
      const { route } = s.nav;
      const e = s.enquiry;
      if (route.name === 'dailyAuth' || captureBusy(e.capture)) return;
      // From the customer's flow only where the customer's fingerprint is next (the result's recovery puts it there).
      const fromFlow = route.name === 'flow';
      if (fromFlow && e.step !== 'capture') return;
      // A capture that ended (failed, low quality) is put back; the wipe notice has been seen.
      s.enquiry.setAside();
      const edition = s.session.appInfo?.ekoEdition;
      const preset = [s.dailyAuth.status.data?.lastBankIin ?? null, agentBankIin()].find((iin) => iin && bankSelectable(bankByIin(iin), edition)) ?? null;
      s.dailyAuth.begin(preset);
      show({ name: 'dailyAuth', returnTo: fromFlow ? 'flow' : 'home' });
    },

    leaveDailyAuth() {
      const s = get();
      const { route } = s.nav;
      if (route.name !== 'dailyAuth' || s.dailyAuth.flow.capture.phase === 'sending') return;
      s.dailyAuth.end();
      show({ name: route.returnTo });
      void get().dailyAuth.loadStatus();
    },

    followSettings(settings) {
      const { route } = get().nav;
      if (settings.firstRun) set({ route: { name: 'setup' } });
      else if (settings.configProblem) {
        if (route.name !== 'settings') set({ route: { name: 'settings', reason: 'configProblem' } });
      } else if (route.name === 'setup' || (route.name === 'settings' && route.reason === 'configProblem')) {
        // Fixed: an enquiry recovered at start-up meanwhile (its result, or "waiting for the bank") is shown, else home.
        const e = get().enquiry;
        const recovered = e.step === 'result' && (e.outcome !== null || e.pending !== null || e.enquiryError !== null);
        set({ route: { name: recovered ? 'flow' : 'home' } });
      }
    },
  };
}
