// @vitest-environment happy-dom
process.env.TZ = 'Asia/Kolkata';
/**
 * The mini statement in the renderer: the same steps as a balance enquiry with the statement's
 * call, its result (balance, then the lines newest first, in and out with sign and words), its
 * receipt at 58 and 80 mm, history's kind and count of lines, and its lines kept only in memory.
 */
import { act, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError, type HistoryRow, type MiniStatementOutcome } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { Receipt } from '../../../renderer/components/receipt/Receipt';
import { receiptFrom, type ReceiptSource } from '../../../renderer/components/receipt/receipt-data';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { HomeScreen } from '../../../renderer/screens/HomeScreen';
import { EnquiryFlow } from '../../../renderer/screens/enquiry/EnquiryFlow';
import { HistoryScreen } from '../../../renderer/screens/history/HistoryScreen';
import { STATEMENT, SUCCESS, fakeKioskApi, historyRow, patchSlice, type FakeKioskApi } from './fake-kiosk-api';
import { freshKioskEachTest, renderIn } from './fresh-kiosk';
import { toCapture as walkToCapture } from './store/harness';

initI18n('en');
const s = () => useKiosk.getState();
const AADHAAR = '234567890124';
const AGENT = { userCode: '20810200', mobile: '9962981729' };
let api: FakeKioskApi;

function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi(answers);
  setApi(api);
}

/** From a fresh mini statement to its fingerprint step, consent given. */
const toCapture = () => walkToCapture('607094', 'miniStatement');

freshKioskEachTest(() => use());

