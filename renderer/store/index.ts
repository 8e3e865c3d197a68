/** One zustand store built from slices; screens use atomic selectors (useShallow for objects). */
import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session-slice';
import { createHomeSlice, type HomeSlice } from './home-slice';
import { createDeviceSlice, type DeviceSlice } from './device-slice';
import { createEnquirySlice, type EnquirySlice } from './enquiry-slice';

export type KioskState = SessionSlice & HomeSlice & DeviceSlice & EnquirySlice;

export const useKiosk = create<KioskState>()((...a) => ({
  ...createSessionSlice(...a),
  ...createHomeSlice(...a),
  ...createDeviceSlice(...a),
  ...createEnquirySlice(...a),
}));

export { STEPS, type Step } from './enquiry-slice';
