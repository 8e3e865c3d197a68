/**
 * The store's shapes, in one module that imports no slice: each slice implements its interface
 * from here, and `index.ts` only composes them. Every slice's state (and its actions) lives under
 * its own name (`state.enquiry.mobile`, `state.settings.token`), and the screen shown is one
 * route (`state.nav.route`).
 */
import type {
  AppInfo,
  ConnectionTest,
  DailyAuthOutcome,
  DailyAuthStatus,
  DeviceState,
  Diagnostics,
  EkoStatus,
  EnquiryList,
  EnquiryOutcome,
  HistoryRow,
  MiniStatementOutcome,
  KioskError,
  LastEnquiry,
  OperationKind,
  Profile,
  SaveSettingsInput,
  SettlementAccounts,
  SettlementBalance,
  Settings,
} from '../../app/contract';
import type { ReceiptData, ReceiptSource } from '../components/receipt/receipt-data';
import type { Language } from '../i18n';
import type { CaptureState } from './capture';
import type { Loadable } from './loadable';

export type { CapturePhase, CaptureState } from './capture';
export type { Loadable, LoadState } from './loadable';

// ---------------------------------------------------------------- navigation

/** Where the agent goes back to after the daily authentication. */
export type DailyAuthReturn = 'home' | 'flow';

/**
 * Why the settings screen is shown: the operator opened it, or the saved settings need fixing
 * (configProblem: nothing else is reachable until a save fixes them).
 */
export type SettingsReason = 'operator' | 'configProblem';

/** The one screen shown. Adding a screen: a member here, its action in nav-slice.ts, its case in App.tsx. */
export type Route =
  | { name: 'home' }
  | { name: 'flow' }
  | { name: 'history' }
  | { name: 'diagnostics' }
  | { name: 'dailyAuth'; returnTo: DailyAuthReturn }
  | { name: 'settings'; reason: SettingsReason }
  | { name: 'setup' };

export type RouteName = Route['name'];

export interface NavSlice {
  route: Route;
  /** Shows a route as it stands (nothing is reset; a recovered enquiry, a return): the settings still force theirs. */
  show(route: Route): void;
  /** Ends whatever the agent was doing (the customer's enquiry, the daily authentication) and shows home. */
  goHome(reason?: WipeReason): void;
  /** A new customer enquiry: a balance enquiry (default) or a mini statement, through the same steps. */
  openFlow(operation?: FlowOperation): void;
  openHistory(filters?: Partial<HistoryFilters>): void;
  openDiagnostics(): void;
  openSettings(reason?: SettingsReason): void;
  /** Leaves the settings screen (locks first); stays while the saved settings need fixing. */
  closeSettings(): void;
  openSetup(): void;
  /** The agent's tap: from home, from the customer's fingerprint step, or from a "do 2fa" refusal. */
  openDailyAuth(): void;
  /** Back where the daily authentication was opened from; the agent's number is wiped. */
  leaveDailyAuth(): void;
  /** What the saved settings require (first-run setup, fixing a configProblem), after they were read or saved. */
  followSettings(settings: Settings): void;
}

// ---------------------------------------------------------------- session

export interface SessionSlice {
  appInfo: AppInfo | null;
  appInfoError: KioskError | null;
  language: Language;
  /** True once startUp() has asked its questions (it asks only once). */
  startupAsked: boolean;
  /**
   * The start-up questions, all at once: who am I, was an enquiry running before a reload or
   * crash, and is this counter set up yet? Called as the page loads, before React's first
   * render, so the answers are on their way while the first screen is drawn.
   */
  startUp(): void;
  loadAppInfo(): Promise<void>;
  setLanguage(lang: Language): void;
  toggleLanguage(): void;
}

// ---------------------------------------------------------------- home

export interface HomeSlice {
  wallet: Loadable<SettlementBalance>;
  accounts: Loadable<SettlementAccounts>;
  ekoStatus: EkoStatus | null;
  load(): Promise<void>;
  refreshWallet(): Promise<void>;
  refreshAccounts(): Promise<void>;
  refreshEkoStatus(): Promise<void>;
}

