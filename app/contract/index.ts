/**
 * THE contract between the renderer and the main side.
 *
 * Every call the renderer can make is listed here with the schema of its input
 * and its output. Both hosts (Electron IPC and the loopback web host) validate
 * input against these schemas before any service runs, and the renderer's
 * bridge validates every output. Nothing else crosses between the processes.
 *
 * To add a call: add its schemas and an entry to `contract`, add its name to
 * CALL_NAMES (./calls.ts), and implement it in main/host/handlers.ts.
 */
// zod/mini, not classic zod: the same schemas through a functional API that tree-shakes, so the
// renderer (which bundles this file) carries a fraction of the schema library.
import * as z from 'zod/mini';
import { WireErrorSchema } from './errors';
import type { CallName } from './calls';

export * from './errors';
export { BRIDGE_GLOBAL, CALL_NAMES, ipcChannel, type CallName } from './calls';

// ---------------------------------------------------------------------------
// Shared pieces

/** An exact decimal amount in rupees, as a plain string ("5500.75"). Never a float. */
export const MoneySchema = z.string().check(z.regex(/^-?\d+(\.\d+)?$/, 'plain decimal string'));

export { ProfileSchema, EKO_EDITIONS, EkoEditionSchema, type Profile, type EkoEdition } from './profiles';
import { EkoEditionSchema, ProfileSchema } from './profiles';
export * from './settings-fields';
import { EkoSettingsInputSchema, EkoSettingsViewSchema } from './settings-fields';

const NoInput = z.strictObject({});

// ---------------------------------------------------------------------------
// App

/**
 * How long the main side waits (config.json may set each within these bounds). The renderer's
 * call deadlines are derived from the values in AppInfo, so they always sit above these waits.
 */
export const MAIN_SIDE_WAITS_MS = {
  /** A signed GET to Eko (wallet, accounts, inquiry); one clock-refused GET is retried once. */
  ekoRequest: { min: 1000, max: 120_000, default: 15_000 },
  /** A balance enquiry's POST, waiting for the bank. */
  ekoEnquiry: { min: 5000, max: 180_000, default: 60_000 },
  /** The scanner's wait for a finger (PidOptions timeout). */
  capture: { min: 3000, max: 60_000, default: 10_000 },
} as const;
/** How much longer than the finger's wait the main side's CAPTURE HTTP call may take (a person is placing a finger). */
export const CAPTURE_HTTP_MARGIN_MS = 30_000;
const waitMs = (bounds: { min: number; max: number }) => z.int().check(z.gte(bounds.min), z.lte(bounds.max));

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  profile: ProfileSchema,
  /** Demo profile: simulated scanner and sandbox Eko. The UI shows a TRAINING band. */
  training: z.boolean(),
  dataDir: z.string(),
  host: z.enum(['electron', 'web']),
  /** The agent's Eko user code and registered mobile, and the shop's name and address (null: not set), printed on receipts. */
  agent: z.object({ userCode: z.string(), mobile: z.string(), shopName: z.optional(z.nullable(z.string())), shopAddress: z.optional(z.nullable(z.string())) }),
  /** The counter's thermal printer: 58 or 80 mm paper. */
  receiptPaperMm: z.union([z.literal(58), z.literal(80)]),
  /** How long the scanner waits for a finger (configured rd.captureTimeoutMs): the capture asks for it and the countdown shows it. */
  captureTimeoutMs: waitMs(MAIN_SIDE_WAITS_MS.capture),
  /** The main side's Eko waits (configured eko.requestTimeoutMs / enquiryTimeoutMs), for the renderer's call deadlines. */
  ekoRequestTimeoutMs: waitMs(MAIN_SIDE_WAITS_MS.ekoRequest),
  ekoEnquiryTimeoutMs: waitMs(MAIN_SIDE_WAITS_MS.ekoEnquiry),
  /** The request edition the counter speaks: in "current", banks without an IFSC prefix cannot be chosen. */
  ekoEdition: EkoEditionSchema,
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

// ---------------------------------------------------------------------------
// Fingerprint scanner (RD service)

