/**
 * The sandbox on its own, spoken to with plain fetch: it must check what Eko checks and answer as
 * Eko really answers (shared/corpus/eko/), never kinder.
 */
import crypto from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isValidAadhaar } from '../../../app/domain/aadhaar';
import { createAadhaarEncryptor } from '../../../main/services/eko/aadhaar-crypto';
import { ekoHeaders } from '../../../main/protocol/eko-signing';
import { istDay } from '../../../main/simulators/eko/answers';
import { DEMO_AGENTS, DEMO_CUSTOMERS, DEMO_MESSAGES, demoAadhaar, demoAgentAadhaar, derivedBalance, scenarioFor } from '../../../main/simulators/eko/demo-customers';
import { pidCarriesWadh } from '../../../main/simulators/eko/checks';
import { NO_FAULTS } from '../../../main/simulators/eko/faults';
import { startEkoSandbox, type EkoSandbox, type EkoSandboxOptions } from '../../../main/simulators/eko/sandbox';
import { expectEachMaps } from '../../support/table';
import { SAMPLE_PID } from './helpers';

/**
 * Real answers of Eko's live API, copied verbatim from shared/corpus/eko/ (sources: see
 * shared/corpus/README.md: citrineglobalindia/bharatoneui, sid9568/quick_cred_panel).
 */
const CORPUS = {
  'transaction-fail-1': { data: { comment: 'Please do 2fa before initiating transaction' }, status: 1467, message: 'Transaction Fail', response_type_id: 1467, response_status_id: 1 },
  'daily-kyc-ok-1': { response_status_id: 0, response_type_id: 1713, message: 'KYC sucess', status: 0 },
  'daily-kyc-fail-1': { response_status_id: 1, data: { reason: 'Transaction Not Completed', comment: 'Transaction Not Completed' }, response_type_id: 1714, message: 'KYC Fail', status: 1714 },
  'daily-kyc-fail-2': { response_status_id: 1, data: { reason: 'Authentication Failed. Invalid Biometric data.', comment: '' }, response_type_id: 1714, message: 'KYC Fail', status: 1714 },
  'daily-kyc-fail-3': { response_status_id: 1, data: { reason: 'Please complete bank eKYC to process the transaction.', comment: '' }, response_type_id: 1714, message: 'KYC Fail', status: 1714 },
  'daily-kyc-fail-4': { message: 'No key for Response' },
  'mini-statement-fail-2': { response_status_id: 1, response_type_id: 1528, message: 'Transaction Fail', data: { comment: 'AePS debit transactions are disabled by customer bank' } },
  // Keys of cash-withdrawal-fail-4.json's and cash-withdrawal-ok-1.json's data.
  'cash-withdrawal-fail-4.data': ['tid', 'shop', 'stan', 'aadhar', 'amount', 'reason', 'comment', 'auth_code', 'tx_status', 'user_code', 'sender_name', 'terminal_id', 'bank_ref_num', 'merchantname', 'merchant_code', 'customer_balance', 'transaction_date', 'transaction_time', 'shop_address_line1'],
  'cash-withdrawal-ok-1.data': ['fee', 'tds', 'tid', 'bank', 'shop', 'stan', 'aadhar', 'amount', 'reason', 'balance', 'comment', 'totalfee', 'auth_code', 'tx_status', 'user_code', 'commission', 'sender_name', 'service_tax', 'terminal_id', 'bank_ref_num', 'merchantname', 'merchant_code', 'customer_balance', 'transaction_date', 'transaction_time', 'shop_address_line1'],
} as const;

/** A parsed JSON answer (whatever JSON.parse gives). */
type Answer = ReturnType<typeof JSON.parse>;

const ENQUIRY_PATH = '/customer/collection/aeps-fingpay/balance-enquiry/9876543210';
const DAILY_PATH = '/user/collection/aeps-fingpay/kyc/biometric/daily';

let sb: EkoSandbox;
beforeAll(async () => {
  sb = await startEkoSandbox({ dailyAuthDone: true });
});
afterEach(() => sb.setFaults(NO_FAULTS));
afterAll(async () => {
  await sb.close();
});

const headersFor = (s: EkoSandbox, at = Date.now()) => ekoHeaders(s.developerKey, s.accessKey, at) as unknown as Record<string, string>;
const signed = (at = Date.now()) => headersFor(sb, at);

/** A PID block like SAMPLE_PID with its own random <Data> (a new capture: Eko refuses a PID block seen before). */
function freshPid(dataText?: string): string {
  const data = Buffer.from(`${dataText ?? ''}${crypto.randomBytes(48).toString('latin1')}`, 'latin1').toString('base64');
  return SAMPLE_PID.replace(/<Data type="X">[^<]*<\/Data>/, `<Data type="X">${data}</Data>`);
}

