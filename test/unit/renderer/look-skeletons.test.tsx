// @vitest-environment happy-dom
/**
 * The finished look, loading: a placeholder shaped like the content (never a bare "Loading…"),
 * still heard as "Loading…" by a screen reader, its shapes hidden from it.
 */
import { act, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { setApi } from '../../../renderer/bridge';
import { ScreenSkeleton, Skeleton } from '../../../renderer/components/Skeleton';
import { initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { HomeScreen } from '../../../renderer/screens/HomeScreen';
import { HistoryScreen } from '../../../renderer/screens/history/HistoryScreen';
import { DiagnosticsScreen } from '../../../renderer/screens/diagnostics/DiagnosticsScreen';
import { deferred, fakeKioskApi, type FakeKioskApi } from './fake-kiosk-api';
import { freshKioskEachTest, renderIn } from './fresh-kiosk';

initI18n('en');
const s = () => useKiosk.getState();
let api: FakeKioskApi;

function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi(answers);
  setApi(api);
}

freshKioskEachTest(() => use());

/** Each placeholder is a status region that says "Loading…" (or its own words) and hides its shapes; never aria-busy (it would silence it). */
function expectAccessibleSkeleton(el: HTMLElement, words = 'Loading…') {
  expect(el.getAttribute('role')).toBe('status');
  expect(el.getAttribute('aria-busy')).toBeNull();
  expect(el.textContent).toBe(words);
  const shapes = el.querySelector('.skeleton-shapes')!;
  expect(shapes.getAttribute('aria-hidden')).toBe('true');
  expect(shapes.querySelectorAll('.skeleton-shape').length).toBeGreaterThan(0);
  // The words are for screen readers only; what shows is the shapes.
  expect(el.querySelector('.visually-hidden')!.textContent).toBe(words);
}

describe('Skeleton', () => {
  it('is a busy status region with "Loading…" for screen readers, its shapes aria-hidden', () => {
    renderIn(<Skeleton variant="lines" lines={[{ width: 40, size: 'sm' }, { width: 70, size: 'xl' }]} />);
    const status = screen.getByRole('status');
    expectAccessibleSkeleton(status);
    const lines = status.querySelectorAll('.skeleton-line');
    expect(lines).toHaveLength(2);
    expect(lines[1]!.className).toContain('skeleton-xl');
    expect(lines[1]!.className).toContain('skeleton-w70');
  });

  it('blocks: as many boxes as asked, each with its lines; its own words when given', () => {
    renderIn(<Skeleton variant="blocks" count={3} columns={2} lines={[{ width: 50 }, { width: 90 }]} label="Checking…" />);
    const status = screen.getByRole('status');
    expectAccessibleSkeleton(status, 'Checking…');
    const blocks = status.querySelectorAll('.skeleton-block');
    expect(blocks).toHaveLength(3);
    expect(blocks[2]!.querySelectorAll('.skeleton-line')).toHaveLength(2);
    expect(status.className).toContain('skeleton-cols-2');
  });

  it('a whole screen on its way: a screen-shaped placeholder', () => {
    renderIn(<ScreenSkeleton />);
    expectAccessibleSkeleton(screen.getByTestId('screen-skeleton'));
  });
});

describe('home while its figures load', () => {
  it('shows skeletons for the wallet, the accounts and the daily authentication, then the figures', async () => {
    const wallet = deferred<unknown>();
    const accounts = deferred<unknown>();
    const daily = deferred<unknown>();
    use({ getSettlementBalance: () => wallet.promise, getSettlementAccounts: () => accounts.promise, getDailyAuthStatus: () => daily.promise });
    await act(() => s().session.loadAppInfo());
    renderIn(<HomeScreen />);

    const walletPanel = screen.getByTestId('wallet');
    const accountsPanel = screen.getByTestId('accounts');
    const dailyPanel = screen.getByTestId('daily-auth-status');
    // No bare "Loading…" paragraph anywhere: each loading place is a placeholder shaped like its content.
    for (const p of document.querySelectorAll('p')) expect(p.textContent).not.toBe('Loading…');
    expectAccessibleSkeleton(within(walletPanel).getByRole('status'));
    expect(within(walletPanel).getByTestId('wallet-skeleton').querySelector('.skeleton-xl')).toBeTruthy(); // the figure's bar
    expectAccessibleSkeleton(within(accountsPanel).getByRole('status'));
    expect(within(accountsPanel).getByTestId('accounts-skeleton').querySelectorAll('.skeleton-block')).toHaveLength(2); // two account rows
    expectAccessibleSkeleton(within(dailyPanel).getByRole('status'), 'Checking today’s daily authentication…');
    // While still asking, the daily card warns of nothing.
    expect(dailyPanel.querySelector('.warn-icon')).toBeNull();

    await act(async () => {
      wallet.resolve({ balance: '1234.5', currency: 'INR', customerId: '9999999999' });
      accounts.resolve({ unsettledFund: '200', remainingLimit: '5000', recipients: [{ recipientId: 'r1', name: 'Shop account', accountMasked: 'XXXX1234', ifsc: 'SBIN0000001' }] });
      daily.resolve({ day: '2025-01-01', state: 'notDone', doneAt: null, askedAgain: false, lastBankIin: null });
    });
    expect(within(walletPanel).queryByTestId('wallet-skeleton')).toBeNull();
    expect(screen.getByTestId('wallet-balance').textContent).toBe('₹1,234.50');
    expect(within(accountsPanel).queryByTestId('accounts-skeleton')).toBeNull();
    expect(screen.getByTestId('unsettled').textContent).toBe('₹200');
    expect(screen.getByTestId('recipient-account').textContent).toBe('XXXX1234');
    expect(within(dailyPanel).queryByTestId('daily-auth-skeleton')).toBeNull();
    expect(screen.getByTestId('daily-auth-line').textContent).toBe('Not done today');
    expect(document.querySelectorAll('.skeleton')).toHaveLength(0);
  });
});

describe('history and diagnostics while they load', () => {
  it('history: row-shaped placeholders until the list comes', async () => {
    const list = deferred<unknown>();
    use({ listEnquiries: () => list.promise });
    act(() => s().nav.openHistory());
    renderIn(<HistoryScreen />);
    const skeleton = screen.getByTestId('history-skeleton');
    expectAccessibleSkeleton(skeleton);
    expect(skeleton.querySelectorAll('.skeleton-block')).toHaveLength(3);
    await act(async () => list.resolve({ rows: [], totals: { success: 0, refused: 0, unknown: 0, notSent: 0 }, matching: 0, agentRefused: 0 }));
    expect(screen.queryByTestId('history-skeleton')).toBeNull();
    expect(screen.getByTestId('history-count').textContent).toBe('0 enquiries shown');
  });

  it('diagnostics: panel-shaped placeholders, two columns', () => {
    use({ getDiagnostics: () => new Promise(() => {}) });
    act(() => s().nav.openDiagnostics());
    renderIn(<DiagnosticsScreen />);
    const skeleton = screen.getByTestId('diag-skeleton');
    expectAccessibleSkeleton(skeleton);
    expect(skeleton.querySelectorAll('.skeleton-block')).toHaveLength(4);
    expect(skeleton.className).toContain('skeleton-cols-2');
  });
});
