/**
 * What a customer receipt shows, from a fresh EnquiryOutcome (result screen) or a
 * HistoryRow (reprint). Only masked customer data: the masks are applied again here,
 * so nothing but the last 4 digits can ever reach paper.
 */
import type { EnquiryOutcome, HistoryRow } from '../../../app/contract';
import { maskAadhaar } from '../../../app/domain/aadhaar';
import { maskMobile } from '../../../app/domain/mobile';

export interface ReceiptData {
  clientRefId: string;
  /** ISO time the enquiry was sent. */
  at: string;
  bankName: string;
  maskedAadhaar: string;
  maskedMobile: string;
  status: HistoryRow['outcome'];
  /** Refusal or unknown reason; for notSent, the error code. */
  reason: string | null;
  balance: string | null;
  tid: string | null;
  bankRef: string | null;
  uidaiRef: string | null;
}

export type ReceiptSource = EnquiryOutcome | HistoryRow;

export function receiptFrom(src: ReceiptSource): ReceiptData {
  const row = 'time' in src;
  return {
    clientRefId: src.clientRefId,
    at: row ? src.time : src.at,
    bankName: src.bankName,
    maskedAadhaar: maskAadhaar(src.maskedAadhaar),
    maskedMobile: maskMobile(src.maskedMobile),
    status: src.outcome,
    reason: row ? (src.outcome === 'notSent' ? src.errorCode : src.reason) : src.outcome === 'success' ? null : src.reason,
    balance: src.outcome === 'success' ? src.balance : null,
    tid: src.tid,
    bankRef: 'bankRef' in src ? (src.bankRef ?? null) : null,
    uidaiRef: 'uidaiRef' in src ? (src.uidaiRef ?? null) : null,
  };
}