// ---------------------------------------------------------------- device

export interface DeviceSlice {
  status: DeviceState | null;
  error: KioskError | null;
  finding: boolean;
  refresh(): Promise<void>;
  findScanner(): Promise<void>;
  /** Starts polling; returns the function that stops it. */
  startPolling(intervalMs: number): () => void;
}

// ---------------------------------------------------------------- enquiry

/** The customer's consent is given on the capture step, beside the button that takes the finger (one screen, one tap less). */
export const STEPS = ['mobile', 'aadhaar', 'bank', 'capture', 'result'] as const;
export type Step = (typeof STEPS)[number];

/** An enquiry the main side was still working on when this renderer started. */
export interface PendingEnquiry {
  clientRefId: string | null;
  at: string;
  maskedAadhaar: string;
  maskedMobile: string;
  bankName: string;
}

/** The main side's record of an enquiry that failed before it reached a bank. */
export type NotSentRecord = Extract<LastEnquiry, { state: 'notSent' }>;

export type WipeReason = 'idle' | 'agent';

/** Which customer operation the flow runs: its steps are the same, its call and its result differ. */
export type FlowOperation = 'balance' | 'miniStatement';

/**
 * The flow's answer: a balance enquiry's, or a mini statement's (whose success carries the
 * statement's lines: the customer's private data, kept only here in memory, wiped with the flow).
 */
export type FlowOutcome = EnquiryOutcome | MiniStatementOutcome;

export interface EnquiryState {
  /** Which operation this flow runs (set by begin; a recovered enquiry is a balance enquiry). */
  operation: FlowOperation;
  step: Step;
  /** Digits only. */
  mobile: string;
  /** Digits only, clear: kept in memory until the enquiry is answered (after a recoverable refusal, until the flow ends), then emptied. */
  aadhaar: string;
  /** Set once the Aadhaar step is passed: the only form shown from then on. */
  maskedAadhaar: string | null;
  bankIin: string | null;
  consent: boolean;
  /** The agent pressed Continue (or, on the capture step, Capture) at least once: validation messages show from then on. */
  attempted: boolean;
  capture: CaptureState;
  outcome: FlowOutcome | null;
  /** The enquiry failed: provably not sent (enquiryNeverSent), or else its fate is unknown. */
  enquiryError: KioskError | null;
  /** The main side's record of that failure, when it has one (its reference, masked details). */
  notSent: NotSentRecord | null;
  pending: PendingEnquiry | null;
  /** Why the last flow was wiped, shown once on the home screen. */
  wiped: WipeReason | null;
  /** Bumped on every reset: answers that arrive for an older flow are dropped. */
  flowId: number;
  /** The start-up question to the main side (getLastEnquiry) has been answered. */
  startupChecked: boolean;
}

/**
 * What the steps both flows share do (the customer's enquiry, the agent's daily authentication):
 * the same Aadhaar, bank and fingerprint screens drive either (see renderer/store/flow-steps.ts).
 */
export interface StepActions {
  setAadhaar(value: string): void;
  /** Back on the Aadhaar step after it was passed: the masked number is replaced by a new one. */
  changeAadhaar(): void;
  setBank(iin: string): void;
  /** Continue: validates the current step and moves on, or marks it attempted. Returns whether it moved. */
  next(): boolean;
  back(): void;
  captureFingerprint(): Promise<void>;
  cancelCapture(): Promise<void>;
  /** After a low-quality capture: send it anyway. */
  sendLowQuality(): Promise<void>;
}

