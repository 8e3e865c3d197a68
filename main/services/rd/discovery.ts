/**
 * Discovery: RDSERVICE on every port × {http, https}, all at once, each with a short
 * deadline. A service is reported the moment it answers; the scan ends when every
 * probe has answered, failed or timed out, so it never takes longer than one probe.
 */
import type { RdService } from '../../../app/contract';
import type { Logger } from '../log/logger';
import { parseRdServiceXml } from './xml';
import { rdRequest, type RdProtocol } from './transport';
import { TransportError } from '../transport-error';


interface ProbeTarget {
  host: string;
  port: number;
  protocol: RdProtocol;
}

export type ProbeOutcome =
  | { kind: 'found'; service: RdService }
  | { kind: 'none'; why: string };

/** Asks one port, over one protocol, what RD service it is. Never throws. */
export async function probe(target: ProbeTarget, timeoutMs: number, logger?: Logger, signal?: AbortSignal, onConnect?: () => void): Promise<ProbeOutcome> {
  let answer;
  try {
    answer = await rdRequest({ ...target, method: 'RDSERVICE', path: '/', timeoutMs, maxBytes: 64 * 1024, signal, onConnect });
  } catch (err) {
    return { kind: 'none', why: err instanceof TransportError ? err.kind : 'error' };
  }
  const parsed = parseRdServiceXml(answer.body.toString('utf8'));
  if (!parsed.ok) {
    // Something listens there but it is no usable RD service (or points away from this PC).
    logger?.debug('rd.probe.ignored', { port: target.port, protocol: target.protocol, reason: parsed.reason });
    return { kind: 'none', why: parsed.reason };
  }
  return { kind: 'found', service: { port: target.port, protocol: target.protocol, ...parsed.service } };
}

interface ScanResult {
  devices: RdService[];
  ms: number;
}

/** Ports whose probes are set up together before the event loop turns (see scanPorts). */
const SCAN_WAVE = 3;

/** How long a listening port may take to answer plain http before it is also asked over https. */
const TLS_GRACE_MS = 40;

/**
 * Probes every port over http, all at once, and over https only the ports where something
 * listens and plain http did not answer (at once when it failed, else after TLS_GRACE_MS): a
 * closed port refuses both alike, so the 20-odd TLS handshakes a blind scan would start are
 * never paid for, and the first READY answer is not kept waiting behind them. One entry per port:
 * once a port answers over one protocol, the probe over the other is dropped (a plain-http
 * service may sit on a TLS hello until the deadline, and would hold the whole scan up).
 */
export async function scanPorts(
  host: string,
  ports: readonly number[],
  options: { timeoutMs: number; onFound?: (s: RdService) => void; logger?: Logger },
): Promise<ScanResult> {
  const started = performance.now();
  const byPort = new Map<number, RdService>();

  const scanPort = async (port: number) => {
    const done = new AbortController();
    const report = (outcome: ProbeOutcome) => {
      if (outcome.kind !== 'found' || byPort.has(port)) return;
      done.abort();
      byPort.set(port, outcome.service);
      try {
        options.onFound?.(outcome.service);
      } catch (err) {
        // A listener's bug must not end the scan.
        options.logger?.warn('rd.scan.listenerFailed', { error: err });
      }
    };
    let tls: Promise<void> | null = null;
    const startTls = () => {
      if (tls || done.signal.aborted) return;
      // Deadline from the scan's start: a scan never takes longer than one probe.
      const left = Math.max(1, options.timeoutMs - (performance.now() - started));
      tls = probe({ host, port, protocol: 'https' }, left, options.logger, done.signal).then(report);
    };
    // A port that listens but has not answered plain http in TLS_GRACE_MS may speak only TLS: try it
    // then (sooner when the plain probe fails), so TLS set-up never competes with the fast answers.
    let grace: NodeJS.Timeout | undefined;
    const plain = await probe({ host, port, protocol: 'http' }, options.timeoutMs, options.logger, done.signal, () => {
      grace = setTimeout(startTls, TLS_GRACE_MS);
    });
    clearTimeout(grace);
    report(plain);
    // The plain probe saw the port listen (or failed after connecting): the TLS probe may still be out.
    if (plain.kind === 'none' && plain.why !== 'refused' && plain.why !== 'aborted') startTls();
    await tls;
  };
  // In waves of a few ports, lowest first (vendors take the first free port from 11100): the first
  // ports' requests reach the wire, and their answers are read, before the rest are set up.
  const scans: Promise<void>[] = [];
  for (let i = 0; i < ports.length; i += SCAN_WAVE) {
    if (i > 0) await new Promise((resolve) => setImmediate(resolve));
    scans.push(...ports.slice(i, i + SCAN_WAVE).map(scanPort));
  }
  await Promise.all(scans);
  const devices = [...byPort.values()].sort((a, b) => a.port - b.port);
  return { devices, ms: Math.round(performance.now() - started) };
}
