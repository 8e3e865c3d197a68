// @vitest-environment happy-dom
process.env.TZ = 'Asia/Kolkata';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it, vi } from 'vitest';
import { KioskError, type EnquiryList, type HistoryRow } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { historyQuery, localDate, localDayRange, shiftDate } from '../../../renderer/store/history-slice';
import { HistoryScreen } from '../../../renderer/screens/history/HistoryScreen';
import { UnknownResultsNotice } from '../../../renderer/screens/history/HomeEntry';
import { deferred, fakeKioskApi, type FakeKioskApi, patchSlice } from './fake-kiosk-api';
import { freshKioskEachTest } from './fresh-kiosk';

initI18n('en');
const s = () => useKiosk.getState();
let api: FakeKioskApi;

const row = (over: Partial<HistoryRow> = {}): HistoryRow => ({
  kind: 'balance',
  clientRefId: 'R1',
  time: '2026-11-22T10:35:00.000Z',
  updatedAt: '2026-11-22T10:35:00.000Z',
  profile: 'demo',
  maskedMobile: 'XXXXXX3210',
  maskedAadhaar: 'XXXX XXXX 9011',
  bankIin: '607094',
  bankName: 'State Bank of India',
  outcome: 'unknown',
  reason: 'awaited',
  tid: 'T1',
  bankRef: null,
  uidaiRef: null,
  balance: null,
  errorCode: null,
  ...over,
});

const LIST: EnquiryList = {
  rows: [row(), row({ clientRefId: 'R2', outcome: 'success', reason: null, balance: '5500.75', maskedAadhaar: 'XXXX XXXX 0124', bankRef: 'RRN2' })],
  totals: { success: 1, refused: 0, unknown: 1, notSent: 0 },
  agentRefused: 0,
};

function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi({ listEnquiries: LIST, ...answers });
  setApi(api);
}

freshKioskEachTest(() => use());

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
    use({ listEnquiries: (input: { outcome?: string }) => (input.outcome === 'refused' ? fresh : slow.promise) });
    s().nav.openHistory();
    s().history.setFilters({ outcome: 'refused' });
    await vi.waitFor(() => expect(s().history.list.data).toEqual(fresh));
    slow.resolve(LIST);
    await new Promise((r) => setTimeout(r, 0));
    expect(s().history.list.data).toEqual(fresh);
  });

  it('"check result again" replaces the row in place and moves it in the totals', async () => {
    const resolved = row({ outcome: 'success', reason: null, balance: '56789.01', bankRef: 'RRN7', uidaiRef: 'U7' });
    use({ followUpEnquiry: resolved, listEnquiries: LIST });
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

  it('says when the result is still unknown, and keeps an error for the row', async () => {
    use({ followUpEnquiry: row() });
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
      row(),
      row({ clientRefId: 'R3', reason: 'interrupted' }),
      row({ clientRefId: 'R4', reason: 'inFlight' }),
      row({ clientRefId: 'R5', kind: 'miniStatement' }),
      row({ clientRefId: 'R6', kind: 'dailyAuth', reason: 'timeout' }),
    ];
    use({ listEnquiries: { rows, totals: LIST.totals } });
    await s().history.countUnknown();
    expect(api.listEnquiries).toHaveBeenCalledWith({ outcome: 'unknown' });
    expect(s().history.unknownCount).toBe(3);
    // Balance enquiries and a mini statement: the notice opens history on every kind.
    expect(s().history.unknownKind).toBe('all');
  });
});