export const RdStatusSchema = z.enum(['READY', 'NOTREADY', 'USED']);

export const RdServiceSchema = z.object({
  port: z.int(),
  protocol: z.enum(['http', 'https']),
  status: RdStatusSchema,
  info: z.string(),
  capturePath: z.string(),
  deviceInfoPath: z.nullable(z.string()),
});
export type RdService = z.infer<typeof RdServiceSchema>;

export const DeviceInfoSchema = z.object({
  vendor: z.string(),
  model: z.string(),
  rdsId: z.string(),
  rdsVersion: z.string(),
  serial: z.nullable(z.string()),
  /** UIDAI security level from additional_info device_type (L0 / L1), when the device says. */
  level: z.nullable(z.string()),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export const DeviceStateSchema = z.object({
  /** What the indicator shows: searching while a scan runs with nothing known yet. */
  state: z.enum(['ready', 'notReady', 'busy', 'none', 'searching']),
  selected: z.nullable(RdServiceSchema),
  devices: z.array(RdServiceSchema),
  deviceInfo: z.nullable(DeviceInfoSchema),
  /** ISO time of the last finished scan, null before the first. */
  scannedAt: z.nullable(z.string()),
  scanMs: z.nullable(z.number()),
});
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const CaptureInputSchema = z.strictObject({
  /** How long the scanner waits for a finger, ms. Defaults to the configured value (10 s). */
  timeoutMs: z.optional(waitMs(MAIN_SIDE_WAITS_MS.capture)),
});

/** Below 45 the agent is asked to re-scan; 25–44 may be overridden; below 25 never. */
export const QUALITY_GOOD = 45;
export const QUALITY_MINIMUM = 25;

export const CaptureResultSchema = z.object({
  /** Opaque handle to the PID block kept in the main process. The PID itself never crosses. */
  handle: z.string(),
  qScore: z.number(),
  nmPoints: z.nullable(z.number()),
  /** good: 45 and above. low: 25–44, the agent may send it anyway (allowLowQuality). Below 25 the capture fails with rd.poorQuality. */
  quality: z.enum(['good', 'low']),
  device: z.nullable(DeviceInfoSchema),
});
export type CaptureResult = z.infer<typeof CaptureResultSchema>;

// ---------------------------------------------------------------------------
// Eko: settlement wallet and accounts

export const SettlementBalanceSchema = z.object({
  balance: MoneySchema,
  currency: z.string(),
  customerId: z.string(),
});
export type SettlementBalance = z.infer<typeof SettlementBalanceSchema>;

export const SettlementAccountsSchema = z.object({
  /** null: Eko answered without figures (it has answered this call with the daily-KYC status instead). */
  unsettledFund: z.nullable(MoneySchema),
  remainingLimit: z.nullable(MoneySchema),
  recipients: z.array(
    z.object({
      recipientId: z.string(),
      name: z.string(),
      /** Masked in the main process: only the last 4 digits cross. */
      accountMasked: z.string(),
      ifsc: z.string(),
    }),
  ),
});
export type SettlementAccounts = z.infer<typeof SettlementAccountsSchema>;

export const EkoStatusSchema = z.object({
  baseUrl: z.string(),
  /** Server clock minus this PC's clock, ms, from the last response's Date header. */
  clockSkewMs: z.nullable(z.number()),
  /** True when the PC clock is more than 30 s off: the operator must fix it. */
  clockWarning: z.boolean(),
});
export type EkoStatus = z.infer<typeof EkoStatusSchema>;

// ---------------------------------------------------------------------------
// Balance enquiry

export const BalanceEnquiryInputSchema = z.strictObject({
  customerMobile: z.string().check(z.regex(/^[6-9]\d{9}$/)),
  /** The only moment the clear number crosses: from the keypad to the main process, which encrypts it. */
  aadhaar: z.string().check(z.regex(/^[2-9]\d{11}$/)),
  bankIin: z.string().check(z.regex(/^\d{6}$/)),
  captureHandle: z.string().check(z.minLength(1)),
  /** The agent chose to send a capture of quality 25–44. */
  allowLowQuality: z.optional(z.boolean()),
});
export type BalanceEnquiryInput = z.infer<typeof BalanceEnquiryInputSchema>;

export const REFUSAL_REASONS = [
  'notLinked',
  'bankUnavailable',
  'biometricMismatch',
  /** "Duplicate Biometric data.": the same PID block reached Eko twice; a new capture fixes it. */
  'duplicateBiometric',
  'dailyAuthMissing',
  'limitExhausted',
  'accountFrozen',
  'debitDisabled',
  'insufficientFloat',
  'invalidRequest',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

/**
 * Refusals that are the agent's to fix, not the customer's bank refusing the customer: today's
 * daily authentication, the agent's own wallet (float). Shown and counted as the agent's.
 */
export const AGENT_REFUSAL_REASONS: readonly RefusalReason[] = ['dailyAuthMissing', 'insufficientFloat'];
export function isAgentRefusal(reason: string | null): boolean {
  return reason !== null && (AGENT_REFUSAL_REASONS as readonly string[]).includes(reason);
}

/** What fixes a refusal without retyping: capture again, choose another bank, try again, or nothing here. */
export type RefusalRecovery = 'captureAgain' | 'otherBank' | 'tryAgain' | 'dailyAuth' | 'none';
/**
 * `enteredByIin`: the bank was typed by its IIN, not chosen from the list; a refusal that a wrong
 * bank code can cause (an invalid request, a reason not known) may then be the IIN's: another bank.
 */
export function refusalRecovery(reason: RefusalReason, { enteredByIin = false } = {}): RefusalRecovery {
  switch (reason) {
    case 'biometricMismatch':
    case 'duplicateBiometric':
      return 'captureAgain';
    case 'notLinked':
      return 'otherBank';
    case 'bankUnavailable':
      return 'tryAgain';
    case 'dailyAuthMissing':
      return 'dailyAuth';
    case 'invalidRequest':
    case 'other':
      return enteredByIin ? 'otherBank' : 'none';
    default:
      return 'none';
  }
}

/** Why a result is not known (see the enquiry's unknown outcome). */
export const UNKNOWN_REASONS = [
  'awaited',
  'onHold',
  'timeout',
  'connectionLost',
  'serverError',
  'gatewayError',
  'htmlPage',
  'httpError',
  'unreadable',
  'unexpectedData',
  'interrupted',
] as const;
export type UnknownReason = (typeof UNKNOWN_REASONS)[number];

/** The bank an operation went to (a record's, an outcome's), by IIN and by name. */
const OperationBank = {
  bankIin: z.string(),
  bankName: z.string(),
};

const EnquiryCommon = {
  clientRefId: z.string(),
  /** ISO time the enquiry was sent. */
  at: z.string(),
  maskedAadhaar: z.string(),
  maskedMobile: z.string(),
  ...OperationBank,
};

/** A customer's operation (balance enquiry, mini statement) refused by the bank, UIDAI or Eko. */
const CustomerRefusedSchema = z.object({
  outcome: z.literal('refused'),
  ...EnquiryCommon,
  reason: z.enum(REFUSAL_REASONS),
  /** Eko's own words, shown small under our translated explanation. */
  serverMessage: z.nullable(z.string()),
  tid: z.nullable(z.string()),
});

/** A customer's operation whose result is not known (see UNKNOWN_REASONS). */
const CustomerUnknownSchema = z.object({
  outcome: z.literal('unknown'),
  ...EnquiryCommon,
  /**
   * awaited/onHold: Eko said tx_status 2/5. timeout/connectionLost: sent, no answer.
   * After sending, an answer that is not a verdict: serverError (HTTP 5xx), gatewayError (HTTP 502/503/504
   * from a gateway), htmlPage (a web page, e.g. a proxy's), httpError (another HTTP error status with JSON),
   * unreadable (cut off or not JSON), unexpectedData (JSON with fields of the wrong type, or a success
   * without a balance). interrupted: the app stopped mid-enquiry.
   */
  reason: z.enum(UNKNOWN_REASONS),
  tid: z.nullable(z.string()),
});

export const EnquiryOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('success'),
    ...EnquiryCommon,
    /** The customer's bank balance; null: the bank answered without one (Eko sent a blank customer_balance). */
    balance: z.nullable(MoneySchema),
    tid: z.nullable(z.string()),
    bankRef: z.nullable(z.string()),
    uidaiRef: z.nullable(z.string()),
  }),
  CustomerRefusedSchema,
  CustomerUnknownSchema,
]);
export type EnquiryOutcome = z.infer<typeof EnquiryOutcomeSchema>;

