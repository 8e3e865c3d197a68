/**
 * The diagnostics slice: what the app sees on this PC (scanner, Eko, journal,
 * versions) for the operator or support, and the exported support bundle.
 */
import type { StateCreator } from 'zustand';
import { toKioskError, type Diagnostics, type KioskError } from '../../app/contract';
import { api } from '../bridge';
import type { KioskState } from '.';

export interface DiagnosticsSlice {
  diagnostics: { data: Diagnostics | null; loading: boolean; error: KioskError | null };
  /** kind: what was (or is being) exported, so a retry repeats that export. */
  diagnosticsExport: { busy: boolean; kind: ExportKind; path: string | null; error: KioskError | null };
  openDiagnostics(): void;
  loadDiagnostics(): Promise<void>;
  exportDiagnostics(kind?: ExportKind): Promise<void>;
}

/** bundle: the diagnostics file (with recent log lines); logs: every log file, zipped. */
export type ExportKind = 'bundle' | 'logs';

export const createDiagnosticsSlice: StateCreator<KioskState, [], [], DiagnosticsSlice> = (set, get) => {
  let request = 0;
  return {
    diagnostics: { data: null, loading: false, error: null },
    diagnosticsExport: { busy: false, kind: 'bundle', path: null, error: null },
    openDiagnostics() {
      set({ screen: 'diagnostics', diagnosticsExport: { busy: false, kind: 'bundle', path: null, error: null } });
      void get().loadDiagnostics();
    },
    async loadDiagnostics() {
      const id = ++request;
      set((s) => ({ diagnostics: { ...s.diagnostics, loading: true } }));
      try {
        const data = await api().getDiagnostics({});
        if (id === request) set({ diagnostics: { data, loading: false, error: null } });
      } catch (err) {
        if (id === request) set((s) => ({ diagnostics: { data: s.diagnostics.data, loading: false, error: toKioskError(err) } }));
      }
    },
    async exportDiagnostics(kind = 'bundle') {
      if (get().diagnosticsExport.busy) return;
      set({ diagnosticsExport: { busy: true, kind, path: null, error: null } });
      try {
        const { path } = kind === 'logs' ? await api().exportLogs({}) : await api().exportDiagnostics({});
        set({ diagnosticsExport: { busy: false, kind, path, error: null } });
      } catch (err) {
        set({ diagnosticsExport: { busy: false, kind, path: null, error: toKioskError(err) } });
      }
    },
  };
};
