/**
 * A customer's operation (balance enquiry, mini statement) through the operation runner: the same
 * customer details, capture and low-quality consent, for the bank the service looked up (listed,
 * or entered by its IIN).
 */
import type { BalanceEnquiryInput } from '../../../app/contract';
import type { Bank } from '../../../app/domain/banks';
import type { CustomerRequestInput, EkoOperation } from '../eko/operations';
import type { OperationObserver, OperationRunner } from '../operations/runner';

export function runCustomerOperation<O>(
  runner: OperationRunner,
  operation: EkoOperation<CustomerRequestInput, O>,
  input: BalanceEnquiryInput,
  bank: Bank,
  observer?: OperationObserver<O>,
): Promise<O> {
  return runner.run({
    operation,
    captureHandle: input.captureHandle,
    allowLowQuality: input.allowLowQuality,
    bank,
    input: (pidXml) => ({ customerMobile: input.customerMobile, aadhaar: input.aadhaar, bank, pidXml }),
    observer,
  });
}
