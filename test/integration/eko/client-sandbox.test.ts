/**
 * The Eko client against the sandbox over real HTTP: the three spec calls, and what exactly
 * went over the wire (captured by the sandbox): paths, query strings, headers, the body's
 * fields and types. Ends with a scan of every log line for personal data and keys.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ekoSecretKey } from '../../../main/protocol/eko-signing';
import type { EkoClient } from '../../../main/services/eko/client';
import { demoAadhaar } from '../../../main/simulators/eko/demo-customers';
import { CUSTOMER_MOBILE, SAMPLE_PID, forbiddenInLogs, startFixture, type Fixture } from '../../unit/eko/helpers';

let fx: Fixture;
let client: EkoClient;
const encryptedSeen: string[] = [];

beforeAll(async () => {
  fx = await startFixture({ captureRequests: true });
  client = fx.client({}, { sourceIp: '192.168.1.23' });
});
afterAll(async () => {
  await fx.close();
});

function lastReceived() {
  const last = fx.sandbox.received.at(-1);
  if (!last) throw new Error('the sandbox received nothing');
  return last;
}

function expectSigned(headers: Record<string, unknown>) {
  expect(headers['developer_key']).toBe(fx.sandbox.developerKey);
  expect(headers['content-type']).toBe('application/json');
  const ts = headers['secret-key-timestamp'] as string;
  expect(ts).toMatch(/^\d{13}$/);
  expect(Math.abs(Number(ts) - Date.now())).toBeLessThan(5000);
  expect(headers['secret-key']).toBe(ekoSecretKey(fx.sandbox.accessKey, ts));
}

describe('the three spec calls over HTTP', () => {
  it('GET settlement balance: path, query and headers of the spec', async () => {
    const wallet = await client.getSettlementBalance();
    expect(wallet).toEqual({ balance: '2208340023.75', currency: 'INR', customerId: '9962981729' });
    const got = lastReceived();
    expect(got.method).toBe('GET');
    expect(got.path).toBe('/ekoapi/v3/user/account/balance');
    expect(got.query).toEqual({ initiator_id: fx.sandbox.initiatorId, customer_id_type: 'mobile_number', customer_id: '9962981729' });
    expectSigned(got.headers);
  });

  it('GET settlement accounts: only the last 4 digits of each account leave the main process', async () => {
    const accounts = await client.getSettlementAccounts();
    expect(accounts).toEqual({
      unsettledFund: '6100',
      remainingLimit: '190000',
      recipients: [
        { recipientId: '1828', name: 'Gaurav Mallik', accountMasked: 'XXXXXXXXXXXX2938', ifsc: 'PUNB0309300' },
        { recipientId: '1829', name: 'Gaurav Mallik', accountMasked: 'XXXXXXXXXXX7969', ifsc: 'BKID0006701' },
      ],
    });
    expect(JSON.stringify(accounts)).not.toContain('9989834392752938');
    const got = lastReceived();
    expect(got.path).toBe('/ekoapi/v3/user/payment/aeps/settlement/accounts');
    expect(got.query).toEqual({ initiator_id: fx.sandbox.initiatorId, user_code: fx.sandbox.userCode });
    expectSigned(got.headers);
  });

  it('POST balance enquiry: exactly the spec body, field by field and type by type', async () => {
    const aadhaar = demoAadhaar('success');
    const outcome = await client.balanceEnquiry({ customerMobile: CUSTOMER_MOBILE, aadhaar, bankIin: '607153', bankName: 'Axis Bank', pidXml: SAMPLE_PID });
    expect(outcome).toMatchObject({ outcome: 'success', balance: '5500.75', bankName: 'Axis Bank' });

    const got = lastReceived();
    expect(got.method).toBe('POST');
    expect(got.path).toBe(`/ekoapi/v3/customer/collection/aeps-fingpay/balance-enquiry/${CUSTOMER_MOBILE}`);
    expectSigned(got.headers);
    const body = got.body as Record<string, unknown>;
    expect(Object.keys(body)).toEqual([
      'initiator_id',
      'user_code',
      'client_ref_id',
      'bank_code',
      'amount',
      'aadhaar',
      'piddata',
      'pipe',
      'notify_customer',
      'latlong',
      'source_ip',
    ]);
    const types = Object.fromEntries(Object.entries(body).map(([k, v]) => [k, typeof v]));
    expect(types).toEqual({
      initiator_id: 'string',
      user_code: 'string',
      client_ref_id: 'string',
      bank_code: 'string',
      amount: 'number',
      aadhaar: 'string',
      piddata: 'string',
      pipe: 'number',
      notify_customer: 'number',
      latlong: 'string',
      source_ip: 'string',
    });
    expect(body).toMatchObject({
      initiator_id: fx.sandbox.initiatorId,
      user_code: fx.sandbox.userCode,
      client_ref_id: outcome.clientRefId,
      bank_code: '607153',
      amount: 0,
      piddata: SAMPLE_PID, // untouched
      pipe: 0,
      notify_customer: 0,
      latlong: '28.6139,77.2090',
      source_ip: '192.168.1.23',
    });
    // Encrypted, not clear: the sandbox's private key reads it back.
    expect(body.aadhaar).not.toContain(aadhaar);
    expect(fx.sandbox.decryptAadhaar(body.aadhaar as string)).toBe(aadhaar);
    encryptedSeen.push(body.aadhaar as string);
    // What the sandbox keeps: the last 4 digits only.
    expect(JSON.stringify([...fx.sandbox.transactions.values()])).not.toContain(aadhaar);
  });

  it("source_ip defaults to this PC's IPv4 address, notify_customer can be 1", async () => {
    const plain = fx.client();
    await plain.balanceEnquiry({ customerMobile: CUSTOMER_MOBILE, aadhaar: demoAadhaar('successSmall'), bankIin: '607094', bankName: 'SBI', pidXml: SAMPLE_PID, notifyCustomer: 1 });
    const body = lastReceived().body as Record<string, unknown>;
    expect(body.source_ip).toMatch(/^\d{1,3}(\.\d{1,3}){3}$/);
    expect(body.notify_customer).toBe(1);
    encryptedSeen.push(body.aadhaar as string);
  });

  it('transaction inquiry by client_ref_id for an awaited enquiry', async () => {
    const outcome = await client.balanceEnquiry({ customerMobile: CUSTOMER_MOBILE, aadhaar: demoAadhaar('awaited'), bankIin: '607094', bankName: 'SBI', pidXml: SAMPLE_PID });
    encryptedSeen.push((lastReceived().body as Record<string, unknown>).aadhaar as string);
    expect(outcome).toMatchObject({ outcome: 'unknown', reason: 'awaited' });
    const result = await client.transactionInquiry(outcome.clientRefId);
    expect(result).toMatchObject({ outcome: 'success', clientRefId: outcome.clientRefId });
    const got = lastReceived();
    expect(got.path).toBe(`/ekoapi/v3/tools/reference/transaction/client_ref_id:${outcome.clientRefId}`);
    expect(got.query).toEqual({ initiator_id: fx.sandbox.initiatorId });
    expectSigned(got.headers);
  });
});

describe('privacy', () => {
  it('the log holds no Aadhaar number, no PID data, no encrypted Aadhaar and no key', () => {
    expect(fx.lines.some((l) => l.includes('eko.operation.outcome'))).toBe(true);
    expect(encryptedSeen.length).toBeGreaterThan(0);
    expect(forbiddenInLogs(fx, [demoAadhaar('success'), demoAadhaar('successSmall'), demoAadhaar('awaited')], encryptedSeen)).toEqual([]);
  });
});
