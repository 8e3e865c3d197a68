/**
 * One zustand store built from slices, each under its own name (`state.enquiry`, `state.nav`…);
 * this file only composes them. Screens use atomic selectors (useShallow for objects).
 */
import { create } from 'zustand';
import { createDailyAuthSlice } from './daily-auth-slice';
import { createDeviceSlice } from './device-slice';
import { createDiagnosticsSlice } from './diagnostics-slice';
import { createEnquirySlice } from './enquiry-slice';
import { createHistorySlice } from './history-slice';
import { createHomeSlice } from './home-slice';
import { createNavSlice } from './nav-slice';
import { createPrintSlice } from './print-slice';
import { createSessionSlice } from './session-slice';
import { createSettingsSlice } from './settings-slice';
import type { KioskState, SliceApi, SliceName } from './types';

export const useKiosk = create<KioskState>()((set, get) => {
  const slice = <K extends SliceName>(name: K): SliceApi<K> => ({
    get,
    set: (patch) =>
      set((s) => ({ [name]: { ...s[name], ...(typeof patch === 'function' ? patch(s[name]) : patch) } }) as unknown as Partial<KioskState>),
  });
  return {
    nav: createNavSlice(slice('nav')),
    session: createSessionSlice(slice('session')),
    home: createHomeSlice(slice('home')),
    device: createDeviceSlice(slice('device')),
    enquiry: createEnquirySlice(slice('enquiry')),
    dailyAuth: createDailyAuthSlice(slice('dailyAuth')),
    settings: createSettingsSlice(slice('settings')),
    history: createHistorySlice(slice('history')),
    diagnostics: createDiagnosticsSlice(slice('diagnostics')),
    print: createPrintSlice(slice('print')),
  };
});

export * from './types';
export { canRetryCapture, refusalRecoveryFor } from './enquiry-slice';
export { canRetryDailyAuth } from './daily-auth-slice';
export { localDate, shiftDate } from './history-slice';
export { isLoading } from './loadable';
