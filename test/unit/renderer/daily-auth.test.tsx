// @vitest-environment happy-dom
/**
 * The agent's daily authentication and recovering from refusals without retyping: today's
 * status on home and before a customer's finger, the flow itself (never started by itself),
 * back to the same customer afterwards, each refusal's recovery, the agent's refusals shown as
 * the agent's, a success without a balance, history rows of both kinds, and the banks an Eko
 * request edition cannot take.
 */
process.env.TZ = 'Asia/Kolkata';
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { KioskError, type EnquiryList, type EnquiryOutcome, type HistoryRow } from '../../../app/contract';
import { BANKS } from '../../../renderer/banks';
import { setApi } from '../../../renderer/bridge';
import { Receipt } from '../../../renderer/components/receipt/Receipt';
import { receiptFrom } from '../../../renderer/components/receipt/receipt-data';
import { i18n, initI18n } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { DailyAuthFlow } from '../../../renderer/screens/daily-auth/DailyAuthFlow';
import { EnquiryFlow } from '../../../renderer/screens/enquiry/EnquiryFlow';
import { HistoryScreen } from '../../../renderer/screens/history/HistoryScreen';
import { HomeScreen } from '../../../renderer/screens/HomeScreen';
import { DAILY_DONE, DAILY_NOT_DONE, DAILY_SUCCESS, SUCCESS, fakeKioskApi, type FakeKioskApi, patchSlice } from './fake-kiosk-api';
import { toCapture as walkToCapture } from './store/harness';
import { freshKioskEachTest, renderIn } from './fresh-kiosk';

initI18n('en');
const s = () => useKiosk.getState();
let api: FakeKioskApi;

const CUSTOMER = '234567890124';
const MOBILE = '9876543210';
const AGENT = '356789012345'; // Verhoeff-valid
const REGIONAL = BANKS.find((b) => b.ifsc === null)!;

function use(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi(answers);
  setApi(api);
}

const refused = (reason: Extract<EnquiryOutcome, { outcome: 'refused' }>['reason'], ref = 'REF-R'): EnquiryOutcome => ({
  outcome: 'refused',
  clientRefId: ref,
  at: SUCCESS.at,
  maskedAadhaar: SUCCESS.maskedAadhaar,
  maskedMobile: SUCCESS.maskedMobile,
  bankIin: '607094',
  bankName: SUCCESS.bankName,
  reason,
  serverMessage: 'Eko says so',
  tid: null,
});

/** The customer's details typed, consent given: at the fingerprint step. */
const toCapture = () => walkToCapture();

/** The agent's part: own number, the bank (preselected or chosen), the finger. */
async function doDailyAuth(bankIin?: string) {
  expect(s().nav.route.name).toBe('dailyAuth');
  s().dailyAuth.setAadhaar(AGENT);
  expect(s().dailyAuth.next()).toBe(true);
  if (bankIin) s().dailyAuth.setBank(bankIin);
  expect(s().dailyAuth.next()).toBe(true);
  await s().dailyAuth.captureFingerprint();
}

const customerKept = () => ({ mobile: MOBILE, aadhaar: CUSTOMER, bankIin: '607094', consent: true, maskedAadhaar: 'XXXX XXXX 0124' });

const flush = () =>
  act(async () => {
    for (let i = 0; i < 5; i++) await Promise.resolve();
  });
const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));

freshKioskEachTest(() => use());

