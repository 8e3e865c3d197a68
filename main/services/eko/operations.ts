/**
 * Eko's billed AePS operations, each declared once: where it goes, the body of each request
 * edition, the masked details its outcome carries, and how its answer reads. The Eko client
 * builds and sends any of them (client.prepare / client.send) and the operation runner
 * (main/services/operations/) journals around the send. A new operation (a mini statement)
 * is a new definition here, not a new pipeline.
 */
import {
  KioskError,
  type DailyAuthOutcome,
  type EkoEdition,
  type EnquiryOutcome,
  type MiniStatementOutcome,
  type OperationKind,
  type RefusalReason,
  type UnknownReason,
} from '../../../app/contract';
import { isValidAadhaar, maskAadhaar } from '../../../app/domain/aadhaar';
import { bankCodeEdition } from '../../../app/domain/banks';
import { isValidMobile, maskMobile } from '../../../app/domain/mobile';
import { indianDay } from '../../../app/domain/indian-day';
import { journalAnswerOf, type JournalAnswer } from '../journal/journal';
import { readDailyAuth, readEnquiry, readMiniStatement, type Envelope } from './responses';

/** What an answer to a sent request was: an Eko envelope to read, or no verdict at all. */
export type EkoReply = { kind: 'envelope'; envelope: Envelope } | { kind: 'noVerdict'; reason: UnknownReason };

/** What the client lends an operation to build its body: the counter's settings and the Aadhaar encryption. */
export interface RequestContext {
  edition: EkoEdition;
  initiatorId: string;
  userCode: string;
  agentMobile: string;
  latlong: string;
  /** RSA-encrypts a clear Aadhaar number with Eko's key (base64). */
  encryptAadhaar(aadhaar: string): string;
  /** This PC's IPv4 address (the spec edition's source_ip). */
  sourceIp(): string;
}

/** The bank as an operation needs it: both codes, since the edition decides which is sent. */
interface OperationBank {
  iin: string;
  /** The IFSC bank prefix; null when the list has none (regional rural banks). */
  ifsc: string | null;
  name: string;
}

/** Masked details every outcome and journal row of an operation carries. */
export interface OperationCommon {
  ref: string;
  /** ISO time the request was built (just before it left). */
  at: string;
  maskedAadhaar: string;
  maskedMobile: string;
  bankIin: string;
  bankName: string;
}

export interface EkoOperation<Input, Outcome> {
  /** The journal's kind of row, and the log's call name. */
  kind: OperationKind;
  method: 'POST' | 'PUT';
  path(input: Input): string;
  /** Refuses input the request cannot be built from (input.invalid) before anything is encrypted. */
  check(input: Input, context: RequestContext): void;
  /** The exact body of the counter's edition: no field more (Eko may fail a call for an extra one). */
  body(input: Input, ref: string, context: RequestContext): Record<string, unknown>;
  common(input: Input, ref: string, at: string, context: RequestContext): OperationCommon;
  read(reply: EkoReply, common: OperationCommon): Outcome;
  /** The outcome when the request may have left but no answer can be read (the app failed mid-send). */
  interrupted(common: OperationCommon): Outcome;
  /** The outcome as a journal row keeps it: masked, and only the customer's balance. */
  journalAnswer(outcome: Outcome): JournalAnswer;
}

/** The bank_code of the counter's edition: the IIN (spec) or the IFSC bank prefix (current). */
function bankCode(bank: OperationBank, edition: EkoEdition): string {
  const code = edition === 'spec' ? bank.iin : bank.ifsc;
  if (!code) throw new KioskError('enquiry.bankNotSupported', { detail: `${bank.iin} has no IFSC bank prefix for the ${edition} edition`, params: { bank: bank.name } });
  return code;
}

function checkAadhaar(aadhaar: string): void {
  if (!isValidAadhaar(aadhaar) || !/^\d{12}$/.test(aadhaar)) throw new KioskError('input.invalid', { detail: 'aadhaar', params: { field: 'aadhaar' } });
}

function checkBank(bank: OperationBank, edition: EkoEdition): void {
  if (!/^\d{6}$/.test(bank.iin)) throw new KioskError('input.invalid', { detail: 'bank IIN', params: { field: 'bankIin' } });
  bankCode(bank, edition);
}

// ---------------------------------------------------------------------------
// Balance enquiry

