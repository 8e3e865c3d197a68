/**
 * The history slice: the journal as the agent sees it (a day's enquiries, filtered by
 * outcome and by the last 4 digits of mobile or Aadhaar), "check result again" for
 * unknown results, and the home screen's count of unknown results. Only masked customer
 * data ever arrives here. (Printing a receipt is the print slice's.)
 */
import { toKioskError, type HistoryRow, type OperationKind } from '../../app/contract';
import { api } from '../bridge';
import { idleLoadable, sliceLoader } from './loadable';
import type { HistoryFilters, HistorySlice, RowCheck, SliceApi } from './types';

export type { HistoryFilters, KindFilter, OutcomeFilter, RowCheck } from './types';

const pad = (n: number) => String(n).padStart(2, '0');

/** Today's local date as "YYYY-MM-DD". */
export function localDate(d = new Date()): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** The local day "YYYY-MM-DD" as ISO instants [from, to); null for a malformed date. */
export function localDayRange(date: string): { from: string; to: string } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return null;
  const [y, mo, d] = [Number(m[1]), Number(m[2]) - 1, Number(m[3])];
  const start = new Date(y, mo, d);
  if (start.getMonth() !== mo || start.getDate() !== d) return null;
  return { from: start.toISOString(), to: new Date(y, mo, d + 1).toISOString() };
}

/** The date `days` away from a "YYYY-MM-DD" date (today when it is empty). */
export function shiftDate(date: string, days: number): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const base = m ? new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : new Date();
  base.setDate(base.getDate() + days);
  return localDate(base);
}

/** The listEnquiries input for the filters, or null while the search has 1–3 digits. */
export function historyQuery(
  f: HistoryFilters,
): { from?: string; to?: string; outcome?: HistoryRow['outcome']; kind?: OperationKind; last4?: string } | null {
  if (f.last4 !== '' && !/^\d{4}$/.test(f.last4)) return null;
  const range = f.date ? localDayRange(f.date) : null;
  return {
    ...(range ?? {}),
    ...(f.outcome !== 'all' ? { outcome: f.outcome } : {}),
    ...(f.kind !== 'all' ? { kind: f.kind } : {}),
    ...(f.last4 ? { last4: f.last4 } : {}),
  };
}

const defaultFilters = (): HistoryFilters => ({ date: localDate(), outcome: 'all', kind: 'all', last4: '' });

export function createHistorySlice({ set, get }: SliceApi<'history'>): HistorySlice {
  const list = sliceLoader(() => get().history, set, 'list');

  return {
    filters: defaultFilters(),
    list: idleLoadable(),
    rowChecks: {},
    unknownCount: 0,
    unknownKind: 'balance',

    begin(filters = {}) {
      list.invalidate();
      set({ filters: { ...defaultFilters(), ...filters }, list: idleLoadable(), rowChecks: {} });
    },

    setFilters(patch) {
      const next = { ...get().history.filters, ...patch };
      next.last4 = next.last4.replace(/\D/g, '').slice(0, 4);
      set({ filters: next });
      if (historyQuery(next)) void get().history.load();
    },

    async load() {
      const query = historyQuery(get().history.filters);
      if (!query) return;
      if (await list.load(() => api().listEnquiries(query))) set({ rowChecks: {} });
    },

    async checkResultAgain(clientRefId) {
      const h = get().history;
      if (h.rowChecks[clientRefId]?.busy) return;
      if (h.list.data?.rows.find((r) => r.clientRefId === clientRefId)?.kind === 'dailyAuth') return;
      const mark = (check: RowCheck) => set((cur) => ({ rowChecks: { ...cur.rowChecks, [clientRefId]: check } }));
      mark({ busy: true, error: null, stillUnknown: false });
      try {
        const row = await api().followUpEnquiry({ clientRefId });
        set((cur) => {
          const data = cur.list.data;
          if (!data) return {};
          const old = data.rows.find((r) => r.clientRefId === clientRefId);
          const totals = { ...data.totals };
          if (old && old.outcome !== row.outcome) {
            totals[old.outcome] = Math.max(0, (totals[old.outcome] ?? 0) - 1);
            totals[row.outcome] = (totals[row.outcome] ?? 0) + 1;
          }
          // In place: the row stays where it was, even when the filter was "unknown".
          return { list: { ...cur.list, data: { ...data, rows: data.rows.map((r) => (r.clientRefId === clientRefId ? row : r)), totals } } };
        });
        mark({ busy: false, error: null, stillUnknown: row.outcome === 'unknown' });
        if (row.outcome !== 'unknown') set((cur) => ({ unknownCount: Math.max(0, cur.unknownCount - 1) }));
      } catch (err) {
        mark({ busy: false, error: toKioskError(err), stillUnknown: false });
      }
    },

    async countUnknown() {
      try {
        // Customer enquiries (balance enquiries and mini statements) only: a daily authentication
        // has no "check again" (Eko has no inquiry for it).
        const answer = await api().listEnquiries({ outcome: 'unknown' });
        // An enquiry this app is still waiting for is not "unknown" yet.
        const unknown = answer.rows.filter((r) => r.kind !== 'dailyAuth' && r.reason !== 'inFlight');
        const kinds = new Set(unknown.map((r) => r.kind));
        set({ unknownCount: unknown.length, unknownKind: kinds.size === 1 ? [...kinds][0]! : 'all' });
      } catch {
        // The notice is a reminder; history itself shows any journal error.
      }
    },
  };
}
