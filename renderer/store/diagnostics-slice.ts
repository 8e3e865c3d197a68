/**
 * The diagnostics slice: what the app sees on this PC (scanner, Eko, journal,
 * versions) for the operator or support, and the exported support bundle.
 */
import { toKioskError } from '../../app/contract';
import { api } from '../bridge';
import { idleLoadable, sliceLoader } from './loadable';
import type { DiagnosticsSlice, SliceApi } from './types';

const noExport = (): DiagnosticsSlice['export'] => ({ busy: false, kind: 'bundle', path: null, error: null });

export function createDiagnosticsSlice({ set, get }: SliceApi<'diagnostics'>): DiagnosticsSlice {
  const report = sliceLoader(() => get().diagnostics, set, 'report');
  return {
    report: idleLoadable(),
    export: noExport(),
    begin() {
      set({ export: noExport() });
    },
    async load() {
      await report.load(() => api().getDiagnostics({}));
    },
    async exportBundle(kind = 'bundle') {
      if (get().diagnostics.export.busy) return;
      set({ export: { busy: true, kind, path: null, error: null } });
      try {
        const { path } = kind === 'logs' ? await api().exportLogs({}) : await api().exportDiagnostics({});
        set({ export: { busy: false, kind, path, error: null } });
      } catch (err) {
        set({ export: { busy: false, kind, path: null, error: toKioskError(err) } });
      }
    },
  };
}
