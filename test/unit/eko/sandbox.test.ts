/** The sandbox on its own, spoken to with plain fetch: it must check what Eko checks. */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { isValidAadhaar } from '../../../app/domain/aadhaar';
import { createAadhaarEncryptor } from '../../../main/services/eko/aadhaar-crypto';
import { ekoHeaders } from '../../../main/services/eko/signing';
import { DEMO_CUSTOMERS, demoAadhaar, derivedBalance, scenarioFor } from '../../../main/simulators/eko/demo-customers';
import { NO_FAULTS, startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko/sandbox';
import { SAMPLE_PID } from './helpers';

let sb: EkoSandbox;
beforeAll(async () => {
  sb = await startEkoSandbox();
});
afterEach(() => sb.setFaults(NO_FAULTS));
afterAll(async () => {
  await sb.close();
});

const signed = (at = Date.now()) => ekoHeaders(sb.developerKey, sb.accessKey, at) as unknown as Record<string, string>;

function body(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    initiator_id: sb.initiatorId,
    user_code: sb.userCode,
    client_ref_id: `T${Math.random().toString(36).slice(2, 12)}`,
    bank_code: '607094',
    amount: 0,
    aadhaar: createAadhaarEncryptor(sb.aadhaarPublicKey)(demoAadhaar('success')),
    piddata: SAMPLE_PID,
    pipe: 0,
    notify_customer: 0,
    latlong: '28.6139,77.2090',
    source_ip: '10.0.0.5',
    ...overrides,
  };
}

async function post(payload: unknown, headers: Record<string, string> = signed(), path = '/customer/collection/aeps-fingpay/balance-enquiry/9876543210') {
  const res = await fetch(`${sb.baseUrl}${path}`, { method: 'POST', headers, body: typeof payload === 'string' ? payload : JSON.stringify(payload) });
  return { status: res.status, type: res.headers.get('content-type') ?? '', text: await res.text(), headers: res.headers };
}

describe('demo customers', () => {
  it('are valid, distinct Aadhaar numbers, and any other valid number succeeds with a derived balance', () => {
    expect(new Set(DEMO_CUSTOMERS.map((c) => c.aadhaar)).size).toBe(DEMO_CUSTOMERS.length);
    for (const c of DEMO_CUSTOMERS) expect(isValidAadhaar(c.aadhaar)).toBe(true);
    expect(scenarioFor('999941057058')).toEqual({ kind: 'success', balance: derivedBalance('999941057058') });
    expect(derivedBalance('523456789015')).toBe('56789.01');
    expect(derivedBalance('999941057058')).toBe('41057.05');
    expect(() => demoAadhaar('invalidRequest')).toThrow(/no demo customer/);
  });
});

describe('what the sandbox refuses, like Eko', () => {
  it('a wrong path → 404 "No Mapping Rule matched"', async () => {
    const res = await post(body(), signed(), '/customer/collection/aeps/balance-enquiry/9876543210');
    expect(res.status).toBe(404);
    expect(res.text).toMatch(/no mapping rule matched/i);
  });

  it('a non-JSON content type → 415', async () => {
    const res = await post(body(), { ...signed(), 'content-type': 'text/plain' });
    expect(res.status).toBe(415);
  });

  it('a missing or wrong signature, or a stale timestamp → 403', async () => {
    const { 'secret-key': _drop, ...unsigned } = signed();
    expect((await post(body(), unsigned)).status).toBe(403);
    expect((await post(body(), { ...signed(), 'secret-key': 'AAAA' })).status).toBe(403);
    expect((await post(body(), { ...signed(), developer_key: 'nope' })).status).toBe(403);
    const stale = await post(body(), signed(Date.now() - 120_000));
    expect(stale.status).toBe(403);
    expect(sb.transactions.size).toBe(0);
  });

  it('checks the timestamp against its own shifted clock and says its time in the Date header', async () => {
    sb.setFaults({ clockOffsetMs: 3_600_000 });
    expect((await post(body(), signed())).status).toBe(403);
    const res = await post(body(), signed(Date.now() + 3_600_000));
    expect(res.status).toBe(200);
    expect(Math.abs(Date.parse(res.headers.get('date')!) - (Date.now() + 3_600_000))).toBeLessThan(2000);
    expect(Number(res.headers.get('x-sandbox-handling-ms'))).toBeGreaterThan(0);
  });

  it('missing and wrong-typed fields → the validation-error shape naming each field', async () => {
    const { piddata: _p, ...noPid } = body();
    const res = await post({ ...noPid, amount: '0', pipe: 'zero', aadhar: 'x' });
    expect(res.status).toBe(200);
    const json = JSON.parse(res.text);
    expect(json).toMatchObject({ status: 1, response_status_id: 1, response_type_id: -1 });
    expect(Object.keys(json.invalid_params).sort()).toEqual(['aadhar', 'amount', 'piddata', 'pipe']);
  });

  it('an Aadhaar encrypted with another key, a non-zero amount, a bad customer_id → invalid_params', async () => {
    const other = await startEkoSandbox();
    try {
      const res = await post(body({ aadhaar: createAadhaarEncryptor(other.aadhaarPublicKey)('234567890124'), amount: 10 }), signed(), '/customer/collection/aeps-fingpay/balance-enquiry/12345');
      expect(Object.keys(JSON.parse(res.text).invalid_params).sort()).toEqual(['aadhaar', 'amount', 'customer_id']);
    } finally {
      await other.close();
    }
  });

  it('a body that is not JSON → invalid_params', async () => {
    const res = await post('{"initiator_id": "99');
    expect(JSON.parse(res.text).invalid_params).toHaveProperty('body');
  });

  it('a repeated client_ref_id is refused and the first result kept', async () => {
    const payload = body({ client_ref_id: 'DUPLICATE0001' });
    expect(JSON.parse((await post(payload)).text)).toMatchObject({ status: 0, tx_status: '0' });
    const again = JSON.parse((await post({ ...payload, aadhaar: createAadhaarEncryptor(sb.aadhaarPublicKey)(demoAadhaar('notLinked')) })).text);
    expect(again.status).not.toBe(0);
    expect(again.message).toMatch(/duplicate/i);
    expect(sb.transactions.get('DUPLICATE0001')).toMatchObject({ state: 'success', aadhaarLast4: '0124' });
  });
});

