/** One zustand store built from slices; screens use atomic selectors. */
import { create } from 'zustand';
import { createSessionSlice, type SessionSlice } from './session-slice';

export type KioskState = SessionSlice;

export const useKiosk = create<KioskState>()((...a) => ({
  ...createSessionSlice(...a),
}));