describe('daily authentication: store', () => {
  it('home asks for today’s status; nothing ever starts the billed call by itself', async () => {
    use({ getDailyAuthStatus: DAILY_NOT_DONE, balanceEnquiry: refused('dailyAuthMissing') });
    await s().home.load();
    expect(s().dailyAuth.status.data).toEqual(DAILY_NOT_DONE);
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.outcome).toMatchObject({ outcome: 'refused', reason: 'dailyAuthMissing' });
    s().nav.openDailyAuth(); // not from the result: only its recovery button leads there
    s().enquiry.recoverRefusal();
    expect(s().nav.route.name).toBe('dailyAuth');
    expect(api.dailyAuthenticate).not.toHaveBeenCalled();
  });

  it('not done: from the fingerprint step to the daily authentication and back to the same customer, nothing retyped', async () => {
    use({ getDailyAuthStatus: DAILY_NOT_DONE });
    await s().dailyAuth.loadStatus();
    toCapture();
    s().nav.openDailyAuth();
    expect(s().enquiry).toMatchObject({ ...customerKept() });
    expect(s().nav.route.name).toBe('dailyAuth');
    expect(s().dailyAuth.flow).toMatchObject({ step: 'aadhaar' });
    expect(s().nav.route).toEqual({ name: 'dailyAuth', returnTo: 'flow' });
    api.getDailyAuthStatus.mockResolvedValue(DAILY_DONE);
    await doDailyAuth('607094');
    expect(api.dailyAuthenticate).toHaveBeenCalledWith({ aadhaar: AGENT, bankIin: '607094', captureHandle: 'h1' });
    expect(s().enquiry).toMatchObject({ step: 'capture', ...customerKept() });
    expect(s().nav.route.name).toBe('flow');
    expect(s().dailyAuth.flow.aadhaar).toBe(''); // the agent's number is gone
    expect(s().dailyAuth.status.data?.state).toBe('done');
    expect(s().dailyAuth.justDone).toBe(DAILY_SUCCESS.at);
    await s().enquiry.captureFingerprint();
    expect(api.balanceEnquiry).toHaveBeenCalledWith({ customerMobile: MOBILE, aadhaar: CUSTOMER, bankIin: '607094', captureHandle: 'h1' });
    expect(s().enquiry.outcome).toEqual(SUCCESS);
  });

  it('a "do 2fa" refusal leads into the daily authentication, then back to the customer ready to capture again', async () => {
    use({ balanceEnquiry: refused('dailyAuthMissing', 'REF-2FA') });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.aadhaar).toBe(CUSTOMER); // kept in memory for the next try
    expect(api.getDailyAuthStatus).toHaveBeenCalled(); // the main side recorded "asked again"
    s().enquiry.recoverRefusal();
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ clientRefId: 'REF-2FA' });
    expect(s().enquiry).toMatchObject({ step: 'capture', outcome: null });
    expect(s().nav.route.name).toBe('dailyAuth');
    await doDailyAuth('607094');
    expect(s().enquiry).toMatchObject({ step: 'capture', outcome: null, ...customerKept() });
    expect(s().nav.route.name).toBe('flow');
    api.balanceEnquiry.mockResolvedValueOnce(SUCCESS);
    await s().enquiry.captureFingerprint();
    expect(api.balanceEnquiry).toHaveBeenCalledTimes(2);
    expect(api.balanceEnquiry).toHaveBeenLastCalledWith(expect.objectContaining({ aadhaar: CUSTOMER, customerMobile: MOBILE }));
    expect(s().enquiry.outcome).toEqual(SUCCESS);
  });

  for (const reason of ['biometricMismatch', 'duplicateBiometric', 'bankUnavailable'] as const) {
    it(`${reason}: a new capture for the same customer, a new enquiry`, async () => {
      use({ balanceEnquiry: refused(reason) });
      toCapture();
      await s().enquiry.captureFingerprint();
      s().enquiry.recoverRefusal();
      expect(s().enquiry).toMatchObject({ step: 'capture', outcome: null, ...customerKept() });
      expect(s().nav.route.name).toBe('flow');
      expect(s().enquiry.capture.phase).toBe('idle');
      api.balanceEnquiry.mockResolvedValueOnce(SUCCESS);
      api.captureFingerprint.mockResolvedValueOnce({ handle: 'h2', qScore: 80, nmPoints: null, quality: 'good', device: null });
      await s().enquiry.captureFingerprint();
      expect(api.balanceEnquiry).toHaveBeenLastCalledWith({ customerMobile: MOBILE, aadhaar: CUSTOMER, bankIin: '607094', captureHandle: 'h2' });
      expect(s().enquiry.outcome).toEqual(SUCCESS);
      expect(s().enquiry.aadhaar).toBe(''); // answered: the clear number goes
    });
  }

  it('not linked: the bank step, mobile and Aadhaar kept, the consent asked again for the new bank', async () => {
    use({ balanceEnquiry: refused('notLinked') });
    toCapture();
    await s().enquiry.captureFingerprint();
    s().enquiry.recoverRefusal();
    expect(s().enquiry).toMatchObject({ step: 'bank', mobile: MOBILE, aadhaar: CUSTOMER, bankIin: null, consent: false, outcome: null });
    s().enquiry.setBank('607027');
    expect(s().enquiry.next()).toBe(true);
    expect(s().enquiry).toMatchObject({ step: 'capture', consent: false }); // the consent names the bank: asked again
    s().enquiry.setConsent(true);
    api.balanceEnquiry.mockResolvedValueOnce({ ...SUCCESS, bankIin: '607027' });
    await s().enquiry.captureFingerprint();
    expect(api.balanceEnquiry).toHaveBeenLastCalledWith(expect.objectContaining({ aadhaar: CUSTOMER, bankIin: '607027' }));
  });

  it('a refusal no new try fixes, a success, an unknown result: the clear number is dropped, no recovery', async () => {
    for (const answer of [refused('limitExhausted'), SUCCESS, { ...SUCCESS, outcome: 'unknown', reason: 'awaited' }]) {
      use({ balanceEnquiry: answer });
      toCapture();
      await s().enquiry.captureFingerprint();
      expect(s().enquiry.aadhaar).toBe('');
      s().enquiry.recoverRefusal();
      expect(s().enquiry.step).toBe('result');
    }
  });

  it('after a refusal the number stays only in memory, and the end of the flow wipes it', async () => {
    use({ balanceEnquiry: refused('biometricMismatch') });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.aadhaar).toBe(CUSTOMER);
    const dump = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(dump).not.toContain(CUSTOMER);
    s().nav.goHome('idle');
    expect(s().enquiry).toMatchObject({ aadhaar: '', mobile: '', wiped: 'idle' });
    expect(s().nav.route.name).toBe('home');
  });

  it('the agent’s number is never stored; the bank’s IIN is remembered and preselected next time', async () => {
    use({ getDailyAuthStatus: { ...DAILY_NOT_DONE, lastBankIin: null } });
    await s().dailyAuth.loadStatus();
    s().nav.openDailyAuth();
    expect(s().dailyAuth.flow).toMatchObject({ bankIin: null });
    expect(s().nav.route).toEqual({ name: 'dailyAuth', returnTo: 'home' });
    await doDailyAuth('607027');
    expect(s().nav.route.name).toBe('home');
    const dump = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + JSON.stringify(s());
    expect(dump).not.toContain(AGENT);
    expect(dump).not.toContain(`${AGENT.slice(0, 4)} ${AGENT.slice(4, 8)}`);
    expect(localStorage.getItem('kiosk.agentBank')).toBe('607027');
    use({ getDailyAuthStatus: { ...DAILY_NOT_DONE, lastBankIin: null } });
    s().nav.openDailyAuth();
    expect(s().dailyAuth.flow.bankIin).toBe('607027');
    s().nav.leaveDailyAuth();
    // The main side's memory wins over this PC's.
    patchSlice('dailyAuth', { status: { state: 'ok', data: { ...DAILY_NOT_DONE, lastBankIin: '607161' }, error: null } });
    s().nav.openDailyAuth();
    expect(s().dailyAuth.flow.bankIin).toBe('607161');
  });

  it('finger not matched: capture again keeps the agent’s number, a second call; an idle wipe then clears it', async () => {
    use({ dailyAuthenticate: { ...DAILY_SUCCESS, outcome: 'refused', reason: 'biometricMismatch', serverMessage: 'Authentication Failed. Invalid Biometric data.' } });
    s().nav.openDailyAuth();
    await doDailyAuth('607094');
    expect(s().dailyAuth.flow).toMatchObject({ step: 'result', aadhaar: AGENT, outcome: { reason: 'biometricMismatch' } });
    s().dailyAuth.captureAgain();
    expect(s().dailyAuth.flow).toMatchObject({ step: 'capture', aadhaar: AGENT, outcome: null });
    await s().dailyAuth.captureFingerprint();
    expect(api.dailyAuthenticate).toHaveBeenCalledTimes(2);
    s().nav.goHome('idle');
    expect(s().dailyAuth.flow.aadhaar).toBe('');
    expect(s().nav.route.name).toBe('home');
  });

  it('an unknown result leaves today not done; an answer lost on the way back that the main side recorded as done counts', async () => {
    use({ getDailyAuthStatus: DAILY_NOT_DONE, dailyAuthenticate: { ...DAILY_SUCCESS, outcome: 'unknown', reason: 'timeout' } });
    await s().dailyAuth.loadStatus();
    s().nav.openDailyAuth();
    await doDailyAuth('607094');
    expect(s().dailyAuth.flow).toMatchObject({ step: 'result', outcome: { outcome: 'unknown' } });
    expect(s().dailyAuth.status.data?.state).toBe('notDone');

    const later = new Date(Date.now() + 1000).toISOString();
    use({ dailyAuthenticate: new KioskError('host.unreachable'), getDailyAuthStatus: { ...DAILY_DONE, doneAt: later } });
    s().dailyAuth.captureAgain();
    await s().dailyAuth.captureFingerprint();
    expect(s().dailyAuth).toMatchObject({ justDone: later });
    expect(s().nav.route.name).toBe('home');
  });

  it('a failure that proves nothing was sent (enquiry.busy) offers capture again', async () => {
    use({ dailyAuthenticate: new KioskError('enquiry.busy') });
    s().nav.openDailyAuth();
    await doDailyAuth('607094');
    expect(s().dailyAuth.flow.error?.code).toBe('enquiry.busy');
    s().dailyAuth.captureAgain();
    expect(s().dailyAuth.flow.step).toBe('capture');
  });

  // A regional rural bank has an IIN but no IFSC prefix: the customer's bank_code is the IIN only in
  // the spec edition; the agent's daily call sends the IFSC prefix in every edition.
  it.each([
    { edition: 'current', customerMay: false },
    { edition: 'spec', customerMay: true },
  ] as const)('$edition edition: a bank without an IFSC prefix for the customer: $customerMay; for the agent: never', async ({ edition, customerMay }) => {
    use({ getAppInfo: { ...(await fakeKioskApi().getAppInfo({})), ekoEdition: edition } });
    await s().session.loadAppInfo();
    s().nav.openFlow();
    s().enquiry.setMobile(MOBILE);
    s().enquiry.next();
    s().enquiry.setAadhaar(CUSTOMER);
    s().enquiry.next();
    s().enquiry.setBank(REGIONAL.iin);
    expect(s().enquiry.bankIin).toBe(customerMay ? REGIONAL.iin : null);
    expect(s().enquiry.next()).toBe(customerMay);
    if (!customerMay) {
      s().enquiry.setBank('607094'); // a bank with both codes: fine in any edition
      expect(s().enquiry.next()).toBe(true);
    }
    s().nav.goHome();
    s().nav.openDailyAuth();
    s().dailyAuth.setBank(REGIONAL.iin);
    expect(s().dailyAuth.flow.bankIin).toBeNull();
    s().dailyAuth.setBank('607094');
    expect(s().dailyAuth.flow.bankIin).toBe('607094');
  });
});