/** What every request body here carries: who asks, from where, and a fresh capture. */
function commonBody(s: EkoSandbox): Record<string, unknown> {
  return { initiator_id: s.initiatorId, user_code: s.userCode, piddata: freshPid(), latlong: '28.6139,77.2090' };
}

const encrypted = (s: EkoSandbox, aadhaar: string) => createAadhaarEncryptor(s.aadhaarPublicKey)(aadhaar);
const newClientRefId = () => `T${Math.random().toString(36).slice(2, 12)}`;

function specBody(s: EkoSandbox, aadhaar = demoAadhaar('success'), overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    ...commonBody(s),
    client_ref_id: newClientRefId(),
    bank_code: '607094',
    amount: 0,
    aadhaar: encrypted(s, aadhaar),
    pipe: 0,
    notify_customer: 0,
    source_ip: '10.0.0.5',
    ...overrides,
  };
}

function currentBody(s: EkoSandbox, aadhaar = demoAadhaar('success'), overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...commonBody(s), client_ref_id: newClientRefId(), bank_code: 'SBIN', aadhar: encrypted(s, aadhaar), ...overrides };
}

function dailyBody(s: EkoSandbox, agentAadhaar = demoAgentAadhaar('success'), overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return { ...commonBody(s), customer_id: s.agentMobile, aadhar: encrypted(s, agentAadhaar), bank_code: 'HDFC', ...overrides };
}

async function send(s: EkoSandbox, method: string, path: string, payload: unknown, headers: Record<string, string> = headersFor(s)) {
  const res = await fetch(`${s.baseUrl}${path}`, { method, headers, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), headers: res.headers };
}
const post = (payload: unknown, headers: Record<string, string> = signed(), path = ENQUIRY_PATH) => send(sb, 'POST', path, payload, headers);
async function enquire(s: EkoSandbox, payload: unknown, headers?: Record<string, string>): Promise<Answer> {
  const res = await send(s, 'POST', ENQUIRY_PATH, payload, headers);
  expect(res.status).toBe(200);
  return JSON.parse(res.text);
}
async function dailyAuth(s: EkoSandbox, payload: unknown, headers?: Record<string, string>): Promise<Answer> {
  const res = await send(s, 'PUT', DAILY_PATH, payload, headers);
  expect(res.status).toBe(200);
  return JSON.parse(res.text);
}
async function inquire(s: EkoSandbox, ref: string): Promise<Answer> {
  const res = await fetch(`${s.baseUrl}/tools/reference/transaction/client_ref_id:${ref}?initiator_id=${s.initiatorId}`, { headers: headersFor(s) });
  return res.json();
}

/** Runs `body` against a sandbox of its own, closed afterwards. */
async function withSandbox(options: EkoSandboxOptions, body: (s: EkoSandbox) => Promise<void>): Promise<void> {
  const s = await startEkoSandbox(options);
  try {
    await body(s);
  } finally {
    await s.close();
  }
}

describe('demo customers and agents', () => {
  it('are valid, distinct Aadhaar numbers, and any other valid number succeeds with a derived balance', () => {
    const all = [...DEMO_CUSTOMERS.map((c) => c.aadhaar), ...DEMO_AGENTS.map((a) => a.aadhaar)];
    expect(new Set(all).size).toBe(all.length);
    for (const n of all) expect(isValidAadhaar(n)).toBe(true);
    expect(scenarioFor('999941057058')).toEqual({ kind: 'success', balance: derivedBalance('999941057058') });
    expect(derivedBalance('523456789015')).toBe('56789.01');
    expect(derivedBalance('999941057058')).toBe('41057.05');
    expect(() => demoAadhaar('invalidRequest')).toThrow(/no demo customer/);
  });

  it('keep their numbers and meanings, and new meanings can be picked by name', () => {
    expectEachMaps(demoAadhaar, {
      success: '234567890124',
      notLinked: '523456789015',
      dailyAuthMissing: '823456789017',
      biometricMismatch: '923456789013',
      awaited: '723456789011',
      onHold: '934567890127',
    });
    for (const key of ['mismatchThenSuccess', 'sbiOnly', 'fp069', 'blankBalance', 'riskThreshold'] as const) expect(isValidAadhaar(demoAadhaar(key))).toBe(true);
    for (const key of ['success', 'invalidBiometric', 'ekycNotDone', 'notCompleted'] as const) expect(isValidAadhaar(demoAgentAadhaar(key))).toBe(true);
  });
});