// ---------------------------------------------------------------------------
// Mini statement: the customer's last transactions, through the same flow as a balance enquiry.

/** One line of a mini statement, newest first. Shown and printed on demand, never journalled or logged. */
export const StatementLineSchema = z.object({
  /** The bank's date as YYYY-MM-DD (a bank that sends only DD/MM gets the year that puts it in the last twelve months). */
  date: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** debit: money out of the account (Dr); credit: money in (Cr). */
  direction: z.enum(['debit', 'credit']),
  amount: MoneySchema,
  /** The bank's narration, trimmed (banks pad it with spaces). */
  narration: z.string(),
});
export type StatementLine = z.infer<typeof StatementLineSchema>;

export const MiniStatementOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('success'),
    ...EnquiryCommon,
    /** The customer's balance (customer_balance); null: the bank gave none (a blank or "0.0" on a statement). */
    balance: z.nullable(MoneySchema),
    lines: z.array(StatementLineSchema).check(z.maxLength(50)),
    tid: z.nullable(z.string()),
    bankRef: z.nullable(z.string()),
  }),
  CustomerRefusedSchema,
  CustomerUnknownSchema,
]);
export type MiniStatementOutcome = z.infer<typeof MiniStatementOutcomeSchema>;

/**
 * The enquiry the main side is working on or has just finished, so a renderer
 * that was reloaded or recreated mid-enquiry can tell the agent where things
 * stand. Only masked data. A finished one (done, or notSent: failed before it
 * reached a bank, see enquiryNeverSent) is kept until the renderer acknowledges
 * it (acknowledgeLastEnquiry), at most 10 minutes.
 */