describe('daily authentication: screens', () => {
  it('home: "not done today" with the button; "done at" once done; "asked again"', async () => {
    use({ getDailyAuthStatus: DAILY_NOT_DONE });
    await s().session.loadAppInfo();
    renderIn(<HomeScreen />);
    await flush();
    const panel = screen.getByTestId('daily-auth-status');
    expect(panel.dataset.state).toBe('notDone');
    expect(panel.textContent).toContain('Not done today');
    fireEvent.click(within(panel).getByRole('button', { name: 'Do daily authentication' }));
    expect(s().nav.route.name).toBe('dailyAuth');
    expect(api.dailyAuthenticate).not.toHaveBeenCalled();
    act(() => s().nav.leaveDailyAuth());

    act(() => patchSlice('dailyAuth', { status: { state: 'ok', data: DAILY_DONE, error: null } }));
    expect(screen.getByTestId('daily-auth-line').textContent).toBe('Daily authentication done at 9:12 am');
    expect(within(screen.getByTestId('daily-auth-status')).queryByRole('button', { name: 'Do daily authentication' })).toBeNull();

    act(() => patchSlice('dailyAuth', { status: { state: 'ok', data: { ...DAILY_NOT_DONE, askedAgain: true }, error: null } }));
    expect(screen.getByTestId('daily-auth-line').textContent).toBe('Not done today · Eko asked for it again');
  });

  it('the fingerprint step asks for the daily authentication first, and its button opens it', async () => {
    use({ getDailyAuthStatus: DAILY_NOT_DONE });
    toCapture();
    await s().dailyAuth.loadStatus();
    renderIn(<EnquiryFlow />);
    const notice = screen.getByTestId('daily-auth-needed');
    expect(notice.textContent).toContain('Do your daily authentication first');
    const button = within(notice).getByRole('button', { name: 'Do daily authentication first' });
    expect(document.activeElement).toBe(button);
    fireEvent.click(button);
    expect(s().enquiry).toMatchObject({ ...customerKept() });
    expect(s().nav.route.name).toBe('dailyAuth');
  });

  it('the flow: labelled Aadhaar field, masked once accepted; the result explains eKYC and shows Eko’s words', async () => {
    use({ dailyAuthenticate: { ...DAILY_SUCCESS, outcome: 'refused', reason: 'ekycNotDone', serverMessage: 'Please complete bank eKYC to process the transaction.' } });
    toCapture();
    await s().dailyAuth.loadStatus(); // its lastBankIin: State Bank of India
    s().nav.openDailyAuth();
    renderIn(<DailyAuthFlow />);
    expect(screen.getByTestId('customer-waiting')).toBeTruthy();
    const input = screen.getByLabelText('Your Aadhaar number (agent)');
    fireEvent.change(input, { target: { value: AGENT } });
    fireEvent.submit(input.closest('form')!);
    expect(screen.getByTestId('agent-summary').textContent).toContain('XXXX XXXX 2345');
    expect(document.body.innerHTML).not.toContain(AGENT);
    expect(screen.getByRole('option', { selected: true }).textContent).toContain('State Bank of India'); // preselected
    press('Continue');
    await act(async () => press('Capture fingerprint'));
    await flush();
    const result = screen.getByTestId('da-result');
    expect(result.dataset.reason).toBe('ekycNotDone');
    expect(result.textContent).toContain('Eko Connect');
    expect(result.textContent).toContain('Message from Eko: Please complete bank eKYC to process the transaction.');
    press('Back to the customer');
    expect(s().enquiry).toMatchObject({ step: 'capture', ...customerKept() });
    expect(s().nav.route.name).toBe('flow');
  });

  it('finger not matched: "Finger not matched" and "Capture my fingerprint again"', async () => {
    use({ dailyAuthenticate: { ...DAILY_SUCCESS, outcome: 'refused', reason: 'biometricMismatch', serverMessage: null } });
    s().nav.openDailyAuth();
    await doDailyAuth('607094');
    renderIn(<DailyAuthFlow />);
    expect(screen.getByTestId('da-result').textContent).toContain('Finger not matched.');
    press('Capture my fingerprint again');
    expect(s().dailyAuth.flow.step).toBe('capture');
  });

  it('unknown: says so, today stays not done, may try again', async () => {
    use({ dailyAuthenticate: { ...DAILY_SUCCESS, outcome: 'unknown', reason: 'timeout' } });
    s().nav.openDailyAuth();
    await doDailyAuth('607094');
    renderIn(<DailyAuthFlow />);
    const result = screen.getByTestId('da-result');
    expect(result.dataset.outcome).toBe('unknown');
    expect(result.textContent).toContain('Today stays “not done” here; you may try again.');
    expect(screen.getByRole('button', { name: 'Try again' })).toBeTruthy();
  });
});

