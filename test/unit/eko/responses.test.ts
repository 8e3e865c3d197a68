import { describe, expect, it } from 'vitest';
import { AccountsDataSchema, EnvelopeSchema, MoneyIn, WalletDataSchema, envelopeSuccess, invalidParamFields, looksLikeHtml, maskAccount, parseJson, readEnquiry } from '../../../main/services/eko/responses';
import { refusalReason } from '../../../main/services/eko/refusals';
import { DEMO_MESSAGES } from '../../../main/simulators/eko/demo-customers';
import { envelope } from './helpers';

describe('amounts stay exact decimal strings', () => {
  it('reads E-notation and plain strings exactly', () => {
    expect(MoneyIn.parse('2.20834002375E9')).toBe('2208340023.75');
    expect(MoneyIn.parse('5500.75')).toBe('5500.75');
    expect(MoneyIn.parse('6100.0')).toBe('6100');
    expect(MoneyIn.parse(190000)).toBe('190000');
    expect(MoneyIn.safeParse('abc').success).toBe(false);
    expect(MoneyIn.safeParse(null).success).toBe(false);
  });

  it('the wallet payload of the spec page', () => {
    const data = WalletDataSchema.parse({ last_used_okekey: '0', balance: '2.20834002375E9', currency: 'INR', customer_id: '9910028267' });
    expect(data.balance).toBe('2208340023.75');
    expect(data.customer_id).toBe('9910028267');
  });

  it('the accounts payload, numbers or strings, missing list', () => {
    const data = AccountsDataSchema.parse({
      unsettled_fund: '6100.0',
      remaining_limit: 190000,
      fund_transfer_list: [{ name: 'A', ifsc: 'X', account: 9989834392752, recipient_id: 1828 }],
    });
    expect(data.remaining_limit).toBe('190000');
    expect(data.fund_transfer_list![0]!.recipient_id).toBe('1828');
    expect(AccountsDataSchema.parse({ unsettled_fund: '0', remaining_limit: '0' }).fund_transfer_list).toBeUndefined();
    expect(AccountsDataSchema.safeParse({ unsettled_fund: 'x', remaining_limit: '0' }).success).toBe(false);
  });
});

describe('masking and body sniffing', () => {
  it('masks account numbers to their last 4', () => {
    expect(maskAccount('9989834392752938')).toBe('XXXXXXXXXXXX2938');
    expect(maskAccount('987867867967969')).toBe('XXXXXXXXXXX7969');
    expect(maskAccount('123')).toBe('123');
  });

  it('parses only whole JSON', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('{"status":0,"data":{"bal')).toBeNull();
    expect(parseJson('<html></html>')).toBeNull();
    expect(parseJson('')).toBeNull();
  });

  it('recognises HTML pages by type or by body', () => {
    expect(looksLikeHtml('text/html; charset=utf-8', '')).toBe(true);
    expect(looksLikeHtml('application/json', '<!DOCTYPE html><html>')).toBe(true);
    expect(looksLikeHtml('application/json', '{"status":0}')).toBe(false);
  });

  it('names the fields of a validation error', () => {
    expect(invalidParamFields(envelope({ status: 1, response_status_id: 1, response_type_id: -1, invalid_params: { latlong: 'bad', amount: 'bad' } }))).toEqual(['latlong', 'amount']);
    expect(invalidParamFields(envelope({ status: 0 }))).toBeNull();
  });
});

