/**
 * What a customer receipt shows, from a fresh EnquiryOutcome or MiniStatementOutcome (result
 * screen) or a HistoryRow (reprint). Only masked customer data: the masks are applied again
 * here, so nothing but the last 4 digits can ever reach paper. A mini statement's lines come
 * only from a fresh answer (the journal never keeps them): a reprint from history has none.
 */
import type { EnquiryOutcome, HistoryRow, MiniStatementOutcome, StatementLine } from '../../../app/contract';
import { maskAadhaar } from '../../../app/domain/aadhaar';
import { maskMobile } from '../../../app/domain/mobile';

export interface ReceiptData {
  /** A balance enquiry or a mini statement (a daily authentication has no receipt). */
  kind: 'balance' | 'miniStatement';
  clientRefId: string;
  /** ISO time the enquiry was sent. */
  at: string;
  bankName: string;
  /** The bank's IIN ('' when not known): its Hindi name on a Hindi receipt. */
  bankIin: string;
  maskedAadhaar: string;
  maskedMobile: string;
  status: HistoryRow['outcome'];
  /** Refusal or unknown reason; for notSent, the error code. */
  reason: string | null;
  balance: string | null;
  tid: string | null;
  bankRef: string | null;
  uidaiRef: string | null;
  /** A mini statement's lines, newest first; null when not at hand (a reprint from history, not a success). */
  lines: StatementLine[] | null;
  /** How many lines the statement had (history keeps the count only); null when not known. */
  lineCount: number | null;
}

/** A fresh answer; `kind` says a mini statement's refusal or unknown result from a balance enquiry's (they look alike). */
export type FreshOutcome = (EnquiryOutcome | MiniStatementOutcome) & { kind?: 'balance' | 'miniStatement' };

export type ReceiptSource = FreshOutcome | HistoryRow;

export function receiptFrom(src: ReceiptSource): ReceiptData {
  const row = 'time' in src;
  const lines = !row && src.outcome === 'success' && 'lines' in src ? src.lines : null;
  const statement = src.kind === 'miniStatement' || lines !== null;
  return {
    kind: statement ? 'miniStatement' : 'balance',
    clientRefId: src.clientRefId,
    at: row ? src.time : src.at,
    bankName: src.bankName,
    bankIin: src.bankIin ?? '',
    maskedAadhaar: maskAadhaar(src.maskedAadhaar),
    maskedMobile: maskMobile(src.maskedMobile),
    status: src.outcome,
    reason: row ? (src.outcome === 'notSent' ? src.errorCode : src.reason) : src.outcome === 'success' ? null : src.reason,
    balance: src.outcome === 'success' ? src.balance : null,
    tid: src.tid,
    bankRef: 'bankRef' in src ? (src.bankRef ?? null) : null,
    uidaiRef: 'uidaiRef' in src ? (src.uidaiRef ?? null) : null,
    lines,
    lineCount: lines ? lines.length : row ? (src.lines ?? null) : null,
  };
}