describe('the flow', () => {
  it('home offers "Mini statement" as a main action beside "Balance enquiry", and it opens the shared steps', () => {
    s().session.appInfo = null;
    patchSlice('session', { appInfo: { name: 'AePS Counter', version: '0.1.0', profile: 'demo', training: true, dataDir: '/x', host: 'web', agent: AGENT, receiptPaperMm: 58, captureTimeoutMs: 10_000, ekoRequestTimeoutMs: 15_000, ekoEnquiryTimeoutMs: 60_000, ekoEdition: 'spec' } as never });
    renderIn(<HomeScreen />);
    const balance = screen.getByRole('button', { name: 'Balance enquiry' });
    const statement = screen.getByRole('button', { name: 'Mini statement' });
    expect(statement.className).toBe(balance.className);
    fireEvent.click(statement);
    expect(s().nav.route.name).toBe('flow');
    expect(s().enquiry).toMatchObject({ operation: 'miniStatement', step: 'mobile' });
    fireEvent.click(screen.getByRole('button', { name: 'Balance enquiry' }));
    expect(s().enquiry.operation).toBe('balance');
  });

  it('the capture sends miniStatement (never balanceEnquiry) with the same input, and shows the statement', async () => {
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
    expect(api.miniStatement).toHaveBeenCalledWith({ customerMobile: '9876543210', aadhaar: AADHAAR, bankIin: '607094', captureHandle: 'h1' });
    expect(s().enquiry).toMatchObject({ step: 'result', operation: 'miniStatement', aadhaar: '', maskedAadhaar: 'XXXX XXXX 0124' });
    expect(s().enquiry.outcome).toEqual(STATEMENT);
  });

  it('a balance enquiry still sends balanceEnquiry', async () => {
    s().nav.openFlow();
    expect(s().enquiry.operation).toBe('balance');
    patchSlice('enquiry', { step: 'capture', mobile: '9876543210', aadhaar: AADHAAR, bankIin: '607094', consent: true });
    await s().enquiry.captureFingerprint();
    expect(api.miniStatement).not.toHaveBeenCalled();
    expect(api.balanceEnquiry).toHaveBeenCalledTimes(1);
  });

  it('a refusal keeps the recovery (another bank) for the same customer, and the next try is a mini statement again', async () => {
    use({ miniStatement: { ...STATEMENT, outcome: 'refused', reason: 'notLinked', serverMessage: 'Aadhaar not seeded', lines: undefined, balance: undefined, bankRef: undefined } });
    toCapture();
    await s().enquiry.captureFingerprint();
    renderIn(<EnquiryFlow />);
    expect(screen.getByRole('heading', { name: 'The bank did not give the statement' })).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Choose another bank' }));
    expect(s().enquiry).toMatchObject({ step: 'bank', operation: 'miniStatement', aadhaar: AADHAAR });
  });

  it('a failure of the statement call is shown as it is: the main side’s last enquiry (a balance enquiry’s) is not asked', async () => {
    use({ miniStatement: new KioskError('eko.timeout'), getLastEnquiry: { state: 'done', outcome: SUCCESS } });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(api.getLastEnquiry).not.toHaveBeenCalled();
    expect(s().enquiry.outcome).toBeNull();
    expect(s().enquiry.enquiryError?.code).toBe('eko.timeout');
  });

  it('the lines live only in memory: Home (and the idle wipe) drops them, and nothing reaches storage', async () => {
    toCapture();
    await s().enquiry.captureFingerprint();
    // The receipt laid out from the flow holds the lines too.
    patchSlice('print', { receipt: { data: receiptFrom({ ...STATEMENT, kind: 'miniStatement' }), screen: 'flow' } });
    const stored = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(stored).not.toContain('NEFT SALARY');
    s().nav.goHome('idle');
    expect(s().enquiry.outcome).toBeNull();
    expect(s().enquiry.operation).toBe('balance');
    expect(s().print.receipt).toBeNull();
    expect(JSON.stringify(s().enquiry)).not.toContain('NEFT SALARY');
  });

  it('New mini statement starts the same operation again, wiped', async () => {
    toCapture();
    await s().enquiry.captureFingerprint();
    renderIn(<EnquiryFlow />);
    fireEvent.click(screen.getByRole('button', { name: 'New mini statement' }));
    expect(s().enquiry).toMatchObject({ step: 'mobile', operation: 'miniStatement', outcome: null, mobile: '' });
  });

  it('the consent and the waiting words name the statement', () => {
    toCapture();
    patchSlice('enquiry', { consent: false });
    renderIn(<EnquiryFlow />);
    expect(screen.getByTestId('flow-kind').textContent).toBe('Mini statement');
    expect(document.body.textContent).toContain('my account balance and last transactions at State Bank of India');
  });
});