describe('refusals and results', () => {
  it('the agent’s refusal is shown as the agent’s, with the daily authentication one tap away', async () => {
    use({ balanceEnquiry: refused('dailyAuthMissing') });
    toCapture();
    await s().enquiry.captureFingerprint();
    renderIn(<EnquiryFlow />);
    const result = screen.getByTestId('result');
    expect(result.dataset.agent).toBe('true');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Your agent account needs attention');
    expect(result.textContent).toContain('Your daily authentication is not done for today');
    press('Do daily authentication');
    expect(s().nav.route.name).toBe('dailyAuth');
  });

  it('the wallet (float) is the agent’s too; a receipt names it as the agent’s, not the customer’s', async () => {
    use({ balanceEnquiry: refused('insufficientFloat') });
    toCapture();
    await s().enquiry.captureFingerprint();
    renderIn(<EnquiryFlow />);
    expect(screen.getByTestId('result').textContent).toContain('Your Eko wallet balance is too low');
    expect(screen.queryByTestId('recovery')).toBeNull(); // nothing a new try fixes
    cleanup();
    renderIn(<Receipt data={receiptFrom(refused('insufficientFloat'))} paperMm={58} agent={{ userCode: '1', mobile: '9999999999' }} />);
    expect(screen.getByTestId('rc-status').textContent).toBe('Failed: the agent’s Eko wallet balance was too low');
  });

  for (const [reason, label] of [
    ['biometricMismatch', 'Capture fingerprint again'],
    ['duplicateBiometric', 'Capture fingerprint again'],
    ['notLinked', 'Choose another bank'],
    ['bankUnavailable', 'Try again'],
  ] as const) {
    it(`${reason}: the result offers "${label}"`, async () => {
      use({ balanceEnquiry: refused(reason) });
      toCapture();
      await s().enquiry.captureFingerprint();
      renderIn(<EnquiryFlow />);
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('The bank did not give the balance');
      press(label);
      expect(s().enquiry.step).toBe(reason === 'notLinked' ? 'bank' : 'capture');
    });
  }

  it('a success without a balance says so on screen and on the receipt, never a figure', async () => {
    const noBalance = { ...SUCCESS, balance: null };
    use({ balanceEnquiry: noBalance });
    toCapture();
    await s().enquiry.captureFingerprint();
    renderIn(<EnquiryFlow />);
    expect(screen.getByTestId('balance-missing').textContent).toBe('The bank did not give the balance');
    expect(screen.queryByTestId('balance')).toBeNull();
    expect(screen.getByTestId('result').textContent).not.toContain('₹');
    cleanup();
    renderIn(<Receipt data={receiptFrom(noBalance)} paperMm={58} agent={{ userCode: '1', mobile: '9999999999' }} />);
    expect(screen.getByTestId('rc-balance').textContent).toBe('Not given by the bank');
  });
});

