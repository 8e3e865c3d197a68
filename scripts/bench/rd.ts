/**
 * RD-service speed figures against the simulator (printed, never asserted):
 * - discovery over a 21-port range (READY on the 5th port, NOTREADY on the 2nd, two ports
 *   that accept connections and never answer, the rest closed): time to the first READY
 *   device and to the full inventory, beside the same scan done as Eko's public tester
 *   does it (10 workers, 2.5 s per probe, 42 port × protocol probes);
 * - warm capture start: capture() call → CAPTURE request read by the simulator, device known.
 * Run alone: `npx tsx scripts/bench/rd.ts`.
 */
import net from 'node:net';
import { pathToFileURL } from 'node:url';
import { silentLogger } from '../../main/services/log/logger';
import { createRdService } from '../../main/services/rd';
import { probe } from '../../main/services/rd/discovery';
import type { RdProtocol } from '../../main/services/rd/transport';
import { startRdSimulator, type SimRequestEvent } from '../../main/simulators/rd';

const RANGE = 21;
const PROBE_TIMEOUT_MS = 1500; // the service's default
const EKO_TIMEOUT_MS = 2500;
const EKO_WORKERS = 10;

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

const fmt = (ms: number) => `${ms.toFixed(ms < 100 ? 1 : 0)} ms`;

async function canListen(port: number): Promise<net.Server | null> {
  const server = net.createServer();
  return new Promise((resolve) => {
    server.once('error', () => resolve(null));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => resolve(server));
  });
}

/** The first block of 21 free loopback ports at or above 40000, so the bench collides with nothing. */
async function freeBlock(): Promise<number> {
  for (let base = 40000; base < 65000; base += 100) {
    const held: net.Server[] = [];
    let free = true;
    for (let p = base; p < base + RANGE; p++) {
      const s = await canListen(p);
      if (!s) {
        free = false;
        break;
      }
      held.push(s);
    }
    await Promise.all(held.map((s) => new Promise((r) => s.close(r))));
    if (free) return base;
  }
  throw new Error('no free block of 21 ports above 40000');
}

/** Eko's tester: a queue of 42 port × protocol probes, 10 workers, each probe waited on in turn. */
async function ekoStyleScan(ports: number[]): Promise<{ firstReady: number; total: number }> {
  const queue: Array<{ port: number; protocol: RdProtocol }> = ports.flatMap((port) => (['http', 'https'] as const).map((protocol) => ({ port, protocol })));
  const started = performance.now();
  let firstReady = NaN;
  await Promise.all(
    Array.from({ length: EKO_WORKERS }, async () => {
      for (let item = queue.shift(); item; item = queue.shift()) {
        const out = await probe({ host: '127.0.0.1', ...item }, EKO_TIMEOUT_MS);
        if (out.kind === 'found' && out.service.status === 'READY' && Number.isNaN(firstReady)) firstReady = performance.now() - started;
      }
    }),
  );
  return { firstReady, total: performance.now() - started };
}

export async function benchRd(print: (line: string) => void): Promise<void> {
  const base = await freeBlock();
  const ports = Array.from({ length: RANGE }, (_, i) => base + i);
  const sim = await startRdSimulator({
    devices: [
      { port: ports[1], scenario: 'notReady' },
      { port: ports[4], scenario: 'ready', captureDelayMs: 0 },
      { port: ports[9], scenario: 'hang' },
      { port: ports[14], scenario: 'hang' },
    ],
  });
  try {
    const config = { host: '127.0.0.1', ports, explicitPorts: true, captureTimeoutMs: 10_000 };

    // Our scan and the same scan as Eko's tester does it, run turn about so the machine's load
    // falls on both alike. Ours: every port at once over http, https only where something listens.
    const first: number[] = [];
    const total: number[] = [];
    const ekoFirst: number[] = [];
    const ekoTotal: number[] = [];
    for (let run = 0; run < 12; run++) {
      const rd = createRdService(config, silentLogger, { probeTimeoutMs: PROBE_TIMEOUT_MS });
      const started = performance.now();
      let firstReady = NaN;
      const inv = await rd.inventory((s) => {
        if (s.status === 'READY' && Number.isNaN(firstReady)) firstReady = performance.now() - started;
      });
      const all = performance.now() - started;
      await rd.stop();
      if (inv.devices.length !== 2) throw new Error(`bench set-up: expected 2 services, found ${inv.devices.length}`);
      const eko = await ekoStyleScan(ports);
      // The first run pays for module loading and TLS set-up: a kiosk scans warm after start-up.
      if (run > 0) {
        first.push(firstReady);
        total.push(all);
        ekoFirst.push(eko.firstReady);
        ekoTotal.push(eko.total);
      }
    }
    print(
      `rd discovery (${RANGE} ports × http/https, ports ${base}–${base + RANGE - 1}: READY on the 5th, NOTREADY on the 2nd, 2 hanging): ` +
        `first READY ${fmt(median(first))} (goal < 50 ms), full inventory ${fmt(median(total))} (goal ≤ ${PROBE_TIMEOUT_MS + 100} ms = probe timeout + 100 ms), median of ${first.length}`,
    );
    print(
      `rd discovery, Eko tester style (${EKO_WORKERS} workers, ${EKO_TIMEOUT_MS} ms per probe, ${RANGE * 2} probes), the same runs turn about: ` +
        `first READY ${fmt(median(ekoFirst))}, full inventory ${fmt(median(ekoTotal))}, median of ${ekoFirst.length}; ` +
        `ours ${median(first) < median(ekoFirst) ? 'ahead' : 'BEHIND'} on first READY by ${fmt(Math.abs(median(ekoFirst) - median(first)))}`,
    );

    // Warm capture start: the device is known; how soon does CAPTURE reach it?
    const rd = createRdService({ ...config, ports: [ports[4]!] }, silentLogger, { probeTimeoutMs: PROBE_TIMEOUT_MS });
    await rd.status();
    const device = sim.devices[1]!;
    const starts: number[] = [];
    for (let run = 0; run < 16; run++) {
      const reached = new Promise<number>((resolve) => {
        const on = (e: SimRequestEvent) => {
          if (e.method !== 'CAPTURE') return;
          device.events.off('request', on);
          resolve(e.at);
        };
        device.events.on('request', on);
      });
      const t0 = performance.now();
      const result = await rd.capture({});
      const at = await reached;
      rd.takeCapture(result.handle);
      if (run > 0) starts.push(at - t0);
    }
    await rd.stop();
    print(`rd warm capture start (capture() → CAPTURE at the RD service): ${fmt(median(starts))} (goal < 20 ms), median of ${starts.length}`);
  } finally {
    await sim.close();
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  benchRd((line) => console.log(line)).catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
