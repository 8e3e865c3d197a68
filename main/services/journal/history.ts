/**
 * History as the agent sees it: the journal's rows, with attempts an earlier
 * run lost track of shown as "result unknown", and follow-up of unknown
 * results through Eko's transaction inquiry.
 */
import { HISTORY_MAX_ROWS, KioskError, type EnquiryList, type EnquiryOutcome, type HistoryRow } from '../../../app/contract';
import type { Journal, JournalQuery, JournalRow } from './journal';
import type { Logger } from '../log/logger';
import type { InquiryResult } from '../eko';

export interface HistoryFacade {
  list(query: Omit<JournalQuery, 'outcome'> & { outcome?: HistoryRow['outcome'] }): EnquiryList;
  followUp(clientRefId: string): Promise<HistoryRow>;
}

/**
 * What follow-up needs from the Eko client: the current outcome of an earlier
 * enquiry, or 'notFound' when Eko has no transaction with that reference.
 */
type TransactionInquiry = (row: JournalRow) => Promise<EnquiryOutcome | 'notFound'>;

/** A transaction inquiry's answer as the outcome of the journaled enquiry it follows up. */
export function inquiryToOutcome(row: JournalRow, result: InquiryResult): EnquiryOutcome | 'notFound' {
  const common = { clientRefId: row.clientRefId, at: row.time, maskedAadhaar: row.maskedAadhaar, maskedMobile: row.maskedMobile, bankIin: row.bankIin };
  switch (result.outcome) {
    case 'success':
      if (result.balanceUnreadable) {
        // Settled, but the answer does not repeat the balance: still not a balance we can show.
        return { ...common, outcome: 'unknown', reason: 'unexpectedData', bankName: result.bankName ?? row.bankName, tid: result.tid };
      }
      return { ...common, outcome: 'success', bankName: result.bankName ?? row.bankName, balance: result.balance, tid: result.tid, bankRef: result.bankRef, uidaiRef: result.uidaiRef };
    case 'refused':
      return { ...common, outcome: 'refused', bankName: row.bankName, reason: result.reason, serverMessage: result.serverMessage, tid: result.tid };
    case 'unknown':
      return { ...common, outcome: 'unknown', bankName: row.bankName, reason: result.reason, tid: result.tid };
    case 'notFound':
      return 'notFound';
  }
}

/** Eko may take a moment to list a new transaction; only after this long does "not found" mean "never arrived". */
const NOT_FOUND_SETTLES_AFTER_MS = 5 * 60_000;

function toHistoryRow(row: JournalRow, inFlightRef: string | null): HistoryRow {
  // "sent" with nothing in flight: the app stopped between sending and the answer.
  const lost = row.outcome === 'sent' && row.clientRefId !== inFlightRef;
  return {
    kind: row.kind,
    clientRefId: row.clientRefId,
    time: row.time,
    updatedAt: row.updatedAt,
    profile: row.profile,
    maskedMobile: row.maskedMobile,
    maskedAadhaar: row.maskedAadhaar,
    bankIin: row.bankIin,
    bankName: row.bankName,
    outcome: row.outcome === 'sent' ? 'unknown' : row.outcome,
    reason: lost ? 'interrupted' : row.outcome === 'sent' ? 'inFlight' : row.reason,
    tid: row.tid,
    bankRef: row.bankRef,
    uidaiRef: row.uidaiRef,
    balance: row.balance,
    lines: row.kind === 'miniStatement' ? row.lines : null,
    errorCode: row.errorCode,
  };
}

export function createHistory(deps: {
  journal: Journal;
  inquire: TransactionInquiry;
  inFlightRef: () => string | null;
  logger: Logger;
  now?: () => Date;
}): HistoryFacade {
  const log = deps.logger.child('history');
  return {
    list(query) {
      const { outcome, ...rest } = query;
      const filters = { ...rest, outcome: outcome === 'unknown' ? ('unknownOrSent' as const) : outcome };
      const rows = deps.journal.list(filters);
      // The list holds the newest rows only: say how many match, so the screen can tell the agent.
      const matching = rows.length < (rest.limit ?? HISTORY_MAX_ROWS) ? rows.length : deps.journal.count(filters);
      const from = query.from ?? '0000-01-01T00:00:00.000Z';
      const to = query.to ?? '9999-12-31T00:00:00.000Z';
      const raw = deps.journal.totals(from, to, query.kind);
      return {
        rows: rows.map((r) => toHistoryRow(r, deps.inFlightRef())),
        totals: { success: raw.success, refused: raw.refused, unknown: raw.unknown + raw.sent, notSent: raw.notSent },
        agentRefused: query.kind === 'dailyAuth' ? 0 : deps.journal.agentRefusals(from, to),
        matching,
      };
    },
    async followUp(clientRefId) {
      const row = deps.journal.get(clientRefId);
      if (!row) throw new KioskError('journal.notFound');
      if (row.outcome !== 'unknown' && row.outcome !== 'sent') return toHistoryRow(row, deps.inFlightRef());
      // Eko has no inquiry for a daily authentication (its call takes no reference): today's status tells instead.
      if (row.kind === 'dailyAuth') return toHistoryRow(row, deps.inFlightRef());
      if (row.clientRefId === deps.inFlightRef()) return toHistoryRow(row, deps.inFlightRef());
      const outcome = await deps.inquire(row);
      if (outcome === 'notFound') {
        const age = (deps.now?.() ?? new Date()).getTime() - Date.parse(row.time);
        if (age >= NOT_FOUND_SETTLES_AFTER_MS) {
          // Not "offline": the PC may well have been online. Eko simply never got it, so nothing was charged.
          deps.journal.recordNotSent(clientRefId, new KioskError('eko.neverArrived', { detail: `Eko has no transaction with this reference ${Math.round(age / 60_000)} min after sending` }));
        }
        log.info('follow-up: Eko has no such transaction', { clientRefId, ageMs: age });
      } else {
        deps.journal.recordOutcome(outcome);
        log.info('follow-up answered', { clientRefId, outcome: outcome.outcome });
      }
      return toHistoryRow(deps.journal.get(clientRefId)!, deps.inFlightRef());
    },
  };
}
