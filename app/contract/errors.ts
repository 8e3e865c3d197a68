/**
 * The one error model shared by both processes.
 *
 * Every failure that crosses the contract is a KioskError: a stable `code`
 * (what the renderer branches on, what tests assert), a `messageKey` (what the
 * UI translates) and `detail` (for logs only: it never crosses to the renderer).
 */
// zod/mini like ./index.ts: the renderer bundles this file too.
import * as z from 'zod/mini';

/** Every code the contract can return. The renderer has a message for each, in every language. */
export const ERROR_CODES = [
  // The app itself
  'internal',
  'input.invalid',
  'config.invalid',
  'host.unauthorized',
  'host.unreachable',
  // The fingerprint scanner (RD service)
  'rd.notFound',
  'rd.notReady',
  // The RD service is still starting (Mantra errCode -1509) and stayed so for the whole wait
  'rd.starting',
  'rd.busy',
  'rd.noResponse',
  'rd.badResponse',
  'rd.captureTimeout',
  'rd.captureFailed',
  'rd.needsReinit',
  'rd.unsupported',
  'rd.addressRejected',
  'rd.deviceError',
  'rd.cancelled',
  'rd.poorQuality',
  'rd.captureExpired',
  // Eko's API: the request never left, or the server refused it before any bank saw it
  'eko.offline',
  'eko.timeout',
  'eko.auth',
  'eko.clockSkew',
  'eko.notFound',
  'eko.contentType',
  'eko.server',
  'eko.htmlPage',
  'eko.badResponse',
  'eko.invalidParams',
  'eko.failed',
  // Eko has no transaction with this reference long after it was sent: it never arrived, nothing was charged
  'eko.neverArrived',
  // The receipt printer
  'print.failed',
  'print.pdfFailed',
  // A balance enquiry that failed inside the app before it was sent (nothing reached the bank)
  'enquiry.notSent',
  // Another billed operation (enquiry or daily authentication) is still waiting for Eko: one at a time
  'enquiry.busy',
  // The chosen bank has no bank_code in the counter's request edition (a regional rural bank in "current")
  'enquiry.bankNotSupported',
  // The journal (history)
  'journal.unavailable',
  'journal.notFound',
  // The attempt could not be written before sending, so the enquiry was not sent
  'journal.writeFailed',
  // Operator settings
  'settings.pinWrong',
  'settings.locked',
  'settings.pinRequired',
  'settings.tokenExpired',
  'settings.secretStorageUnavailable',
  'settings.busy',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorCodeSchema = z.enum(ERROR_CODES);

/** What crosses the process boundary: never the detail, never a stack. */
export const WireErrorSchema = z.object({
  code: ErrorCodeSchema,
  messageKey: z.string(),
  /** Values the message may show (a setting's name, a field name, a reference). Never personal data. */
  params: z.optional(z.record(z.string(), z.string())),
});
export type WireError = z.infer<typeof WireErrorSchema>;

export function messageKeyFor(code: ErrorCode): string {
  return `errors.${code}`;
}

export class KioskError extends Error {
  readonly code: ErrorCode;
  readonly messageKey: string;
  readonly params?: Record<string, string>;
  /** For logs only. Must already be free of personal data; the logger redacts again anyway. */
  readonly detail?: string;

  constructor(code: ErrorCode, options: { detail?: string; params?: Record<string, string>; cause?: unknown } = {}) {
    super(options.detail ? `${code}: ${options.detail}` : code);
    this.name = 'KioskError';
    this.code = code;
    this.messageKey = messageKeyFor(code);
    this.params = options.params;
    this.detail = options.detail;
    if (options.cause !== undefined) (this as { cause?: unknown }).cause = options.cause;
  }

  toWire(): WireError {
    return this.params
      ? { code: this.code, messageKey: this.messageKey, params: this.params }
      : { code: this.code, messageKey: this.messageKey };
  }

  static fromWire(wire: WireError): KioskError {
    return new KioskError(wire.code, { params: wire.params });
  }
}

export function isKioskError(value: unknown): value is KioskError {
  return value instanceof KioskError;
}

/** Any thrown value as a KioskError; unknown failures become `internal` with their message kept for logs. */
export function toKioskError(value: unknown): KioskError {
  if (value instanceof KioskError) return value;
  const detail = value instanceof Error ? value.message : String(value);
  return new KioskError('internal', { detail, cause: value });
}

/**
 * The failures of a balance enquiry that prove it never reached a bank: refused before it left
 * this PC (input, set-up, scanner, history file) or by Eko's gateway before any processing.
 * Only these may be shown as "not sent" with an offer to capture again. Any other failure
 * (internal, host.unreachable, eko.timeout, eko.server, an unreadable answer, …) may have
 * reached the bank: a second try could be a second billed enquiry, so its result is unknown.
 */
const ENQUIRY_NOT_SENT_CODES: ReadonlySet<ErrorCode> = new Set<ErrorCode>([
  'input.invalid',
  'config.invalid',
  'host.unauthorized',
  ...ERROR_CODES.filter((code) => code.startsWith('rd.')),
  'eko.offline',
  'eko.auth',
  'eko.clockSkew',
  'eko.notFound',
  'eko.contentType',
  'eko.invalidParams',
  'eko.neverArrived',
  'enquiry.notSent',
  'enquiry.busy',
  'enquiry.bankNotSupported',
  'journal.unavailable',
  'journal.writeFailed',
  'settings.busy',
]);

export function enquiryNeverSent(code: ErrorCode): boolean {
  return ENQUIRY_NOT_SENT_CODES.has(code);
}
