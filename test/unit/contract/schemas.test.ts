/**
 * The contract's schemas accept and refuse exactly what they did before they moved to zod/mini:
 * the translations that are not one-for-one (integer and range checks, refinements, strict objects
 * and the strict object extended from another, optional vs nullable, records keyed by an enum,
 * discriminated unions) each pinned here by values on both sides of the line.
 */
import { describe, expect, it } from 'vitest';
import {
  AppInfoSchema,
  ConnectionTestSchema,
  EkoSettingsInputSchema,
  EnquiryListSchema,
  EnquiryOutcomeSchema,
  EnvelopeSchema,
  LatLongSchema,
  MoneySchema,
  WireErrorSchema,
  contract,
} from '../../../app/contract';

type Schema = { safeParse(value: unknown): { success: boolean } };
const accepts = (schema: Schema, value: unknown) => schema.safeParse(value).success;

function expectSplit(schema: Schema, ok: unknown[], bad: unknown[]): void {
  for (const v of ok) expect(accepts(schema, v), `accepts ${JSON.stringify(v)}`).toBe(true);
  for (const v of bad) expect(accepts(schema, v), `refuses ${JSON.stringify(v)}`).toBe(false);
}

describe('contract schemas (zod/mini)', () => {
  it('capture timeout: a whole number of ms from 3000 to 60000, optional, no other keys', () => {
    expectSplit(
      contract.captureFingerprint.input,
      [{}, { timeoutMs: 3000 }, { timeoutMs: 10000 }, { timeoutMs: 60000 }],
      [{ timeoutMs: 2999 }, { timeoutMs: 60001 }, { timeoutMs: 3000.5 }, { timeoutMs: '5000' }, { timeoutMs: null }, { timeoutMs: Infinity }, { timeoutMs: NaN }, { other: 1 }],
    );
    const app = {
      name: 'AePS', version: '1', profile: 'demo', training: true, dataDir: '/d', host: 'web', agent: { userCode: '1', mobile: '2' }, receiptPaperMm: 58,
      ekoRequestTimeoutMs: 15000, ekoEnquiryTimeoutMs: 60000, ekoEdition: 'spec',
    };
    expectSplit(
      AppInfoSchema,
      [{ ...app, captureTimeoutMs: 10000 }, { ...app, receiptPaperMm: 80, captureTimeoutMs: 3000 }, { ...app, captureTimeoutMs: 10000, ekoEnquiryTimeoutMs: 180000 }],
      [
        { ...app, captureTimeoutMs: 2000 }, { ...app, captureTimeoutMs: 10000.5 }, app, { ...app, receiptPaperMm: 72, captureTimeoutMs: 10000 },
        // The main side's waits within the bounds the renderer's deadlines are built on.
        { ...app, captureTimeoutMs: 10000, ekoEnquiryTimeoutMs: 180001 }, { ...app, captureTimeoutMs: 10000, ekoRequestTimeoutMs: 999 },
      ],
    );
  });

  it('receipt page: 58 or 80 mm, height 10–1000 mm (fractions fine) or absent; the PDF input extends it and stays strict', () => {
    expectSplit(
      contract.printReceipt.input,
      [{ paperMm: 58 }, { paperMm: 80, heightMm: 10 }, { paperMm: 58, heightMm: 123.4 }, { paperMm: 80, heightMm: 1000 }],
      [{ paperMm: 57 }, { paperMm: '58' }, { paperMm: 58, heightMm: 9.99 }, { paperMm: 58, heightMm: 1000.01 }, { paperMm: 58, heightMm: null }, { paperMm: 58, extra: true }],
    );
    expectSplit(
      contract.saveReceiptPdf.input,
      [{ paperMm: 58, clientRefId: 'R' }, { paperMm: 80, heightMm: 140, clientRefId: 'x'.repeat(64) }],
      [
        { paperMm: 58 },
        { paperMm: 58, clientRefId: '' },
        { paperMm: 58, clientRefId: 'x'.repeat(65) },
        { paperMm: 58, heightMm: 5, clientRefId: 'R' },
        { paperMm: 58, clientRefId: 'R', extra: true },
      ],
    );
  });

  it('operator PIN and shop location: the refinements run after the format check', () => {
    expectSplit(contract.saveSettings.input, [{ profile: 'demo', newPin: '2580' }], [{ profile: 'demo', newPin: '1234' }, { profile: 'demo', newPin: '258' }]);
    expectSplit(
      LatLongSchema,
      ['28.6139,77.2090', '90,180', '-90,-180', '0.5,0'],
      ['90.0001,0', '0,180.5', '-91,0', '28.6139, 77.2090', 'delhi', '', 28.6],
    );
  });

  it('Eko settings: each field optional (keep) or null (back to the default); the URL https or http, at most 300 characters', () => {
    expectSplit(
      EkoSettingsInputSchema,
      [
        {},
        { baseUrl: null, developerKey: null, accessKey: null, initiatorId: null, userCode: null, agentMobile: null, latlong: null, aadhaarPublicKey: null },
        { baseUrl: 'https://api.eko.in:25002/ekoicici/v3' },
        { baseUrl: 'http://127.0.0.1:9/ekoapi/v3' },
        { baseUrl: `https://eko.in/${'a'.repeat(300 - 'https://eko.in/'.length)}` },
        { developerKey: 'abcd1234', aadhaarPublicKey: 'A'.repeat(100) },
      ],
      [
        { baseUrl: 'ftp://eko.in/v3' },
        { baseUrl: 'eko.in' },
        { baseUrl: `https://eko.in/${'a'.repeat(301 - 'https://eko.in/'.length)}` },
        { developerKey: 'abc1234' },
        { developerKey: 'abcd 1234' },
        { developerKey: 'k'.repeat(257) },
        { aadhaarPublicKey: 'A'.repeat(99) },
        { aadhaarPublicKey: 'A'.repeat(4097) },
        { initiatorId: '99629817' },
        { userCode: '123' },
        { agentMobile: '5123456789' },
        { other: 'x' },
      ],
    );
    expectSplit(contract.testConnection.input, [{}, { token: 't'.repeat(16) }, { token: 't'.repeat(128) }], [{ token: 't'.repeat(15) }, { token: 't'.repeat(129) }, { token: null }]);
  });

  it('history filter: ISO date-times, a known outcome, four digits; totals count every outcome in whole numbers', () => {
    expectSplit(
      contract.listEnquiries.input,
      [{}, { from: '2024-05-01T18:30:00.000Z', to: '2024-05-02T18:30:00Z', outcome: 'notSent', last4: '0123' }, { kind: 'dailyAuth' }, { kind: 'balance' }, { kind: 'miniStatement' }],
      [{ from: '2024-05-01' }, { to: '2024-05-01T18:30:00+05:30' }, { outcome: 'failed' }, { last4: '123' }, { last4: '12345' }, { kind: 'withdrawal' }],
    );
    const totals = { success: 1, refused: 0, unknown: 2, notSent: 0 };
    expectSplit(
      EnquiryListSchema,
      [{ rows: [], totals, agentRefused: 0 }, { rows: [], totals, agentRefused: 2, matching: 3 }],
      [
        { rows: [], totals: { success: 1, refused: 0, unknown: 2 }, agentRefused: 0 }, { rows: [], totals: { ...totals, success: 1.5 }, agentRefused: 0 },
        { rows: [], totals, agentRefused: 0, matching: 0.5 },
        // The agent's own refusals are always counted apart.
        { rows: [], totals }, { rows: [], totals, agentRefused: 1.5 },
      ],
    );
  });

  it('an enquiry outcome: the fields its outcome requires, money as a plain decimal string', () => {
    const common = { clientRefId: 'R', at: '2024-05-01T10:00:00Z', maskedAadhaar: 'XXXX XXXX 0123', maskedMobile: 'XXXXXX3210', bankIin: '607094', bankName: 'SBI' };
    const success = { outcome: 'success', ...common, balance: '5500.75', tid: null, bankRef: null, uidaiRef: null };
    expectSplit(
      EnquiryOutcomeSchema,
      [success, { outcome: 'refused', ...common, reason: 'notLinked', serverMessage: null, tid: null }, { outcome: 'unknown', ...common, reason: 'timeout', tid: 'T1' }],
      [
        { ...success, balance: 5500.75 },
        { ...success, balance: '5,500.75' },
        { outcome: 'refused', ...common, reason: 'timeout', serverMessage: null, tid: null },
        { outcome: 'unknown', ...common, reason: 'notLinked', tid: null },
        { ...success, outcome: 'pending' },
        { ...success, tid: undefined },
      ],
    );
    expectSplit(MoneySchema, ['0', '-12', '5500.75'], ['1e3', '.5', '5.', ' 5', '']);
  });

  it('errors: the wire error with optional string params; the connection test adds a required detail', () => {
    const wire = { code: 'eko.timeout', messageKey: 'errors.eko.timeout' };
    expectSplit(WireErrorSchema, [wire, { ...wire, params: { field: 'aadhaar' } }], [{ ...wire, code: 'eko.nope' }, { ...wire, params: { n: 1 } }, { ...wire, params: null }]);
    const test = { ok: false, baseUrl: 'https://x', clockSkewMs: null, walletBalance: null };
    expectSplit(
      ConnectionTestSchema,
      [{ ...test, error: null }, { ...test, error: { ...wire, detail: 'no answer in 30 s' } }],
      [{ ...test, error: wire }, test, { ...test, error: { ...wire, detail: 5 } }],
    );
    expectSplit(EnvelopeSchema, [{ ok: true, value: 1 }, { ok: true, value: null }, { ok: false, error: wire }], [{ ok: true }, { ok: false }, { ok: 'true', value: 1 }, { ok: false, error: { code: 'x' } }]);
  });

  it('a refused input names the field at fault (the host reports it as input.invalid with that field)', () => {
    const r = contract.balanceEnquiry.input.safeParse({ customerMobile: '9876543210', aadhaar: '123456789012', bankIin: '607094', captureHandle: 'h' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path).toEqual(['aadhaar']);
    const s = contract.saveSettings.input.safeParse({ profile: 'production', eko: { latlong: '91,0' } });
    expect(s.error?.issues[0]?.path).toEqual(['eko', 'latlong']);
  });
});
