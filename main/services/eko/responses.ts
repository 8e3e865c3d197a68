/**
 * Reading Eko's answers: zod schemas for the envelope and the three payloads, and the
 * rules that turn a balance-enquiry answer into success / refused / unknown.
 * Amounts stay exact decimal strings (normalizeDecimal, E-notation included); the
 * newer-document variants (customer_balance, response types 1466/1464, numbers where
 * strings are documented) are tolerated on read.
 *
 * Tolerance never invents a verdict: an empty status field (null, "") counts as not said,
 * and descriptive text of the wrong type is dropped, but a status field that holds
 * something other than a number fails the envelope (→ "unknown", never success or refused).
 */
import * as z from 'zod';
import { normalizeDecimal } from '../../../app/domain/money';
import type { RefusalReason } from '../../../app/contract';
import { refusalReason } from './refusals';
import { maskNumbersInText } from '../../../app/domain/privacy';

/** A number Eko may send as a number or a numeric string. */
const IntIn = z.union([z.number().int(), z.string().trim().regex(/^-?\d+$/).transform(Number)]);
/** null, undefined or blank text: Eko left the field empty. */
const isAbsent = (value: unknown) => value === null || value === undefined || (typeof value === 'string' && value.trim() === '');
/** A status-like integer that may be left empty; anything else that is not an integer fails. */
const OptionalIntIn = z.preprocess((value) => (isAbsent(value) ? undefined : value), IntIn.optional());
/** Descriptive text (message, txstatus_desc): a non-string is dropped, as no verdict rests on it. */
const LooseText = z.unknown().optional().transform((value) => (typeof value === 'string' ? value : null));
/** Text Eko may send as a string or a bare number (ids, account numbers). */
const TextIn = z.union([z.string(), z.number().transform(String)]);
/** An amount: string or number, possibly in E-notation, out as a plain decimal string. */
export const MoneyIn = z.union([z.string(), z.number()]).transform((value, ctx) => {
  const normal = normalizeDecimal(value);
  if (normal === null) {
    ctx.addIssue({ code: 'custom', message: 'not a decimal amount' });
    return z.NEVER;
  }
  return normal;
});

export const EnvelopeSchema = z.object({
  status: OptionalIntIn,
  message: LooseText,
  response_status_id: OptionalIntIn,
  response_type_id: OptionalIntIn,
  tx_status: OptionalIntIn,
  txstatus_desc: LooseText,
  invalid_params: z.record(z.string(), z.unknown()).nullish(),
  data: z.unknown().optional(),
});
export type Envelope = z.infer<typeof EnvelopeSchema>;

export const WalletDataSchema = z.object({
  balance: MoneyIn,
  currency: z.string().nullish(),
  customer_id: TextIn.nullish(),
});

export const AccountsDataSchema = z.object({
  unsettled_fund: MoneyIn,
  remaining_limit: MoneyIn,
  fund_transfer_list: z
    .array(
      z.object({
        recipient_id: TextIn,
        name: z.string().nullish(),
        account: TextIn,
        ifsc: z.string().nullish(),
      }),
    )
    .nullish(),
});

/** What a tx_status field says: a code, nothing (left empty), or something unclear (not a number). */
function readTxStatus(value: unknown): number | null | 'unclear' {
  if (isAbsent(value)) return null;
  const parsed = IntIn.safeParse(value);
  return parsed.success ? parsed.data : 'unclear';
}

/** Enquiry payload: every field optional, each read on its own so one odd field does not hide the rest. */
const EnquiryDataSchema = z.object({
  tid: TextIn.nullish().catch(null),
  /** Read by readTxStatus: an unclear one must not be mistaken for "not said". */
  tx_status: z.unknown().optional(),
  balance: MoneyIn.nullish().catch(null),
  customer_balance: MoneyIn.nullish().catch(null),
  bank_name: z.string().nullish().catch(null),
  bank_ref_num: TextIn.nullish().catch(null),
  aadhaar_ref_num: TextIn.nullish().catch(null),
  client_ref_id: TextIn.nullish().catch(null),
});

/** "9989834392752938" → "XXXXXXXXXXXX2938": only the last 4 digits leave the main process. */
export function maskAccount(account: string): string {
  const clean = account.replace(/\s/g, '');
  return `${'X'.repeat(Math.max(0, clean.length - 4))}${clean.slice(-4)}`;
}

