/**
 * The agent's daily authentication ("2FA"): NPCI requires every agent to authenticate with their
 * own Aadhaar and finger once per Indian calendar day before any AePS transaction. It is an Eko
 * operation like the balance enquiry (the same runner, journalled the same way, kind dailyAuth);
 * today's status is read from the journal, so it survives restarts and needs no state of its own:
 * done when an attempt passed today and no enquiry was refused for want of it since.
 * Billed by Eko: only ever run on the agent's explicit action, never automatically.
 */
import type { DailyAuthInput, DailyAuthOutcome, DailyAuthStatus } from '../../../app/contract';
import type { Bank } from '../../../app/domain/banks';
import { indianDay } from '../../../app/domain/indian-day';
import { dailyAuthOperation } from '../eko/operations';
import { bankForOperation, type OperationJournalDeps, type OperationRunner } from '../operations/runner';

export interface DailyAuthFacade {
  status(): DailyAuthStatus;
  authenticate(input: DailyAuthInput): Promise<DailyAuthOutcome>;
}

export function createDailyAuthService(deps: OperationJournalDeps & { runner: OperationRunner; banks: readonly Bank[] }): DailyAuthFacade {
  const log = deps.logger.child('dailyAuth');
  const now = deps.now ?? (() => new Date());

  function status(): DailyAuthStatus {
    const today = indianDay(now());
    if (!deps.journal) return { day: today.day, state: 'notDone', doneAt: null, askedAgain: false, lastBankIin: null };
    const seen = deps.journal.dailyAuthDay(today.from, today.to, deps.profile);
    // A "2fa" refusal (or FP069) after today's pass means Eko wants it again.
    const askedAgain = seen.passedAt !== null && seen.askedAt !== null && seen.askedAt >= seen.passedAt;
    const done = seen.passedAt !== null && !askedAgain;
    return { day: today.day, state: done ? 'done' : 'notDone', doneAt: done ? seen.passedAt : null, askedAgain, lastBankIin: seen.lastBankIin };
  }

  async function authenticate(input: DailyAuthInput): Promise<DailyAuthOutcome> {
    // The agent's bank: its IFSC prefix (the daily call's bank_code) comes from the list.
    const bank = bankForOperation(deps.banks, input.bankIin, { unlisted: false });
    const outcome = await deps.runner.run({
      operation: dailyAuthOperation,
      captureHandle: input.captureHandle,
      allowLowQuality: input.allowLowQuality,
      bank,
      input: (pidXml) => ({ aadhaar: input.aadhaar, bank, pidXml }),
    });
    log.info('daily authentication', { ref: outcome.ref, outcome: outcome.outcome, reason: outcome.outcome === 'success' ? null : outcome.reason });
    return outcome;
  }

  return { status, authenticate };
}
