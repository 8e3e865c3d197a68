// @vitest-environment happy-dom
process.env.TZ = 'Asia/Kolkata';
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { describe, expect, it } from 'vitest';
import { KioskError, type HistoryRow } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { HistoryScreen } from '../../../renderer/screens/history/HistoryScreen';
import { UnknownResultsNotice } from '../../../renderer/screens/history/HomeEntry';
import { HISTORY_LIST as LIST, deferred, fakeKioskApi, historyRow, type FakeKioskApi } from './fake-kiosk-api';
import { freshKioskEachTest } from './fresh-kiosk';

initI18n('en');
const s = () => useKiosk.getState();
let api: FakeKioskApi;

function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi({ listEnquiries: LIST, ...answers });
  setApi(api);
}

freshKioskEachTest(() => use());

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
    await act(async () => gate.resolve(historyRow({ outcome: 'success', reason: null, balance: '56789.01' })));
    const updated = screen.getAllByTestId('history-row')[0]!;
    expect(within(updated).getByTestId('row-outcome').textContent).toBe('Success₹56,789.01');
    expect(screen.getByTestId('total-success').textContent).toBe('2');
    expect(screen.getByTestId('total-unknown').textContent).toBe('0');
  });

  it('a row Eko never received says so, not that the internet was down', async () => {
    use({ listEnquiries: { rows: [historyRow({ outcome: 'notSent', reason: null, errorCode: 'eko.neverArrived', tid: null })], totals: { ...LIST.totals, notSent: 1 } } });
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
    expect(screen.getByTestId('history-limited').textContent).toContain('कुल 1234 में से सबसे नई 2 पूछताछ');
    // All of them shown: no notice.
    cleanup();
    use({ listEnquiries: { ...LIST, matching: 2 } });
    s().nav.openHistory();
    renderScreen();
    await screen.findAllByTestId('history-row');
    expect(screen.queryByTestId('history-limited')).toBeNull();
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
    use({ listEnquiries: { rows: [historyRow(), historyRow({ clientRefId: 'R3', reason: 'interrupted' })], totals: LIST.totals } });
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