/** Parses a JSON body, or null when it is not JSON (truncated, HTML, empty). */
export function parseJson(body: string): unknown {
  const text = body.trim();
  if (text === '' || (text[0] !== '{' && text[0] !== '[')) return null;
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function looksLikeHtml(contentType: string, body: string): boolean {
  return /text\/html/i.test(contentType) || /^\s*<(!doctype|html|head|body|\?xml)/i.test(body);
}

/** Field names of a validation error (the `invalid_params` object), or null when it is not one. */
export function invalidParamFields(envelope: Envelope): string[] | null {
  const params = envelope.invalid_params;
  if (!params || typeof params !== 'object') return null;
  const fields = Object.keys(params);
  return fields.length > 0 ? fields : null;
}

/** true: Eko says it did it; false: Eko says no; null: the envelope does not say. */
export function envelopeSuccess(envelope: Envelope): boolean | null {
  if (envelope.status !== undefined) return envelope.status === 0;
  if (envelope.response_type_id === 1466) return true; // newer docs: balance enquiry success
  if (envelope.response_type_id === 1464) return false; // newer docs: balance enquiry failure
  if (envelope.response_status_id !== undefined) return envelope.response_status_id <= 0 && envelope.response_status_id !== -2;
  return null;
}

/** What a balance-enquiry (or transaction-inquiry) answer means, before the request's own details are added. */
export type EnquiryReading =
  | {
      outcome: 'success';
      balance: string | null;
      bankName: string | null;
      tid: string | null;
      bankRef: string | null;
      uidaiRef: string | null;
    }
  | { outcome: 'refused'; reason: RefusalReason; serverMessage: string | null; tid: string | null }
  /** unexpectedData: valid JSON that does not say success or failure in a way we can trust. */
  | { outcome: 'unknown'; reason: 'awaited' | 'onHold' | 'unexpectedData'; tid: string | null };

/**
 * Whether an answer is about a transaction at all: it says a tx_status, or its data names
 * a client_ref_id (this one, when given). A transaction inquiry only takes a verdict from such an answer.
 */
export function describesTransaction(envelope: Envelope, clientRefId: string): boolean {
  const data = EnquiryDataSchema.safeParse(envelope.data ?? {});
  const namedRef = data.success ? (data.data.client_ref_id ?? null) : null;
  if (namedRef !== null && namedRef !== clientRefId) return false;
  const txStatus = data.success ? readTxStatus(data.data.tx_status) : null;
  return namedRef !== null || txStatus !== null || envelope.tx_status !== undefined;
}

/** Reads a parsed JSON envelope of a balance enquiry. Validation errors are handled by the caller. */
export function readEnquiry(envelope: Envelope): EnquiryReading {
  const dataParsed = EnquiryDataSchema.safeParse(envelope.data ?? {});
  const data = dataParsed.success ? dataParsed.data : null;
  const tid = data?.tid ?? null;
  const dataTxStatus = readTxStatus(data?.tx_status);
  const txStatus = dataTxStatus ?? envelope.tx_status ?? null;
  const message = envelope.message?.trim() || null;

  // Awaited / on hold first: whatever else the envelope says, the bank has not answered yet.
  if (txStatus === 2 || envelope.response_status_id === 2) return { outcome: 'unknown', reason: 'awaited', tid };
  if (txStatus === 5 || envelope.response_status_id === 5) return { outcome: 'unknown', reason: 'onHold', tid };

  const success = envelopeSuccess(envelope);
  if (success === null) return { outcome: 'unknown', reason: 'unexpectedData', tid };
  if (success && (txStatus === null || txStatus === 0)) {
    return {
      outcome: 'success',
      balance: data?.balance ?? data?.customer_balance ?? null,
      bankName: data?.bank_name?.trim() || null,
      tid,
      bankRef: data?.bank_ref_num ?? null,
      uidaiRef: data?.aadhaar_ref_num ?? null,
    };
  }
  if (success && txStatus !== 1) {
    // 3/4 (refund pending/refunded), a code we do not know or an unclear one: Eko says "done" but not "success".
    return { outcome: 'unknown', reason: 'unexpectedData', tid };
  }
  // status non-zero, or tx_status 1 (fail). -2 "another transaction in progress" lands here too.
  // Shown and printed for the customer: a number Eko quotes is masked first.
  return { outcome: 'refused', reason: refusalReason(message), serverMessage: message === null ? null : maskNumbersInText(message), tid };
}
