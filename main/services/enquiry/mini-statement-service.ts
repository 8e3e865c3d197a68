/**
 * A customer's mini statement: the operation runner's pipeline for the mini-statement operation,
 * with the balance enquiry's customer details, capture and consent. Its lines are the customer's
 * private data: they are answered to the screen and forgotten here; the journal keeps only how
 * many there were, and nothing is logged of them.
 */
import type { BalanceEnquiryInput, MiniStatementOutcome } from '../../../app/contract';
import type { Bank } from '../../../app/domain/banks';
import { miniStatementOperation } from '../eko/operations';
import { bankForOperation, type OperationRunner } from '../operations/runner';
import { runCustomerOperation } from './customer-operation';

export interface MiniStatementFacade {
  run(input: BalanceEnquiryInput): Promise<MiniStatementOutcome>;
}

export function createMiniStatementService(deps: { runner: OperationRunner; banks: readonly Bank[] }): MiniStatementFacade {
  return {
    async run(input) {
      const bank = bankForOperation(deps.banks, input.bankIin, { unlisted: true });
      return runCustomerOperation(deps.runner, miniStatementOperation, input, bank);
    },
  };
}
