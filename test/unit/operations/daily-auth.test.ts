/**
 * The operation pipeline's rules that every billed operation shares (one at a time, journalled
 * before it leaves) and the daily authentication's status: the Indian day, asked again after a
 * "2fa" refusal, the bank remembered, the agent's Aadhaar only masked.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DailyAuthOutcome, EnquiryOutcome } from '../../../app/contract';
import { indianDay } from '../../../app/domain/indian-day';
import { createDailyAuthService } from '../../../main/services/daily-auth/daily-auth-service';
import { createEnquiryService } from '../../../main/services/enquiry/enquiry-service';
import { openJournal } from '../../../main/services/journal/journal';
import { createLogger } from '../../../main/services/log/logger';
import { createOperationRunner } from '../../../main/services/operations/runner';
import { makeTempDir } from '../../support/temp-dir';
import { fakeEkoClient, type FakeSend } from './fake-eko-client';

const banks = [
  { name: 'State Bank of India', short: 'SBI', iin: '607094', ifsc: 'SBIN' },
  { name: 'HDFC Bank', short: 'HDFC', iin: '607152', ifsc: 'HDFC' },
];
const AGENT_AADHAAR = '345678901238';
const customer = { customerMobile: '9876543210', aadhaar: '234123412346', bankIin: '607094', captureHandle: 'c1' };

function setup(send: FakeSend, clock = { now: new Date('2026-12-02T05:00:00.000Z') }) {
  const dir = makeTempDir();
  const logger = createLogger({ dir: null });
  const journal = openJournal({ file: path.join(dir, 'journal.sqlite'), retentionDays: 90, logger });
  const rd = { takeCapture: (handle: string) => ({ pidXml: `<PidData ${handle}/>`, qScore: 80 }) };
  const now = () => clock.now;
  const runner = createOperationRunner({ rd, eko: fakeEkoClient(send, [], now), journal, profile: 'demo', logger, now });
  const daily = createDailyAuthService({ runner, journal, banks, profile: 'demo', logger, now });
  const enquiry = createEnquiryService({ runner, banks, logger, now });
  return { daily, enquiry, journal, clock, dir };
}

/** Answers each request with the operation's own reading of a fake verdict. */
const answers = (verdicts: Record<string, 'success' | 'refused2fa' | 'refusedBio'>): FakeSend => async (request) => {
  const common = request.common;
  const kind = request.operation.kind;
  const verdict = verdicts[kind] ?? 'success';
  if (kind === 'dailyAuth') {
    return verdict === 'refusedBio'
      ? ({ outcome: 'refused', ref: common.ref, at: common.at, maskedAadhaar: common.maskedAadhaar, bankIin: common.bankIin, bankName: common.bankName, reason: 'biometricMismatch', serverMessage: 'Authentication Failed. Invalid Biometric data.' } satisfies DailyAuthOutcome)
      : ({ outcome: 'success', ref: common.ref, at: common.at, maskedAadhaar: common.maskedAadhaar, bankIin: common.bankIin, bankName: common.bankName } satisfies DailyAuthOutcome);
  }
  const base = { clientRefId: common.ref, at: common.at, maskedAadhaar: common.maskedAadhaar, maskedMobile: common.maskedMobile, bankIin: common.bankIin, bankName: common.bankName };
  return verdict === 'refused2fa'
    ? ({ outcome: 'refused', ...base, reason: 'dailyAuthMissing', serverMessage: 'Please do 2fa before initiating transaction', tid: null } satisfies EnquiryOutcome)
    : ({ outcome: 'success', ...base, balance: '10', tid: null, bankRef: null, uidaiRef: null } satisfies EnquiryOutcome);
};

describe('the agent’s bank', () => {
  it('only a listed bank: the daily call sends its IFSC prefix, which an IIN typed at the counter does not give', async () => {
    const sent: string[] = [];
    const { daily, enquiry } = setup(async (request) => {
      sent.push(request.operation.kind);
      return answers({})(request);
    });
    await expect(daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '654321', captureHandle: 'a1' })).rejects.toMatchObject({ code: 'input.invalid', params: { field: 'bankIin' } });
    expect(sent).toEqual([]);
    // A customer's enquiry takes the same unlisted IIN (its spec bank_code is the IIN).
    await daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607094', captureHandle: 'a2' });
    expect((await enquiry.run({ ...customer, bankIin: '654321' })).outcome).toBe('success');
    expect(sent).toEqual(['dailyAuth', 'balance']);
  });
});

