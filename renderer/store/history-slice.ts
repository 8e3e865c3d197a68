/**
 * The history slice: the journal as the agent sees it (a day's enquiries, filtered by
 * outcome and by the last 4 digits of mobile or Aadhaar), "check result again" for
 * unknown results, the home screen's count of unknown results, and receipt printing
 * (from the result screen and from history). Only masked customer data ever arrives here.
 */
import type { StateCreator } from 'zustand';
import { toKioskError, type EnquiryList, type HistoryRow, type KioskError, type OperationKind } from '../../app/contract';
import { api } from '../bridge';
import { receiptFrom, type ReceiptData, type ReceiptSource } from '../components/receipt/receipt-data';
import { measuredReceiptPage } from '../components/receipt/receipt-page';
import type { KioskState } from '.';

export type OutcomeFilter = 'all' | HistoryRow['outcome'];
export type KindFilter = 'all' | OperationKind;

export interface HistoryFilters {
  /** Local date "YYYY-MM-DD"; '' = every date. */
  date: string;
  outcome: OutcomeFilter;
  /** Customer enquiries, the agent's daily authentications, or both. */
  kind: KindFilter;
  /** 0–4 digits; only 4 digits filter. */
  last4: string;
}

export interface RowCheck {
  busy: boolean;
  error: KioskError | null;
  /** Asked again and the result is still unknown. */
  stillUnknown: boolean;
}

/** Where a receipt goes: the thermal printer, or a PDF file. */
export type ReceiptTarget = 'printer' | 'pdf';

export interface PrintState {
  /** The clientRefId of the receipt being printed. */
  key: string;
  to: ReceiptTarget;
  state: 'printing' | 'sent' | 'failed';
  error: KioskError | null;
  /** The PDF file the desktop app saved. */
  path: string | null;
}

export interface HistorySlice {
  historyFilters: HistoryFilters;
  history: { list: EnquiryList | null; loading: boolean; error: KioskError | null };
  rowChecks: Record<string, RowCheck>;
  /** Enquiries whose result is still unknown (all dates), for the home screen's notice. */
  unknownCount: number;
  /** The receipt in the print-only area, and the screen it was printed from. */
  receipt: { data: ReceiptData; screen: KioskState['screen'] } | null;
  printing: PrintState | null;

  openHistory(filters?: Partial<HistoryFilters>): void;
  setHistoryFilters(patch: Partial<HistoryFilters>): void;
  loadHistory(): Promise<void>;
  checkResultAgain(clientRefId: string): Promise<void>;
  countUnknown(): Promise<void>;
  printReceipt(source: ReceiptSource, to?: ReceiptTarget): Promise<void>;
}

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

/** Lets React paint the receipt into the print-only area before printing. */
const nextPaint = () =>
  new Promise<void>((resolve) => {
    if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => setTimeout(resolve, 0));
    else setTimeout(resolve, 16);
  });

export const createHistorySlice: StateCreator<KioskState, [], [], HistorySlice> = (set, get) => {
  let request = 0;

  return {
    historyFilters: { date: localDate(), outcome: 'all', kind: 'all', last4: '' },
    history: { list: null, loading: false, error: null },
    rowChecks: {},
    unknownCount: 0,
    receipt: null,
    printing: null,

    openHistory(filters = {}) {
      set({
        screen: 'history',
        historyFilters: { date: localDate(), outcome: 'all', kind: 'all', last4: '', ...filters },
        history: { list: null, loading: false, error: null },
        rowChecks: {},
        printing: null,
      });
      void get().loadHistory();
    },

    setHistoryFilters(patch) {
      const next = { ...get().historyFilters, ...patch };
      next.last4 = next.last4.replace(/\D/g, '').slice(0, 4);
      set({ historyFilters: next });
      if (historyQuery(next)) void get().loadHistory();
    },

    async loadHistory() {
      const query = historyQuery(get().historyFilters);
      if (!query) return;
      const id = ++request;
      set((s) => ({ history: { ...s.history, loading: true } }));
      try {
        const list = await api().listEnquiries(query);
        if (id !== request) return;
        set({ history: { list, loading: false, error: null }, rowChecks: {} });
      } catch (err) {
        if (id !== request) return;
        set((s) => ({ history: { list: s.history.list, loading: false, error: toKioskError(err) } }));
      }
    },

    async checkResultAgain(clientRefId) {
      if (get().rowChecks[clientRefId]?.busy) return;
      if (get().history.list?.rows.find((r) => r.clientRefId === clientRefId)?.kind === 'dailyAuth') return;
      const mark = (check: RowCheck) => set((s) => ({ rowChecks: { ...s.rowChecks, [clientRefId]: check } }));
      mark({ busy: true, error: null, stillUnknown: false });
      try {
        const row = await api().followUpEnquiry({ clientRefId });
        set((s) => {
          const list = s.history.list;
          if (!list) return {};
          const old = list.rows.find((r) => r.clientRefId === clientRefId);
          const totals = { ...list.totals };
          if (old && old.outcome !== row.outcome) {
            totals[old.outcome] = Math.max(0, (totals[old.outcome] ?? 0) - 1);
            totals[row.outcome] = (totals[row.outcome] ?? 0) + 1;
          }
          // In place: the row stays where it was, even when the filter was "unknown".
          return { history: { ...s.history, list: { ...list, rows: list.rows.map((r) => (r.clientRefId === clientRefId ? row : r)), totals } } };
        });
        mark({ busy: false, error: null, stillUnknown: row.outcome === 'unknown' });
        if (row.outcome !== 'unknown') set((s) => ({ unknownCount: Math.max(0, s.unknownCount - 1) }));
      } catch (err) {
        mark({ busy: false, error: toKioskError(err), stillUnknown: false });
      }
    },

    async countUnknown() {
      try {
        // Customer enquiries only: a daily authentication has no "check again" (Eko has no inquiry for it).
        const list = await api().listEnquiries({ outcome: 'unknown', kind: 'balance' });
        // An enquiry this app is still waiting for is not "unknown" yet.
        set({ unknownCount: list.rows.filter((r) => r.reason !== 'inFlight').length });
      } catch {
        // The notice is a reminder; history itself shows any journal error.
      }
    },

    async printReceipt(source, to = 'printer') {
      const data = receiptFrom(source);
      const key = data.clientRefId;
      if (get().printing?.state === 'printing') return;
      set({ receipt: { data, screen: get().screen }, printing: { key, to, state: 'printing', error: null, path: null } });
      await nextPaint();
      // As long as the receipt laid out in the print area: a thermal printer feeds the whole page.
      const page = { paperMm: get().appInfo?.receiptPaperMm ?? 58, ...measuredReceiptPage() };
      try {
        const answer = to === 'pdf' ? await api().saveReceiptPdf({ ...page, clientRefId: key }) : await api().printReceipt(page);
        // The web host cannot print by itself: the browser's dialog prints (or saves as PDF) the receipt.
        if (answer.method === 'browser') {
          window.print();
          set({ printing: null }); // the dialog itself was the feedback
        } else {
          set({ printing: { key, to, state: 'sent', error: null, path: answer.method === 'saved' ? answer.path : null } });
        }
      } catch (err) {
        set({ printing: { key, to, state: 'failed', error: toKioskError(err), path: null } });
      }
    },
  };
};