describe('history of both kinds', () => {
  const row = (over: Partial<HistoryRow> = {}): HistoryRow => ({
    kind: 'balance',
    clientRefId: 'R1',
    time: '2026-11-22T04:05:00.000Z',
    updatedAt: '2026-11-22T04:05:00.000Z',
    profile: 'demo',
    maskedMobile: 'XXXXXX3210',
    maskedAadhaar: 'XXXX XXXX 0124',
    bankIin: '607094',
    bankName: 'State Bank of India',
    outcome: 'success',
    reason: null,
    tid: 'T1',
    bankRef: 'RRN1',
    uidaiRef: null,
    balance: null,
    errorCode: null,
    ...over,
  });
  const LIST: EnquiryList = {
    rows: [
      row({ clientRefId: 'DA-2', kind: 'dailyAuth', outcome: 'unknown', reason: 'timeout', maskedMobile: '', maskedAadhaar: 'XXXX XXXX 2345', tid: null, bankRef: null }),
      row({ clientRefId: 'DA-1', kind: 'dailyAuth', outcome: 'refused', reason: 'biometricMismatch', maskedMobile: '', maskedAadhaar: 'XXXX XXXX 2345', tid: null, bankRef: null }),
      row({ clientRefId: 'R2', outcome: 'refused', reason: 'dailyAuthMissing' }),
      row({ clientRefId: 'R1' }),
    ],
    totals: { success: 1, refused: 2, unknown: 1, notSent: 0 },
    agentRefused: 1,
  };

  it('shows daily authentications apart (agent’s masked Aadhaar, no check again, no receipt), the agent’s refusals counted apart, and filters by kind', async () => {
    use({ listEnquiries: LIST });
    s().nav.openHistory();
    renderIn(<HistoryScreen />);
    await flush();
    const rows = screen.getAllByTestId('history-row');
    const [daUnknown, daRefused, agentRefusal, noBalance] = rows;
    expect(daUnknown!.dataset.kind).toBe('dailyAuth');
    expect(within(daUnknown!).getByTestId('row-kind').textContent).toBe('Daily authentication (agent)');
    expect(daUnknown!.textContent).toContain('Agent’s Aadhaar');
    expect(within(daUnknown!).getByTestId('row-aadhaar').textContent).toBe('XXXX XXXX 2345');
    expect(within(daUnknown!).queryByRole('button', { name: 'Check result again' })).toBeNull();
    expect(within(daUnknown!).queryByRole('button', { name: 'Print receipt' })).toBeNull();
    expect(within(daUnknown!).queryByTestId('row-mobile')).toBeNull();
    expect(daRefused!.textContent).toContain('Finger not matched.');
    expect(agentRefusal!.dataset.kind).toBe('balance');
    expect(within(agentRefusal!).getByRole('button', { name: 'Print receipt' })).toBeTruthy();
    expect(within(noBalance!).getByTestId('row-balance').textContent).toBe('Balance not given by the bank');
    expect(screen.getByTestId('agent-refused').textContent).toContain('1 refusal was yours to fix');

    fireEvent.click(within(screen.getByTestId('history-kind')).getByRole('radio', { name: 'Daily authentication' }));
    await flush();
    expect(api.listEnquiries).toHaveBeenLastCalledWith(expect.objectContaining({ kind: 'dailyAuth' }));
    fireEvent.click(within(screen.getByTestId('history-kind')).getByRole('radio', { name: 'Everything' }));
    await flush();
    expect(api.listEnquiries.mock.lastCall?.[0]).not.toHaveProperty('kind');
  });
});

