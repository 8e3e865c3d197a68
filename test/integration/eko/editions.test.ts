/**
 * The exact body of each request edition and of the daily authentication, as the real client
 * sends it over HTTP: field names, their order and types, nothing more (Eko may fail a whole call
 * for one unexpected field), and the Aadhaar number only encrypted.
 */
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskError } from '../../../app/contract';
import { createEkoClient, type EkoClient } from '../../../main/services/eko/client';
import { balanceEnquiryOperation, dailyAuthOperation, miniStatementOperation } from '../../../main/services/eko/operations';
import { startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko/sandbox';
import { SAMPLE_PID, recordingLogger } from '../../unit/eko/helpers';
import { ekoFixtureText } from '../../fixtures/eko';

const AADHAAR = '234567890124';
const AGENT_AADHAAR = '345678901238';
const SBI = { iin: '607094', ifsc: 'SBIN', name: 'State Bank of India' };
const RURAL = { iin: '606993', ifsc: null, name: 'Baroda UP Bank' };

interface Seen { method: string; path: string; body: Record<string, unknown> }
const seen: Seen[] = [];
let server: http.Server;
let baseUrl: string;
let keys: EkoSandbox; // a real key pair to decrypt what the client encrypted

beforeAll(async () => {
  keys = await startEkoSandbox();
  server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      seen.push({ method: req.method ?? '', path: req.url ?? '', body: JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(req.method === 'PUT' ? ekoFixtureText('daily-kyc-ok-1.json') : ekoFixtureText('cash-withdrawal-ok-1.json'));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/ekoapi/v3`;
});
afterAll(async () => {
  await keys.close();
  await new Promise<void>((resolve) => server.close(() => resolve()));
});

function clientFor(edition: 'spec' | 'current'): EkoClient {
  return createEkoClient(
    { ...keys.clientCredentials(), baseUrl, agentMobile: '9812345678', latlong: '28.6139,77.2090', requestTimeoutMs: 3000, enquiryTimeoutMs: 3000, edition },
    recordingLogger([]),
    { sourceIp: '10.1.2.3' },
  );
}

const types = (body: Record<string, unknown>) => Object.entries(body).map(([k, v]) => `${k}:${typeof v}`);

describe('balance enquiry, each edition’s exact body', () => {
  it('spec (the spec pages): aadhaar, bank_code = IIN, amount/pipe/notify_customer/source_ip', async () => {
    const client = clientFor('spec');
    const outcome = await client.send(client.prepare(balanceEnquiryOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
    await client.stop();
    const { method, path, body } = seen.at(-1)!;
    expect([method, path]).toEqual(['POST', '/ekoapi/v3/customer/collection/aeps-fingpay/balance-enquiry/9876543210']);
    expect(types(body)).toEqual([
      'initiator_id:string', 'user_code:string', 'client_ref_id:string', 'bank_code:string', 'amount:number', 'aadhaar:string',
      'piddata:string', 'pipe:number', 'notify_customer:number', 'latlong:string', 'source_ip:string',
    ]);
    expect(body).toMatchObject({ bank_code: '607094', amount: 0, pipe: 0, notify_customer: 0, source_ip: '10.1.2.3', piddata: SAMPLE_PID, client_ref_id: outcome.clientRefId });
    expect(keys.decryptAadhaar(body.aadhaar as string)).toBe(AADHAAR);
    expect(JSON.stringify(body)).not.toContain(AADHAAR);
  });

  it('current (Eko’s current docs and real traffic): aadhar, bank_code = IFSC prefix, none of the four', async () => {
    const client = clientFor('current');
    await client.send(client.prepare(balanceEnquiryOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
    await client.stop();
    const { body } = seen.at(-1)!;
    expect(types(body)).toEqual(['initiator_id:string', 'user_code:string', 'client_ref_id:string', 'bank_code:string', 'aadhar:string', 'piddata:string', 'latlong:string']);
    expect(body.bank_code).toBe('SBIN');
    expect(keys.decryptAadhaar(body.aadhar as string)).toBe(AADHAAR);
  });

  it('current, a bank the list has no IFSC prefix for: refused before anything is built or sent', async () => {
    const client = clientFor('current');
    const before = seen.length;
    const err = await Promise.resolve()
      .then(() => client.prepare(balanceEnquiryOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: RURAL, pidXml: SAMPLE_PID }))
      .catch((e: unknown) => e);
    await client.stop();
    expect(err).toBeInstanceOf(KioskError);
    expect((err as KioskError).code).toBe('enquiry.bankNotSupported');
    expect(seen.length).toBe(before);
    // The spec edition sends the IIN, which every bank in the list has.
    expect(() => clientFor('spec').prepare(balanceEnquiryOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: RURAL, pidXml: SAMPLE_PID })).not.toThrow();
  });
});

describe('mini statement: the balance enquiry’s exact body, on its own path', () => {
  for (const edition of ['spec', 'current'] as const) {
    it(`${edition}: POST …/mini-statement/{mobile} with the same fields as the ${edition} balance enquiry`, async () => {
      const client = clientFor(edition);
      await client.send(client.prepare(balanceEnquiryOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
      const enquiryBody = seen.at(-1)!.body;
      await client.send(client.prepare(miniStatementOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
      await client.stop();
      const { method, path, body } = seen.at(-1)!;
      expect([method, path]).toEqual(['POST', '/ekoapi/v3/customer/collection/aeps-fingpay/mini-statement/9876543210']);
      expect(types(body)).toEqual(types(enquiryBody));
      expect(body.bank_code).toBe(edition === 'spec' ? '607094' : 'SBIN');
      expect(keys.decryptAadhaar(body[edition === 'spec' ? 'aadhaar' : 'aadhar'] as string)).toBe(AADHAAR);
    });
  }
});

describe('daily authentication’s exact body (in every edition)', () => {
  for (const edition of ['spec', 'current'] as const) {
    it(`${edition}: PUT …/kyc/biometric/daily with exactly the seven fields, the agent’s mobile and IFSC prefix`, async () => {
      const client = clientFor(edition);
      const outcome = await client.send(client.prepare(dailyAuthOperation, { aadhaar: AGENT_AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
      await client.stop();
      expect(outcome).toMatchObject({ outcome: 'success', maskedAadhaar: 'XXXX XXXX 1238' });
      const { method, path, body } = seen.at(-1)!;
      expect([method, path]).toEqual(['PUT', '/ekoapi/v3/user/collection/aeps-fingpay/kyc/biometric/daily']);
      expect(types(body)).toEqual(['initiator_id:string', 'user_code:string', 'customer_id:string', 'aadhar:string', 'latlong:string', 'bank_code:string', 'piddata:string']);
      expect(body).toMatchObject({ customer_id: '9812345678', bank_code: 'SBIN' });
      expect(keys.decryptAadhaar(body.aadhar as string)).toBe(AGENT_AADHAAR);
      // No client_ref_id: with one, Eko failed the call ("No key for Response").
      expect(body).not.toHaveProperty('client_ref_id');
    });
  }
});