export interface EnquirySlice extends EnquiryState, StepActions {
  /** A fresh enquiry's state (nav.openFlow shows it); `operation`: balance by default. */
  begin(operation?: FlowOperation): void;
  setMobile(value: string): void;
  setConsent(value: boolean): void;
  /** After an error that left nothing sent: capture again (with the number still in memory). */
  retryCapture(): void;
  /** Go back to the first step keeping what was typed (e.g. after input.invalid). */
  editDetails(): void;
  /**
   * After a refusal, what fixes it without retyping (refusalRecovery): a new capture for the same
   * customer, the bank step (another bank), or the agent's daily authentication and then a new capture.
   * Each try is a new enquiry with its own reference.
   */
  recoverRefusal(): void;
  /** Before the agent's daily authentication from the flow: an ended capture is put back, the wipe notice goes. */
  setAside(): void;
  /** Wipes the customer's enquiry (nav.goHome calls it); `wasActive`: a flow was on screen. */
  end(reason: WipeReason, wasActive: boolean): void;
  dismissWipeNotice(): void;
  /** At start-up: show an enquiry the main side has in flight, or finished and not yet acknowledged. */
  recoverLastEnquiry(): Promise<void>;
}

// ---------------------------------------------------------------- daily authentication

export const DAILY_AUTH_STEPS = ['aadhaar', 'bank', 'capture', 'result'] as const;
export type DailyAuthStep = (typeof DAILY_AUTH_STEPS)[number];

export interface DailyAuthFlow {
  step: DailyAuthStep;
  /** The agent's number, digits only, clear: in memory while this flow lasts, never stored. */
  aadhaar: string;
  /** Set once the Aadhaar step is passed: the only form shown from then on. */
  maskedAadhaar: string | null;
  bankIin: string | null;
  attempted: boolean;
  capture: CaptureState;
  outcome: DailyAuthOutcome | null;
  /** The call failed: provably not sent (enquiryNeverSent), or else its result is not known. */
  error: KioskError | null;
}

export interface DailyAuthSlice extends StepActions {
  status: Loadable<DailyAuthStatus>;
  flow: DailyAuthFlow;
  /** ISO time of a daily authentication just done, shown once where the agent returned to. */
  justDone: string | null;
  /** Bumped whenever the daily flow opens or ends: answers for an older one are dropped. */
  flowId: number;

  loadStatus(): Promise<void>;
  /** The notice of a daily authentication just done has been seen. */
  dismissJustDone(): void;
  /** A fresh flow, the bank preset (nav.openDailyAuth shows it). */
  begin(bankIin: string | null): void;
  /** Wipes the agent's number (and cancels a capture in progress); forgetJustDone: the notice of a success goes too. */
  end(options?: { forgetJustDone?: boolean }): void;
  /** After a refusal, an unknown result or a failure: a new capture (the number is kept). */
  captureAgain(): void;
  /** After a refusal: back to the Aadhaar step (shown masked, may be changed) and the bank. */
  editDetails(): void;
}

// ---------------------------------------------------------------- settings

/** What the form hands over for Test connection and Save (no token: the slice adds it). */
export interface SettingsCandidate {
  profile: Profile;
  eko?: SaveSettingsInput['eko'];
  receiptPaperMm?: 58 | 80;
  newPin?: string;
}

/** The main side refused an input field: `field` as the contract names it (e.g. "eko.latlong"). */
export interface FieldRefusal {
  field: string;
  /** Why, as a stable code when the main side gave one (e.g. "missing", "keyNotReadable"). */
  code: string | null;
  /** The main side's short English problem, when it gave one. */
  problem: string | null;
}

export interface SettingsSlice {
  /** The last getSettings (or saveSettings) answer. */
  current: Settings | null;
  loadError: KioskError | null;
  /** The first getSettings has been answered (either way): the first-run gate can decide. */
  checked: boolean;
  loading: boolean;
  /** The settings-session token: memory only. */
  token: string | null;
  /** Date.now() value at which the token stops working. */
  tokenExpiresAt: number | null;
  unlocking: boolean;
  /** Why unlocking failed, or why the settings locked again (shown on the PIN screen). */
  unlockError: KioskError | null;
  work: 'testing' | 'saving' | null;
  testResult: ConnectionTest | null;
  /** Test connection or Save failed as a whole (not a field). */
  error: KioskError | null;
  /** What the error was for: its retry repeats it. */
  errorOf: 'test' | 'save' | null;
  fieldRefusal: FieldRefusal | null;
  /** Date.now() of the last successful save on the settings screen. */
  savedAt: number | null;

