/**
 * Every real Eko answer of test/fixtures/eko/ (copied from shared/corpus/eko/), answered verbatim
 * by a server over real HTTP to the real client, each through the call it answers: the verdict,
 * the reason, and what the agent reads. Real beats ours: where these disagree with the sandbox,
 * the sandbox is wrong.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { KioskError, isAgentRefusal, refusalRecovery, type DailyAuthOutcome, type EnquiryOutcome, type MiniStatementOutcome } from '../../../app/contract';
import { createEkoClient, type EkoClient } from '../../../main/services/eko/client';
import { balanceEnquiryOperation, dailyAuthOperation, miniStatementOperation } from '../../../main/services/eko/operations';
import { en } from '../../../renderer/i18n/en';
import { EKO_FIXTURES, ekoFixtureText, type EkoFixture } from '../../fixtures/eko';
import { SAMPLE_PID, fixedAnswerServer, recordingLogger } from '../../unit/eko/helpers';
import { startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko/sandbox';

const AADHAAR = '234567890124';
const SBI = { iin: '607094', ifsc: 'SBIN', name: 'State Bank of India' };

let server: Awaited<ReturnType<typeof fixedAnswerServer>>;
let keys: EkoSandbox; // only for a real RSA key pair and credentials; it answers nothing here
let client: EkoClient;
const lines: string[] = [];

beforeAll(async () => {
  server = await fixedAnswerServer({ status: 200, body: '{}' });
  keys = await startEkoSandbox();
  client = createEkoClient(
    { ...keys.clientCredentials(), baseUrl: server.baseUrl, agentMobile: '9962981729', latlong: '28.6139,77.2090', requestTimeoutMs: 3000, enquiryTimeoutMs: 3000 },
    recordingLogger(lines),
  );
});
afterAll(async () => {
  await client.stop();
  await keys.close();
  await server.close();
});

/** The fixture's exact bytes as Eko's answer to the next request. */
function answerWith(name: EkoFixture): void {
  server.answer({ status: 200, contentType: 'application/json; charset=utf-8', body: ekoFixtureText(name) });
}

async function enquiry(name: EkoFixture): Promise<EnquiryOutcome> {
  answerWith(name);
  return client.send(client.prepare(balanceEnquiryOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
}

async function dailyAuth(name: EkoFixture): Promise<DailyAuthOutcome> {
  answerWith(name);
  return client.send(client.prepare(dailyAuthOperation, { aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
}

/** Which test below reads each fixture: a new file in the corpus must be given a case. */
const COVERED: Record<EkoFixture, true> = Object.fromEntries(EKO_FIXTURES.map((f) => [f, true])) as Record<EkoFixture, true>;

describe('real Eko answers, verbatim over HTTP, to the balance enquiry', () => {
  it('cash-withdrawal-ok-1: the customer’s balance is customer_balance (60.73), never the agent’s wallet (2058.76)', async () => {
    const outcome = await enquiry('cash-withdrawal-ok-1.json');
    expect(outcome).toMatchObject({ outcome: 'success', balance: '60.73', tid: '3573853760', bankRef: '623118148935', bankName: 'UCO Bank' });
    expect(JSON.stringify(outcome)).not.toContain('2058.76');
  });

  it('transaction-fail-1: 1467 with the reason only in data.comment → the agent’s daily authentication is missing', async () => {
    const outcome = await enquiry('transaction-fail-1.json');
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'dailyAuthMissing', serverMessage: 'Please do 2fa before initiating transaction' });
    if (outcome.outcome !== 'refused') throw new Error('not refused');
    // The agent's problem, shown as the agent's, and it leads straight into the daily authentication.
    expect(isAgentRefusal(outcome.reason)).toBe(true);
    expect(refusalRecovery(outcome.reason)).toBe('dailyAuth');
    expect(en.refusal.dailyAuthMissing.what).toMatch(/daily authentication/i);
  });

  it('cash-withdrawal-fail-4: 1464, tx_status 1, reason in data.comment → not linked; another bank is offered', async () => {
    const outcome = await enquiry('cash-withdrawal-fail-4.json');
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'notLinked', tid: '3572534752' });
    if (outcome.outcome !== 'refused') throw new Error('not refused');
    expect(outcome.serverMessage).toBe('Customer  Aadhaar number is not linked with Selected Bank. Please check with the bank or select another Aadhaar linked bank');
    expect(refusalRecovery(outcome.reason)).toBe('otherBank');
    expect(en.refusal.notLinked.what).toMatch(/not linked/);
  });

});

describe('real Eko answers, verbatim over HTTP, to the mini statement', () => {
  async function statement(name: EkoFixture): Promise<MiniStatementOutcome> {
    answerWith(name);
    return client.send(client.prepare(miniStatementOperation, { customerMobile: '9876543210', aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID }));
  }

  it('mini-statement-fail-2: no status at all, 1528 with data.comment → refused, debit disabled (never "unknown", never "Transaction Fail")', async () => {
    const outcome = await statement('mini-statement-fail-2.json');
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'debitDisabled', serverMessage: 'AePS debit transactions are disabled by customer bank' });
    expect(en.refusal.debitDisabled.what).toMatch(/blocked/);
  });

  it('mini-statement-ok-1: 1527, nine lines newest first, Dr/Cr as money out/in, narrations trimmed; "0.0" is no balance', async () => {
    const outcome = await statement('mini-statement-ok-1.json');
    if (outcome.outcome !== 'success') throw new Error(`not success: ${outcome.outcome}`);
    expect(outcome).toMatchObject({ balance: null, tid: '3572530977' });
    expect(outcome.lines).toHaveLength(9);
    expect(outcome.lines[0]).toEqual({ date: '2026-08-01', direction: 'debit', amount: '10', narration: 'Loan Rec:23116' });
    expect(outcome.lines[1]).toEqual({ date: '2026-08-01', direction: 'credit', amount: '10', narration: 'UPI IN/4390665' });
    expect(outcome.lines.at(-1)).toEqual({ date: '2026-06-29', direction: 'credit', amount: '8', narration: 'SBINT:29-03-20' });
    expect(outcome.lines.map((l) => l.date)).toEqual([...outcome.lines.map((l) => l.date)].sort().reverse());
    expect(outcome.lines.find((l) => l.amount === '700')).toMatchObject({ direction: 'credit', narration: 'UPI IN/2339204' });
  });

  it('the same answers read as a balance enquiry: the balance is customer_balance, the refusal from data.comment', async () => {
    expect(await enquiry('mini-statement-ok-1.json')).toMatchObject({ outcome: 'success', balance: '0', tid: '3572530977' });
    expect(await enquiry('mini-statement-fail-2.json')).toMatchObject({ outcome: 'refused', reason: 'debitDisabled' });
  });
});

