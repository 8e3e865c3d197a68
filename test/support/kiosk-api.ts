/** Calls a running web host's contract over HTTP, as the renderer's web transport does. */
import type { Envelope } from '../../app/contract';
import type { KioskProcess } from './kiosk-process';

export async function callKiosk(kiosk: Pick<KioskProcess, 'launchUrl'>, name: string, input: unknown = {}): Promise<Envelope> {
  const base = kiosk.launchUrl.replace(/#.*$/, '');
  const token = /#k=(.+)$/.exec(kiosk.launchUrl)?.[1] ?? '';
  const res = await fetch(`${base}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiosk-token': token },
    body: JSON.stringify(input),
  });
  return (await res.json()) as Envelope;
}

/** The value of a call that must succeed. */
export async function valueOf<T = unknown>(kiosk: Pick<KioskProcess, 'launchUrl'>, name: string, input: unknown = {}): Promise<T> {
  const envelope = await callKiosk(kiosk, name, input);
  if (!envelope.ok) throw new Error(`${name} failed: ${JSON.stringify(envelope.error)}`);
  return envelope.value as T;
}
