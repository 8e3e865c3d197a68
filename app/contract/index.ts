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
import * as z from 'zod';
import { WireErrorSchema } from './errors';
import { CALL_NAMES, type CallName } from './calls';

export * from './errors';
export { BRIDGE_GLOBAL, CALL_NAMES, ipcChannel, type CallName } from './calls';

// ---------------------------------------------------------------------------
// Shared pieces

/** An exact decimal amount in rupees, as a plain string ("5500.75"). Never a float. */
export const MoneySchema = z.string().regex(/^-?\d+(\.\d+)?$/, 'plain decimal string');

export const ProfileSchema = z.enum(['demo', 'staging', 'production']);
export type Profile = z.infer<typeof ProfileSchema>;

const NoInput = z.object({}).strict();

// ---------------------------------------------------------------------------
// App

export const AppInfoSchema = z.object({
  name: z.string(),
  version: z.string(),
  profile: ProfileSchema,
  /** Demo profile: simulated scanner and sandbox Eko. The UI shows a TRAINING band. */
  training: z.boolean(),
  dataDir: z.string(),
  host: z.enum(['electron', 'web']),
  /** The agent's Eko user code and registered mobile, printed on receipts. */
  agent: z.object({ userCode: z.string(), mobile: z.string() }),
  /** The counter's thermal printer: 58 or 80 mm paper. */
  receiptPaperMm: z.union([z.literal(58), z.literal(80)]),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;

// ---------------------------------------------------------------------------
// Fingerprint scanner (RD service)

export const RdStatusSchema = z.enum(['READY', 'NOTREADY', 'USED']);

export const RdServiceSchema = z.object({
  port: z.number().int(),
  protocol: z.enum(['http', 'https']),
  status: RdStatusSchema,
  info: z.string(),
  capturePath: z.string(),
  deviceInfoPath: z.string().nullable(),
});
export type RdService = z.infer<typeof RdServiceSchema>;

export const DeviceInfoSchema = z.object({
  vendor: z.string(),
  model: z.string(),
  rdsId: z.string(),
  rdsVersion: z.string(),
  serial: z.string().nullable(),
  /** UIDAI security level from additional_info device_type (L0 / L1), when the device says. */
  level: z.string().nullable(),
});
export type DeviceInfo = z.infer<typeof DeviceInfoSchema>;

export const DeviceStateSchema = z.object({
  /** What the indicator shows: searching while a scan runs with nothing known yet. */
  state: z.enum(['ready', 'notReady', 'busy', 'none', 'searching']),
  selected: RdServiceSchema.nullable(),
  devices: z.array(RdServiceSchema),
  deviceInfo: DeviceInfoSchema.nullable(),
  /** ISO time of the last finished scan, null before the first. */
  scannedAt: z.string().nullable(),
  scanMs: z.number().nullable(),
});
export type DeviceState = z.infer<typeof DeviceStateSchema>;

export const CaptureInputSchema = z
  .object({
    /** How long the scanner waits for a finger, ms. Defaults to the configured value (10 s). */
    timeoutMs: z.number().int().min(3000).max(60000).optional(),
  })
  .strict();

/** Below 45 the agent is asked to re-scan; 25–44 may be overridden; below 25 never. */
export const QUALITY_GOOD = 45;
export const QUALITY_MINIMUM = 25;

export const CaptureResultSchema = z.object({
  /** Opaque handle to the PID block kept in the main process. The PID itself never crosses. */
  handle: z.string(),
  qScore: z.number(),
  nmPoints: z.number().nullable(),
  /** good: 45 and above. low: 25–44, the agent may send it anyway (allowLowQuality). Below 25 the capture fails with rd.poorQuality. */
  quality: z.enum(['good', 'low']),
  device: DeviceInfoSchema.nullable(),
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
  unsettledFund: MoneySchema,
  remainingLimit: MoneySchema,
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
  clockSkewMs: z.number().nullable(),
  /** True when the PC clock is more than 30 s off: the operator must fix it. */
  clockWarning: z.boolean(),
});
export type EkoStatus = z.infer<typeof EkoStatusSchema>;

// ---------------------------------------------------------------------------
// Balance enquiry

export const BalanceEnquiryInputSchema = z
  .object({
    customerMobile: z.string().regex(/^[6-9]\d{9}$/),
    /** The only moment the clear number crosses: from the keypad to the main process, which encrypts it. */
    aadhaar: z.string().regex(/^[2-9]\d{11}$/),
    bankIin: z.string().regex(/^\d{6}$/),
    captureHandle: z.string().min(1),
    /** The agent chose to send a capture of quality 25–44. */
    allowLowQuality: z.boolean().optional(),
  })
  .strict();
export type BalanceEnquiryInput = z.infer<typeof BalanceEnquiryInputSchema>;

export const REFUSAL_REASONS = [
  'notLinked',
  'bankUnavailable',
  'biometricMismatch',
  'dailyAuthMissing',
  'limitExhausted',
  'accountFrozen',
  'debitDisabled',
  'insufficientFloat',
  'invalidRequest',
  'other',
] as const;
export type RefusalReason = (typeof REFUSAL_REASONS)[number];

const EnquiryCommon = {
  clientRefId: z.string(),
  /** ISO time the enquiry was sent. */
  at: z.string(),
  maskedAadhaar: z.string(),
  maskedMobile: z.string(),
  bankIin: z.string(),
  bankName: z.string(),
};

export const EnquiryOutcomeSchema = z.discriminatedUnion('outcome', [
  z.object({
    outcome: z.literal('success'),
    ...EnquiryCommon,
    balance: MoneySchema,
    tid: z.string().nullable(),
    bankRef: z.string().nullable(),
    uidaiRef: z.string().nullable(),
  }),
  z.object({
    outcome: z.literal('refused'),
    ...EnquiryCommon,
    reason: z.enum(REFUSAL_REASONS),
    /** Eko's own words, shown small under our translated explanation. */
    serverMessage: z.string().nullable(),
    tid: z.string().nullable(),
  }),
  z.object({
    outcome: z.literal('unknown'),
    ...EnquiryCommon,
    /**
     * awaited/onHold: Eko said tx_status 2/5. timeout/connectionLost: sent, no answer.
     * serverError/unreadable: sent, answer was a 5xx page or unreadable. interrupted: the app stopped mid-enquiry.
     */
    reason: z.enum(['awaited', 'onHold', 'timeout', 'connectionLost', 'serverError', 'unreadable', 'interrupted']),
    tid: z.string().nullable(),
  }),
]);
export type EnquiryOutcome = z.infer<typeof EnquiryOutcomeSchema>;

/**
 * The enquiry the main side is working on or has just finished, so a renderer
 * that was reloaded or recreated mid-enquiry can tell the agent where things
 * stand. Only masked data. Finished ones are kept for 60 s.
 */
export const LastEnquirySchema = z.discriminatedUnion('state', [
  z.object({ state: z.literal('none') }),
  z.object({
    state: z.literal('inFlight'),
    clientRefId: z.string().nullable(),
    at: z.string(),
    maskedAadhaar: z.string(),
    maskedMobile: z.string(),
    bankName: z.string(),
  }),
  z.object({ state: z.literal('done'), outcome: EnquiryOutcomeSchema }),
]);
export type LastEnquiry = z.infer<typeof LastEnquirySchema>;

// ---------------------------------------------------------------------------
// History (the journal), follow-up, receipts, diagnostics

export const JOURNAL_OUTCOMES = ['success', 'refused', 'unknown', 'notSent'] as const;

/** One enquiry attempt as history shows it. A row the app lost track of mid-enquiry is 'unknown' / 'interrupted'. */
export const HistoryRowSchema = z.object({
  clientRefId: z.string(),
  time: z.string(),
  updatedAt: z.string(),
  profile: ProfileSchema,
  maskedMobile: z.string(),
  maskedAadhaar: z.string(),
  bankIin: z.string(),
  bankName: z.string(),
  outcome: z.enum(JOURNAL_OUTCOMES),
  reason: z.string().nullable(),
  tid: z.string().nullable(),
  bankRef: z.string().nullable(),
  uidaiRef: z.string().nullable(),
  balance: MoneySchema.nullable(),
  errorCode: z.string().nullable(),
});
export type HistoryRow = z.infer<typeof HistoryRowSchema>;

export const ListEnquiriesInputSchema = z
  .object({
    /** ISO instants: from inclusive, to exclusive (the renderer computes the local day). */
    from: z.iso.datetime().optional(),
    to: z.iso.datetime().optional(),
    outcome: z.enum(JOURNAL_OUTCOMES).optional(),
    /** Last 4 digits of the customer's mobile or Aadhaar. */
    last4: z.string().regex(/^\d{4}$/).optional(),
  })
  .strict();

export const EnquiryListSchema = z.object({
  rows: z.array(HistoryRowSchema),
  totals: z.record(z.enum(JOURNAL_OUTCOMES), z.number().int()),
});
export type EnquiryList = z.infer<typeof EnquiryListSchema>;

export const PaperWidthSchema = z.union([z.literal(58), z.literal(80)]);
export type PaperWidth = z.infer<typeof PaperWidthSchema>;

export const PrintReceiptInputSchema = z.object({ paperMm: PaperWidthSchema }).strict();
/** silent: printed by the desktop app. browser: the renderer opens the browser's print dialog. */
export const PrintReceiptResultSchema = z.object({ method: z.enum(['silent', 'browser']) });

export const DiagnosticsSchema = z.object({
  version: z.string(),
  profile: ProfileSchema,
  dataDir: z.string(),
  host: z.enum(['electron', 'web']),
  runtime: z.object({ node: z.string(), electron: z.string().nullable(), chrome: z.string().nullable(), platform: z.string() }),
  device: DeviceStateSchema,
  eko: z.object({
    ok: z.boolean(),
    baseUrl: z.string(),
    clockSkewMs: z.number().nullable(),
    walletBalance: MoneySchema.nullable(),
    error: z.string().nullable(),
  }),
  journal: z.object({ rows: z.number(), unknown: z.number(), fileBytes: z.number(), schemaVersion: z.number() }).nullable(),
});
export type Diagnostics = z.infer<typeof DiagnosticsSchema>;

// ---------------------------------------------------------------------------
// The list of calls

function call<I extends z.ZodType, O extends z.ZodType>(input: I, output: O) {
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
  getLastEnquiry: call(NoInput, LastEnquirySchema),

  listEnquiries: call(ListEnquiriesInputSchema, EnquiryListSchema),
  followUpEnquiry: call(z.object({ clientRefId: z.string().min(1).max(64) }).strict(), HistoryRowSchema),
  printReceipt: call(PrintReceiptInputSchema, PrintReceiptResultSchema),
  getDiagnostics: call(NoInput, DiagnosticsSchema),
  exportDiagnostics: call(NoInput, z.object({ path: z.string() })),
} as const satisfies Record<CallName, { input: z.ZodType; output: z.ZodType }>;

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
export const CALLS: readonly CallName[] = CALL_NAMES;
