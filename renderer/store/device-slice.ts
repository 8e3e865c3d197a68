/**
 * The device slice: the fingerprint scanner's status, polled every few seconds
 * (paused while a capture runs), and the agent's "Find scanner".
 */
import { toKioskError } from '../../app/contract';
import { api } from '../bridge';
import type { DeviceSlice, SliceApi } from './types';

export function createDeviceSlice({ set, get }: SliceApi<'device'>): DeviceSlice {
  return {
    status: null,
    error: null,
    finding: false,
    async refresh() {
      try {
        const status = await api().getDeviceStatus({});
        set({ status, error: null });
      } catch (err) {
        set({ error: toKioskError(err) });
      }
    },
    async findScanner() {
      if (get().device.finding) return;
      set({ finding: true });
      try {
        const status = await api().findScanner({});
        set({ status, error: null, finding: false });
      } catch (err) {
        set({ error: toKioskError(err), finding: false });
      }
    },
    startPolling(intervalMs) {
      let stopped = false;
      let timer: ReturnType<typeof setTimeout> | undefined;
      const tick = async () => {
        // A capture owns the scanner: asking it for its status meanwhile can disturb some RD services.
        const s = get();
        const capturing = s.enquiry.capture.phase === 'capturing' || s.dailyAuth.flow.capture.phase === 'capturing';
        if (!capturing && !s.device.finding) await get().device.refresh();
        if (!stopped) timer = setTimeout(() => void tick(), intervalMs);
      };
      void tick();
      return () => {
        stopped = true;
        if (timer) clearTimeout(timer);
      };
    },
  };
}
