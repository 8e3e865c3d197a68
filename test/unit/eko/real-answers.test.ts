/**
 * Reading Eko's real answers (shared/reference/eko-real-world.md): where the reason is, what a
 * refusal looks like without `status`, whose balance is whose, Eko's dates. The corpus files
 * themselves go over HTTP in test/integration/eko/corpus.test.ts; these pin each rule alone.
 */
import { describe, expect, it } from 'vitest';
import { customerBalance, envelopeSuccess, isDailyKycStatusAnswer, isNoKeyAnswer, parseEkoDateTime, readDailyAuth, readEnquiry, readMiniStatement, reasonText, statementDate } from '../../../main/services/eko/responses';
import { refusalReason } from '../../../main/services/eko/refusals';
import { expectEachMaps } from '../../support/table';
import { envelope } from './helpers';

describe('the reason: data.comment, then data.reason, then message', () => {
  it('takes the first non-blank of the three, in that order', () => {
    expect(reasonText(envelope({ message: 'Transaction Fail', data: { comment: 'Please do 2fa', reason: 'R' } }))).toBe('Please do 2fa');
    expect(reasonText(envelope({ message: 'KYC Fail', data: { comment: '', reason: 'Authentication Failed. Invalid Biometric data.' } }))).toBe('Authentication Failed. Invalid Biometric data.');
    expect(reasonText(envelope({ message: 'KYC Fail', data: { comment: '  ', reason: '' } }))).toBe('KYC Fail');
    expect(reasonText(envelope({ message: '' }))).toBeNull();
    expect(reasonText(envelope({ message: 'M', data: [1, 2] }))).toBe('M');
  });

  it('a refusal reads its reason from data.comment, not the generic message', () => {
    const reading = readEnquiry(envelope({ status: 1467, message: 'Transaction Fail', response_type_id: 1467, response_status_id: 1, data: { comment: 'Customer Bank account is Frozen or Frozen Account' } }));
    expect(reading).toMatchObject({ outcome: 'refused', reason: 'accountFrozen', serverMessage: 'Customer Bank account is Frozen or Frozen Account' });
  });

  it('every real refusal text gets its own reason (none is "other")', () => {
    expectEachMaps(refusalReason, {
      'Please do 2fa before initiating transaction': 'dailyAuthMissing',
      'FP069: Please do 2FA again': 'dailyAuthMissing',
      'Customer Bank account is Frozen or Frozen Account': 'accountFrozen',
      'AePS debit transactions are disabled by customer bank': 'debitDisabled',
      'Your transaction limit has been exhausted for selected Bank': 'limitExhausted',
      'Biometric did not match with Aadhaar, please try with another finger': 'biometricMismatch',
      'Biometrics Did not Match at UIDAI. Please try again!': 'biometricMismatch',
      'Duplicate Biometric data.': 'duplicateBiometric',
      'Customer  Aadhaar number is not linked with Selected Bank. Please check with the bank or select another Aadhaar linked bank': 'notLinked',
      'Insufficient balance': 'insufficientFloat',
    });
    // No rule claims this one: the agent reads Eko's own words.
    expect(refusalReason('U16 - RISK THRESHOLD EXCEEDED')).toBe('other');
  });
});

describe('a refusal without status', () => {
  it('response_type_id 1467/1464/1528/1714 or response_status_id 1 is a refusal even when status is missing', () => {
    for (const type of [1464, 1467, 1528, 1714]) expect(envelopeSuccess(envelope({ response_type_id: type }))).toBe(false);
    expect(envelopeSuccess(envelope({ response_status_id: 1 }))).toBe(false);
    expect(readEnquiry(envelope({ response_status_id: 1, response_type_id: 1528, message: 'Transaction Fail', data: { comment: 'AePS debit transactions are disabled by customer bank' } })).outcome).toBe('refused');
  });

  it('tx_status 1 is a refusal whatever status says; a refusal type beats status 0', () => {
    expect(readEnquiry(envelope({ status: 0, data: { tx_status: '1', comment: 'x' } })).outcome).toBe('refused');
    expect(envelopeSuccess(envelope({ status: 0, response_type_id: 1467 }))).toBe(false);
  });

  it('success types say success when status is missing; an envelope that says nothing is not a verdict', () => {
    for (const type of [1463, 1466, 1527, 1713]) expect(envelopeSuccess(envelope({ response_type_id: type }))).toBe(true);
    expect(envelopeSuccess(envelope({ message: 'hello' }))).toBeNull();
  });
});

describe('whose balance: customer_balance is the customer’s whenever it is there', () => {
  it('with both, the customer’s is customer_balance and the agent’s wallet (balance) is never read', () => {
    expect(customerBalance({ balance: '2058.76', customer_balance: '60.73' })).toBe('60.73');
    const reading = readEnquiry(envelope({ status: 0, data: { balance: '2058.76', customer_balance: '60.73', tx_status: '0' } }));
    expect(reading).toMatchObject({ outcome: 'success', balance: '60.73' });
    expect(JSON.stringify(reading)).not.toContain('2058.76');
  });

  it('a blank customer_balance means the bank gave none: null, never the wallet’s figure', () => {
    for (const blank of ['', '  ', null]) {
      expect(customerBalance({ balance: '2058.76', customer_balance: blank })).toBeNull();
      const reading = readEnquiry(envelope({ status: 0, data: { balance: '2058.76', customer_balance: blank } }));
      expect(reading).toMatchObject({ outcome: 'success', balance: null, balanceUnreadable: false });
    }
  });

  it('only an answer without customer_balance (the spec pages’ shape) has the customer’s balance in balance', () => {
    expect(customerBalance({ balance: '5500.75' })).toBe('5500.75');
    expect(customerBalance({})).toBe('missing');
    expect(customerBalance({ customer_balance: 'n/a', balance: '10' })).toBe('bad');
    expect(readEnquiry(envelope({ status: 0, data: { customer_balance: 'n/a', balance: '10' } }))).toMatchObject({ outcome: 'success', balanceUnreadable: true });
  });
});