export const LastEnquirySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({
    state: z.literal('inFlight'),
    clientRefId: z.nullable(z.string()),
    at: z.string(),
    maskedAadhaar: z.string(),
    maskedMobile: z.string(),
    bankName: z.string(),
  }),
  z.object({ state: z.literal('done'), outcome: EnquiryOutcomeSchema }),
  z.object({ state: z.literal('notSent'), ...EnquiryCommon, error: WireErrorSchema }),
]);
export type LastEnquiry = z.infer<typeof LastEnquirySchema>;

export const AcknowledgeLastEnquiryInputSchema = z.union([
  z.strictObject({ clientRefId: z.string().check(z.minLength(1), z.maxLength(64)) }),
  z.strictObject({ captureHandle: z.string().check(z.minLength(1), z.maxLength(128)) }),
]);
export type AcknowledgeLastEnquiryInput = z.infer<typeof AcknowledgeLastEnquiryInputSchema>;

// ---------------------------------------------------------------------------
// The agent's daily authentication ("2FA"): the agent's own Aadhaar and finger, once per
// Indian calendar day, before the first customer. Billed by Eko: never started automatically.

export const DailyAuthStatusSchema = z.object({
  /** The Indian calendar day (Asia/Kolkata, whatever the PC's time zone), YYYY-MM-DD. */
  day: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
  /** done: passed today and Eko has not asked again since. */
  state: z.enum(['done', 'notDone']),
  /** ISO time today's authentication passed; null when not done. */
  doneAt: z.nullable(z.string()),
  /** Eko refused an enquiry for want of it after it was done today (a "2fa" refusal or FP069): do it again. */
  askedAgain: z.boolean(),
  /** The bank linked to the agent's Aadhaar, as last used (remembered; the Aadhaar number never is). */
  lastBankIin: z.nullable(z.string()),
});
export type DailyAuthStatus = z.infer<typeof DailyAuthStatusSchema>;