describe('the result', () => {
  const show = (outcome: unknown) => {
    s().nav.openFlow('miniStatement');
    patchSlice('enquiry', { step: 'result', outcome: outcome as never });
    return renderIn(<EnquiryFlow />);
  };

  it('shows the balance, then the lines newest first: date, in/out in words with a sign, exact amount, narration', () => {
    show(STATEMENT);
    expect(screen.getByRole('heading', { name: 'Mini statement received' })).toBeTruthy();
    expect(screen.getByTestId('balance').textContent).toBe('₹5,500.75');
    const lines = screen.getAllByTestId('statement-line');
    expect(lines).toHaveLength(3);
    const cells = (i: number) => ['line-date', 'line-direction', 'line-amount', 'line-narration'].map((id) => within(lines[i]!).getByTestId(id).textContent);
    expect(cells(0)).toEqual(['30 Dec 2024', 'Money in', '+ ₹1,25,000.50', 'NEFT SALARY DEC']);
    expect(cells(1)).toEqual(['28 Dec 2024', 'Money out', '− ₹250', 'ATM WDL MG ROAD']);
    expect(cells(2)).toEqual(['2 Nov 2024', 'Money out', '− ₹1,999.99', '—']);
    expect(lines[0]!.getAttribute('data-direction')).toBe('credit');
    expect(lines[0]!.className).toContain('is-credit');
    expect(lines[1]!.className).toContain('is-debit');
    // A table with its column headers, read out with each cell.
    expect(screen.getAllByRole('columnheader').map((h) => h.textContent)).toEqual(['Date', 'In / out', 'Amount', 'Details']);
    expect(screen.getByText('Last transactions, newest first (3)')).toBeTruthy();
  });

  it('an empty statement says so; a balance the bank did not give is never a figure', () => {
    show({ ...STATEMENT, lines: [], balance: null });
    expect(screen.getByTestId('statement-empty').textContent).toBe('No transactions in this statement.');
    expect(screen.getByTestId('balance-missing').textContent).toBe('Balance not given by the bank');
    expect(screen.queryByTestId('balance')).toBeNull();
  });

  it('unknown: shown as unknown, with the reference and the advice to check later in History', () => {
    show({ ...STATEMENT, outcome: 'unknown', reason: 'awaited', lines: undefined, clientRefId: 'MS-42' });
    expect(screen.getByRole('heading', { name: 'Result of the mini statement unknown' })).toBeTruthy();
    expect(screen.getByTestId('reference').textContent).toBe('MS-42');
    expect(document.body.textContent).toContain('Check the result later in History');
    expect(screen.queryByTestId('statement-lines')).toBeNull();
  });

  it('in Hindi', async () => {
    await act(() => i18n.changeLanguage('hi'));
    show(STATEMENT);
    expect(screen.getByRole('heading', { name: 'मिनी स्टेटमेंट मिल गया' })).toBeTruthy();
    const first = screen.getAllByTestId('statement-line')[0]!;
    expect(within(first).getByTestId('line-direction').textContent).toBe('पैसा आया');
    expect(within(first).getByTestId('line-amount').textContent).toBe('+ ₹1,25,000.50');
    expect(within(first).getByTestId('line-date').textContent).toMatch(/^30 .+ 2024$/);
  });
});

describe('the receipt', () => {
  const renderReceipt = (source: ReceiptSource, paperMm: 58 | 80) =>
    renderIn(<Receipt data={receiptFrom(source)} paperMm={paperMm} agent={AGENT} />);

  it.each([58, 80] as const)('%i mm: the title, the balance and every line with sign and in/out in words', (paperMm) => {
    renderReceipt({ ...STATEMENT, kind: 'miniStatement' }, paperMm);
    const receipt = screen.getByTestId('receipt');
    expect(receipt.getAttribute('data-paper')).toBe(String(paperMm));
    expect(receipt.getAttribute('data-kind')).toBe('miniStatement');
    expect(receipt.textContent).toContain('AePS Mini Statement');
    expect(screen.getByTestId('rc-balance').textContent).toBe('₹5,500.75');
    const lines = screen.getAllByTestId('rc-line');
    expect(lines.map((l) => l.textContent)).toEqual([
      '30 Dec 2024+ ₹1,25,000.50In (Cr) · NEFT SALARY DEC',
      '28 Dec 2024− ₹250Out (Dr) · ATM WDL MG ROAD',
      '2 Nov 2024− ₹1,999.99Out (Dr)',
    ]);
  });

  it('an empty statement, in Hindi', async () => {
    await act(() => i18n.changeLanguage('hi'));
    renderReceipt({ ...STATEMENT, lines: [], kind: 'miniStatement' }, 58);
    expect(screen.getByTestId('receipt').textContent).toContain('AePS मिनी स्टेटमेंट');
    expect(screen.getByTestId('rc-lines-empty').textContent).toBe('इस स्टेटमेंट में कोई लेन-देन नहीं है।');
  });

  it('a statement’s refusal is titled as a statement (the kind says it: it looks like an enquiry’s)', () => {
    const refused = { ...STATEMENT, outcome: 'refused', reason: 'notLinked', serverMessage: null } as unknown as MiniStatementOutcome;
    renderReceipt({ ...refused, kind: 'miniStatement' }, 80);
    expect(screen.getByTestId('receipt').textContent).toContain('AePS Mini Statement');
    expect(screen.queryByTestId('rc-lines')).toBeNull();
  });

  it('a reprint from history has the count and says the lines are not kept', () => {
    renderReceipt(statementRow({ outcome: 'success', lines: 7, balance: '5500.75' }), 58);
    expect(screen.getByTestId('rc-lines-not-kept').textContent).toBe(
      '7 transactions. The transactions are not kept after the statement is shown. To see them again, ask for a new statement.',
    );
  });
});

