/**
 * The device slice: the fingerprint scanner's status, polled every few seconds
 * (paused while a capture runs), and the agent's "Find scanner".
 */
import type { StateCreator } from 'zustand';
import { toKioskError, type DeviceState, type KioskError } from '../../app/contract';
import { api } from '../bridge';
import type { KioskState } from '.';

export interface DeviceSlice {
  device: DeviceState | null;
  deviceError: KioskError | null;
  finding: boolean;
  refreshDevice(): Promise<void>;
  findScanner(): Promise<void>;
  /** Starts polling; returns the function that stops it. */
  startDevicePolling(intervalMs: number): () => void;
}

export const createDeviceSlice: StateCreator<KioskState, [], [], DeviceSlice> = (set, get) => ({
  device: null,
  deviceError: null,
  finding: false,
  async refreshDevice() {
    try {
      const device = await api().getDeviceStatus({});
      set({ device, deviceError: null });
    } catch (err) {
      set({ deviceError: toKioskError(err) });
    }
  },
  async findScanner() {
    if (get().finding) return;
    set({ finding: true });
    try {
      const device = await api().findScanner({});
      set({ device, deviceError: null, finding: false });
    } catch (err) {
      set({ deviceError: toKioskError(err), finding: false });
    }
  },
  startDevicePolling(intervalMs) {
    let stopped = false;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const tick = async () => {
      // A capture owns the scanner: asking it for its status meanwhile can disturb some RD services.
      const capturing = get().capture.phase === 'capturing' || get().daily.capture.phase === 'capturing';
      if (!capturing && !get().finding) await get().refreshDevice();
      if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
    };
    void tick();
    return () => {
      stopped = true;
      if (timer) clearTimeout(timer);
    };
  },
});
