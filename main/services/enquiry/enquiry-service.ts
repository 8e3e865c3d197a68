/**
 * A customer's balance enquiry: the operation runner's pipeline (capture → prepare → journal
 * "sent" → send → journal → outcome) for the balance-enquiry operation, plus what a window
 * opened later must be told: the enquiry in flight, or the last one not yet acknowledged.
 */
import {
  KioskError,
  type AcknowledgeLastEnquiryInput,
  type BalanceEnquiryInput,
  type EnquiryOutcome,
  type LastEnquiry,
} from '../../../app/contract';
import type { Bank } from '../../../app/domain/banks';
import { balanceEnquiryOperation } from '../eko/operations';
import type { Logger } from '../log/logger';
import { bankForOperation, type OperationRunner } from '../operations/runner';
import { runCustomerOperation } from './customer-operation';

export interface EnquiryFacade {
  run(input: BalanceEnquiryInput): Promise<EnquiryOutcome>;
  /** What a window (re)opened now should tell the agent about. */
  last(): LastEnquiry;
  /** The reference of the enquiry waiting for Eko's answer now, if it is known yet (even when dismissed). */
  inFlightRef(): string | null;
  /** The renderer showed (or wiped) this enquiry: finished, it is forgotten; in flight, it will not be kept. */
  acknowledge(input: AcknowledgeLastEnquiryInput): boolean;
}

/**
 * How long a finished enquiry waits for the renderer to acknowledge it. Long enough for a
 * renderer that crashed repeatedly (the window comes back after up to 60 s, plus a hang's
 * grace) to tell the agent; short enough that a customer's masked details do not linger.
 */
export const LAST_ENQUIRY_KEEP_MS = 10 * 60_000;

export function createEnquiryService(deps: {
  runner: OperationRunner;
  banks: readonly Bank[];
  logger: Logger;
  now?: () => Date;
}): EnquiryFacade {
  const now = deps.now ?? (() => new Date());
  let current: LastEnquiry = { state: 'none' };
  let doneAt = 0;
  /** The capture handle the current enquiry was started with: the renderer knows it before the reference. */
  let currentHandle: string | null = null;
  /** The renderer dismissed the current enquiry while in flight (the idle wipe): not to be shown again. */
  let dismissed = false;

  /** The current enquiry has ended: keep it for a window opened later, unless it was dismissed. */
  function finish(next: LastEnquiry): void {
    current = dismissed ? { state: 'none' } : next;
    doneAt = now().getTime();
  }

  async function run(input: BalanceEnquiryInput): Promise<EnquiryOutcome> {
    const bank = bankForOperation(deps.banks, input.bankIin, { unlisted: true });
    // Refused before it touches this enquiry's record: the one in flight keeps it.
    if (deps.runner.busy()) throw new KioskError('enquiry.busy', { detail: `a ${deps.runner.busy()} is waiting for Eko` });

    const at = now().toISOString();
    const inFlight = {
      state: 'inFlight' as const,
      clientRefId: null as string | null,
      at,
      maskedAadhaar: '',
      maskedMobile: '',
      bankName: bank.name,
    };

    return runCustomerOperation(deps.runner, balanceEnquiryOperation, input, bank, {
      // From here this enquiry is the one a window opened later is told about (until then, the last one still is).
      prepared(common) {
        Object.assign(inFlight, { clientRefId: common.ref, maskedAadhaar: common.maskedAadhaar, maskedMobile: common.maskedMobile });
        current = inFlight;
        currentHandle = input.captureHandle;
        dismissed = false;
      },
      concluded(outcome) {
        if (current === inFlight) finish({ state: 'done', outcome });
      },
      notSent(error, common) {
        // A renderer that was gone meanwhile must still hear that this one was not sent (only masked data kept).
        if (common && current === inFlight) {
          finish({
            state: 'notSent',
            clientRefId: common.ref,
            at: common.at,
            maskedAadhaar: common.maskedAadhaar,
            maskedMobile: common.maskedMobile,
            bankIin: common.bankIin,
            bankName: common.bankName,
            error: error.toWire(),
          });
        }
      },
    });
  }

  /** The finished enquiry is kept until the renderer acknowledges it, or LAST_ENQUIRY_KEEP_MS passed. */
  function last(): LastEnquiry {
    if ((current.state === 'done' || current.state === 'notSent') && now().getTime() - doneAt > LAST_ENQUIRY_KEEP_MS) current = { state: 'none' };
    return dismissed ? { state: 'none' } : current;
  }

  function inFlightRef(): string | null {
    return current.state === 'inFlight' ? current.clientRefId : null;
  }

  function refOf(enquiry: LastEnquiry): string | null {
    if (enquiry.state === 'done') return enquiry.outcome.clientRefId;
    if (enquiry.state === 'none') return null;
    return enquiry.clientRefId;
  }

  /**
   * The agent has seen this one (or it was wiped): a finished one is forgotten; one still in
   * flight (its answer is journalled as always) is not shown to a window opened later, nor kept
   * when it ends. Matched by reference, or by capture handle while the renderer has no reference.
   */
  function acknowledge(input: AcknowledgeLastEnquiryInput): boolean {
    if (current.state === 'none') return false;
    const matches = 'clientRefId' in input ? refOf(current) === input.clientRefId : currentHandle === input.captureHandle;
    if (!matches) return false;
    if (current.state === 'inFlight') dismissed = true;
    else current = { state: 'none' };
    return true;
  }

  return { run, last, inFlightRef, acknowledge };
}