/** A mini statement's journal row: by default still waiting for the bank. */
function statementRow(over: Partial<HistoryRow> = {}): HistoryRow {
  return historyRow({ kind: 'miniStatement', clientRefId: 'MS-R1', lines: null, ...over });
}

describe('history', () => {
  it('every row says its kind; a statement shows its number of lines (never the lines); the kind filter has mini statements', async () => {
    const rows = [
      statementRow({ clientRefId: 'A', outcome: 'success', reason: null, balance: '5500.75', lines: 7 }),
      statementRow({ clientRefId: 'B', kind: 'balance', outcome: 'success', reason: null, balance: '40', lines: null }),
      statementRow({ clientRefId: 'C' }),
    ];
    use({ listEnquiries: { rows, totals: { success: 2, refused: 0, unknown: 1, notSent: 0 }, agentRefused: 0 } });
    s().nav.openHistory();
    renderIn(<HistoryScreen />);
    const items = await screen.findAllByTestId('history-row');
    expect(items.map((r) => within(r).getByTestId('row-kind').textContent)).toEqual(['Mini statement', 'Balance enquiry', 'Mini statement']);
    expect(within(items[0]!).getByTestId('row-lines').textContent).toBe('7 transactions');
    expect(within(items[0]!).getByTestId('row-balance').textContent).toBe('₹5,500.75');
    expect(within(items[0]!).getByTestId('row-not-kept')).toBeTruthy();
    expect(within(items[1]!).queryByTestId('row-lines')).toBeNull();
    // An unknown statement is followed up like an enquiry.
    expect(within(items[2]!).getByRole('button', { name: 'Check result again' })).toBeTruthy();

    fireEvent.click(within(screen.getByTestId('history-kind')).getByRole('radio', { name: 'Mini statements' }));
    expect(s().history.filters.kind).toBe('miniStatement');
    expect(api.listEnquiries).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'miniStatement' }));
  });

  it('home’s notice counts unknown statements and opens history on mini statements when they are all there is', async () => {
    use({ listEnquiries: { rows: [statementRow(), statementRow({ clientRefId: 'D', kind: 'dailyAuth' })], totals: { success: 0, refused: 0, unknown: 2, notSent: 0 }, agentRefused: 0 } });
    await s().history.countUnknown();
    expect(s().history.unknownCount).toBe(1);
    expect(s().history.unknownKind).toBe('miniStatement');
  });

  it('"Check result again" settles an unknown statement in place (its count, no lines)', async () => {
    use({
      listEnquiries: { rows: [statementRow()], totals: { success: 0, refused: 0, unknown: 1, notSent: 0 }, agentRefused: 0 },
      followUpEnquiry: statementRow({ outcome: 'success', reason: null, balance: '5500.75', lines: 7 }),
    });
    s().nav.openHistory();
    renderIn(<HistoryScreen />);
    const item = await screen.findByTestId('history-row');
    await act(async () => {
      fireEvent.click(within(item).getByRole('button', { name: 'Check result again' }));
    });
    expect(api.followUpEnquiry).toHaveBeenCalledWith({ clientRefId: 'MS-R1' });
    const settled = screen.getByTestId('history-row');
    expect(settled.getAttribute('data-outcome')).toBe('success');
    expect(within(settled).getByTestId('row-lines').textContent).toBe('7 transactions');
    expect(settled.textContent).toContain('ask for a new statement');
  });
});