describe('Eko’s dates: DD-MM-YY HH:MM:SS, Indian time', () => {
  it('reads the two-digit year as 20YY and IST as UTC+05:30', () => {
    expectEachMaps(parseEkoDateTime, { '19-08-26 18:21:45': '2026-08-19T12:51:45.000Z', '01-01-27 00:10:00': '2026-12-31T18:40:00.000Z', '08-08-2026 12:12:33': '2026-08-08T06:42:33.000Z' });
  });
  it('refuses what is not a date rather than guess', () => {
    for (const bad of ['31-02-26 10:00:00', '19-13-26 10:00:00', '2026-08-19 18:21:45', '', null, '19-08-26']) expect(parseEkoDateTime(bad)).toBeNull();
  });
  it('a success answer carries Eko’s time of the transaction', () => {
    expect(readEnquiry(envelope({ status: 0, data: { customer_balance: '1', transaction_date: '19-08-26 18:21:45' } }))).toMatchObject({ ekoTime: '2026-08-19T12:51:45.000Z' });
  });
});

describe('the daily authentication’s answers', () => {
  it('1713 is done; 1714 is refused with data.reason read into what the agent does next', () => {
    expect(readDailyAuth(envelope({ response_status_id: 0, response_type_id: 1713, message: 'KYC sucess', status: 0 }))).toEqual({ outcome: 'success' });
    const fail = (reason: string) => readDailyAuth(envelope({ response_status_id: 1, response_type_id: 1714, message: 'KYC Fail', status: 1714, data: { reason, comment: '' } }));
    expect(fail('Authentication Failed. Invalid Biometric data.')).toMatchObject({ outcome: 'refused', reason: 'biometricMismatch' });
    expect(fail('Please complete bank eKYC to process the transaction.')).toMatchObject({ outcome: 'refused', reason: 'ekycNotDone' });
    expect(fail('You have already completed Bank eKYC. Please do daily KYC.')).toMatchObject({ outcome: 'refused', reason: 'other' });
    expect(fail('')).toMatchObject({ outcome: 'refused', reason: 'other', serverMessage: 'KYC Fail' });
  });
  it('"No key for Response" and the daily-KYC status shape are told apart from verdicts', () => {
    expect(isNoKeyAnswer(envelope({ message: 'No key for Response' }))).toBe(true);
    expect(isNoKeyAnswer(envelope({ message: 'No key for Response', status: 1 }))).toBe(false);
    expect(isDailyKycStatusAnswer(envelope({ response_type_id: 1969, message: 'Fingpay daily KYC is completed', data: { reason: '', user_code: '1' } }))).toBe(true);
  });
});

describe('mini statement lines', () => {
  it('dates as DD/MM/YYYY, or DD/MM placed in the twelve months up to today', () => {
    expect(statementDate('01/08/2026', '2026-12-02')).toBe('2026-08-01');
    expect(statementDate('28/11', '2026-12-02')).toBe('2026-11-28');
    // Today is still this year; tomorrow's date without a year is last year's.
    expect(statementDate('02/12', '2026-12-02')).toBe('2026-12-02');
    expect(statementDate('03/12', '2026-12-02')).toBe('2025-12-03');
    expect(statementDate('31/12', '2027-01-05')).toBe('2026-12-31');
    expect(statementDate('29/02', '2028-03-01')).toBe('2028-02-29');
    for (const bad of ['31/02', '13/13/2026', '2026-08-01', '', 'yesterday']) expect(statementDate(bad, '2026-12-02')).toBeNull();
  });

  it('reads Dr/Cr, trims narrations, puts the newest first; an unreadable line makes the statement unknown, never a wrong list', () => {
    const answer = (list: unknown, customerBalance = '1500.5') =>
      readMiniStatement(envelope({ status: 0, response_type_id: 1527, data: { customer_balance: customerBalance, balance: '2058.76', mini_statement_list: list } }), '2026-12-02');
    const ok = answer([
      { date: '05/11', amount: '10.0', txnType: 'Dr', narration: '  ATM WDL   ' },
      { date: '28/11', amount: '2.5E2', txnType: 'Cr', narration: ' NEFT IN' },
    ]);
    expect(ok).toEqual({
      outcome: 'success',
      balance: '1500.5',
      tid: null,
      bankRef: null,
      lines: [
        { date: '2026-11-28', direction: 'credit', amount: '250', narration: 'NEFT IN' },
        { date: '2026-11-05', direction: 'debit', amount: '10', narration: 'ATM WDL' },
      ],
    });
    expect(answer([], '')).toMatchObject({ outcome: 'success', lines: [], balance: null });
    expect(answer([], '0.0')).toMatchObject({ outcome: 'success', balance: null });
    expect(answer([{ date: '05/11', amount: 'ten', txnType: 'Dr', narration: 'x' }])).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
    expect(answer([{ date: '05/11', amount: '1', txnType: 'Debit?', narration: 'x' }])).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
    expect(answer('not a list')).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData' });
    expect(readMiniStatement(envelope({ response_status_id: 1, response_type_id: 1528, message: 'Transaction Fail', data: { comment: 'Your transaction limit has been exhausted for selected Bank' } }), '2026-12-02')).toMatchObject({ outcome: 'refused', reason: 'limitExhausted' });
  });
});
