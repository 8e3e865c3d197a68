/**
 * The contract over HTTP to the loopback web host. The launch secret arrives
 * in the URL fragment (#k=…), is kept for this tab only, and goes with every call.
 */
import { CALL_NAMES, KioskError, type CallName, type Envelope, type RawKioskApi } from '../../app/contract';

const TOKEN_KEY = 'kiosk.webToken';

/** Long calls: a capture waits for a finger; an enquiry waits for the bank. */
const CALL_TIMEOUT_MS: Partial<Record<CallName, number>> = {
  captureFingerprint: 90_000,
  balanceEnquiry: 150_000,
  findScanner: 20_000,
};
const DEFAULT_TIMEOUT_MS = 30_000;

export function readLaunchToken(): string | null {
  const match = /[#&]k=([A-Za-z0-9_-]+)/.exec(window.location.hash);
  if (match) {
    sessionStorage.setItem(TOKEN_KEY, match[1]!);
    // Keep the secret out of the address bar and history.
    history.replaceState(null, '', window.location.pathname + window.location.search);
    return match[1]!;
  }
  return sessionStorage.getItem(TOKEN_KEY);
}

export function createWebTransport(token: string | null, baseUrl = ''): RawKioskApi {
  const raw = {} as Record<CallName, (input: unknown) => Promise<Envelope>>;
  for (const name of CALL_NAMES) {
    raw[name] = async (input: unknown): Promise<Envelope> => {
      // A timer we clear as soon as the answer is in (AbortSignal.timeout would keep
      // every call's request alive until its full deadline, 150 s for an enquiry).
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), CALL_TIMEOUT_MS[name] ?? DEFAULT_TIMEOUT_MS);
      try {
        const response = await fetch(`${baseUrl}/api/${name}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...(token ? { 'x-kiosk-token': token } : {}) },
          body: JSON.stringify(input ?? {}),
          signal: controller.signal,
        });
        return (await response.json()) as Envelope;
      } catch {
        return { ok: false, error: new KioskError('host.unreachable').toWire() };
      } finally {
        clearTimeout(timer);
      }
    };
  }
  return raw;
}