export interface CustomerRequestInput {
  /** The customer's mobile: the path's customer_id. */
  customerMobile: string;
  /** The clear 12-digit number: encrypted and masked while the request is built, then dropped. */
  aadhaar: string;
  bank: OperationBank;
  /** The captured PID XML, sent untouched. */
  pidXml: string;
  /** SMS to the customer (spec edition only): 0 (default) or 1. */
  notifyCustomer?: 0 | 1;
}

/** The body of a customer's request (balance enquiry, mini statement): exactly each edition's fields, in its documents' order and types. */
function customerBody(input: CustomerRequestInput, ref: string, context: RequestContext): Record<string, unknown> {
  const common = { initiator_id: context.initiatorId, user_code: context.userCode, client_ref_id: ref };
  return context.edition === 'spec'
    ? {
        ...common,
        bank_code: bankCode(input.bank, 'spec'),
        amount: 0,
        aadhaar: context.encryptAadhaar(input.aadhaar),
        piddata: input.pidXml,
        pipe: 0,
        notify_customer: input.notifyCustomer ?? 0,
        latlong: context.latlong,
        source_ip: context.sourceIp(),
      }
    : {
        ...common,
        bank_code: bankCode(input.bank, 'current'),
        aadhar: context.encryptAadhaar(input.aadhaar),
        piddata: input.pidXml,
        latlong: context.latlong,
      };
}

/** The customer's details checked before anything is encrypted (balance enquiry, mini statement). */
function checkCustomer(input: CustomerRequestInput, context: RequestContext): void {
  if (!isValidMobile(input.customerMobile) || !/^\d{10}$/.test(input.customerMobile)) {
    throw new KioskError('input.invalid', { detail: 'customer mobile', params: { field: 'customerMobile' } });
  }
  checkAadhaar(input.aadhaar);
  checkBank(input.bank, context.edition);
  if (!input.pidXml) throw new KioskError('input.invalid', { detail: 'empty PID block', params: { field: 'piddata' } });
}

const customerCommon = (input: CustomerRequestInput, ref: string, at: string): OperationCommon => ({
  ref,
  at,
  maskedAadhaar: maskAadhaar(input.aadhaar),
  maskedMobile: maskMobile(input.customerMobile),
  bankIin: input.bank.iin,
  bankName: input.bank.name,
});

type CustomerNotSuccess = Extract<EnquiryOutcome, { outcome: 'refused' | 'unknown' }>;

/**
 * A customer's operation (balance enquiry, mini statement): the same checks, body, masked details
 * and journal row; only its path and how its success reads differ.
 */
function customerOperation<R extends { outcome: string; tid: string | null }, S>(
  kind: 'balance' | 'miniStatement',
  urlPart: string,
  readAnswer: (envelope: Envelope, common: OperationCommon) => R,
  success: (reading: Extract<R, { outcome: 'success' }>, base: ReturnType<typeof enquiryCommon>) => S | CustomerNotSuccess,
): EkoOperation<CustomerRequestInput, S | CustomerNotSuccess> {
  return {
    kind,
    method: 'POST',
    path: (input) => `/customer/collection/aeps-fingpay/${urlPart}/${encodeURIComponent(input.customerMobile)}`,
    check: checkCustomer,
    body: customerBody,
    common: customerCommon,
    read(reply, common) {
      const base = enquiryCommon(common);
      if (reply.kind === 'noVerdict') return { outcome: 'unknown', ...base, reason: reply.reason, tid: null };
      const reading = readAnswer(reply.envelope, common) as R & ({ outcome: 'success' } | { outcome: 'refused'; reason: RefusalReason; serverMessage: string | null } | { outcome: 'unknown'; reason: UnknownReason });
      if (reading.outcome === 'success') return success(reading as Extract<R, { outcome: 'success' }>, base);
      if (reading.outcome === 'refused') return { outcome: 'refused', ...base, reason: reading.reason, serverMessage: reading.serverMessage, tid: reading.tid };
      return { outcome: 'unknown', ...base, reason: (reading as { reason: UnknownReason }).reason, tid: reading.tid };
    },
    interrupted: (common) => ({ outcome: 'unknown', ...enquiryCommon(common), reason: 'interrupted', tid: null }),
    journalAnswer: (outcome) => journalAnswerOf(outcome as Parameters<typeof journalAnswerOf>[0]),
  };
}