describe('daily authentication status', () => {
  it('is not done until an attempt passes today; then done at its time, with the bank remembered', async () => {
    const { daily } = setup(answers({ dailyAuth: 'refusedBio' }));
    expect(daily.status()).toMatchObject({ day: '2026-12-02', state: 'notDone', doneAt: null, askedAgain: false, lastBankIin: null });
    const refused = await daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607152', captureHandle: 'a1' });
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'biometricMismatch', maskedAadhaar: 'XXXX XXXX 1238' });
    expect(daily.status()).toMatchObject({ state: 'notDone', lastBankIin: '607152' });
  });

  it('a pass marks today done; the next Indian day (not the PC’s) starts not done', async () => {
    const { daily, clock } = setup(answers({}));
    const outcome = await daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607094', captureHandle: 'a1' });
    expect(outcome.outcome).toBe('success');
    expect(daily.status()).toMatchObject({ state: 'done', doneAt: '2026-12-02T05:00:00.000Z', lastBankIin: '607094' });
    // 18:29 UTC is 23:59 IST: still the same Indian day.
    clock.now = new Date('2026-12-02T18:29:00.000Z');
    expect(daily.status()).toMatchObject({ day: '2026-12-02', state: 'done' });
    // 18:31 UTC is 00:01 IST on the 3rd, while a PC on UTC still says the 2nd.
    clock.now = new Date('2026-12-02T18:31:00.000Z');
    expect(daily.status()).toMatchObject({ day: '2026-12-03', state: 'notDone', doneAt: null, lastBankIin: '607094' });
  });

  it('a "2fa" refusal after today’s pass means Eko asks again: not done, askedAgain', async () => {
    const { daily, enquiry, clock } = setup(answers({ balance: 'refused2fa' }));
    await daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607094', captureHandle: 'a1' });
    clock.now = new Date('2026-12-02T06:00:00.000Z');
    const refused = await enquiry.run(customer);
    expect(refused).toMatchObject({ outcome: 'refused', reason: 'dailyAuthMissing' });
    expect(daily.status()).toMatchObject({ state: 'notDone', askedAgain: true, doneAt: null });
    clock.now = new Date('2026-12-02T06:05:00.000Z');
    await daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607094', captureHandle: 'a2' });
    expect(daily.status()).toMatchObject({ state: 'done', askedAgain: false, doneAt: '2026-12-02T06:05:00.000Z' });
  });

  it('every attempt is journalled as the agent’s (kind dailyAuth), with only the last 4 digits of the agent’s Aadhaar', async () => {
    const { daily, journal, dir } = setup(answers({ dailyAuth: 'refusedBio' }));
    const outcome = await daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607094', captureHandle: 'a1' });
    const row = journal.get(outcome.ref);
    expect(row).toMatchObject({ kind: 'dailyAuth', outcome: 'refused', reason: 'biometricMismatch', maskedAadhaar: 'XXXX XXXX 1238', maskedMobile: 'XXXXXX1729' });
    expect(journal.list({ kind: 'dailyAuth' })).toHaveLength(1);
    expect(journal.list({ kind: 'balance' })).toHaveLength(0);
    journal.close();
    for (const file of fs.readdirSync(dir)) expect(fs.readFileSync(path.join(dir, file)).includes(AGENT_AADHAAR)).toBe(false);
  });
});

describe('one billed operation at a time', () => {
  it('a daily authentication (or a second enquiry) is refused while an enquiry waits for Eko, and allowed after', async () => {
    let release!: () => void;
    const held: FakeSend = async (request) => {
      if (request.operation.kind === 'balance') await new Promise<void>((r) => (release = r));
      return answers({})(request);
    };
    const { daily, enquiry } = setup(held);
    const first = enquiry.run(customer);
    await new Promise((r) => setTimeout(r, 10));
    await expect(daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607094', captureHandle: 'a1' })).rejects.toMatchObject({ code: 'enquiry.busy' });
    await expect(enquiry.run({ ...customer, captureHandle: 'c2' })).rejects.toMatchObject({ code: 'enquiry.busy' });
    // The refused second enquiry did not replace the first one's record for a window opened now.
    expect(enquiry.last()).toMatchObject({ state: 'inFlight' });
    release();
    await expect(first).resolves.toMatchObject({ outcome: 'success' });
    await expect(daily.authenticate({ aadhaar: AGENT_AADHAAR, bankIin: '607094', captureHandle: 'a1' })).resolves.toMatchObject({ outcome: 'success' });
  });
});

describe('the Indian day', () => {
  it('runs 00:00–24:00 IST whatever the instant’s zone', () => {
    expect(indianDay(new Date('2026-12-02T18:30:00.000Z'))).toEqual({ day: '2026-12-03', from: '2026-12-02T18:30:00.000Z', to: '2026-12-03T18:30:00.000Z' });
    expect(indianDay(new Date('2026-12-02T18:29:59.999Z')).day).toBe('2026-12-02');
    expect(indianDay(new Date('2026-12-31T20:00:00.000Z')).day).toBe('2027-01-01');
  });
});