describe('real Eko answers, verbatim over HTTP, to the daily authentication', () => {
  it('daily-kyc-ok-1: 1713 "KYC sucess" → done', async () => {
    expect(await dailyAuth('daily-kyc-ok-1.json')).toMatchObject({ outcome: 'success', bankIin: '607094', maskedAadhaar: 'XXXX XXXX 0124' });
  });

  it('daily-kyc-fail-2: "Invalid Biometric data." in data.reason → finger not matched, capture again', async () => {
    const outcome = await dailyAuth('daily-kyc-fail-2.json');
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'biometricMismatch', serverMessage: 'Authentication Failed. Invalid Biometric data.' });
    expect(en.dailyAuth.refusal.biometricMismatch.what).toMatch(/not matched/);
  });

  it('daily-kyc-fail-3: "Please complete bank eKYC…" → the one-time eKYC in Eko’s portal', async () => {
    const outcome = await dailyAuth('daily-kyc-fail-3.json');
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'ekycNotDone', serverMessage: 'Please complete bank eKYC to process the transaction.' });
    expect(en.dailyAuth.refusal.ekycNotDone.todo).toMatch(/portal/);
  });

  it('daily-kyc-fail-1: "Transaction Not Completed" → refused in Eko’s own words', async () => {
    const outcome = await dailyAuth('daily-kyc-fail-1.json');
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'other', serverMessage: 'Transaction Not Completed' });
  });

  it('ekyc-biometric-fail-1: 461 "already completed Bank eKYC. Please do daily KYC." → refused in Eko’s words (not "eKYC not done")', async () => {
    const outcome = await dailyAuth('ekyc-biometric-fail-1.json');
    expect(outcome).toMatchObject({ outcome: 'refused', reason: 'other', serverMessage: 'You have already completed Bank eKYC. Please do daily KYC.' });
  });

  it('daily-kyc-fail-4: {"message":"No key for Response"} → Eko processed nothing: eko.invalidParams, never a verdict', async () => {
    answerWith('daily-kyc-fail-4.json');
    const err = await client.send(client.prepare(dailyAuthOperation, { aadhaar: AADHAAR, bank: SBI, pidXml: SAMPLE_PID })).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(KioskError);
    expect((err as KioskError).code).toBe('eko.invalidParams');
    expect(en.errors.eko.invalidParams.whatBare).toMatch(/details are wrong/);
  });
});

it('every corpus file has a case here, and no log line holds the Aadhaar number or the PID block', () => {
  expect(Object.keys(COVERED).sort()).toEqual([...EKO_FIXTURES].sort());
  const text = lines.join('\n');
  expect(text).not.toContain(AADHAAR);
  expect(text).not.toContain('PIDDATAMARKER');
  // Each file once per call it answers (the two mini-statement files also as a balance enquiry).
  expect(server.requests).toBe(EKO_FIXTURES.length + 2);
});
