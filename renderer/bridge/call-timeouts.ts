import { CAPTURE_HTTP_MARGIN_MS, MAIN_SIDE_WAITS_MS, type AppInfo, type CallName } from '../../app/contract';

/**
 * How long the renderer waits for each call, whichever host runs (Electron IPC or the web host),
 * before it says the app stopped answering (host.unreachable): a hung main side must never keep
 * the customer's data on screen. Each deadline sits above what the main side itself may wait for
 * that call (its configured waits, from getAppInfo), so a slow bank or scanner is never cut off
 * by the renderer first.
 */
type MainSideWaits = Pick<AppInfo, 'captureTimeoutMs' | 'ekoRequestTimeoutMs' | 'ekoEnquiryTimeoutMs'>;

let waits: MainSideWaits = {
  captureTimeoutMs: MAIN_SIDE_WAITS_MS.capture.default,
  ekoRequestTimeoutMs: MAIN_SIDE_WAITS_MS.ekoRequest.default,
  ekoEnquiryTimeoutMs: MAIN_SIDE_WAITS_MS.ekoEnquiry.default,
};

/** The main side's configured waits, once getAppInfo has answered. */
export function applyMainSideWaits(info: MainSideWaits): void {
  waits = { captureTimeoutMs: info.captureTimeoutMs, ekoRequestTimeoutMs: info.ekoRequestTimeoutMs, ekoEnquiryTimeoutMs: info.ekoEnquiryTimeoutMs };
}

/** The calls answered by one signed GET to Eko, which the main side retries once after a clock refusal. */
const EKO_GET_CALLS: ReadonlySet<CallName> = new Set<CallName>(['getSettlementBalance', 'getSettlementAccounts', 'followUpEnquiry', 'testConnection', 'getDiagnostics', 'exportDiagnostics']);
/** Room for the main side's own work around its waits (journal, parsing, a rescan, the transport). */
const MARGIN_MS = 15_000;
const DEFAULT_TIMEOUT_MS = 30_000;

export function callTimeoutMs(name: CallName): number {
  // The main side's CAPTURE call waits CAPTURE_HTTP_MARGIN_MS past the finger, and may look for the scanner again.
  if (name === 'captureFingerprint') return waits.captureTimeoutMs + CAPTURE_HTTP_MARGIN_MS + 2 * MARGIN_MS;
  // A billed operation waits for Eko as long as the main side's enquiry timeout.
  if (name === 'balanceEnquiry' || name === 'miniStatement' || name === 'dailyAuthenticate') return waits.ekoEnquiryTimeoutMs + 2 * MARGIN_MS;
  if (name === 'findScanner') return 20_000;
  if (EKO_GET_CALLS.has(name)) return 2 * waits.ekoRequestTimeoutMs + MARGIN_MS;
  return DEFAULT_TIMEOUT_MS;
}