export const balanceEnquiryOperation: EkoOperation<CustomerRequestInput, EnquiryOutcome> = customerOperation(
  'balance',
  'balance-enquiry',
  (envelope) => readEnquiry(envelope),
  (reading, base) => {
    // No balance field, or one that is not an amount: never a figure to show the customer.
    if (reading.balanceUnreadable) return { outcome: 'unknown', ...base, reason: 'unexpectedData', tid: reading.tid };
    return { outcome: 'success', ...base, bankName: reading.bankName ?? base.bankName, balance: reading.balance, tid: reading.tid, bankRef: reading.bankRef, uidaiRef: reading.uidaiRef };
  },
);

// ---------------------------------------------------------------------------
// Mini statement: the same customer, capture and body as a balance enquiry; the result is the lines.

export const miniStatementOperation: EkoOperation<CustomerRequestInput, MiniStatementOutcome> = customerOperation(
  'miniStatement',
  'mini-statement',
  // Dates without a year are placed in the twelve months up to the Indian day the statement was asked.
  (envelope, common) => readMiniStatement(envelope, indianDay(new Date(common.at)).day),
  (reading, base) => ({ outcome: 'success', ...base, balance: reading.balance, lines: reading.lines, tid: reading.tid, bankRef: reading.bankRef }),
);

function enquiryCommon(common: OperationCommon) {
  return { clientRefId: common.ref, at: common.at, maskedAadhaar: common.maskedAadhaar, maskedMobile: common.maskedMobile, bankIin: common.bankIin, bankName: common.bankName };
}

// ---------------------------------------------------------------------------
// The agent's daily authentication (Eko's current edition's call, whatever the counter's edition)

interface DailyAuthRequestInput {
  /** The agent's own clear Aadhaar number: encrypted and masked while the request is built. */
  aadhaar: string;
  bank: OperationBank;
  pidXml: string;
}

export const dailyAuthOperation: EkoOperation<DailyAuthRequestInput, DailyAuthOutcome> = {
  kind: 'dailyAuth',
  method: 'PUT',
  path: () => '/user/collection/aeps-fingpay/kyc/biometric/daily',
  check(input, context) {
    checkAadhaar(input.aadhaar);
    checkBank(input.bank, bankCodeEdition('dailyAuth', context.edition));
    if (!isValidMobile(context.agentMobile)) throw new KioskError('config.invalid', { detail: 'the agent mobile is not a mobile number', params: { setting: 'KIOSK_AGENT_MOBILE', problem: 'invalid' } });
    if (!input.pidXml) throw new KioskError('input.invalid', { detail: 'empty PID block', params: { field: 'piddata' } });
  },
  // Exactly these fields: Eko failed this call with "No key for Response" when it carried a client_ref_id.
  body: (input, _ref, context) => ({
    initiator_id: context.initiatorId,
    user_code: context.userCode,
    customer_id: context.agentMobile,
    aadhar: context.encryptAadhaar(input.aadhaar),
    latlong: context.latlong,
    bank_code: bankCode(input.bank, bankCodeEdition('dailyAuth', context.edition)),
    piddata: input.pidXml,
  }),
  common: (input, ref, at, context) => ({
    ref,
    at,
    maskedAadhaar: maskAadhaar(input.aadhaar),
    maskedMobile: maskMobile(context.agentMobile),
    bankIin: input.bank.iin,
    bankName: input.bank.name,
  }),
  read(reply, common) {
    const base = dailyCommon(common);
    if (reply.kind === 'noVerdict') return { outcome: 'unknown', ...base, reason: reply.reason };
    const reading = readDailyAuth(reply.envelope);
    if (reading.outcome === 'success') return { outcome: 'success', ...base };
    if (reading.outcome === 'refused') return { outcome: 'refused', ...base, reason: reading.reason, serverMessage: reading.serverMessage };
    return { outcome: 'unknown', ...base, reason: reading.reason };
  },
  interrupted: (common) => ({ outcome: 'unknown', ...dailyCommon(common), reason: 'interrupted' }),
  journalAnswer: (outcome) =>
    outcome.outcome === 'success'
      ? { clientRefId: outcome.ref, bankName: outcome.bankName, outcome: 'success', reason: null, tid: null, bankRef: null, uidaiRef: null, balance: null, serverMessage: null }
      : { clientRefId: outcome.ref, bankName: outcome.bankName, outcome: outcome.outcome, reason: outcome.reason, tid: null, bankRef: null, uidaiRef: null, balance: null, serverMessage: outcome.outcome === 'refused' ? outcome.serverMessage : null },
};

function dailyCommon(common: OperationCommon) {
  return { ref: common.ref, at: common.at, maskedAadhaar: common.maskedAadhaar, bankIin: common.bankIin, bankName: common.bankName };
}
