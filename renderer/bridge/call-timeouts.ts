import type { CallName } from '../../app/contract';

/**
 * How long the renderer waits for each call, whichever host runs (Electron IPC or the web host),
 * before it says the app stopped answering (host.unreachable): a hung main side must never keep
 * the customer's data on screen. Long calls: a capture waits for a finger (up to 60 s), an
 * enquiry waits for the bank.
 */
const CALL_TIMEOUT_MS: Partial<Record<CallName, number>> = {
  captureFingerprint: 90_000,
  balanceEnquiry: 150_000,
  findScanner: 20_000,
};
const DEFAULT_TIMEOUT_MS = 30_000;

export function callTimeoutMs(name: CallName): number {
  return CALL_TIMEOUT_MS[name] ?? DEFAULT_TIMEOUT_MS;
}