describe('what the sandbox refuses, like Eko', () => {
  it('a wrong path → 404 "No Mapping Rule matched"', async () => {
    const res = await post(specBody(sb), signed(), '/customer/collection/aeps/balance-enquiry/9876543210');
    expect(res.status).toBe(404);
    expect(res.text).toMatch(/no mapping rule matched/i);
    expect((await send(sb, 'POST', DAILY_PATH, dailyBody(sb))).status).toBe(404); // daily authentication is a PUT
  });

  it('a non-JSON content type → 415', async () => {
    const res = await post(specBody(sb), { ...signed(), 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('a missing or wrong signature, or a stale timestamp → 403', async () => {
    const own = await startEkoSandbox({ dailyAuthDone: true });
    try {
      const { 'secret-key': _drop, ...unsigned } = headersFor(own);
      expect((await send(own, 'POST', ENQUIRY_PATH, specBody(own), unsigned)).status).toBe(403);
      expect((await send(own, 'POST', ENQUIRY_PATH, specBody(own), { ...headersFor(own), 'secret-key': 'AAAA' })).status).toBe(403);
      expect((await send(own, 'POST', ENQUIRY_PATH, specBody(own), { ...headersFor(own), developer_key: 'nope' })).status).toBe(403);
      expect((await send(own, 'PUT', DAILY_PATH, dailyBody(own), { ...headersFor(own), 'secret-key': 'AAAA' })).status).toBe(403);
      const stale = await send(own, 'POST', ENQUIRY_PATH, specBody(own), headersFor(own, Date.now() - 120_000));
      expect(stale.status).toBe(403);
      expect(own.transactions.size).toBe(0);
    } finally {
      await own.close();
    }
  });

  it('checks the timestamp against its own shifted clock and says its time in the Date header', async () => {
    sb.setFaults({ clockOffsetMs: 3_600_000 });
    expect((await post(specBody(sb), signed())).status).toBe(403);
    const res = await post(specBody(sb), signed(Date.now() + 3_600_000));
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.headers.get('date')!) - (Date.now() + 3_600_000))).toBeLessThan(2000);
    expect(Number(res.headers.get('x-sandbox-handling-ms'))).toBeGreaterThan(0);
  });

  it('missing and wrong-typed fields → the validation-error shape naming each field', async () => {
    const { piddata: _p, ...noPid } = specBody(sb);
    const res = await post({ ...noPid, amount: '0', pipe: 'zero' });
    expect(res.status).toBe(200);
    const json = JSON.parse(res.text);
    expect(json).toMatchObject({ status: 1, response_status_id: 1, response_type_id: -1 });
    expect(Object.keys(json.invalid_params).sort()).toEqual(['amount', 'piddata', 'pipe']);
  });

  it('an Aadhaar encrypted with another key, a non-zero amount, a bad customer_id, a bank_code that is not an IIN → invalid_params', async () => {
    const other = await startEkoSandbox();
    try {
      const res = await post(
        specBody(sb, undefined, { aadhaar: encrypted(other, '234567890124'), amount: 10, bank_code: 'SBIN' }),
        signed(),
        '/customer/collection/aeps-fingpay/balance-enquiry/12345',
      );
      expect(Object.keys(JSON.parse(res.text).invalid_params).sort()).toEqual(['aadhaar', 'amount', 'bank_code', 'customer_id']);
    } finally {
      await other.close();
    }
  });

  it('a body that is not JSON → invalid_params', async () => {
    const res = await post('{"initiator_id": "99');
    expect(JSON.parse(res.text).invalid_params).toHaveProperty('body');
  });

  it('a repeated client_ref_id is refused and the first result kept', async () => {
    const payload = specBody(sb, undefined, { client_ref_id: 'DUPLICATE0001' });
    expect(await enquire(sb, payload)).toMatchObject({ status: 0, data: { tx_status: '0' } });
    const again = await enquire(sb, { ...payload, piddata: freshPid(), aadhaar: encrypted(sb, demoAadhaar('notLinked')) });
    expect(again.status).not.toBe(0);
    expect(again.message).toMatch(/duplicate/i);
    expect(sb.transactions.get('DUPLICATE0001')).toMatchObject({ state: 'success', aadhaarLast4: '0124' });
  });

  it('an unknown bank code (in the list of neither edition) is refused with the reason in data.comment', async () => {
    const json = await enquire(sb, specBody(sb, undefined, { bank_code: '123456' }));
    expect(json).toEqual({ data: { comment: DEMO_MESSAGES.unknownBank }, status: 1467, message: 'Transaction Fail', response_type_id: 1467, response_status_id: 1 });
  });
});

describe('two request editions, checked strictly', () => {
  it('spec edition: exactly the spec body is accepted; a field it does not have → {"message":"No key for Response"}', async () => {
    expect(await enquire(sb, specBody(sb))).toMatchObject({ status: 0, response_type_id: 1466 });
    const { client_ref_id: _r, ...noRef } = specBody(sb);
    expect(await enquire(sb, noRef)).toMatchObject({ status: 0, response_type_id: 1466 }); // client_ref_id is optional
    for (const extra of [{ aadhar: 'x' }, { customer_id: '9876543210' }, { request_hash: 'abc' }]) {
      const res = await post({ ...specBody(sb), ...extra });
      expect(res.status).toBe(200);
      expect(res.text).toBe(JSON.stringify(CORPUS['daily-kyc-fail-4']));
    }
  });

  it('current edition: exactly initiator_id, user_code, client_ref_id, bank_code (IFSC prefix), aadhar, piddata, latlong', async () => {
    await withSandbox({ edition: 'current', dailyAuthDone: true }, async (cur) => {
      expect(cur.edition).toBe('current');
      const json = await enquire(cur, currentBody(cur));
      expect(json).toMatchObject({ status: 0, response_type_id: 1466, data: { bank: 'State Bank of India', customer_balance: '5500.75', tx_status: '0' } });
      expect(json.data).not.toHaveProperty('client_ref_id'); // echoed in the spec edition only
      expect(await enquire(cur, currentBody(cur, undefined, { bank_code: 'HDFC' }))).toMatchObject({ data: { bank: 'HDFC Bank' } });
      const { client_ref_id: _r, ...noRef } = currentBody(cur);
      expect(await enquire(cur, noRef)).toMatchObject({ status: 0 });
      // The spec edition's fields are not this edition's.
      for (const extra of [{ amount: 0 }, { pipe: 0 }, { notify_customer: 0 }, { source_ip: '10.0.0.5' }, { aadhaar: 'x' }]) {
        const res = await send(cur, 'POST', ENQUIRY_PATH, { ...currentBody(cur), ...extra });
        expect(res.text).toBe('{"message":"No key for Response"}');
      }
      // Missing or wrong-typed → invalid_params; an IIN or an unknown prefix → refused as an unknown bank.
      const { aadhar: _a, ...noAadhar } = currentBody(cur);
      const invalid = await enquire(cur, { ...noAadhar, latlong: 28.6 });
      expect(Object.keys(invalid.invalid_params).sort()).toEqual(['aadhar', 'latlong']);
      for (const code of ['607094', 'ZZZZ', 'sbin']) {
        expect(await enquire(cur, currentBody(cur, undefined, { bank_code: code }))).toMatchObject({ status: 1467, data: { comment: DEMO_MESSAGES.unknownBank } });
      }
    });
  });
});

describe('balance enquiry answers in the real shapes', () => {
  it('success: like cash-withdrawal-ok-1.json, balance = the AGENT wallet (as the wallet call says), customer_balance = the customer', async () => {
    const sent = specBody(sb);
    const before = Date.now();
    const json = await enquire(sb, sent);
    expect(Object.keys(json)).toEqual(['data', 'status', 'message', 'response_type_id', 'response_status_id']);
    expect(json).toMatchObject({ status: 0, response_type_id: 1466, response_status_id: 0, message: 'Transaction Successful' });
    expect(Object.keys(json.data)).toEqual(expect.arrayContaining([...CORPUS['cash-withdrawal-ok-1.data']]));
    expect(json.data).toMatchObject({
      bank: 'State Bank of India',
      aadhar: 'XXXX XXXX 0124',
      amount: '0.0',
      reason: '',
      comment: 'Request Completed',
      tx_status: '0',
      user_code: sb.userCode,
      customer_balance: '5500.75',
      client_ref_id: sent.client_ref_id,
    });
    const wallet = await fetch(`${sb.baseUrl}/user/account/balance?initiator_id=${sb.initiatorId}&customer_id_type=mobile_number&customer_id=9962981729`, { headers: signed() });
    expect(json.data.balance).toBe((await wallet.json()).data.balance);
    // No customer's balance is the agent's wallet: a client that shows `balance` as the customer's fails every demo.
    for (const c of DEMO_CUSTOMERS) {
      const s = c.scenario;
      if ('balance' in s) expect(s.balance).not.toBe(json.data.balance);
    }
    expect(json.data.tid).toMatch(/^\d{10}$/);
    expect(json.data.bank_ref_num).toMatch(/^\d{12}$/);
    // DD-MM-YY HH:MM:SS in Indian time.
    expect(json.data.transaction_date).toMatch(/^\d{2}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/);
    const [d, m, y] = (json.data.transaction_date as string).slice(0, 8).split('-');
    expect(`20${y}-${m}-${d}`).toBe(istDay(before + 500));
    expect(json.data.transaction_time).toBe(json.data.transaction_date);
  });

  it('a success whose bank gave no balance carries a blank customer_balance', async () => {
    const json = await enquire(sb, specBody(sb, demoAadhaar('blankBalance')));
    expect(json).toMatchObject({ status: 0, data: { tx_status: '0', customer_balance: '' } });
    expect(json.data.balance).not.toBe('');
  });

  it('"Please do 2fa" comes exactly as transaction-fail-1.json', async () => {
    expect(await enquire(sb, specBody(sb, demoAadhaar('dailyAuthMissing')))).toEqual(CORPUS['transaction-fail-1']);
  });

  it('refusals carry the reason only in data.comment, in the three real shapes', async () => {
    const notLinked = await enquire(sb, specBody(sb, demoAadhaar('notLinked')));
    expect(notLinked).toMatchObject({ status: 1464, message: 'Transaction Fail', response_type_id: 1464, response_status_id: 1, data: { tx_status: '1', customer_balance: '0.00', comment: DEMO_MESSAGES.notLinked } });
    expect(Object.keys(notLinked.data)).toEqual(expect.arrayContaining([...CORPUS['cash-withdrawal-fail-4.data']]));
    expect(notLinked.data.comment).toContain('Customer  Aadhaar'); // the double space, as sent

    const disabled = await enquire(sb, specBody(sb, demoAadhaar('debitDisabled')));
    expect(disabled).toEqual({ ...CORPUS['mini-statement-fail-2'], response_type_id: 1467 });
    expect(disabled).not.toHaveProperty('status');

    const float = await enquire(sb, specBody(sb, demoAadhaar('insufficientFloat')));
    expect(float).toEqual({ data: { comment: 'Insufficient balance' }, status: 1467, message: 'Transaction Fail', response_type_id: 1467, response_status_id: 1 });

    for (const c of DEMO_CUSTOMERS) {
      if (c.scenario.kind !== 'refused' || c.scenario.clearsDailyAuth) continue;
      const json = await enquire(sb, specBody(sb, c.aadhaar));
      expect(json.message, c.label).toBe('Transaction Fail');
      expect(json.data.comment, c.label).toBe(c.scenario.message);
      expect(json.response_status_id, c.label).toBe(1);
    }
    expect(await enquire(sb, specBody(sb, demoAadhaar('riskThreshold')))).toMatchObject({ data: { comment: 'U16 - RISK THRESHOLD EXCEEDED' } });
  });

  it('"linked only to State Bank of India": not linked for any other bank, success at SBI (both editions)', async () => {
    const sbiOnly = demoAadhaar('sbiOnly');
    expect(await enquire(sb, specBody(sb, sbiOnly, { bank_code: '607152' }))).toMatchObject({ status: 1464, data: { comment: DEMO_MESSAGES.notLinked } });
    expect(await enquire(sb, specBody(sb, sbiOnly, { bank_code: '607094' }))).toMatchObject({ status: 0, data: { bank: 'State Bank of India', customer_balance: '3120.4' } });
    await withSandbox({ edition: 'current', dailyAuthDone: true }, async (cur) => {
      expect(await enquire(cur, currentBody(cur, sbiOnly, { bank_code: 'HDFC' }))).toMatchObject({ status: 1464, data: { comment: DEMO_MESSAGES.notLinked } });
      expect(await enquire(cur, currentBody(cur, sbiOnly, { bank_code: 'SBIN' }))).toMatchObject({ status: 0, data: { customer_balance: '3120.4' } });
    });
  });

  it('"biometric mismatch on the first capture, success on the next" alternates per number', async () => {
    await withSandbox({ dailyAuthDone: true }, async (s) => {
      const n = demoAadhaar('mismatchThenSuccess');
      expect(await enquire(s, specBody(s, n))).toMatchObject({ status: 1464, data: { tx_status: '1', comment: DEMO_MESSAGES.biometricAnotherFinger } });
      expect(await enquire(s, specBody(s, n))).toMatchObject({ status: 0, data: { customer_balance: '842.1' } });
      expect(await enquire(s, specBody(s, n))).toMatchObject({ status: 1464 });
    });
  });

  it('the same PID block sent twice → "Duplicate Biometric data." (only a hash is kept)', async () => {
    const pid = freshPid();
    expect(await enquire(sb, specBody(sb, undefined, { piddata: pid }))).toMatchObject({ status: 0 });
    const again = await enquire(sb, specBody(sb, demoAadhaar('successSmall'), { piddata: pid }));
    expect(again).toEqual({ data: { comment: 'Duplicate Biometric data.' }, status: 1467, message: 'Transaction Fail', response_type_id: 1467, response_status_id: 1 });
    await withSandbox({ dailyAuthDone: true, refuseDuplicatePid: false }, async (lenient) => {
      expect(await enquire(lenient, specBody(lenient, undefined, { piddata: SAMPLE_PID }))).toMatchObject({ status: 0 });
      expect(await enquire(lenient, specBody(lenient, undefined, { piddata: SAMPLE_PID }))).toMatchObject({ status: 0 });
    });
  });

  it('awaited and on hold resolve on transaction inquiry, answered in the success shape (1472) with customer_balance', async () => {
    for (const key of ['awaited', 'onHold'] as const) {
      const sent = specBody(sb, demoAadhaar(key));
      const first = await enquire(sb, sent);
      expect(first).toMatchObject({ status: 0, response_status_id: key === 'awaited' ? 2 : 5, data: { tx_status: key === 'awaited' ? '2' : '5', customer_balance: '' } });
      const inquiry = await inquire(sb, sent.client_ref_id as string);
      expect(inquiry).toMatchObject({
        status: 0,
        response_type_id: 1472,
        data: { tx_status: '0', tid: first.data.tid, client_ref_id: sent.client_ref_id, customer_balance: derivedBalance(demoAadhaar(key)) },
      });
      expect(inquiry.data.balance).toBe(first.data.balance);
    }
    const refusedRef = specBody(sb, demoAadhaar('accountFrozen'));
    await enquire(sb, refusedRef);
    // The enquiry answered without a transaction (no status, data.comment only); the inquiry answers the transaction record.
    expect(await inquire(sb, refusedRef.client_ref_id as string)).toMatchObject({
      status: 1464,
      response_status_id: 1,
      data: { tx_status: '1', comment: DEMO_MESSAGES.accountFrozen, client_ref_id: refusedRef.client_ref_id },
    });
  });

  it('keeps only the last 4 digits of an Aadhaar number and no PID block', async () => {
    const sent = specBody(sb, demoAadhaar('successSmall'));
    await enquire(sb, sent);
    const kept = JSON.stringify([...sb.transactions.values()]);
    expect(kept).not.toContain(demoAadhaar('successSmall'));
    expect(kept).not.toContain(sent.piddata as string);
    expect(kept).not.toContain('PIDSKEYMARKER');
  });
});

describe('daily authentication', () => {
  it('until it passed, every enquiry (either edition) is refused exactly as transaction-fail-1.json; then they pass', async () => {
    for (const edition of ['spec', 'current'] as const) {
      await withSandbox({ edition }, async (s) => {
        const body = () => (edition === 'spec' ? specBody(s) : currentBody(s));
        expect(s.dailyAuth()).toEqual({ always: false, day: null, doneToday: false });
        expect(await enquire(s, body())).toEqual(CORPUS['transaction-fail-1']);
        expect(await dailyAuth(s, dailyBody(s))).toEqual(CORPUS['daily-kyc-ok-1']);
        expect(s.dailyAuth()).toMatchObject({ doneToday: true, day: istDay(Date.now()) });
        expect(await enquire(s, body())).toMatchObject({ status: 0, data: { customer_balance: '5500.75' } });
      });
    }
  });

  it('the body must be exactly the seven fields: an extra one → "No key for Response"; missing or wrong-typed → invalid_params', async () => {
    await withSandbox({}, async (s) => {
      for (const extra of [{ client_ref_id: 'KSK1' }, { amount: 0 }, { aadhaar: 'x' }]) {
        const res = await send(s, 'PUT', DAILY_PATH, { ...dailyBody(s), ...extra });
        expect(res.status).toBe(200);
        expect(JSON.parse(res.text)).toEqual(CORPUS['daily-kyc-fail-4']);
      }
      const { piddata: _p, ...noPid } = dailyBody(s);
      const invalid = await dailyAuth(s, { ...noPid, bank_code: 607152, customer_id: '12345' });
      expect(invalid).toMatchObject({ status: 1, response_type_id: -1 });
      expect(Object.keys(invalid.invalid_params).sort()).toEqual(['bank_code', 'customer_id', 'piddata']);
      const other = await startEkoSandbox();
      try {
        const wrongKey = await dailyAuth(s, dailyBody(s, undefined, { aadhar: encrypted(other, demoAgentAadhaar('success')) }));
        expect(Object.keys(wrongKey.invalid_params)).toEqual(['aadhar']);
      } finally {
        await other.close();
      }
      expect(await dailyAuth(s, dailyBody(s, undefined, { customer_id: '9123456780' }))).toMatchObject({ status: 463 });
      expect(s.dailyAuth().doneToday).toBe(false);
    });
  });

  it('each demo agent answers as the corpus, byte for byte in structure', async () => {
    await withSandbox({}, async (s) => {
      expect(await dailyAuth(s, dailyBody(s, demoAgentAadhaar('notCompleted')))).toEqual(CORPUS['daily-kyc-fail-1']);
      expect(await dailyAuth(s, dailyBody(s, demoAgentAadhaar('invalidBiometric')))).toEqual(CORPUS['daily-kyc-fail-2']);
      expect(await dailyAuth(s, dailyBody(s, demoAgentAadhaar('ekycNotDone')))).toEqual(CORPUS['daily-kyc-fail-3']);
      expect(s.dailyAuth().doneToday).toBe(false);
      const ok = await send(s, 'PUT', DAILY_PATH, dailyBody(s, '999941057058')); // any other valid number passes
      expect(JSON.parse(ok.text)).toEqual(CORPUS['daily-kyc-ok-1']);
      expect(ok.text).toBe('{"response_status_id":0,"response_type_id":1713,"message":"KYC sucess","status":0}');
      expect(s.dailyAuth().doneToday).toBe(true);
    });
  });

  it('a capture made with a wadh fails "Authentication Failed. Invalid Biometric data."; so does a reused PID block', async () => {
    const wadhPid = freshPid('wadh=E0jzJ/P8UopUHAieZn8CKqS4WPMi5ZSYXgfnlfkWjrc=;');
    expect(pidCarriesWadh(wadhPid)).toBe(true);
    expect(pidCarriesWadh(freshPid('wadh=;'))).toBe(false);
    expect(pidCarriesWadh(SAMPLE_PID)).toBe(false);
    await withSandbox({}, async (s) => {
      expect(await dailyAuth(s, dailyBody(s, undefined, { piddata: wadhPid }))).toEqual(CORPUS['daily-kyc-fail-2']);
      const pid = freshPid();
      expect(await dailyAuth(s, dailyBody(s, undefined, { piddata: pid }))).toEqual(CORPUS['daily-kyc-ok-1']);
      expect(await dailyAuth(s, dailyBody(s, undefined, { piddata: pid }))).toMatchObject({ status: 1714, data: { reason: 'Duplicate Biometric data.' } });
      expect(await enquire(s, specBody(s, undefined, { piddata: pid }))).toMatchObject({ data: { comment: 'Duplicate Biometric data.' } });
    });
  });

  it('holds for the Indian calendar day only: the sandbox clock past IST midnight asks again', async () => {
    await withSandbox({}, async (s) => {
      expect(await dailyAuth(s, dailyBody(s))).toEqual(CORPUS['daily-kyc-ok-1']);
      const now = Date.now();
      const istMidnight = Date.parse(`${istDay(now)}T00:00:00+05:30`) + 86_400_000;
      // Just before the next IST midnight: still today.
      const before = istMidnight - 60_000 - now;
      s.setFaults({ clockOffsetMs: before });
      expect(await enquire(s, specBody(s), headersFor(s, now + before))).toMatchObject({ status: 0 });
      // Just after: another Indian day.
      const after = istMidnight + 60_000 - now;
      s.setFaults({ clockOffsetMs: after });
      expect(s.dailyAuth().doneToday).toBe(false);
      expect(await enquire(s, specBody(s), headersFor(s, Date.now() + after))).toEqual(CORPUS['transaction-fail-1']);
      expect(await dailyAuth(s, dailyBody(s), headersFor(s, Date.now() + after))).toEqual(CORPUS['daily-kyc-ok-1']);
      expect(await enquire(s, specBody(s), headersFor(s, Date.now() + after))).toMatchObject({ status: 0 });
    });
  });

  it('FP069 clears today’s authentication; setDailyAuthDone sets and clears it', async () => {
    await withSandbox({}, async (s) => {
      s.setDailyAuthDone(true);
      expect(await enquire(s, specBody(s))).toMatchObject({ status: 0 });
      expect(await enquire(s, specBody(s, demoAadhaar('fp069')))).toEqual({ data: { comment: 'FP069: Please do 2FA again' }, status: 1467, message: 'Transaction Fail', response_type_id: 1467, response_status_id: 1 });
      expect(await enquire(s, specBody(s))).toEqual(CORPUS['transaction-fail-1']);
      s.setDailyAuthDone(true);
      expect(await enquire(s, specBody(s))).toMatchObject({ status: 0 });
      s.setDailyAuthDone(false);
      expect(await enquire(s, specBody(s))).toEqual(CORPUS['transaction-fail-1']);
    });
    // dailyAuthDone: true keeps no state: FP069 is answered but clears nothing.
    expect(await enquire(sb, specBody(sb, demoAadhaar('fp069')))).toMatchObject({ data: { comment: DEMO_MESSAGES.fp069 } });
    expect(await enquire(sb, specBody(sb))).toMatchObject({ status: 0 });
  });
});

describe('the other calls', () => {
  it('wallet balance and settlement accounts as on the spec pages', async () => {
    const wallet = await fetch(`${sb.baseUrl}/user/account/balance?initiator_id=${sb.initiatorId}&customer_id_type=mobile_number&customer_id=9910028267`, { headers: signed() });
    expect(await wallet.json()).toMatchObject({ status: 0, response_status_id: -1, data: { balance: '2.20834002375E9', currency: 'INR', customer_id: '9910028267' } });
    const accounts = await fetch(`${sb.baseUrl}/user/payment/aeps/settlement/accounts?initiator_id=${sb.initiatorId}&user_code=${sb.userCode}`, { headers: signed() });
    const json = await accounts.json();
    expect(json).toMatchObject({ status: 0, response_type_id: 1321, data: { unsettled_fund: '6100.0', remaining_limit: '190000' } });
    expect(json.data.fund_transfer_list).toHaveLength(2);
  });

  it('accountsAsDailyKycStatus: the settlement-accounts call answers the daily-KYC status shape, as seen live', async () => {
    sb.setFaults({ accountsAsDailyKycStatus: true });
    const res = await fetch(`${sb.baseUrl}/user/payment/aeps/settlement/accounts?initiator_id=${sb.initiatorId}&user_code=${sb.userCode}`, { headers: signed() });
    expect(await res.json()).toEqual({
      response_status_id: 0,
      data: { reason: 'Fingpay daily KYC is completed', user_code: sb.userCode },
      response_type_id: 1969,
      message: 'Fingpay daily KYC is completed',
      status: 0,
    });
  });
});

describe('faults', () => {
  it('a truncated-JSON fault sends a complete HTTP answer whose JSON is cut', async () => {
    sb.setFaults({ truncatedJson: true });
    const res = await post(specBody(sb));
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text)).toThrow();
    expect(res.text.startsWith('{')).toBe(true);
  });

  it('a wrong-types fault keeps the fields but not their types, and the enquiry is still processed', async () => {
    sb.setFaults({ wrongTypes: true, only: ['enquiry'] });
    const sent = specBody(sb);
    const res = await post(sent);
    expect(res.status).toBe(200);
    const json = JSON.parse(res.text);
    expect(json.status).toEqual({ value: 0 });
    expect(json.data.tx_status).toEqual(['0']);
    expect(json.data.customer_balance).toEqual(['5500.75']);
    expect(json.data.tid).toMatch(/^\d+$/); // only the typed fields change
    expect(sb.transactions.get(sent.client_ref_id as string)?.state).toBe('success');
  });

  it('an inquiry reply fault answers every transaction inquiry with the given JSON', async () => {
    const sent = specBody(sb);
    await post(sent);
    const reply = { status: 463, response_status_id: 1, message: 'User not found' };
    sb.setFaults({ inquiryReply: reply });
    expect(await inquire(sb, sent.client_ref_id as string)).toEqual(reply);
  });

  it('faults can be limited to one endpoint', async () => {
    sb.setFaults({ serverError: true, only: ['balance'] });
    expect((await post(specBody(sb))).status).toBe(200);
    const wallet = await fetch(`${sb.baseUrl}/user/account/balance?initiator_id=${sb.initiatorId}&customer_id_type=mobile_number&customer_id=9910028267`, { headers: signed() });
    expect(wallet.status).toBe(500);
    sb.setFaults({ serverError: true, only: ['dailyAuth'] });
    expect((await send(sb, 'PUT', DAILY_PATH, dailyBody(sb))).status).toBe(500);
    expect((await post(specBody(sb))).status).toBe(200);
  });

  it('close() ends even while a request is left unanswered', async () => {
    const own = await startEkoSandbox({ faults: { neverAnswer: true } });
    const pending = fetch(`${own.baseUrl}/user/account/balance`, { headers: headersFor(own) }).catch((err: Error) => err);
    await new Promise((r) => setTimeout(r, 50));
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