export const DailyAuthInputSchema = z.strictObject({
  /** The agent's own Aadhaar number, typed each time; encrypted for Eko and never stored. */
  aadhaar: z.string().check(z.regex(/^[2-9]\d{11}$/)),
  bankIin: z.string().check(z.regex(/^\d{6}$/)),
  captureHandle: z.string().check(z.minLength(1)),
  allowLowQuality: z.optional(z.boolean()),
});
export type DailyAuthInput = z.infer<typeof DailyAuthInputSchema>;

/** biometricMismatch: capture again. ekycNotDone: the one-time bank eKYC in Eko's portal. other: Eko's words. */
export const DAILY_AUTH_REFUSALS = ['biometricMismatch', 'ekycNotDone', 'other'] as const;
export type DailyAuthRefusal = (typeof DAILY_AUTH_REFUSALS)[number];

const DailyAuthCommon = {
  /** Our journal's reference for the attempt (not sent to Eko: its daily call takes none). */
  ref: z.string(),
  at: z.string(),
  /** The agent's Aadhaar, masked: XXXX XXXX 1234. */
  maskedAadhaar: z.string(),
  ...OperationBank,
};
export const DailyAuthOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({ outcome: z.literal('success'), ...DailyAuthCommon }),
  z.object({ outcome: z.literal('refused'), ...DailyAuthCommon, reason: z.enum(DAILY_AUTH_REFUSALS), serverMessage: z.nullable(z.string()) }),
  /** Sent, but no verdict: today stays "not done" (Eko has no inquiry for it); the agent may try again. */
  z.object({ outcome: z.literal('unknown'), ...DailyAuthCommon, reason: z.enum(UNKNOWN_REASONS) }),
]);
export type DailyAuthOutcome = z.infer<typeof DailyAuthOutcomeSchema>;

// ---------------------------------------------------------------------------
// History (the journal), follow-up, receipts, diagnostics

export const JOURNAL_OUTCOMES = ['success', 'refused', 'unknown', 'notSent'] as const;
/** What a journal row is: a customer's balance enquiry or mini statement, or the agent's daily authentication. */
export const OPERATION_KINDS = ['balance', 'miniStatement', 'dailyAuth'] as const;
export type OperationKind = (typeof OPERATION_KINDS)[number];

/** listEnquiries answers at most this many rows (the newest); `matching` says how many there are. */
export const HISTORY_MAX_ROWS = 500;

/** One enquiry attempt as history shows it. A row the app lost track of mid-enquiry is 'unknown' / 'interrupted'. */
export const HistoryRowSchema = z.object({
  kind: z.enum(OPERATION_KINDS),
  clientRefId: z.string(),
  time: z.string(),
  updatedAt: z.string(),
  profile: ProfileSchema,
  maskedMobile: z.string(),
  maskedAadhaar: z.string(),
  ...OperationBank,
  outcome: z.enum(JOURNAL_OUTCOMES),
  reason: z.nullable(z.string()),
  tid: z.nullable(z.string()),
  bankRef: z.nullable(z.string()),
  uidaiRef: z.nullable(z.string()),
  balance: z.nullable(MoneySchema),
  /** A mini statement's number of lines (the lines themselves are never kept); null for other kinds. */
  lines: z.optional(z.nullable(z.int())),
  errorCode: z.nullable(z.string()),
});
export type HistoryRow = z.infer<typeof HistoryRowSchema>;

export const ListEnquiriesInputSchema = z.strictObject({
  /** ISO instants: from inclusive, to exclusive (the renderer computes the local day). */
  from: z.optional(z.iso.datetime()),
  to: z.optional(z.iso.datetime()),
  outcome: z.optional(z.enum(JOURNAL_OUTCOMES)),
  kind: z.optional(z.enum(OPERATION_KINDS)),
  /** Last 4 digits of the customer's mobile or Aadhaar. */
  last4: z.optional(z.string().check(z.regex(/^\d{4}$/))),
});

