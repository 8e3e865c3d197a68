/**
 * The contract over HTTP to the loopback web host. The launch secret arrives
 * in the URL fragment (#k=…), is kept for this tab only, and goes with every call.
 */
import { CALL_NAMES, KioskError, type CallName, type Envelope, type RawKioskApi } from '../../app/contract';
import { callTimeoutMs } from './call-timeouts';

const TOKEN_KEY = 'kiosk.webToken';

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
      // The bridge gives up at the same deadline; aborting also closes the request. A timer we
      // clear as soon as the answer is in (AbortSignal.timeout would keep every call's request
      // alive until its full deadline, minutes for an enquiry).
      const controller = new AbortController();
      const timer = setTimeout(() => controller.abort(), callTimeoutMs(name));
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