  load(): Promise<void>;
  /** The screen opens or closes: feedback from before is dropped. */
  resetScreen(): void;
  unlock(pin: string): Promise<boolean>;
  /** Drops the token here and on the main side. */
  lock(): Promise<void>;
  /** The token ran out while the screen was open. */
  expireSession(): void;
  test(candidate: SettingsCandidate): Promise<void>;
  /** True when saved. */
  save(candidate: SettingsCandidate): Promise<boolean>;
  clearFeedback(): void;
}

// ---------------------------------------------------------------- history

export type OutcomeFilter = 'all' | HistoryRow['outcome'];
export type KindFilter = 'all' | OperationKind;

export interface HistoryFilters {
  /** Local date "YYYY-MM-DD"; '' = every date. */
  date: string;
  outcome: OutcomeFilter;
  /** Customer enquiries, the agent's daily authentications, or both. */
  kind: KindFilter;
  /** 0–4 digits; only 4 digits filter. */
  last4: string;
}

export interface RowCheck {
  busy: boolean;
  error: KioskError | null;
  /** Asked again and the result is still unknown. */
  stillUnknown: boolean;
}

export interface HistorySlice {
  filters: HistoryFilters;
  list: Loadable<EnquiryList>;
  rowChecks: Record<string, RowCheck>;
  /** Enquiries whose result is still unknown (all dates), for the home screen's notice. */
  unknownCount: number;
  /** Their kind when they share one (balance enquiries, mini statements), else 'all': the notice opens history on it. */
  unknownKind: KindFilter;

  /** A fresh list with these filters (nav.openHistory shows it). */
  begin(filters?: Partial<HistoryFilters>): void;
  setFilters(patch: Partial<HistoryFilters>): void;
  load(): Promise<void>;
  checkResultAgain(clientRefId: string): Promise<void>;
  countUnknown(): Promise<void>;
}

// ---------------------------------------------------------------- diagnostics

/** bundle: the diagnostics file (with recent log lines); logs: every log file, zipped. */
export type ExportKind = 'bundle' | 'logs';

export interface DiagnosticsSlice {
  report: Loadable<Diagnostics>;
  /** kind: what was (or is being) exported, so a retry repeats that export. */
  export: { busy: boolean; kind: ExportKind; path: string | null; error: KioskError | null };
  /** Forgets the last export (nav.openDiagnostics, then load). */
  begin(): void;
  load(): Promise<void>;
  exportBundle(kind?: ExportKind): Promise<void>;
}

// ---------------------------------------------------------------- printing

/** Where a receipt goes: the thermal printer, or a PDF file. */
export type ReceiptTarget = 'printer' | 'pdf';

export interface PrintState {
  /** The clientRefId of the receipt being printed. */
  key: string;
  to: ReceiptTarget;
  state: 'printing' | 'sent' | 'failed';
  error: KioskError | null;
  /** The PDF file the desktop app saved. */
  path: string | null;
}

export interface PrintSlice {
  /** The receipt in the print-only area, and the screen it was printed from. */
  receipt: { data: ReceiptData; screen: RouteName } | null;
  printing: PrintState | null;
  /** Forgets the last print's feedback. */
  clear(): void;
  /** Forgets the receipt laid out too (a mini statement's lines are the customer's): the flow ended. */
  wipe(): void;
  printReceipt(source: ReceiptSource, to?: ReceiptTarget): Promise<void>;
}

// ---------------------------------------------------------------- the store

export interface KioskState {
  nav: NavSlice;
  session: SessionSlice;
  home: HomeSlice;
  device: DeviceSlice;
  enquiry: EnquirySlice;
  dailyAuth: DailyAuthSlice;
  settings: SettingsSlice;
  history: HistorySlice;
  diagnostics: DiagnosticsSlice;
  print: PrintSlice;
}

export type SliceName = keyof KioskState;

/** What a slice's creator gets: the store's get, and a setter for its own part. */
export interface SliceApi<K extends SliceName> {
  get: () => KioskState;
  /** Merges `patch` (or what `fn` returns from the slice's current state) into the slice. */
  set: (patch: Partial<KioskState[K]> | ((current: KioskState[K]) => Partial<KioskState[K]>)) => void;
}
