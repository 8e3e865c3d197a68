/**
 * The mini statement through the real client and the sandbox over HTTP: the lines (newest first,
 * dates with and without a year by bank, Dr/Cr, narrations trimmed), an empty statement, a 1528
 * refusal read from data.comment, an awaited one followed up by the transaction inquiry, and the
 * sandbox's daily-authentication rule.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MiniStatementOutcomeSchema, type MiniStatementOutcome } from '../../../app/contract';
import { indianDay } from '../../../app/domain/indian-day';
import { miniStatementOperation } from '../../../main/services/eko/operations';

type OperationBank = { iin: string; ifsc: string | null; name: string };
import { demoAadhaar } from '../../../main/simulators/eko/demo-customers';
import { SAMPLE_PID, startFixture, type Fixture } from '../../unit/eko/helpers';

const SBI: OperationBank = { iin: '607094', ifsc: 'SBIN', name: 'State Bank of India' };
const CANARA: OperationBank = { iin: '607396', ifsc: 'CNRB', name: 'Canara Bank' };
let fx: Fixture;

beforeAll(async () => {
  fx = await startFixture({ awaitedResolveMs: 0 });
});
afterAll(async () => {
  await fx.close();
});

function statement(aadhaar: string, bank: OperationBank = SBI, client = fx.client()): Promise<MiniStatementOutcome> {
  return client.send(client.prepare(miniStatementOperation, { customerMobile: '9876543210', aadhaar, bank, pidXml: SAMPLE_PID }));
}

describe('mini statement against the sandbox', () => {
  it('lines newest first, within the last twelve months, amounts exact, narrations trimmed; the balance is the customer’s', async () => {
    const outcome = await statement(demoAadhaar('success'));
    expect(MiniStatementOutcomeSchema.parse(outcome)).toEqual(outcome);
    if (outcome.outcome !== 'success') throw new Error(outcome.outcome);
    expect(outcome.balance).toBe('5500.75');
    expect(outcome.lines).toHaveLength(7);
    const today = indianDay(new Date()).day;
    for (const line of outcome.lines) {
      expect(line.date <= today).toBe(true);
      expect(line.narration).toBe(line.narration.trim());
      expect(line.amount).toMatch(/^\d+(\.\d+)?$/);
    }
    expect(outcome.lines.map((l) => l.date)).toEqual([...outcome.lines.map((l) => l.date)].sort().reverse());
    expect(new Set(outcome.lines.map((l) => l.direction))).toEqual(new Set(['debit', 'credit']));
  });

  it('a bank that sends only DD/MM gets the same dates as one that sends the year', async () => {
    const withYear = await statement(demoAadhaar('successSmall'), SBI);
    const withoutYear = await statement(demoAadhaar('successSmall'), CANARA);
    if (withYear.outcome !== 'success' || withoutYear.outcome !== 'success') throw new Error('not success');
    expect(withoutYear.lines.map((l) => l.date)).toEqual(withYear.lines.map((l) => l.date));
  });

  it('up to ten lines; an empty statement is a success with no lines', async () => {
    const ten = await statement(demoAadhaar('successLarge'));
    expect(ten.outcome === 'success' && ten.lines.length).toBe(10);
    expect(await statement(demoAadhaar('emptyStatement'))).toMatchObject({ outcome: 'success', lines: [], balance: '40' });
  });

  it('refusals come as 1528 with the reason in data.comment', async () => {
    expect(await statement(demoAadhaar('notLinked'))).toMatchObject({ outcome: 'refused', reason: 'notLinked' });
    expect(await statement(demoAadhaar('debitDisabled'))).toMatchObject({ outcome: 'refused', reason: 'debitDisabled' });
  });

  it('an awaited statement is unknown, and the transaction inquiry settles it', async () => {
    const outcome = await statement(demoAadhaar('awaited'));
    expect(outcome).toMatchObject({ outcome: 'unknown', reason: 'awaited' });
    expect(await fx.client().transactionInquiry(outcome.clientRefId)).toMatchObject({ outcome: 'success', clientRefId: outcome.clientRefId });
  });

  it('the statement, like every customer request, waits for the agent’s daily authentication', async () => {
    fx.sandbox.setDailyAuthDone(false);
    try {
      expect(await statement(demoAadhaar('success'))).toMatchObject({ outcome: 'refused', reason: 'dailyAuthMissing' });
    } finally {
      fx.sandbox.setDailyAuthDone('always');
    }
  });
});
