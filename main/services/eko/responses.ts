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
import type { DailyAuthRefusal, RefusalReason, StatementLine } from '../../../app/contract';
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
  /** Read by customerBalance: which of the two is the customer's depends on which keys are there. */
  balance: z.unknown().optional(),
  customer_balance: z.unknown().optional(),
  bank_name: z.string().nullish().catch(null),
  /** Eko's current answers name the bank as `bank`. */
  bank: z.string().nullish().catch(null),
  bank_ref_num: TextIn.nullish().catch(null),
  aadhaar_ref_num: TextIn.nullish().catch(null),
  client_ref_id: TextIn.nullish().catch(null),
  transaction_date: z.string().nullish().catch(null),
  comment: LooseText,
  reason: LooseText,
});

/** The human reason of an answer: data.comment (transactions), then data.reason (daily authentication, eKYC), then message. */
export function reasonText(envelope: Envelope): string | null {
  const data = envelope.data !== null && typeof envelope.data === 'object' ? (envelope.data as Record<string, unknown>) : {};
  for (const value of [data.comment, data.reason, envelope.message]) {
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return null;
}

/**
 * The customer's bank balance in an answer. Eko's current answers carry both `balance` (the AGENT's
 * wallet after the transaction) and `customer_balance` (the customer's): whenever `customer_balance`
 * is there at all, it is the customer's and `balance` is never read. Only an answer without it (the
 * spec pages' shape) has the customer's balance in `balance`.
 * null: the bank gave none (a blank customer_balance); 'bad': a value that is not an amount.
 */
export function customerBalance(data: Record<string, unknown>): string | null | 'bad' | 'missing' {
  const has = (key: string) => Object.prototype.hasOwnProperty.call(data, key);
  const value = has('customer_balance') ? data.customer_balance : has('balance') ? data.balance : undefined;
  if (value === undefined) return 'missing';
  if (isAbsent(value)) return null;
  const parsed = MoneyIn.safeParse(value);
  return parsed.success ? parsed.data : 'bad';
}

/**
 * Eko's dates: "19-08-26 18:21:45" (DD-MM-YY, Indian time) as an ISO instant; null when not that.
 * A two-digit year is 20YY (one integrator stored year 0019 by reading it literally).
 */
export function parseEkoDateTime(text: string | null | undefined): string | null {
  const m = /^\s*(\d{2})-(\d{2})-(\d{2}|\d{4})\s+(\d{2}):(\d{2}):(\d{2})\s*$/.exec(text ?? '');
  if (!m) return null;
  const [day, month, year, hour, minute, second] = m.slice(1).map(Number) as [number, number, number, number, number, number];
  const fullYear = year < 100 ? 2000 + year : year;
  if (month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 59) return null;
  // IST is UTC+05:30 all year.
  const utc = Date.UTC(fullYear, month - 1, day, hour, minute, second) - 330 * 60_000;
  const check = new Date(utc + 330 * 60_000);
  if (check.getUTCDate() !== day || check.getUTCMonth() !== month - 1) return null; // 31-02 and the like
  return new Date(utc).toISOString();
}

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

/** response_type_id of a refusal: transaction fail (1464, real 1467), mini statement fail (1528), daily authentication fail (1714). */
const REFUSAL_TYPES: ReadonlySet<number> = new Set([1464, 1467, 1528, 1714]);
/** response_type_id of a success: balance enquiry (1466), withdrawal (1463), mini statement (1527), daily authentication (1713). */
const SUCCESS_TYPES: ReadonlySet<number> = new Set([1463, 1466, 1527, 1713]);

/**
 * true: Eko says it did it; false: Eko says no; null: the envelope does not say.
 * A refusal shows in any of: a non-zero status, response_type_id 1464/1467/1528/1714, or
 * response_status_id 1 (Eko's real refusals may come without any `status`). tx_status 1 is read by the caller.
 */
export function envelopeSuccess(envelope: Envelope): boolean | null {
  const refusalType = envelope.response_type_id !== undefined && REFUSAL_TYPES.has(envelope.response_type_id);
  if (envelope.status !== undefined && envelope.status !== 0) return false;
  if (refusalType || envelope.response_status_id === 1) return false;
  if (envelope.status === 0) return true;
  if (envelope.response_type_id !== undefined && SUCCESS_TYPES.has(envelope.response_type_id)) return true;
  if (envelope.response_status_id !== undefined) return envelope.response_status_id <= 0 && envelope.response_status_id !== -2;
  return null;
}

/** What a balance-enquiry (or transaction-inquiry) answer means, before the request's own details are added. */
type EnquiryReading =
  | {
      outcome: 'success';
      /** The customer's balance (customerBalance); null: the bank gave none. */
      balance: string | null;
      /** The answer has no balance field at all, or one that is not an amount: not a result to show. */
      balanceUnreadable: boolean;
      /** Eko's own time of the transaction (transaction_date), ISO; null when not given. */
      ekoTime: string | null;
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
  const rawData = envelope.data !== null && typeof envelope.data === 'object' && !Array.isArray(envelope.data) ? (envelope.data as Record<string, unknown>) : {};
  const dataParsed = EnquiryDataSchema.safeParse(rawData);
  const data = dataParsed.success ? dataParsed.data : null;
  const tid = data?.tid ?? null;
  const dataTxStatus = readTxStatus(data?.tx_status);
  const txStatus = dataTxStatus ?? envelope.tx_status ?? null;
  const message = reasonText(envelope);

  // Awaited / on hold first: whatever else the envelope says, the bank has not answered yet.
  if (txStatus === 2 || envelope.response_status_id === 2) return { outcome: 'unknown', reason: 'awaited', tid };
  if (txStatus === 5 || envelope.response_status_id === 5) return { outcome: 'unknown', reason: 'onHold', tid };

  const success = envelopeSuccess(envelope);
  if (success === null) return { outcome: 'unknown', reason: 'unexpectedData', tid };
  if (success && (txStatus === null || txStatus === 0)) {
    const balance = customerBalance(rawData);
    return {
      outcome: 'success',
      balance: balance === 'bad' || balance === 'missing' ? null : balance,
      balanceUnreadable: balance === 'bad' || balance === 'missing',
      ekoTime: parseEkoDateTime(data?.transaction_date),
      bankName: data?.bank_name?.trim() || data?.bank?.trim() || null,
      tid,
      bankRef: data?.bank_ref_num ?? null,
      uidaiRef: data?.aadhaar_ref_num ?? null,
    };
  }
  if (success && txStatus !== 1) {
    // 3/4 (refund pending/refunded), a code we do not know or an unclear one: Eko says "done" but not "success".
    return { outcome: 'unknown', reason: 'unexpectedData', tid };
  }
  // A refusal (status, response_type_id, response_status_id or tx_status 1). -2 "another transaction in progress" lands here too.
  // Shown and printed for the customer: a number Eko quotes is masked first.
  return { outcome: 'refused', reason: refusalReason(message), serverMessage: message === null ? null : maskNumbersInText(message), tid };
}

/** What a daily-authentication answer means. */
type DailyAuthReading =
  | { outcome: 'success' }
  | { outcome: 'refused'; reason: DailyAuthRefusal; serverMessage: string | null }
  | { outcome: 'unknown'; reason: 'unexpectedData' | 'awaited' };

/** Eko's daily-authentication refusals: the finger (or a wadh-stamped capture), the one-time bank eKYC. */
function dailyAuthRefusal(text: string | null): DailyAuthRefusal {
  if (!text) return 'other';
  if (/invalid\s+biometric|biometric|finger|did\s+not\s+match/i.test(text)) return 'biometricMismatch';
  // "Please complete bank eKYC…"; not "You have already completed Bank eKYC. Please do daily KYC." (Eko's words then).
  if (!/already/i.test(text) && /complete\s+(?:the\s+)?(?:bank\s+)?e-?kyc|e-?kyc\s+(?:is\s+)?(?:not\s+(?:yet\s+)?(?:done|completed)|pending)/i.test(text)) return 'ekycNotDone';
  return 'other';
}

/** Reads a daily-authentication answer: 1713 success, 1714 "KYC Fail" with the reason in data.reason. */
export function readDailyAuth(envelope: Envelope): DailyAuthReading {
  if (envelope.response_status_id === 2 || envelope.tx_status === 2) return { outcome: 'unknown', reason: 'awaited' };
  const success = envelopeSuccess(envelope);
  if (success === null) return { outcome: 'unknown', reason: 'unexpectedData' };
  if (success) return { outcome: 'success' };
  const text = reasonText(envelope);
  return { outcome: 'refused', reason: dailyAuthRefusal(text), serverMessage: text === null ? null : maskNumbersInText(text) };
}

/** Eko's answer to a request that carried a field it does not expect ({"message":"No key for Response"}): it processed nothing. */
export function isNoKeyAnswer(envelope: Envelope): boolean {
  return envelope.status === undefined && envelope.response_status_id === undefined && envelope.response_type_id === undefined && /^no key for response$/i.test(envelope.message?.trim() ?? '');
}

/**
 * The settlement-accounts call has been seen answering with a daily-KYC status instead of a list
 * (response_type_id 1969, "Fingpay daily KYC is completed"): tolerated as "no list given".
 */
export function isDailyKycStatusAnswer(envelope: Envelope): boolean {
  return envelope.response_type_id === 1969;
}

/** One line of Eko's mini_statement_list, each field read on its own. */
const StatementLineIn = z.object({
  date: z.string(),
  amount: MoneyIn,
  txnType: z.string(),
  narration: z.string().nullish(),
});

/**
 * A statement line's date as YYYY-MM-DD. Banks send DD/MM/YYYY or only DD/MM: a date without a
 * year gets the year that puts it in the twelve months up to `today` (an Indian-calendar date).
 * null: not a date.
 */
export function statementDate(text: string, today: string): string | null {
  const m = /^\s*(\d{1,2})[/-](\d{1,2})(?:[/-](\d{2}|\d{4}))?\s*$/.exec(text);
  if (!m) return null;
  const day = Number(m[1]);
  const month = Number(m[2]);
  const [ty, tm, td] = today.split('-').map(Number) as [number, number, number];
  let year = m[3] === undefined ? ty : m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  // Without a year: this year's date unless that is after today, then last year's.
  if (m[3] === undefined && (month > tm || (month === tm && day > td))) year -= 1;
  const check = new Date(Date.UTC(year, month - 1, day));
  if (month < 1 || month > 12 || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return null;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${year}-${pad(month)}-${pad(day)}`;
}

type MiniStatementReading =
  | { outcome: 'success'; balance: string | null; lines: StatementLine[]; tid: string | null; bankRef: string | null }
  | { outcome: 'refused'; reason: RefusalReason; serverMessage: string | null; tid: string | null }
  | { outcome: 'unknown'; reason: 'awaited' | 'onHold' | 'unexpectedData'; tid: string | null };

/**
 * Reads a mini-statement answer: 1527 with data.mini_statement_list and customer_balance, 1528 with
 * the reason in data.comment. On a statement a blank or zero customer_balance ("0.0") means the bank
 * gave none. A list that cannot be read is not a statement to show: unknown, never a wrong list.
 */
export function readMiniStatement(envelope: Envelope, today: string): MiniStatementReading {
  const reading = readEnquiry(envelope);
  if (reading.outcome !== 'success') return reading;
  const data = envelope.data !== null && typeof envelope.data === 'object' && !Array.isArray(envelope.data) ? (envelope.data as Record<string, unknown>) : {};
  const rawList = data.mini_statement_list ?? [];
  if (!Array.isArray(rawList) || rawList.length > 50) return { outcome: 'unknown', reason: 'unexpectedData', tid: reading.tid };
  const lines: StatementLine[] = [];
  for (const raw of rawList) {
    const line = StatementLineIn.safeParse(raw);
    const date = line.success ? statementDate(line.data.date, today) : null;
    const type = line.success ? line.data.txnType.trim().toLowerCase() : '';
    if (!line.success || date === null || (type !== 'dr' && type !== 'cr')) return { outcome: 'unknown', reason: 'unexpectedData', tid: reading.tid };
    lines.push({ date, direction: type === 'dr' ? 'debit' : 'credit', amount: line.data.amount, narration: (line.data.narration ?? '').trim() });
  }
  // Newest first, keeping the bank's order within a day.
  const ordered = lines.map((line, i) => ({ line, i })).sort((a, b) => (a.line.date === b.line.date ? a.i - b.i : a.line.date < b.line.date ? 1 : -1)).map(({ line }) => line);
  const balance = reading.balanceUnreadable || reading.balance === null || /^0+(\.0+)?$/.test(reading.balance) ? null : reading.balance;
  return { outcome: 'success', balance, lines: ordered, tid: reading.tid, bankRef: reading.bankRef };
}
