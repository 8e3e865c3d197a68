/**
 * A customer's mini statement: the operation runner's pipeline for the mini-statement operation,
 * with the balance enquiry's customer details, capture and consent. Its lines are the customer's
 * private data: they are answered to the screen and forgotten here; the journal keeps only how
 * many there were, and nothing is logged of them.
 */
import type { BalanceEnquiryInput, MiniStatementOutcome } from '../../../app/contract';
import type { Bank } from '../../../app/domain/banks';
import { miniStatementOperation } from '../eko/operations';
import { listedBank, type OperationRunner } from '../operations/runner';

export interface MiniStatementFacade {
  run(input: BalanceEnquiryInput): Promise<MiniStatementOutcome>;
}

export function createMiniStatementService(deps: { runner: OperationRunner; banks: readonly Bank[] }): MiniStatementFacade {
  return {
    async run(input) {
      const bank = listedBank(deps.banks, input.bankIin);
      return deps.runner.run({
        operation: miniStatementOperation,
        captureHandle: input.captureHandle,
        allowLowQuality: input.allowLowQuality,
        bank,
        input: (pidXml) => ({ customerMobile: input.customerMobile, aadhaar: input.aadhaar, bank, pidXml }),
      });
    },
  };
}
