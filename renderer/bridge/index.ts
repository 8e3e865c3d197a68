/**
 * The renderer's only door to the main side. It picks the transport once at
 * start-up (Electron's preload, or the loopback web host), validates every
 * input and output against the contract, and turns error envelopes into
 * KioskErrors. No screen knows which host it runs in.
 */
import {
  BRIDGE_GLOBAL,
  CALL_NAMES,
  EnvelopeSchema,
  KioskError,
  contract,
  type CallName,
  type KioskApi,
  type RawKioskApi,
} from '../../app/contract';
import { callTimeoutMs } from './call-timeouts';
import { createWebTransport, readLaunchToken } from './web-transport';

declare global {
  interface Window {
    kiosk?: RawKioskApi;
  }
}

export function createApi(raw: RawKioskApi): KioskApi {
  const api = {} as Record<CallName, (input: unknown) => Promise<unknown>>;
  for (const name of CALL_NAMES) {
    const spec = contract[name];
    api[name] = async (input: unknown) => {
      const parsedInput = spec.input.safeParse(input ?? {});
      if (!parsedInput.success) {
        throw new KioskError('input.invalid', { params: { field: parsedInput.error.issues[0]?.path.join('.') || 'input' } });
      }
      let envelopeRaw: unknown;
      let timer: ReturnType<typeof setTimeout> | undefined;
      try {
        // Every call has a deadline, for both transports (Electron's ipcRenderer.invoke has none).
        const deadline = new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`${name} timed out`)), callTimeoutMs(name));
        });
        envelopeRaw = await Promise.race([raw[name](parsedInput.data), deadline]);
      } catch {
        throw new KioskError('host.unreachable');
      } finally {
        clearTimeout(timer);
      }
      const envelope = EnvelopeSchema.safeParse(envelopeRaw);
      if (!envelope.success) throw new KioskError('internal', { detail: `bad envelope from ${name}` });
      if (!envelope.data.ok) throw KioskError.fromWire(envelope.data.error);
      const output = spec.output.safeParse(envelope.data.value);
      if (!output.success) throw new KioskError('internal', { detail: `bad output from ${name}` });
      return output.data;
    };
  }
  return api as unknown as KioskApi;
}

/** Electron exposes window.kiosk through its preload; anywhere else we talk to the web host. */
export function pickRawApi(): RawKioskApi {
  const fromPreload = (window as unknown as Record<string, unknown>)[BRIDGE_GLOBAL] as RawKioskApi | undefined;
  if (fromPreload) return fromPreload;
  return createWebTransport(readLaunchToken());
}

let current: KioskApi | null = null;

export function api(): KioskApi {
  current ??= createApi(pickRawApi());
  return current;
}

/** Tests swap the transport. */
export function setApi(next: KioskApi | null): void {
  current = next;
}
