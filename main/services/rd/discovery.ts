/**
 * Discovery: RDSERVICE on every port × {http, https}, all at once, each with a short
 * deadline. A service is reported the moment it answers; the scan ends when every
 * probe has answered, failed or timed out, so it never takes longer than one probe.
 */
import type { RdService } from '../../../app/contract';
import type { Logger } from '../log/logger';
import { parseRdServiceXml } from './xml';
import { rdRequest, RdTransportError, type RdProtocol } from './transport';

export interface ProbeTarget {
  host: string;
  port: number;
  protocol: RdProtocol;
}

export type ProbeOutcome =
  | { kind: 'found'; service: RdService }
  | { kind: 'none'; why: string };

/** Asks one port, over one protocol, what RD service it is. Never throws. */
export async function probe(target: ProbeTarget, timeoutMs: number, logger?: Logger, signal?: AbortSignal): Promise<ProbeOutcome> {
  let answer;
  try {
    answer = await rdRequest({ ...target, method: 'RDSERVICE', path: '/', timeoutMs, maxBytes: 64 * 1024, signal });
  } catch (err) {
    return { kind: 'none', why: err instanceof RdTransportError ? err.kind : 'error' };
  }
  const parsed = parseRdServiceXml(answer.body.toString('utf8'));
  if (!parsed.ok) {
    // Something listens there but it is no usable RD service (or points away from this PC).
    logger?.debug('rd.probe.ignored', { port: target.port, protocol: target.protocol, reason: parsed.reason });
    return { kind: 'none', why: parsed.reason };
  }
  return { kind: 'found', service: { port: target.port, protocol: target.protocol, ...parsed.service } };
}

export interface ScanResult {
  devices: RdService[];
  ms: number;
}

/**
 * Probes every port over http and https in parallel. One entry per port: once a port
 * answers over one protocol, the probe over the other is dropped (a plain-http service
 * may sit on a TLS hello until the deadline, and would hold the whole scan up).
 */
export async function scanPorts(
  host: string,
  ports: readonly number[],
  options: { timeoutMs: number; onFound?: (s: RdService) => void; logger?: Logger },
): Promise<ScanResult> {
  const started = performance.now();
  const byPort = new Map<number, RdService>();
  const protocols: RdProtocol[] = ['http', 'https'];
  const portDone = new Map(ports.map((port) => [port, new AbortController()]));
  // Plain http first: most services speak it, and TLS set-up costs CPU the answers wait for.
  await Promise.all(
    protocols.flatMap((protocol) =>
      ports.map(async (port) => {
        const done = portDone.get(port)!;
        // Let the plain probes reach the wire before the TLS ones take the CPU.
        if (protocol === 'https') await new Promise((resolve) => setImmediate(resolve));
        if (done.signal.aborted) return;
        const outcome = await probe({ host, port, protocol }, options.timeoutMs, options.logger, done.signal);
        if (outcome.kind !== 'found' || byPort.has(port)) return;
        done.abort();
        byPort.set(port, outcome.service);
        try {
          options.onFound?.(outcome.service);
        } catch (err) {
          // A listener's bug must not end the scan.
          options.logger?.warn('rd.scan.listenerFailed', { error: err });
        }
      }),
    ),
  );
  const devices = [...byPort.values()].sort((a, b) => a.port - b.port);
  return { devices, ms: Math.round(performance.now() - started) };
}