describe('history screen', () => {
  const renderScreen = () =>
    render(
      <I18nextProvider i18n={i18n}>
        <HistoryScreen />
      </I18nextProvider>,
    );

  it('shows each row with masked numbers, the outcome in words and the totals; "check result again" shows the new outcome', async () => {
    const gate = deferred<HistoryRow>();
    use({ followUpEnquiry: () => gate.promise });
    s().nav.openHistory();
    renderScreen();
    const rows = await screen.findAllByTestId('history-row');
    expect(rows).toHaveLength(2);
    const [unknown, success] = rows as [HTMLElement, HTMLElement];
    expect(within(unknown).getByTestId('row-outcome').textContent).toBe('Unknown');
    expect(unknown.textContent).toContain('The bank has not answered yet (pending).');
    expect(within(success).getByTestId('row-outcome').textContent).toBe('Success₹5,500.75');
    expect(within(success).getByTestId('row-aadhaar').textContent).toBe('XXXX XXXX 0124');
    expect(within(success).getByTestId('row-mobile').textContent).toBe('XXXXXX3210');
    // One reference on the row; the bank's (and Eko's, UIDAI's) behind "More details".
    expect(within(success).queryByTestId('row-rrn')).toBeNull();
    const more = within(success).getByRole('button', { name: 'More details' });
    expect(more.getAttribute('aria-expanded')).toBe('false');
    fireEvent.click(more);
    expect(within(success).getByRole('button', { name: 'Fewer details' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(success).getByTestId('row-rrn').textContent).toBe('RRN2');
    expect(within(success).queryByRole('button', { name: 'Check result again' })).toBeNull();
    expect(screen.getByTestId('total-success').textContent).toBe('1');
    expect(screen.getByTestId('total-all').textContent).toBe('2');
    expect(screen.getByLabelText('Date')).toBeTruthy();
    expect(screen.getByLabelText('Last 4 digits of mobile or Aadhaar')).toBeTruthy();

    fireEvent.click(within(unknown).getByRole('button', { name: 'Check result again' }));
    expect(within(unknown).getByRole('button', { name: 'Asking the bank…' })).toHaveProperty('disabled', true);
    await act(async () => gate.resolve(row({ outcome: 'success', reason: null, balance: '56789.01' })));
    const updated = screen.getAllByTestId('history-row')[0]!;
    expect(within(updated).getByTestId('row-outcome').textContent).toBe('Success₹56,789.01');
    expect(screen.getByTestId('total-success').textContent).toBe('2');
    expect(screen.getByTestId('total-unknown').textContent).toBe('0');
  });

  it('a row Eko never received says so, not that the internet was down', async () => {
    use({ listEnquiries: { rows: [row({ outcome: 'notSent', reason: null, errorCode: 'eko.neverArrived', tid: null })], totals: { ...LIST.totals, notSent: 1 } } });
    s().nav.openHistory();
    renderScreen();
    const [notSent] = await screen.findAllByTestId('history-row');
    expect(within(notSent!).getByTestId('row-outcome').textContent).toBe('Not sent');
    expect(notSent!.textContent).toContain('Eko has no record of this enquiry: it did not reach the bank, and nothing was charged.');
    expect(notSent!.textContent).not.toContain('internet');
    expect(within(notSent!).queryByRole('button', { name: 'Check result again' })).toBeNull();
  });

  it('tells the agent when the list shows only the latest rows of more, in English and Hindi', async () => {
    use({ listEnquiries: { ...LIST, matching: 1234 } });
    s().nav.openHistory();
    const { unmount } = renderScreen();
    expect((await screen.findByTestId('history-limited')).textContent).toBe(
      'Showing the latest 2 of 1234 enquiries. Choose a date or a result, or search by the last 4 digits, to see the others.',
    );
    unmount();
    await act(() => i18n.changeLanguage('hi'));
    renderScreen();
    expect(screen.getByTestId('history-limited').textContent).toContain('कुल 1234 में से नवीनतम 2 पूछताछ');
    // All of them shown: no notice.
    cleanup();
    use({ listEnquiries: { ...LIST, matching: 2 } });
    s().nav.openHistory();
    renderScreen();
    await screen.findAllByTestId('history-row');
    expect(screen.queryByTestId('history-limited')).toBeNull();
  });

  it('"check result again" keeps the count of matching rows', async () => {
    use({ listEnquiries: { ...LIST, matching: 900 }, followUpEnquiry: row({ outcome: 'success', reason: null, balance: '1' }) });
    s().nav.openHistory();
    await vi.waitFor(() => expect(s().history.list.data).not.toBeNull());
    await s().history.checkResultAgain('R1');
    expect(s().history.list.data!.matching).toBe(900);
  });

  it('shows a failed follow-up as an error notice in the row', async () => {
    use({ followUpEnquiry: new KioskError('eko.timeout') });
    s().nav.openHistory();
    renderScreen();
    const [unknown] = await screen.findAllByTestId('history-row');
    await act(async () => fireEvent.click(within(unknown!).getByRole('button', { name: 'Check result again' })));
    expect(within(unknown!).getByRole('alert').textContent).toContain('Eko did not answer in time.');
  });

  it('filters from the screen: outcome chips, and the search only at 4 digits', async () => {
    s().nav.openHistory();
    renderScreen();
    await screen.findAllByTestId('history-row');
    fireEvent.click(screen.getByRole('radio', { name: /Refused/ }));
    expect(api.listEnquiries).toHaveBeenLastCalledWith(expect.objectContaining({ outcome: 'refused' }));
    const search = screen.getByLabelText('Last 4 digits of mobile or Aadhaar');
    fireEvent.change(search, { target: { value: '32' } });
    expect(screen.getByText('Type all 4 digits (2 typed so far).')).toBeTruthy();
    fireEvent.change(search, { target: { value: '3210' } });
    expect(api.listEnquiries).toHaveBeenLastCalledWith(expect.objectContaining({ last4: '3210', outcome: 'refused' }));
    fireEvent.click(screen.getByRole('button', { name: 'All dates' }));
    expect(api.listEnquiries).toHaveBeenLastCalledWith({ outcome: 'refused', last4: '3210' });
  });

  it('the home notice names the count and opens history on unknown results of every date', async () => {
    use({ listEnquiries: { rows: [row(), row({ clientRefId: 'R3', reason: 'interrupted' })], totals: LIST.totals } });
    render(
      <I18nextProvider i18n={i18n}>
        <UnknownResultsNotice />
      </I18nextProvider>,
    );
    const notice = await screen.findByTestId('unknown-results');
    expect(notice.textContent).toContain('2 enquiries have an unknown result — check them in History.');
    fireEvent.click(within(notice).getByRole('button', { name: 'Check in History' }));
    expect(s().nav.route.name).toBe('history');
    expect(s().history.filters).toEqual({ date: '', outcome: 'unknown', kind: 'balance', last4: '' });
  });
});
