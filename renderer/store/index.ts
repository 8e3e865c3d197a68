/** One zustand store built from slices; screens use atomic selectors (useShallow for objects). */
import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createHomeSlice, type HomeSlice } from './home-slice';
import { createDeviceSlice, type DeviceSlice } from './device-slice';
import { createEnquirySlice, type EnquirySlice } from './enquiry-slice';
import { createSettingsSlice, type SettingsSlice } from './settings-slice';
import { createHistorySlice, type HistorySlice } from './history-slice';
import { createDiagnosticsSlice, type DiagnosticsSlice } from './diagnostics-slice';
import { createDailyAuthSlice, type DailyAuthSlice } from './daily-auth-slice';

export type KioskState = SessionSlice & HomeSlice & DeviceSlice & EnquirySlice & SettingsSlice & HistorySlice & DiagnosticsSlice & DailyAuthSlice;

export const useKiosk = create<KioskState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createHomeSlice(...a),
  ...createDeviceSlice(...a),
  ...createEnquirySlice(...a),
  ...createSettingsSlice(...a),
  ...createHistorySlice(...a),
  ...createDiagnosticsSlice(...a),
  ...createDailyAuthSlice(...a),
}));

export { STEPS, canRetryCapture, refusalRecoveryFor, type Step } from './enquiry-slice';
export { DAILY_AUTH_STEPS, canRetryDailyAuth, type DailyAuthStep } from './daily-auth-slice';
export { settingsShown } from './settings-slice';
