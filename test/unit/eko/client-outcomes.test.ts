/**
 * Every outcome of the Eko client, each produced by the sandbox (a scenario or a fault)
 * over real HTTP on 127.0.0.1. The last test scans every log line of the file.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { EnquiryOutcomeSchema, KioskError, REFUSAL_REASONS, type EnquiryOutcome } from '../../../app/contract';
import { checkEkoConnection } from '../../../main/services/eko/doctor';
import type { BalanceEnquiryRequest, EkoClient } from '../../../main/services/eko/client';
import { balanceEnquiryOperation } from '../../../main/services/eko/operations';
import { DEMO_CUSTOMERS, DEMO_MESSAGES, demoAadhaar } from '../../../main/simulators/eko/demo-customers';
import { NO_FAULTS } from '../../../main/simulators/eko/faults';
import { ekoFixtureText } from '../../fixtures/eko';
import { CUSTOMER_MOBILE, SAMPLE_PID, deadPort, fixedAnswerServer, forbiddenInLogs, recordingLogger, startFixture, type Fixture } from './helpers';

let fx: Fixture;
let client: EkoClient;
const usedAadhaar = new Set<string>();

beforeAll(async () => {
  // captureRequests: the privacy test needs every encrypted Aadhaar the client sent.
  fx = await startFixture({ awaitedResolveMs: 0, captureRequests: true });
  client = fx.client();
});
afterEach(() => fx.sandbox.setFaults(NO_FAULTS));
afterAll(async () => {
  await fx.close();
});

function enquiry(aadhaar: string, overrides: Partial<BalanceEnquiryRequest> = {}, on: EkoClient = client): Promise<EnquiryOutcome> {
  usedAadhaar.add(aadhaar);
  return on.balanceEnquiry({ customerMobile: CUSTOMER_MOBILE, aadhaar, bankIin: '607094', bankName: 'SBI (as chosen)', pidXml: SAMPLE_PID, ...overrides });
}

async function kioskError(promise: Promise<unknown>): Promise<KioskError> {
  try {
    await promise;
  } catch (err) {
    expect(err).toBeInstanceOf(KioskError);
    return err as KioskError;
  }
  throw new Error('expected a KioskError, the call succeeded');
}

describe('balance enquiry: success', () => {
  it('reads balance, bank, tid and references exactly, and fills the contract fields', async () => {
    const before = Date.now();
    const outcome = await enquiry(demoAadhaar('success'));
    expect(EnquiryOutcomeSchema.parse(outcome)).toEqual(outcome);
    expect(outcome).toMatchObject({
      outcome: 'success',
      balance: '5500.75',
      bankName: 'State Bank of India',
      maskedAadhaar: 'XXXX XXXX 0124',
      maskedMobile: 'XXXXXX3210',
      bankIin: '607094',
    });
    if (outcome.outcome !== 'success') throw new Error('not success');
    // Real answers carry a 10-digit tid and a 12-digit bank reference (RRN).
    expect(outcome.tid).toMatch(/^\d{10}$/);
    expect(outcome.tid).toBe(fx.sandbox.transactions.get(outcome.clientRefId)?.tid);
    expect(outcome.bankRef).toMatch(/^\d{12}$/);
    expect(outcome.uidaiRef).toMatch(/^\d+$/);
    // The agent's wallet the answer also carries (data.balance) is never the customer's balance.
    expect(outcome.balance).not.toBe('2208340023.75');
    expect(outcome.clientRefId).toMatch(/^KSK\d{14}[0-9A-Z]{6}$/);
    expect(fx.sandbox.transactions.has(outcome.clientRefId)).toBe(true);
    expect(Date.parse(outcome.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(fx.sandbox.transactions.get(outcome.clientRefId)?.state).toBe('success');
  });

  it('turns an E-notation balance into the exact plain decimal', async () => {
    const outcome = await enquiry(demoAadhaar('successLarge'));
    expect(outcome).toMatchObject({ outcome: 'success', balance: '98765432.15' });
  });

  it('keeps the chosen bank name when the answer names none, and uses a given client_ref_id', async () => {
    const outcome = await enquiry(demoAadhaar('successSmall'), { bankIin: '606993', bankName: 'Baroda UP Bank (as chosen)', clientRefId: 'KSKTEST0001' });
    expect(outcome).toMatchObject({ outcome: 'success', balance: '125.5', clientRefId: 'KSKTEST0001' });
    // A real success answer without the bank's name (cash-withdrawal-ok-1.json less its `bank`).
    const real = JSON.parse(ekoFixtureText('cash-withdrawal-ok-1.json')) as { data: Record<string, unknown> };
    delete real.data.bank;
    const server = await fixedAnswerServer({ status: 200, body: JSON.stringify(real) });
    try {
      const unnamed = await enquiry(demoAadhaar('successSmall'), { bankName: 'SBI (as chosen)' }, fx.client({ baseUrl: server.baseUrl }));
      expect(unnamed).toMatchObject({ outcome: 'success', balance: '60.73', bankName: 'SBI (as chosen)' });
    } finally {
      await server.close();
    }
  });

  it('client_ref_ids are unique and sort by time', async () => {
    const a = await enquiry(demoAadhaar('successSmall'));
    const b = await enquiry(demoAadhaar('successSmall'));
    expect(a.clientRefId).not.toBe(b.clientRefId);
    expect(a.clientRefId.slice(0, 17) <= b.clientRefId.slice(0, 17)).toBe(true);
  });
});

describe('balance enquiry: refused by the bank or UIDAI', () => {
  const refusals = DEMO_CUSTOMERS.filter((c) => c.scenario.kind === 'refused');
  it('the demo table covers every specific refusal reason', () => {
    const covered = new Set(refusals.map((c) => (c.scenario.kind === 'refused' ? c.scenario.reason : '')));
    // duplicateBiometric has no demo customer: it is what anyone gets who sends one PID block twice (tested below).
    for (const reason of REFUSAL_REASONS.filter((r) => r !== 'other' && r !== 'invalidRequest' && r !== 'duplicateBiometric')) expect(covered).toContain(reason);
  });

  it.each(refusals.map((c) => [c.label, c] as const))('%s', async (_label, customer) => {
    if (customer.scenario.kind !== 'refused') throw new Error('not a refusal');
    const outcome = await enquiry(customer.aadhaar);
    expect(outcome).toMatchObject({ outcome: 'refused', reason: customer.scenario.reason, serverMessage: customer.scenario.message });
    // Some real refusal shapes carry no tid at all; where one does, it is the transaction's.
    if (outcome.outcome === 'refused' && outcome.tid !== null) expect(outcome.tid).toMatch(/^\d{10}$/);
    expect(EnquiryOutcomeSchema.safeParse(outcome).success).toBe(true);
  });

  it('a PID block without Data type X or DeviceInfo mc is refused UIDAI-style', async () => {
    const outcome = await enquiry(demoAadhaar('success'), { pidXml: SAMPLE_PID.replace('type="X"', 'type="P"') });
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'other', serverMessage: DEMO_MESSAGES.invalidPid });
  });
});

describe('balance enquiry: unknown results are reported as unknown, never retried', () => {
  it('awaited (tx_status 2), then the transaction inquiry resolves it', async () => {
    const outcome = await enquiry(demoAadhaar('awaited'));
    expect(outcome).toMatchObject({ outcome: 'unknown', reason: 'awaited' });
    const inquiry = await client.transactionInquiry(outcome.clientRefId);
    expect(inquiry).toMatchObject({ outcome: 'success', clientRefId: outcome.clientRefId, balance: '56789.01', tid: outcome.tid });
  });

  it('on hold (tx_status 5)', async () => {
    const outcome = await enquiry(demoAadhaar('onHold'));
    expect(outcome).toMatchObject({ outcome: 'unknown', reason: 'onHold' });
  });

  const faultCases = [
    ['timeout after sending (no answer)', 'timeout', { neverAnswer: true }],
    ['connection reset after sending', 'connectionLost', { resetConnection: true }],
    ['HTTP 500 page', 'serverError', { serverError: true }],
    ['HTML page with HTTP 200', 'htmlPage', { htmlPage: true }],
    ['truncated JSON', 'unreadable', { truncatedJson: true }],
    ['JSON with wrong types', 'unexpectedData', { wrongTypes: true }],
    ['HTTP 502 page from a gateway', 'gatewayError', { forceStatus: 502 }],
    ['HTTP 429 page', 'htmlPage', { forceStatus: 429 }],
  ] as const;
  it.each(faultCases)('%s → unknown/%s, sent once, never retried', async (_name, reason, fault) => {
    // Short only where the timeout is the point; elsewhere a slow machine must not turn the fault into a timeout.
    const quick = fx.client({ enquiryTimeoutMs: 'neverAnswer' in fault ? 400 : 3_000 });
    fx.sandbox.setFaults({ ...fault, only: ['enquiry'] });
    const before = fx.sandbox.transactions.size;
    const outcome = await enquiry(demoAadhaar('success'), {}, quick);
    expect(outcome).toMatchObject({ outcome: 'unknown', reason, maskedAadhaar: 'XXXX XXXX 0124' });
    expect(EnquiryOutcomeSchema.safeParse(outcome).success).toBe(true);
    if (!('forceStatus' in fault)) {
      // The sandbox processed it once (no automatic retry) and an inquiry finds the success.
      expect(fx.sandbox.transactions.size).toBe(before + 1);
      fx.sandbox.setFaults(NO_FAULTS);
      expect(await quick.transactionInquiry(outcome.clientRefId)).toMatchObject({ outcome: 'success', balance: '5500.75' });
    } else {
      expect(fx.sandbox.transactions.size).toBe(before);
    }
  });

  it('answers the sandbox cannot give keep their own reason: a JSON 4xx, a 503, a JSON array, a success without balance', async () => {
    const server = await fixedAnswerServer({ status: 429, body: '{"status":429,"message":"Too many requests"}' });
    try {
      const odd = fx.client({ baseUrl: server.baseUrl });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'unknown', reason: 'httpError' });
      server.answer({ status: 401, contentType: 'application/json', body: '' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'unknown', reason: 'httpError' });
      server.answer({ status: 503, contentType: 'application/json', body: '{"message":"Service Unavailable"}' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'unknown', reason: 'gatewayError' });
      server.answer({ status: 200, body: '[{"status":0}]' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
      server.answer({ status: 200, body: '{"status":0,"tx_status":"0","data":{"tx_status":"0","tid":"T7"}}' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData', tid: 'T7' });
      // Empty fields (null status, "" tx_status, a number as message) do not hide a clear answer…
      server.answer({ status: 200, body: '{"status":null,"response_status_id":0,"tx_status":"","message":7,"data":{"tx_status":"0","balance":"12.5"}}' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'success', balance: '12.5' });
      server.answer({ status: 200, body: '{"status":1,"tx_status":"","message":null,"data":null}' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'refused', reason: 'other', serverMessage: null });
      // …and never make an unclear one a verdict.
      server.answer({ status: 200, body: '{"status":null,"message":"Balance Enquiry successful","data":{"balance":"12.5"}}' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
      server.answer({ status: 200, body: '{"status":0,"data":{"tx_status":"pending","balance":"12.5"}}' });
      expect(await enquiry(demoAadhaar('success'), {}, odd)).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
      expect(server.requests).toBe(9); // each sent once
    } finally {
      await server.close();
    }
  });

  it('the timeout is honoured: an enquiry never waits longer than enquiryTimeoutMs', async () => {
    const quick = fx.client({ enquiryTimeoutMs: 300 });
    fx.sandbox.setFaults({ latencyMs: 2000, only: ['enquiry'] });
    const t0 = performance.now();
    const outcome = await enquiry(demoAadhaar('success'), {}, quick);
    expect(outcome).toMatchObject({ outcome: 'unknown', reason: 'timeout' });
    expect(performance.now() - t0).toBeLessThan(1500);
  });
});

describe('balance enquiry: not sent or refused before processing → KioskError', () => {
  it('nothing listening → eko.offline', async () => {
    const offline = fx.client({ baseUrl: `http://127.0.0.1:${await deadPort()}/ekoapi/v3` });
    const err = await kioskError(enquiry(demoAadhaar('success'), {}, offline));
    expect(err.code).toBe('eko.offline');
  });

  it('prepare() only builds the request: nothing leaves until send()', async () => {
    const before = fx.sandbox.requestCount();
    const prepared = fx.client().prepare(balanceEnquiryOperation, {
      customerMobile: CUSTOMER_MOBILE, aadhaar: demoAadhaar('success'), bank: { iin: '607094', ifsc: 'SBIN', name: 'SBI' }, pidXml: SAMPLE_PID,
    });
    expect(prepared.body).not.toContain(demoAadhaar('success'));
    expect(fx.sandbox.requestCount()).toBe(before);
  });

  it('invalid_params → eko.invalidParams naming the fields', async () => {
    const bad = fx.client({ latlong: 'somewhere' });
    const err = await kioskError(enquiry(demoAadhaar('success'), {}, bad));
    expect(err.code).toBe('eko.invalidParams');
    expect(err.params).toEqual({ fields: 'latlong' });
  });

  it('403 for a wrong access key → eko.auth, not retried', async () => {
    const wrong = fx.client({ accessKey: 'not-the-sandbox-access-key' });
    const before = fx.sandbox.transactions.size;
    expect((await kioskError(enquiry(demoAadhaar('success'), {}, wrong))).code).toBe('eko.auth');
    expect(fx.sandbox.transactions.size).toBe(before);
  });

  it('403 because the PC clock is off → eko.clockSkew, never retried; the next enquiry signs with the corrected time', async () => {
    const wrongClock = fx.client({}, { now: () => Date.now() - 10 * 60_000 });
    const before = fx.sandbox.transactions.size;
    const err = await kioskError(enquiry(demoAadhaar('success'), {}, wrongClock));
    expect(err.code).toBe('eko.clockSkew');
    expect(fx.sandbox.transactions.size).toBe(before);
    expect(wrongClock.status().clockWarning).toBe(true);
    expect(await enquiry(demoAadhaar('success'), {}, wrongClock)).toMatchObject({ outcome: 'success' });
  });

  it('404 (wrong path) → eko.notFound; 415 → eko.contentType', async () => {
    const wrongPath = fx.client({ baseUrl: fx.sandbox.baseUrl.replace('/ekoapi/v3', '/ekoapi/v2') });
    expect((await kioskError(enquiry(demoAadhaar('success'), {}, wrongPath))).code).toBe('eko.notFound');
    fx.sandbox.setFaults({ forceStatus: 415 });
    expect((await kioskError(enquiry(demoAadhaar('success')))).code).toBe('eko.contentType');
  });

  it('refuses bad input before anything is sent, without echoing it', async () => {
    const before = fx.sandbox.transactions.size;
    const err = await kioskError(enquiry('234567890125'));
    expect(err.code).toBe('input.invalid');
    expect(err.message).not.toContain('234567890125');
    expect((await kioskError(enquiry(demoAadhaar('success'), { bankIin: 'SBIN' }))).code).toBe('input.invalid');
    expect(fx.sandbox.transactions.size).toBe(before);
  });
});

describe('settlement balance and accounts: every failure is a KioskError', () => {
  it('reads the wallet exactly and masks account numbers', async () => {
    expect(await client.getSettlementBalance()).toEqual({ balance: '2208340023.75', currency: 'INR', customerId: '9962981729' });
    const accounts = await client.getSettlementAccounts();
    expect(accounts.unsettledFund).toBe('6100');
    expect(accounts.remainingLimit).toBe('190000');
    expect(accounts.recipients.map((r) => r.accountMasked)).toEqual(['XXXXXXXXXXXX2938', 'XXXXXXXXXXX7969']);
  });

  const cases = [
    ['HTTP 500', 'eko.server', { serverError: true }],
    ['HTML page', 'eko.htmlPage', { htmlPage: true }],
    ['truncated JSON', 'eko.badResponse', { truncatedJson: true }],
    ['connection reset', 'eko.offline', { resetConnection: true }],
    ['HTTP 403', 'eko.auth', { forceStatus: 403 }],
    ['HTTP 404', 'eko.notFound', { forceStatus: 404 }],
    ['HTTP 415', 'eko.contentType', { forceStatus: 415 }],
    ['HTTP 503', 'eko.server', { forceStatus: 503 }],
  ] as const;
  it.each(cases)('%s → %s', async (_name, code, fault) => {
    fx.sandbox.setFaults(fault);
    expect((await kioskError(client.getSettlementBalance())).code).toBe(code);
    expect((await kioskError(client.getSettlementAccounts())).code).toBe(code);
  });

  it('no answer in time → eko.timeout', async () => {
    const quick = fx.client({ requestTimeoutMs: 300 });
    fx.sandbox.setFaults({ neverAnswer: true });
    const t0 = performance.now();
    expect((await kioskError(quick.getSettlementBalance())).code).toBe('eko.timeout');
    expect(performance.now() - t0).toBeLessThan(1500);
  });

  it('nothing listening → eko.offline', async () => {
    const offline = fx.client({ baseUrl: `http://127.0.0.1:${await deadPort()}/ekoapi/v3` });
    expect((await kioskError(offline.getSettlementBalance())).code).toBe('eko.offline');
  });

  it('wrong-typed JSON → eko.badResponse', async () => {
    const odd = await startFixture({ walletBalance: 'lots' });
    try {
      expect((await kioskError(odd.client().getSettlementBalance())).code).toBe('eko.badResponse');
      expect(forbiddenInLogs(odd, [])).toEqual([]);
    } finally {
      await odd.close();
    }
  });

  it('invalid_params → eko.invalidParams; another non-zero status → eko.failed with its message', async () => {
    const badMobile = fx.client({ agentMobile: '12345' });
    const err = await kioskError(badMobile.getSettlementBalance());
    expect(err.code).toBe('eko.invalidParams');
    expect(err.params).toEqual({ fields: 'customer_id' });
    const otherUser = fx.client({ userCode: '99999999' });
    const failed = await kioskError(otherUser.getSettlementAccounts());
    expect(failed.code).toBe('eko.failed');
    expect(failed.params).toEqual({ message: 'User not found' });
  });

  it('wrong access key → eko.auth', async () => {
    expect((await kioskError(fx.client({ accessKey: 'wrong-access-key' }).getSettlementBalance())).code).toBe('eko.auth');
  });

  it('403 from clock skew: retried once with the corrected time, succeeds, and warns', async () => {
    fx.sandbox.setFaults({ clockOffsetMs: 5 * 60_000 });
    const fresh = fx.client();
    expect(fresh.status().clockSkewMs).toBeNull();
    expect(await fresh.getSettlementBalance()).toMatchObject({ balance: '2208340023.75' });
    const status = fresh.status();
    expect(status.clockWarning).toBe(true);
    expect(status.clockSkewMs).toBeGreaterThan(5 * 60_000 - 2000);
    expect(status.clockSkewMs).toBeLessThan(5 * 60_000 + 2000);
    // Later calls sign with the corrected time straight away.
    expect((await fresh.getSettlementAccounts()).recipients).toHaveLength(2);
  });

  it('a clock-skew 403 that persists after the corrected retry is the key, not the clock', async () => {
    fx.sandbox.setFaults({ clockOffsetMs: 5 * 60_000 });
    const err = await kioskError(fx.client({ accessKey: 'wrong-access-key' }).getSettlementBalance());
    expect(err.code).toBe('eko.auth');
  });

  it('no warning when the clock is right', async () => {
    await client.getSettlementBalance();
    expect(client.status()).toMatchObject({ baseUrl: fx.sandbox.baseUrl, clockWarning: false });
    expect(Math.abs(client.status().clockSkewMs!)).toBeLessThan(2000);
  });
});

describe('transaction inquiry and doctor', () => {
  it('an unknown reference is notFound; a refused one reads as refused', async () => {
    expect(await client.transactionInquiry('KSK00000000000000NOPE00')).toMatchObject({ outcome: 'notFound' });
    const refused = await enquiry(demoAadhaar('notLinked'));
    expect(await client.transactionInquiry(refused.clientRefId)).toMatchObject({ outcome: 'refused', reason: 'notLinked' });
  });

  it('wrong-typed JSON on an inquiry is an unreadable answer, not a verdict', async () => {
    const outcome = await enquiry(demoAadhaar('awaited'));
    fx.sandbox.setFaults({ wrongTypes: true, only: ['inquiry'] });
    expect((await kioskError(client.transactionInquiry(outcome.clientRefId))).code).toBe('eko.badResponse');
  });

  it('awaited stays awaited until awaitedResolveMs has passed', async () => {
    const slow = await startFixture({ awaitedResolveMs: 60_000 });
    try {
      const c = slow.client();
      usedAadhaar.add(demoAadhaar('awaited'));
      const outcome = await c.balanceEnquiry({ customerMobile: CUSTOMER_MOBILE, aadhaar: demoAadhaar('awaited'), bankIin: '607094', bankName: 'SBI', pidXml: SAMPLE_PID });
      expect(await c.transactionInquiry(outcome.clientRefId)).toMatchObject({ outcome: 'unknown', reason: 'awaited' });
      expect(slow.sandbox.transactions.get(outcome.clientRefId)?.inquiries).toBe(1);
      expect(forbiddenInLogs(slow, [demoAadhaar('awaited')])).toEqual([]);
    } finally {
      await slow.close();
    }
  });

  it('the connection check reports reachability, skew and wallet; and the failure when the key is wrong, for the doctor and for a screen', async () => {
    const good = await checkEkoConnection(client);
    expect(good).toMatchObject({ ok: true, baseUrl: fx.sandbox.baseUrl, walletBalance: '2208340023.75', error: null });
    expect(typeof good.clockSkewMs).toBe('number');
    // One result for the doctor and the screens: the code to translate and a detail for support, never the keys.
    const bad = await checkEkoConnection(fx.client({ accessKey: 'wrong-access-key' }), ['wrong-access-key', fx.sandbox.developerKey]);
    expect(bad).toMatchObject({ ok: false, walletBalance: null, error: { code: 'eko.auth', messageKey: 'errors.eko.auth', detail: expect.any(String) } });
    expect(JSON.stringify(bad)).not.toContain('wrong-access-key');
    const offline = await checkEkoConnection(fx.client({ baseUrl: `http://127.0.0.1:${await deadPort()}/ekoapi/v3` }));
    expect(offline).toMatchObject({ ok: false, clockSkewMs: null, error: { code: 'eko.offline' } });
  });
});

describe('transaction inquiry: only an answer about the transaction is a verdict', () => {
  let ref: string;
  beforeAll(async () => {
    ref = (await enquiry(demoAadhaar('awaited'))).clientRefId;
  });

  it('"does not exist" naming the transaction is notFound', async () => {
    fx.sandbox.setFaults({ inquiryReply: { status: 1, response_status_id: 1, message: 'Transaction does not exist' } });
    expect(await client.transactionInquiry(ref)).toEqual({ outcome: 'notFound', clientRefId: ref, serverMessage: 'Transaction does not exist' });
  });

  it.each([
    ['another transaction in progress', { status: -2, response_status_id: -2, message: 'Another transaction is in progress' }, 'eko.failed'],
    ['user not found (not the transaction)', { status: 463, response_status_id: 1, message: 'User not found' }, 'eko.failed'],
    ['a bare error code', { status: 1, response_status_id: 1 }, 'eko.failed'],
    ['"success" without transaction data', { status: 0, response_status_id: 0, message: 'Success' }, 'eko.badResponse'],
    ['an answer about another transaction', { status: 0, tx_status: '1', data: { client_ref_id: 'KSKSOMEONEELSE', tx_status: '1' } }, 'eko.badResponse'],
    ['"in progress" even with transaction data', { status: -2, message: 'Another transaction is in progress', tx_status: '1' }, 'eko.failed'],
  ] as const)('%s → %s: the inquiry failed, the result stays unknown', async (_name, reply, code) => {
    fx.sandbox.setFaults({ inquiryReply: reply });
    const err = await kioskError(client.transactionInquiry(ref));
    expect(err.code).toBe(code);
    if ('message' in reply && code === 'eko.failed') expect(err.params).toEqual({ message: reply.message });
  });

  it('a refusal that carries the transaction is a verdict', async () => {
    fx.sandbox.setFaults({
      inquiryReply: { status: 1, response_status_id: 1, message: DEMO_MESSAGES.biometricMismatch, data: { client_ref_id: ref, tid: 'EKO42' } },
    });
    expect(await client.transactionInquiry(ref)).toMatchObject({ outcome: 'refused', reason: 'biometricMismatch', tid: 'EKO42' });
    fx.sandbox.setFaults({ inquiryReply: { status: 0, tx_status: '1', message: DEMO_MESSAGES.notLinked } });
    expect(await client.transactionInquiry(ref)).toMatchObject({ outcome: 'refused', reason: 'notLinked' });
  });
});

describe('privacy', () => {
  it('nothing the client handed its logger in this file holds an Aadhaar number, PID data, a key or an encrypted Aadhaar', () => {
    expect(fx.lines.length).toBeGreaterThan(20);
    const encrypted = fx.sandbox.received.map((r) => (r.body as { aadhaar?: string } | null)?.aadhaar ?? '').filter(Boolean);
    expect(encrypted.length).toBeGreaterThan(10);
    expect(forbiddenInLogs(fx, [...usedAadhaar, ...DEMO_CUSTOMERS.map((c) => c.aadhaar)], encrypted)).toEqual([]);
  });

  it('the check sees what reaches the logger before any redaction', () => {
    // The app's logger would redact all of this; the recording one must not, or the check above proves nothing.
    const lines: string[] = [];
    const aadhaar = demoAadhaar('success');
    recordingLogger(lines).child('eko').warn('leak', {
      number: aadhaar,
      pid: SAMPLE_PID,
      error: new KioskError('internal', { detail: `key ${fx.sandbox.accessKey}`, cause: new Error(fx.sandbox.developerKey) }),
      sent: 'A'.repeat(60),
    });
    expect(forbiddenInLogs({ ...fx, lines }, [aadhaar], ['A'.repeat(60)])).toEqual(
      expect.arrayContaining([`aadhaar ${aadhaar.slice(-4)}`, 'pid PIDSKEYMARKER', 'access key', 'developer key', 'encrypted aadhaar']),
    );
  });
});