describe('answers in the spec shapes', () => {
  it('balance enquiry success carries the spec fields, balance as a string', async () => {
    const json = JSON.parse((await post(body())).text);
    expect(json).toMatchObject({ status: 0, response_status_id: 0, tx_status: '0', message: 'Balance Enquiry successful' });
    expect(Object.keys(json.data)).toEqual(expect.arrayContaining(['tid', 'tx_status', 'balance', 'bank_name', 'bank_ref_num', 'aadhaar_ref_num']));
    expect(json.data.balance).toBe('5500.75');
  });

  it('wallet balance and settlement accounts as on the spec pages', async () => {
    const wallet = await fetch(`${sb.baseUrl}/user/account/balance?initiator_id=${sb.initiatorId}&customer_id_type=mobile_number&customer_id=9910028267`, { headers: signed() });
    expect(await wallet.json()).toMatchObject({ status: 0, response_status_id: -1, data: { balance: '2.20834002375E9', currency: 'INR', customer_id: '9910028267' } });
    const accounts = await fetch(`${sb.baseUrl}/user/payment/aeps/settlement/accounts?initiator_id=${sb.initiatorId}&user_code=${sb.userCode}`, { headers: signed() });
    const json = await accounts.json();
    expect(json).toMatchObject({ status: 0, response_type_id: 1321, data: { unsettled_fund: '6100.0', remaining_limit: '190000' } });
    expect(json.data.fund_transfer_list).toHaveLength(2);
  });

  it('a truncated-JSON fault sends a complete HTTP answer whose JSON is cut', async () => {
    sb.setFaults({ truncatedJson: true });
    const res = await post(body());
    expect(res.status).toBe(200);
    expect(() => JSON.parse(res.text)).toThrow();
    expect(res.text.startsWith('{')).toBe(true);
  });

  it('a wrong-types fault keeps the fields but not their types, and the enquiry is still processed', async () => {
    sb.setFaults({ wrongTypes: true, only: ['enquiry'] });
    const sent = body();
    const res = await post(sent);
    expect(res.status).toBe(200);
    const json = JSON.parse(res.text);
    expect(json.status).toEqual({ value: 0 });
    expect(json.tx_status).toEqual(['0']);
    expect(json.data.balance).toEqual(['5500.75']);
    expect(json.data.tid).toMatch(/^EKO/); // only the typed fields change
    expect(sb.transactions.get(sent.client_ref_id as string)?.state).toBe('success');
  });

  it('an inquiry reply fault answers every transaction inquiry with the given JSON', async () => {
    const sent = body();
    await post(sent);
    const reply = { status: 463, response_status_id: 1, message: 'User not found' };
    sb.setFaults({ inquiryReply: reply });
    const res = await fetch(`${sb.baseUrl}/tools/reference/transaction/client_ref_id:${sent.client_ref_id as string}?initiator_id=${sb.initiatorId}`, {
      headers: signed(),
    });
    expect(await res.json()).toEqual(reply);
  });

  it('faults can be limited to one endpoint', async () => {
    sb.setFaults({ serverError: true, only: ['balance'] });
    expect((await post(body())).status).toBe(200);
    const wallet = await fetch(`${sb.baseUrl}/user/account/balance?initiator_id=${sb.initiatorId}&customer_id_type=mobile_number&customer_id=9910028267`, { headers: signed() });
    expect(wallet.status).toBe(500);
  });

  it('close() ends even while a request is left unanswered', async () => {
    const own = await startEkoSandbox({ faults: { neverAnswer: true } });
    const pending = fetch(`${own.baseUrl}/user/account/balance`, { headers: ekoHeaders(own.developerKey, own.accessKey, Date.now()) as unknown as Record<string, string> }).catch(
      (err: Error) => err,
    );
    await new Promise((r) => setTimeout(r, 50));
    await own.close();
    expect(await pending).toBeInstanceOf(Error);
  });
});
