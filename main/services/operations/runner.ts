/**
 * The one pipeline every billed Eko operation goes through, owned here and nowhere else:
 *
 *   capture handle → prepare (encrypt, build the body; a failure is "not sent")
 *   → journal "sent" (on disk before anything leaves) → send → verdict → journal → outcome
 *
 * One billed operation at a time: a second one (enquiry or daily authentication) is refused
 * while another waits for Eko, so "the last enquiry" is never ambiguous and no fingerprint is
 * billed twice by a double tap. Never retried: each try uses a fingerprint and is billed.
 */
import { KioskError, QUALITY_GOOD, enquiryNeverSent, type OperationKind, type Profile } from '../../../app/contract';
import { findBank, type Bank } from '../../../app/domain/banks';
import type { EkoClient } from '../eko/client';
import type { EkoOperation, OperationCommon } from '../eko/operations';
import type { Journal } from '../journal/journal';
import type { Logger } from '../log/logger';
import type { RdFacade } from '../rd/facade';

/** What the runner tells the service that started an operation, as it goes (the enquiry's "last enquiry" for a recreated window). */
export interface OperationObserver<O> {
  /** The request is built (its reference known); next it is journalled and sent. */
  prepared?(common: OperationCommon): void;
  /** An answer, or an unknown result: journalled. */
  concluded?(outcome: O): void;
  /** It failed before reaching a bank; `common` is set once the request was built. */
  notSent?(error: KioskError, common: OperationCommon | null): void;
}

interface OperationRequest<I, O> {
  operation: EkoOperation<I, O>;
  captureHandle: string;
  /** The agent chose to send a capture of quality 25–44. */
  allowLowQuality?: boolean;
  bank: Bank;
  /** The operation's input, given the PID block taken from the capture. */
  input(pidXml: string): I;
  observer?: OperationObserver<O>;
}

export interface OperationRunner {
  run<I, O>(request: OperationRequest<I, O>): Promise<O>;
  /** The kind of operation waiting for Eko now, if any. */
  busy(): OperationKind | null;
}

/**
 * Where billed operations are journalled, for the runner (which records each one) and the daily
 * authentication (which reads today's from it): the journal (null: none), the counter's profile its
 * rows carry, the log and the clock.
 */
export interface OperationJournalDeps {
  journal: Journal | null;
  profile: Profile;
  logger: Logger;
  now?: () => Date;
}

export function createOperationRunner(
  deps: OperationJournalDeps & {
    rd: Pick<RdFacade, 'takeCapture'>;
    eko: Pick<EkoClient, 'prepare' | 'send'>;
  },
): OperationRunner {
  const log = deps.logger.child('operation');
  const now = deps.now ?? (() => new Date());
  let running: OperationKind | null = null;

  async function run<I, O>(request: OperationRequest<I, O>): Promise<O> {
    const { operation, observer } = request;
    if (running !== null) throw new KioskError('enquiry.busy', { detail: `${operation.kind} refused: a ${running} is waiting for Eko` });
    running = operation.kind;
    try {
      return await pipeline(request, operation, observer);
    } finally {
      running = null;
    }
  }

  async function pipeline<I, O>(request: OperationRequest<I, O>, operation: EkoOperation<I, O>, observer: OperationObserver<O> | undefined): Promise<O> {
    const capture = deps.rd.takeCapture(request.captureHandle);
    if (!capture) throw notSent(new KioskError('rd.captureExpired'), null);
    if (capture.qScore < QUALITY_GOOD && !request.allowLowQuality) {
      throw notSent(new KioskError('rd.poorQuality', { params: { qScore: String(capture.qScore) } }), null);
    }

    // Prepare: nothing has left; any failure (encryption, a bank without a code) is "not sent".
    let prepared;
    try {
      prepared = deps.eko.prepare(operation, request.input(capture.pidXml));
    } catch (err) {
      throw notSent(asNotSent(err), null);
    }
    const common = prepared.common;
    observer?.prepared?.(common);

    // Nothing leaves the PC unless the attempt is on disk first: a failed write stops the send.
    try {
      deps.journal?.recordSent({
        kind: operation.kind,
        clientRefId: common.ref,
        time: now().toISOString(),
        profile: deps.profile,
        maskedMobile: common.maskedMobile,
        maskedAadhaar: common.maskedAadhaar,
        bankIin: common.bankIin,
        bankName: common.bankName,
      });
    } catch (err) {
      log.error('journal could not record the attempt; not sent', { kind: operation.kind, ref: common.ref, error: err });
      // SQLite's own error (disk full, file locked, closed) means nothing to the agent; say what it means for them.
      throw notSent(err instanceof KioskError ? err : new KioskError('journal.writeFailed', { detail: `${common.ref}: ${(err as Error)?.message ?? String(err)}`, cause: err }), common);
    }

    let outcome: O;
    try {
      outcome = await deps.eko.send(prepared);
    } catch (err) {
      const error = err instanceof KioskError ? err : new KioskError('internal', { detail: (err as Error)?.message, cause: err });
      if (!enquiryNeverSent(error.code)) {
        // The request may have left when this failed (a fault of ours, not Eko's answer): the bank
        // may have answered. That is an unknown result to follow up, never "not sent".
        log.error('operation failed after it was sent: result unknown', { kind: operation.kind, ref: common.ref, error });
        return conclude(operation.interrupted(common));
      }
      try {
        deps.journal?.recordNotSent(common.ref, error, now());
      } catch (journalErr) {
        log.error('journal could not record a failed send', { error: journalErr });
      }
      throw notSent(error, common);
    }
    log.info('operation finished', { kind: operation.kind, ref: common.ref, outcome: (outcome as { outcome: string }).outcome });
    return conclude(outcome);

    function conclude(result: O): O {
      try {
        deps.journal?.recordAnswer(operation.journalAnswer(result), now());
      } catch (err) {
        // The answer is shown anyway; the row stays "sent" and is followed up as unknown.
        log.error('journal could not record an outcome', { kind: operation.kind, ref: common.ref, error: err });
      }
      observer?.concluded?.(result);
      return result;
    }

    function notSent(error: KioskError, at: OperationCommon | null): KioskError {
      observer?.notSent?.(error, at);
      return error;
    }
  }

  return { run, busy: () => running };
}

/**
 * The bank an operation is asked for (its IIN from the contract): a listed one, or (`unlisted`, a
 * customer's operation) one the agent entered by its 6-digit IIN; anything else is input.invalid.
 * One rule for every operation.
 */
export function bankForOperation(banks: readonly Bank[], iin: string, { unlisted }: { unlisted: boolean }): Bank {
  const bank = unlisted ? findBank(banks, iin) : (banks.find((b) => b.iin === iin) ?? null);
  if (!bank) throw new KioskError('input.invalid', { params: { field: 'bankIin' } });
  return bank;
}

/** A failure while building the request: its own code when that proves nothing left, else enquiry.notSent. */
function asNotSent(err: unknown): KioskError {
  const error = err instanceof KioskError ? err : new KioskError('internal', { detail: (err as Error)?.message ?? String(err), cause: err });
  return enquiryNeverSent(error.code) ? error : new KioskError('enquiry.notSent', { detail: `${error.code}: ${error.detail ?? ''}`, cause: error });
}
