/**
 * A balance enquiry from start to end: take the one-use PID block, check its
 * quality, journal the attempt before it leaves, send it through the Eko
 * client, journal the answer. Never retried automatically: each try uses the
 * customer's fingerprint and is billed.
 */
import {
  KioskError,
  QUALITY_GOOD,
  enquiryNeverSent,
  type AcknowledgeLastEnquiryInput,
  type BalanceEnquiryInput,
  type EnquiryOutcome,
  type LastEnquiry,
  type Profile,
} from '../../../app/contract';
import { maskAadhaar } from '../../../app/domain/aadhaar';
import type { Bank } from '../../../app/domain/banks';
import { maskMobile } from '../../../app/domain/mobile';
import type { EnquiryFacade, RdFacade } from '../index';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log/logger';

/** What the enquiry needs from the Eko client. */
export interface EnquiryClient {
  balanceEnquiry(request: {
    customerMobile: string;
    aadhaar: string;
    bankIin: string;
    bankName: string;
    pidXml: string;
    /** Called right before the request leaves the PC; throwing stops the send. */
    onSending?: (clientRefId: string) => void;
  }): Promise<EnquiryOutcome>;
}

/**
 * How long a finished enquiry waits for the renderer to acknowledge it. Long enough for a
 * renderer that crashed repeatedly (the window comes back after up to 60 s, plus a hang's
 * grace) to tell the agent; short enough that a customer's masked details do not linger.
 */
export const LAST_ENQUIRY_KEEP_MS = 10 * 60_000;

export function createEnquiryService(deps: {
  rd: Pick<RdFacade, 'takeCapture'>;
  eko: EnquiryClient;
  journal: Journal | null;
  banks: readonly Bank[];
  profile: Profile;
  logger: Logger;
  now?: () => Date;
}): EnquiryFacade {
  const log = deps.logger.child('enquiry');
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
    const bank = deps.banks.find((b) => b.iin === input.bankIin);
    if (!bank) throw new KioskError('input.invalid', { params: { field: 'bankIin' } });

    const capture = deps.rd.takeCapture(input.captureHandle);
    if (!capture) throw new KioskError('rd.captureExpired');
    if (capture.qScore < QUALITY_GOOD && !input.allowLowQuality) {
      throw new KioskError('rd.poorQuality', { params: { qScore: String(capture.qScore) } });
    }

    const maskedAadhaar = maskAadhaar(input.aadhaar);
    const maskedMobile = maskMobile(input.customerMobile);
    const at = now().toISOString();
    const inFlight = { state: 'inFlight' as const, clientRefId: null as string | null, at, maskedAadhaar, maskedMobile, bankName: bank.name };
    current = inFlight;
    currentHandle = input.captureHandle;
    dismissed = false;
    /** onSending returned (the attempt is journalled): from here on the request leaves the PC (unless the error code proves otherwise). */
    let leaving = false;

    /** An answer (or an unknown result): into the journal, and kept for a window opened later. */
    const conclude = (outcome: EnquiryOutcome): EnquiryOutcome => {
      try {
        deps.journal?.recordOutcome(outcome, now());
      } catch (err) {
        // The answer is shown anyway; the row stays "sent" and is followed up as unknown.
        log.error('journal could not record an outcome', { clientRefId: outcome.clientRefId, error: err });
      }
      if (current === inFlight) finish({ state: 'done', outcome });
      return outcome;
    };

    try {
      const outcome = await deps.eko.balanceEnquiry({
        customerMobile: input.customerMobile,
        aadhaar: input.aadhaar,
        bankIin: bank.iin,
        bankName: bank.name,
        pidXml: capture.pidXml,
        onSending: (clientRefId) => {
          inFlight.clientRefId = clientRefId;
          // Nothing leaves the PC unless the attempt is on disk first: a failed write stops the send.
          try {
            deps.journal?.recordSent({ clientRefId, time: now().toISOString(), profile: deps.profile, maskedMobile, maskedAadhaar, bankIin: bank.iin, bankName: bank.name });
          } catch (err) {
            log.error('journal could not record the attempt; not sent', { clientRefId, error: err });
            // SQLite's own error (disk full, file locked, closed) means nothing to the agent; say what it means for them.
            throw err instanceof KioskError ? err : new KioskError('journal.writeFailed', { detail: `${clientRefId}: ${(err as Error)?.message ?? String(err)}`, cause: err });
          }
          leaving = true;
        },
      });
      log.info('enquiry finished', { clientRefId: outcome.clientRefId, outcome: outcome.outcome, reason: 'reason' in outcome ? outcome.reason : undefined });
      return conclude(outcome);
    } catch (err) {
      const thrown = err instanceof KioskError ? err : new KioskError('internal', { detail: (err as Error)?.message, cause: err });
      // Failed before the request could leave (a fault of ours: encryption, the journal's own code…):
      // say so, so the agent may capture again rather than being told the result is unknown.
      const error =
        !leaving && !enquiryNeverSent(thrown.code) ? new KioskError('enquiry.notSent', { detail: `${thrown.code}: ${thrown.detail ?? ''}`, cause: thrown }) : thrown;
      if (leaving && inFlight.clientRefId && !enquiryNeverSent(error.code)) {
        // The request had left the PC when this failed (a fault of ours, not Eko's answer): the bank
        // may have answered. That is an unknown result to follow up, never "not sent".
        log.error('enquiry failed after it was sent: result unknown', { clientRefId: inFlight.clientRefId, error });
        return conclude({
          outcome: 'unknown',
          reason: 'interrupted',
          clientRefId: inFlight.clientRefId,
          at,
          maskedAadhaar,
          maskedMobile,
          bankIin: bank.iin,
          bankName: bank.name,
          tid: null,
        });
      }
      if (leaving && inFlight.clientRefId) {
        try {
          deps.journal?.recordNotSent(inFlight.clientRefId, error, now());
        } catch (journalErr) {
          log.error('journal could not record a failed send', { error: journalErr });
        }
      }
      if (current === inFlight) {
        // A renderer that was gone meanwhile must still hear that this one was not sent (only masked data kept).
        finish(
          inFlight.clientRefId
            ? { state: 'notSent', clientRefId: inFlight.clientRefId, at, maskedAadhaar, maskedMobile, bankIin: bank.iin, bankName: bank.name, error: error.toWire() }
            : { state: 'none' },
        );
      }
      throw error;
    }
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
