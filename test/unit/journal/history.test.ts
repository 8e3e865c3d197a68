import path from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { HISTORY_MAX_ROWS, KioskError, type EnquiryOutcome } from '../../../app/contract';
import { createHistory, inquiryToOutcome } from '../../../main/services/journal/history';
import { openJournal } from '../../../main/services/journal/journal';
import { createLogger } from '../../../main/services/log/logger';
import { makeTempDir } from '../../support/temp-dir';

const logger = createLogger({ dir: null });
function rowFor(ref: string, time: string) {
  return { clientRefId: ref, time, profile: 'demo' as const, maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094', bankName: 'State Bank of India' };
}

describe('history', () => {
  it('shows lost "sent" rows as unknown/interrupted and the live one as in flight', () => {
    const journal = openJournal({ file: path.join(makeTempDir(), 'j.sqlite'), retentionDays: 90, logger });
    journal.recordSent(rowFor('LOST', '2026-11-21T04:00:00.000Z'));
    journal.recordSent(rowFor('LIVE', '2026-11-21T05:00:00.000Z'));
    const history = createHistory({ journal, inquire: vi.fn(), inFlightRef: () => 'LIVE', logger });
    const list = history.list({});
    expect(list.rows.map((r) => [r.clientRefId, r.outcome, r.reason])).toEqual([
      ['LIVE', 'unknown', 'inFlight'],
      ['LOST', 'unknown', 'interrupted'],
    ]);
    expect(list.totals).toEqual({ success: 0, refused: 0, unknown: 2, notSent: 0 });
    expect(history.list({ outcome: 'unknown' }).rows).toHaveLength(2);
    expect(history.list({ outcome: 'success' }).rows).toHaveLength(0);
  });

  it('follows up an unknown result through the inquiry and updates the row', async () => {
    const journal = openJournal({ file: path.join(makeTempDir(), 'j.sqlite'), retentionDays: 90, logger });
    journal.recordSent(rowFor('U1', '2026-11-21T04:00:00.000Z'));
    const answer: EnquiryOutcome = {
      outcome: 'success', clientRefId: 'U1', at: '2026-11-21T04:00:00.000Z', maskedAadhaar: 'XXXX XXXX 2346', maskedMobile: 'XXXXXX3210',
      bankIin: '607094', bankName: 'State Bank of India', balance: '700.5', tid: 'T1', bankRef: 'R1', uidaiRef: 'U1',
    };
    const inquire = vi.fn(async () => answer);
    const history = createHistory({ journal, inquire, inFlightRef: () => null, logger });
    expect(await history.followUp('U1')).toMatchObject({ outcome: 'success', balance: '700.5', reason: null });
    // A settled row is not asked again.
    await history.followUp('U1');
    expect(inquire).toHaveBeenCalledTimes(1);
    await expect(history.followUp('NOPE')).rejects.toMatchObject({ code: 'journal.notFound' });
  });
});

describe('history follow-up when Eko has no such transaction', () => {
  it('keeps a fresh row unknown, and marks an old one as never arrived (not "offline")', async () => {
    const journal = openJournal({ file: path.join(makeTempDir(), 'j.sqlite'), retentionDays: 90, logger });
    journal.recordSent(rowFor('FRESH', '2026-11-22T10:00:00.000Z'));
    journal.recordSent(rowFor('OLD', '2026-11-22T09:00:00.000Z'));
    const history = createHistory({ journal, inquire: async () => 'notFound', inFlightRef: () => null, logger, now: () => new Date('2026-11-22T10:01:00.000Z') });
    expect(await history.followUp('FRESH')).toMatchObject({ outcome: 'unknown', reason: 'interrupted' });
    expect(await history.followUp('OLD')).toMatchObject({ outcome: 'notSent', reason: null, errorCode: 'eko.neverArrived' });
    expect(history.list({ outcome: 'notSent' }).rows.map((r) => r.clientRefId)).toEqual(['OLD']);
  });

  it('a failed inquiry leaves the row unknown and says why', async () => {
    const journal = openJournal({ file: path.join(makeTempDir(), 'j.sqlite'), retentionDays: 90, logger });
    journal.recordSent(rowFor('U2', '2026-11-21T04:00:00.000Z'));
    journal.recordOutcome({
      outcome: 'unknown', clientRefId: 'U2', at: '2026-11-21T04:00:00.000Z', maskedAadhaar: 'XXXX XXXX 2346', maskedMobile: 'XXXXXX3210',
      bankIin: '607094', bankName: 'State Bank of India', reason: 'timeout', tid: null,
    });
    const inquire = vi.fn(async () => {
      throw new KioskError('eko.failed', { params: { message: 'User not found' } });
    });
    const history = createHistory({ journal, inquire, inFlightRef: () => null, logger });
    await expect(history.followUp('U2')).rejects.toMatchObject({ code: 'eko.failed' });
    expect(journal.get('U2')).toMatchObject({ outcome: 'unknown', reason: 'timeout' });
  });
});

describe('history list', () => {
  it('says how many rows match when the list stops at the newest HISTORY_MAX_ROWS', () => {
    const journal = openJournal({ file: path.join(makeTempDir(), 'j.sqlite'), retentionDays: 90, logger });
    const base = Date.parse('2026-11-21T00:00:00.000Z');
    for (let i = 0; i < HISTORY_MAX_ROWS + 20; i++) journal.recordSent(rowFor(`H${i}`, new Date(base + i * 1000).toISOString()));
    const history = createHistory({ journal, inquire: vi.fn(), inFlightRef: () => null, logger });
    const all = history.list({});
    expect(all.rows).toHaveLength(HISTORY_MAX_ROWS);
    expect(all.matching).toBe(HISTORY_MAX_ROWS + 20);
    expect(all.totals.unknown).toBe(HISTORY_MAX_ROWS + 20);
    const few = history.list({ from: new Date(base + (HISTORY_MAX_ROWS + 10) * 1000).toISOString() });
    expect(few.rows).toHaveLength(10);
    expect(few.matching).toBe(10);
    expect(journal.count({ outcome: 'unknownOrSent' })).toBe(HISTORY_MAX_ROWS + 20);
  });
});

describe('an inquiry answer as the outcome of the enquiry it follows up', () => {
  const row = {
    id: 1, kind: 'balance' as const, ...rowFor('Q1', '2026-11-29T08:00:00.000Z'), updatedAt: '2026-11-29T08:00:00.000Z', outcome: 'sent' as const,
    reason: null, tid: null, bankRef: null, uidaiRef: null, balance: null, lines: null, errorCode: null, errorMessage: null,
  };
  const settled = { outcome: 'success' as const, clientRefId: 'Q1', bankName: null, tid: 'T1', bankRef: 'R1', uidaiRef: 'U1', balanceUnreadable: false };

  it('a success with its balance is a success, with the journal’s masked details', () => {
    expect(inquiryToOutcome(row, { ...settled, balance: '5500.75' })).toMatchObject({
      outcome: 'success', balance: '5500.75', bankName: 'State Bank of India', maskedAadhaar: 'XXXX XXXX 2346', at: row.time, tid: 'T1', bankRef: 'R1', uidaiRef: 'U1',
    });
  });

  it('a success that does not repeat the balance stays unknown (unexpectedData): there is no balance to show', () => {
    expect(inquiryToOutcome(row, { ...settled, balance: null, balanceUnreadable: true })).toMatchObject({ outcome: 'unknown', reason: 'unexpectedData', tid: 'T1' });
    // A blank customer_balance: the bank answered without a balance; never shown as a figure.
    expect(inquiryToOutcome(row, { ...settled, balance: null })).toMatchObject({ outcome: 'success', balance: null, tid: 'T1' });
  });

  it('refusals, pending answers and "no such transaction" pass through', () => {
    expect(inquiryToOutcome(row, { outcome: 'refused', clientRefId: 'Q1', reason: 'notLinked', serverMessage: 'not linked', tid: null })).toMatchObject({ outcome: 'refused', reason: 'notLinked' });
    expect(inquiryToOutcome(row, { outcome: 'unknown', clientRefId: 'Q1', reason: 'awaited', tid: 'T1' })).toMatchObject({ outcome: 'unknown', reason: 'awaited' });
    expect(inquiryToOutcome(row, { outcome: 'notFound', clientRefId: 'Q1', serverMessage: null })).toBe('notFound');
  });
});

describe('follow-up by kind', () => {
  it('a mini statement is followed up by the transaction inquiry; a daily authentication is not (Eko has no inquiry for it)', async () => {
    const journal = openJournal({ file: path.join(makeTempDir(), 'j.sqlite'), retentionDays: 90, logger: createLogger({ dir: null }) });
    const at = new Date(Date.now() - 60_000).toISOString();
    journal.recordSent({ kind: 'miniStatement', clientRefId: 'MS1', time: at, profile: 'demo', maskedMobile: 'XXXXXX3210', maskedAadhaar: 'XXXX XXXX 2346', bankIin: '607094', bankName: 'SBI' });
    journal.recordSent({ kind: 'dailyAuth', clientRefId: 'DA1', time: at, profile: 'demo', maskedMobile: 'XXXXXX1729', maskedAadhaar: 'XXXX XXXX 1238', bankIin: '607094', bankName: 'SBI' });
    const asked: string[] = [];
    const history = createHistory({
      journal,
      inquire: async (row) => {
        asked.push(row.clientRefId);
        return { outcome: 'success', clientRefId: row.clientRefId, at: row.time, maskedAadhaar: row.maskedAadhaar, maskedMobile: row.maskedMobile, bankIin: row.bankIin, bankName: row.bankName, balance: '12', tid: 'T', bankRef: null, uidaiRef: null };
      },
      inFlightRef: () => null,
      logger: createLogger({ dir: null }),
    });
    expect(await history.followUp('MS1')).toMatchObject({ kind: 'miniStatement', outcome: 'success', balance: '12' });
    expect(await history.followUp('DA1')).toMatchObject({ kind: 'dailyAuth', outcome: 'unknown' });
    expect(asked).toEqual(['MS1']);
    journal.close();
  });
});