describe('bank step in "Eko current"', () => {
  it('shows banks without an IFSC prefix as not available, last, and does not pick them', async () => {
    use({ getAppInfo: { ...(await fakeKioskApi().getAppInfo({})), ekoEdition: 'current' } });
    await s().session.loadAppInfo();
    s().nav.openFlow();
    patchSlice('enquiry', { step: 'bank', mobile: MOBILE, aadhaar: CUSTOMER, maskedAadhaar: 'XXXX XXXX 0124' });
    renderIn(<EnquiryFlow />);
    expect(screen.getByTestId('bank-unavailable-note')).toBeTruthy();
    // The list shows a few banks at a time: the search finds the regional bank and the banks like it.
    fireEvent.change(screen.getByRole('combobox', { name: 'Bank' }), { target: { value: 'Baroda' } });
    const option = document.getElementById(`bank-opt-${REGIONAL.iin}`)!;
    expect(option.getAttribute('aria-disabled')).toBe('true');
    expect(option.textContent).toContain('Not available');
    fireEvent.click(option);
    expect(s().enquiry.bankIin).toBeNull();
    const options = screen.getAllByRole('option');
    const firstOff = options.findIndex((o) => o.getAttribute('aria-disabled') === 'true');
    expect(options.slice(firstOff).every((o) => o.getAttribute('aria-disabled') === 'true')).toBe(true);
  });

  it('in the spec edition every bank can be chosen', async () => {
    await s().session.loadAppInfo();
    s().nav.openFlow();
    patchSlice('enquiry', { step: 'bank', mobile: MOBILE, aadhaar: CUSTOMER, maskedAadhaar: 'XXXX XXXX 0124' });
    renderIn(<EnquiryFlow />);
    expect(screen.queryByTestId('bank-unavailable-note')).toBeNull();
    fireEvent.change(screen.getByRole('combobox', { name: 'Bank' }), { target: { value: REGIONAL.name } });
    fireEvent.click(document.getElementById(`bank-opt-${REGIONAL.iin}`)!);
    expect(s().enquiry.bankIin).toBe(REGIONAL.iin);
  });
});

describe('Hindi', () => {
  it('the home status and the notice read in Hindi', async () => {
    await act(() => i18n.changeLanguage('hi'));
    use({ getDailyAuthStatus: DAILY_NOT_DONE });
    await s().session.loadAppInfo();
    renderIn(<HomeScreen />);
    await flush();
    expect(screen.getByTestId('daily-auth-line').textContent).toBe('आज नहीं हुआ');
    expect(screen.getByRole('button', { name: 'दैनिक सत्यापन करें' })).toBeTruthy();
  });
});

