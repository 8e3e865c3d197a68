/** What fixes a refusal without retyping, and what changes when the bank was typed by its IIN. */
import { describe, expect, it } from 'vitest';
import { REFUSAL_REASONS, refusalRecovery, type RefusalReason, type RefusalRecovery } from '../../../app/contract';

const FROM_THE_LIST: Record<RefusalReason, RefusalRecovery> = {
  notLinked: 'otherBank',
  bankUnavailable: 'tryAgain',
  biometricMismatch: 'captureAgain',
  duplicateBiometric: 'captureAgain',
  dailyAuthMissing: 'dailyAuth',
  limitExhausted: 'none',
  accountFrozen: 'none',
  debitDisabled: 'none',
  insufficientFloat: 'none',
  invalidRequest: 'none',
  other: 'none',
};

describe('refusalRecovery', () => {
  it.each(REFUSAL_REASONS)('%s, a bank chosen from the list', (reason) => {
    expect(refusalRecovery(reason)).toBe(FROM_THE_LIST[reason]);
  });

  it.each(REFUSAL_REASONS)('%s, a bank typed by its IIN: another bank only where a wrong bank code can be the cause', (reason) => {
    const wrongIinMaybe = reason === 'invalidRequest' || reason === 'other';
    expect(refusalRecovery(reason, { enteredByIin: true })).toBe(wrongIinMaybe ? 'otherBank' : FROM_THE_LIST[reason]);
  });
});