describe('reading a balance-enquiry answer', () => {
  it('success of the spec page', () => {
    const reading = readEnquiry(
      envelope({
        status: 0,
        response_status_id: 0,
        message: 'Balance Enquiry successful',
        tx_status: '0',
        data: { tid: 'EKO1', tx_status: '0', balance: '5500.75', bank_name: 'State Bank of India', bank_ref_num: 'NPCI1', aadhaar_ref_num: 'UIDAI1' },
      }),
    );
    expect(reading).toEqual({ outcome: 'success', balance: '5500.75', balanceUnreadable: false, ekoTime: null, bankName: 'State Bank of India', tid: 'EKO1', bankRef: 'NPCI1', uidaiRef: 'UIDAI1' });
  });

  it('newer-document variants: customer_balance, response_type_id 1466 without status, numbers for strings', () => {
    const reading = readEnquiry(envelope({ response_type_id: 1466, data: { tid: 12345, customer_balance: '1.5E3', tx_status: 0 } }));
    expect(reading).toMatchObject({ outcome: 'success', balance: '1500', tid: '12345' });
    expect(readEnquiry(envelope({ response_type_id: 1464, message: 'Customer Bank account is Frozen' }))).toMatchObject({ outcome: 'refused', reason: 'accountFrozen' });
  });

  it('awaited and on hold are unknown, whatever status says', () => {
    expect(readEnquiry(envelope({ status: 0, tx_status: '2', data: { tid: 'T2' } }))).toEqual({ outcome: 'unknown', reason: 'awaited', tid: 'T2' });
    expect(readEnquiry(envelope({ status: 0, response_status_id: 5, data: { tx_status: '5' } }))).toMatchObject({ outcome: 'unknown', reason: 'onHold' });
    expect(readEnquiry(envelope({ status: 1, tx_status: '2' }))).toMatchObject({ outcome: 'unknown', reason: 'awaited' });
  });

  it('refusals: non-zero status, or tx_status 1 with status 0; the message is kept', () => {
    expect(readEnquiry(envelope({ status: 463, message: DEMO_MESSAGES.notLinked }))).toEqual({
      outcome: 'refused',
      reason: 'notLinked',
      serverMessage: DEMO_MESSAGES.notLinked,
      tid: null,
    });
    expect(readEnquiry(envelope({ status: 0, tx_status: '1', message: DEMO_MESSAGES.biometricMismatch, data: { tid: 'T9' } }))).toEqual({
      outcome: 'refused',
      reason: 'biometricMismatch',
      serverMessage: DEMO_MESSAGES.biometricMismatch,
      tid: 'T9',
    });
  });

  it('a number Eko quotes in its message is masked before it is shown or printed', () => {
    expect(readEnquiry(envelope({ status: 463, message: 'Customer Aadhaar number 234123412346 is not linked with Selected Bank' }))).toMatchObject({
      outcome: 'refused',
      reason: 'notLinked',
      serverMessage: 'Customer Aadhaar number …2346 is not linked with Selected Bank',
    });
  });

  it('an envelope that says neither yes nor no is unknown, not a failure', () => {
    expect(readEnquiry(envelope({ message: 'hello' }))).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
    expect(envelopeSuccess(envelope({}))).toBeNull();
    // Refund states on a "success" envelope: not something we can call success.
    expect(readEnquiry(envelope({ status: 0, tx_status: '4' }))).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
  });

  it('empty top-level fields count as not said, so a clear answer stays clear', () => {
    const data = { tx_status: '0', balance: '5500.75', tid: 'T1' };
    expect(readEnquiry(envelope({ status: null, response_status_id: 0, data }))).toMatchObject({ outcome: 'success', balance: '5500.75' });
    expect(readEnquiry(envelope({ status: 0, tx_status: '', data: { ...data, tx_status: '' } }))).toMatchObject({ outcome: 'success', balance: '5500.75' });
    expect(readEnquiry(envelope({ status: 0, tx_status: null, message: 42, txstatus_desc: { x: 1 }, data }))).toMatchObject({ outcome: 'success' });
    expect(readEnquiry(envelope({ status: 1, message: ['not', 'text'] }))).toEqual({ outcome: 'refused', reason: 'other', serverMessage: null, tid: null });
    expect(readEnquiry(envelope({ status: '', response_status_id: '', response_type_id: 1464, message: DEMO_MESSAGES.notLinked }))).toMatchObject({
      outcome: 'refused',
      reason: 'notLinked',
    });
  });

  it('but never turns an unclear answer into success or refused', () => {
    // A status that is there but not a number fails the envelope (→ unknown in the client).
    for (const status of ['ok', { code: 0 }, [0], true, 1.5]) expect(EnvelopeSchema.safeParse({ status }).success, JSON.stringify(status)).toBe(false);
    expect(EnvelopeSchema.safeParse({ status: 0, tx_status: 'done' }).success).toBe(false);
    // Only empty fields: nothing says success.
    expect(readEnquiry(envelope({ status: null, tx_status: '', data: { balance: '1' } }))).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
    // An unclear tx_status in the data is not "not said".
    expect(readEnquiry(envelope({ status: 0, data: { tx_status: 'pending', balance: '1' } }))).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
    expect(readEnquiry(envelope({ status: 0, data: { tx_status: { v: 0 }, balance: '1' } }))).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
  });

  it('a success with an unreadable balance keeps the rest and reports balance null', () => {
    expect(readEnquiry(envelope({ status: 0, tx_status: '0', data: { balance: 'n/a', tid: 'T' } }))).toMatchObject({ outcome: 'success', balance: null, tid: 'T' });
  });
});

describe("Eko's refusal messages map to the contract's reasons", () => {
  const cases: Array<[string, string]> = [
    ['Customer Aadhaar number is not linked with Selected Bank', 'notLinked'],
    ['Bank server timeout / balance unavailable', 'bankUnavailable'],
    ['Biometrics Did not Match at UIDAI', 'biometricMismatch'],
    ['Please do 2fa before initiating transaction', 'dailyAuthMissing'],
    ['Your transaction limit has been exhausted for selected Bank', 'limitExhausted'],
    ['Customer Bank account is Frozen', 'accountFrozen'],
    ['AePS debit transactions are disabled by customer bank', 'debitDisabled'],
    ['Insufficient balance', 'insufficientFloat'],
    ['Something nobody has seen before', 'other'],
  ];
  it.each(cases)('%s → %s', (message, reason) => {
    expect(refusalReason(message)).toBe(reason);
  });
  it('every demo message maps to its reason', () => {
    expect(refusalReason(DEMO_MESSAGES.bankUnavailable)).toBe('bankUnavailable');
    expect(refusalReason(DEMO_MESSAGES.invalidPid)).toBe('other');
    expect(refusalReason(null)).toBe('other');
  });
});