export const EnquiryListSchema = z.object({
  /** The newest rows that match the filters, at most HISTORY_MAX_ROWS. */
  rows: z.array(HistoryRowSchema),
  totals: z.record(z.enum(JOURNAL_OUTCOMES), z.int()),
  /** Of the refused customer enquiries in the period, those that were the agent's to fix (isAgentRefusal): counted apart. */
  agentRefused: z.int(),
  /** How many rows match the filters in all; more than rows.length when the list was cut at HISTORY_MAX_ROWS. */
  matching: z.optional(z.int()),
});
export type EnquiryList = z.infer<typeof EnquiryListSchema>;

export const PaperWidthSchema = z.union([z.literal(58), z.literal(80)]);
export type PaperWidth = z.infer<typeof PaperWidthSchema>;

/** The receipt lengths a page may have (mm): anything else is a bad measurement, and the page stays A4-long. */
export const RECEIPT_HEIGHT_MM = { min: 10, max: 1000 } as const;

/** The receipt's page: the paper's width and the receipt's length as the renderer laid it out. */
export const ReceiptPageSchema = z.strictObject({
  paperMm: PaperWidthSchema,
  /** Measured, so a thermal printer feeds only as much paper as the receipt needs. Absent: an A4 length. */
  heightMm: z.optional(z.number().check(z.gte(RECEIPT_HEIGHT_MM.min), z.lte(RECEIPT_HEIGHT_MM.max))),
});
export type ReceiptPage = z.infer<typeof ReceiptPageSchema>;

export const PrintReceiptInputSchema = ReceiptPageSchema;
/** silent: printed by the desktop app. browser: the renderer opens the browser's print dialog. */
export const PrintReceiptResultSchema = z.object({ method: z.enum(['silent', 'browser']) });

/** The file is named after the enquiry's reference (the main side makes it safe for a file name). */
/** Strict like the page it extends: z.extend keeps the page's refusal of unknown keys. */
export const SaveReceiptPdfInputSchema = z.extend(ReceiptPageSchema, { clientRefId: z.string().check(z.minLength(1), z.maxLength(64)) });
export type SaveReceiptPdfInput = z.infer<typeof SaveReceiptPdfInputSchema>;
/** saved: the desktop app wrote the PDF to `path`. browser: the renderer opens the browser's print dialog, whose "Save as PDF" saves it. */
export const SaveReceiptPdfResultSchema = z.discriminatedUnion('method', [
  z.object({ method: z.literal('saved'), path: z.string() }),
  z.object({ method: z.literal('browser') }),
]);

/** An Eko connection check (diagnostics, the settings' "Test connection"). */
export const ConnectionTestSchema = z.object({
  ok: z.boolean(),
  baseUrl: z.string(),
  clockSkewMs: z.nullable(z.number()),
  walletBalance: z.nullable(MoneySchema),
  /** Why it failed: a contract error (translate errors.<code>) plus a short English detail for support. Never keys. */
  error: z.nullable(z.extend(WireErrorSchema, { detail: z.string() })),
});
export type ConnectionTest = z.infer<typeof ConnectionTestSchema>;

