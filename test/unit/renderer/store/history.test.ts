// @vitest-environment happy-dom
/** The history slice: the local day and the filters it sends, the journal's list, and "check result again". */
process.env.TZ = 'Asia/Kolkata';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { KioskError, type EnquiryList } from '../../../../app/contract';
import { historyQuery, localDate, localDayRange, shiftDate } from '../../../../renderer/store/history-slice';
import { HISTORY_LIST as LIST, deferred, historyRow, patchSlice } from '../fake-kiosk-api';
import { api, s, storeHarness, use } from './harness';

storeHarness();

/** The fake KioskApi, the journal answering LIST unless `answers` says otherwise. */
const useJournal = (answers: Parameters<typeof use>[0] = {}) => use({ listEnquiries: LIST, ...answers });
beforeEach(() => useJournal());

const R1 = LIST.rows[0]!;

describe('the local day', () => {
  it('is [local midnight, next local midnight) as ISO instants', () => {
    expect(localDayRange('2026-11-22')).toEqual({ from: '2026-11-21T18:30:00.000Z', to: '2026-11-22T18:30:00.000Z' });
    expect(localDayRange('2026-02-30')).toBeNull();
    expect(localDayRange('')).toBeNull();
    expect(shiftDate('2026-03-01', -1)).toBe('2026-02-28');
    expect(shiftDate('2026-12-31', 1)).toBe('2027-01-01');
    expect(localDate(new Date('2026-11-22T19:00:00.000Z'))).toBe('2026-11-23'); // already tomorrow in India
  });

  it('turns filters into the listEnquiries input, and holds back a search of 1–3 digits', () => {
    const day = localDayRange('2026-11-22')!;
    expect(historyQuery({ date: '2026-11-22', outcome: 'all', kind: 'all', last4: '' })).toEqual(day);
    expect(historyQuery({ date: '', outcome: 'refused', kind: 'all', last4: '3210' })).toEqual({ outcome: 'refused', last4: '3210' });
    expect(historyQuery({ date: '2026-11-22', outcome: 'notSent', kind: 'all', last4: '' })).toEqual({ ...day, outcome: 'notSent' });
    expect(historyQuery({ date: '', outcome: 'all', kind: 'dailyAuth', last4: '' })).toEqual({ kind: 'dailyAuth' });
    expect(historyQuery({ date: '2026-11-22', outcome: 'all', kind: 'all', last4: '32' })).toBeNull();
  });
});

describe('history slice', () => {
  it('opens on today and asks the journal for today', async () => {
    s().nav.openHistory();
    expect(s().nav.route.name).toBe('history');
    await vi.waitFor(() => expect(s().history.list.data).toEqual(LIST));
    expect(api.listEnquiries).toHaveBeenCalledWith(localDayRange(localDate())!);
  });

  it('sends each filter to listEnquiries', async () => {
    s().nav.openHistory();
    s().history.setFilters({ outcome: 'success' });
    expect(api.listEnquiries).toHaveBeenLastCalledWith({ ...localDayRange(localDate())!, outcome: 'success' });
    s().history.setFilters({ date: '2026-11-20' });
    expect(api.listEnquiries).toHaveBeenLastCalledWith({ ...localDayRange('2026-11-20')!, outcome: 'success' });
    const calls = api.listEnquiries.mock.calls.length;
    s().history.setFilters({ last4: '01a' }); // digits only, and not until there are 4
    expect(s().history.filters.last4).toBe('01');
    expect(api.listEnquiries.mock.calls.length).toBe(calls);
    s().history.setFilters({ last4: '0124' });
    expect(api.listEnquiries).toHaveBeenLastCalledWith({ ...localDayRange('2026-11-20')!, outcome: 'success', last4: '0124' });
    s().history.setFilters({ date: '', outcome: 'all', last4: '' });
    expect(api.listEnquiries).toHaveBeenLastCalledWith({});
  });

  it('keeps only the answer to the latest filter', async () => {
    const slow = deferred<EnquiryList>();
    const fresh = { rows: [], totals: { success: 0, refused: 0, unknown: 0, notSent: 0 } };
    useJournal({ listEnquiries: (input: { outcome?: string }) => (input.outcome === 'refused' ? fresh : slow.promise) });
    s().nav.openHistory();
    s().history.setFilters({ outcome: 'refused' });
    await vi.waitFor(() => expect(s().history.list.data).toEqual(fresh));
    slow.resolve(LIST);
    await new Promise((r) => setTimeout(r, 0));
    expect(s().history.list.data).toEqual(fresh);
  });

  it('"check result again" replaces the row in place and moves it in the totals', async () => {
    const resolved = { ...R1, outcome: 'success' as const, reason: null, balance: '56789.01', bankRef: 'RRN7', uidaiRef: 'U7' };
    useJournal({ followUpEnquiry: resolved });
    patchSlice('history', { unknownCount: 1 });
    s().nav.openHistory({ outcome: 'unknown' });
    await vi.waitFor(() => expect(s().history.list.data).not.toBeNull());
    await s().history.checkResultAgain('R1');
    expect(api.followUpEnquiry).toHaveBeenCalledWith({ clientRefId: 'R1' });
    const list = s().history.list.data!;
    expect(list.rows.map((r) => r.clientRefId)).toEqual(['R1', 'R2']); // same place, even under the "unknown" filter
    expect(list.rows[0]).toEqual(resolved);
    expect(list.totals).toEqual({ success: 2, refused: 0, unknown: 0, notSent: 0 });
    expect(s().history.rowChecks.R1).toEqual({ busy: false, error: null, stillUnknown: false });
    expect(s().history.unknownCount).toBe(0);
  });

  it('"check result again" keeps the count of matching rows', async () => {
    useJournal({ listEnquiries: { ...LIST, matching: 900 }, followUpEnquiry: { ...R1, outcome: 'success', reason: null, balance: '1' } });
    s().nav.openHistory();
    await vi.waitFor(() => expect(s().history.list.data).not.toBeNull());
    await s().history.checkResultAgain('R1');
    expect(s().history.list.data!.matching).toBe(900);
  });

  it('says when the result is still unknown, and keeps an error for the row', async () => {
    useJournal({ followUpEnquiry: R1 });
    s().nav.openHistory();
    await vi.waitFor(() => expect(s().history.list.data).not.toBeNull());
    await s().history.checkResultAgain('R1');
    expect(s().history.rowChecks.R1!.stillUnknown).toBe(true);
    api.followUpEnquiry.mockRejectedValueOnce(new KioskError('eko.offline'));
    await s().history.checkResultAgain('R1');
    expect(s().history.rowChecks.R1!.error?.code).toBe('eko.offline');
    expect(s().history.list.data!.rows[0]!.outcome).toBe('unknown');
  });

  it('counts unknown results of every date for the home notice (mini statements too), leaving out the one in flight and the agent’s daily authentication', async () => {
    const rows = [
      historyRow(),
      historyRow({ clientRefId: 'R3', reason: 'interrupted' }),
      historyRow({ clientRefId: 'R4', reason: 'inFlight' }),
      historyRow({ clientRefId: 'R5', kind: 'miniStatement' }),
      historyRow({ clientRefId: 'R6', kind: 'dailyAuth', reason: 'timeout' }),
    ];
    useJournal({ listEnquiries: { rows, totals: LIST.totals } });
    await s().history.countUnknown();
    expect(api.listEnquiries).toHaveBeenCalledWith({ outcome: 'unknown' });
    expect(s().history.unknownCount).toBe(3);
    // Balance enquiries and a mini statement: the notice opens history on every kind.
    expect(s().history.unknownKind).toBe('all');
  });
});