export const DiagnosticsSchema = z.object({
  version: z.string(),
  profile: ProfileSchema,
  dataDir: z.string(),
  host: z.enum(['electron', 'web']),
  runtime: z.object({ node: z.string(), electron: z.nullable(z.string()), chrome: z.nullable(z.string()), platform: z.string() }),
  device: DeviceStateSchema,
  eko: ConnectionTestSchema,
  journal: z.nullable(
    z.object({
      rows: z.number(),
      unknown: z.number(),
      fileBytes: z.number(),
      schemaVersion: z.number(),
      /** A damaged history file this run set aside (its file name, kept for support) and replaced with a new one. */
      setAside: z.optional(z.nullable(z.string())),
    }),
  ),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

// ---------------------------------------------------------------------------
// Operator settings (behind the operator PIN)

//
// First run (no setup saved yet): saveSettings needs no token but must set newPin;
// testConnection needs no token. Afterwards both need the token unlockSettings gives.
// Secrets go one way: entered here, stored encrypted in the main process, and only
// ever shown back masked ("••••0567").

/** The operator PIN: 4–8 digits, not all the same digit and not a straight run (1234, 8765). */
export const OperatorPinSchema = z.string().check(
  z.regex(/^\d{4,8}$/, '4 to 8 digits'),
  z.refine((pin) => !isTrivialPin(pin), 'too easy to guess'),
);

function isTrivialPin(pin: string): boolean {
  const d = [...pin].map(Number);
  const steps = new Set(d.slice(1).map((v, i) => v - d[i]!));
  return steps.size === 1 && [0, 1, -1].includes([...steps][0]!);
}

/** A settings-session token from unlockSettings. */
const SettingsTokenSchema = z.string().check(z.minLength(16), z.maxLength(128));


/**
 * Why the saved settings did not load at start-up. The counter then runs the training (demo)
 * profile and shows the operator setup until they are fixed. fileDamaged: config.json is not
 * readable JSON; keyNotReadable: a saved key cannot be decrypted on this PC or Windows user;
 * missing: the profile needs a value that is not saved; invalid: a saved value is wrong.
 */
export const CONFIG_PROBLEMS = ['fileDamaged', 'keyNotReadable', 'missing', 'invalid'] as const;
export const ConfigProblemSchema = z.object({
  /** Where the value is: "config.json → eko.latlong", a KIOSK_* name, or the config file's path. */
  setting: z.string(),
  /** The settings form's field for it ("eko.latlong"), when it has one. */
  field: z.nullable(z.string()),
  problem: z.enum(CONFIG_PROBLEMS),
});
export type ConfigProblem = z.infer<typeof ConfigProblemSchema>;

export const SettingsSchema = z.object({
  /** No setup saved yet: the renderer shows setup (profile + PIN; production: the Eko fields). */
  firstRun: z.boolean(),
  pinSet: z.boolean(),
  /** Too many wrong PINs: unlockSettings is refused until lockedUntil. */
  locked: z.boolean(),
  lockedUntil: z.nullable(z.string()),
  /** The profile running now; while configProblem is set, the one the saved settings ask for. */
  profile: ProfileSchema,
  /** Every Eko setting (app/contract/settings-fields.ts); baseUrl null: the profile's (demo: the built-in sandbox); aadhaarPublicKey null: the profile's built-in key. */
  eko: EkoSettingsViewSchema,
  receiptPaperMm: PaperWidthSchema,
  /** os: Windows DPAPI (Electron safeStorage). dev-file: a key file in the data dir (web host, development only). */
  secretStorage: z.enum(['os', 'dev-file']),
  /** KIOSK_* variables set on this PC: they win over anything saved here (the screen says so). */
  envOverrides: z.array(z.string()),
  /** Setup needed: the saved settings did not load (the training profile runs meanwhile); null when they did. */
  configProblem: z.nullable(ConfigProblemSchema),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const UnlockSettingsInputSchema = z.strictObject({ pin: z.string().check(z.regex(/^\d{4,8}$/)) });
export const SettingsSessionSchema = z.object({
  token: z.string(),
  /** ISO time the token stops working (10 minutes after unlocking). */
  expiresAt: z.string(),
});

export const SaveSettingsInputSchema = z.strictObject({
  /** Required unless firstRun. */
  token: z.optional(SettingsTokenSchema),
  profile: ProfileSchema,
  eko: z.optional(EkoSettingsInputSchema),
  receiptPaperMm: z.optional(PaperWidthSchema),
  /** Required on first run; otherwise changes the PIN. */
  newPin: z.optional(OperatorPinSchema),
});
export type SaveSettingsInput = z.infer<typeof SaveSettingsInputSchema>;

export const TestConnectionInputSchema = z.strictObject({
  /** Required unless firstRun. */
  token: z.optional(SettingsTokenSchema),
  /** Left out: the saved profile. */
  profile: z.optional(ProfileSchema),
  /** Fields as in saveSettings; left out: what is saved. */
  eko: z.optional(EkoSettingsInputSchema),
});
export type TestConnectionInput = z.infer<typeof TestConnectionInputSchema>;


// ---------------------------------------------------------------------------
// The list of calls

function call<I extends z.ZodMiniType, O extends z.ZodMiniType>(input: I, output: O) {
  return { input, output };
}

export const contract = {
  getAppInfo: call(NoInput, AppInfoSchema),

  getDeviceStatus: call(NoInput, DeviceStateSchema),
  findScanner: call(NoInput, DeviceStateSchema),
  captureFingerprint: call(CaptureInputSchema, CaptureResultSchema),
  cancelCapture: call(NoInput, z.object({ cancelled: z.boolean() })),

  getSettlementBalance: call(NoInput, SettlementBalanceSchema),
  getSettlementAccounts: call(NoInput, SettlementAccountsSchema),
  getEkoStatus: call(NoInput, EkoStatusSchema),

  balanceEnquiry: call(BalanceEnquiryInputSchema, EnquiryOutcomeSchema),
  /** The same customer details, capture and consent as a balance enquiry; answers the statement's lines. */
  miniStatement: call(BalanceEnquiryInputSchema, MiniStatementOutcomeSchema),
  getDailyAuthStatus: call(NoInput, DailyAuthStatusSchema),
  /** The agent's daily authentication: billed, so only ever on the agent's explicit action. */
  dailyAuthenticate: call(DailyAuthInputSchema, DailyAuthOutcomeSchema),
  getLastEnquiry: call(NoInput, LastEnquirySchema),
  /**
   * The agent has seen (or the idle wipe cleared) this enquiry: a window opened later must not show it.
   * By its reference, or, while the renderer does not know it yet (still in flight), by its capture handle.
   */
  acknowledgeLastEnquiry: call(AcknowledgeLastEnquiryInputSchema, z.object({ acknowledged: z.boolean() })),

  listEnquiries: call(ListEnquiriesInputSchema, EnquiryListSchema),
  followUpEnquiry: call(z.strictObject({ clientRefId: z.string().check(z.minLength(1), z.maxLength(64)) }), HistoryRowSchema),
  printReceipt: call(PrintReceiptInputSchema, PrintReceiptResultSchema),
  saveReceiptPdf: call(SaveReceiptPdfInputSchema, SaveReceiptPdfResultSchema),
  getDiagnostics: call(NoInput, DiagnosticsSchema),
  exportDiagnostics: call(NoInput, z.object({ path: z.string() })),
  /** The redacted log files, zipped into <dataDir>/exports, for support. */
  exportLogs: call(NoInput, z.object({ path: z.string(), files: z.int(), lines: z.int() })),

  getSettings: call(NoInput, SettingsSchema),
  unlockSettings: call(UnlockSettingsInputSchema, SettingsSessionSchema),
  saveSettings: call(SaveSettingsInputSchema, SettingsSchema),
  testConnection: call(TestConnectionInputSchema, ConnectionTestSchema),
  lockSettings: call(z.strictObject({ token: SettingsTokenSchema }), z.object({})),
} as const satisfies Record<CallName, { input: z.ZodMiniType; output: z.ZodMiniType }>;

export type Contract = typeof contract;
export type CallInput<K extends CallName> = z.input<Contract[K]['input']>;
export type CallOutput<K extends CallName> = z.output<Contract[K]['output']>;

/** What the renderer programs against: one async function per call. */
export type KioskApi = { [K in CallName]: (input: CallInput<K>) => Promise<CallOutput<K>> };

/** What every host answers with: a value, or an error without detail. */
export const EnvelopeSchema = z.discriminatedUnion('ok', [
  z.object({ ok: z.literal(true), value: z.unknown() }),
  z.object({ ok: z.literal(false), error: WireErrorSchema }),
]);
export type Envelope = z.infer<typeof EnvelopeSchema>;

/** What a host exposes to the renderer: one function per call, answering envelopes. */
export type RawKioskApi = { [K in CallName]: (input: unknown) => Promise<Envelope> };

// Compile-time proof that CALL_NAMES and the contract list the same calls.
type MissingFromNames = Exclude<keyof Contract, CallName>;
const namesComplete: MissingFromNames extends never ? true : false = true;
void namesComplete;
