/** Shared set-up for the RD integration tests: simulator, service, a logger that keeps its lines. */
import net from 'node:net';
import path from 'node:path';
import type { RdConfig } from '../../../main/services/config/config';
import { createLogger, type Logger } from '../../../main/services/log/logger';
import { createRdService, type RdServiceHandle, type RdServiceOptions } from '../../../main/services/rd';
import { startRdSimulator, type RdSimulator, type SimDeviceOptions } from '../../../main/simulators/rd';
import { makeTempDir } from '../../support/temp-dir';

/** A loopback port nothing listens on (bound, then released). */
export async function closedPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as net.AddressInfo).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

export function recordingLogger(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: createLogger({ dir: null, minLevel: 'debug', onLine: (l) => lines.push(l) }), lines };
}

export interface Rig {
  sim: RdSimulator;
  rd: RdServiceHandle;
  lines: string[];
  config: RdConfig;
  stateFile: string;
  close(): Promise<void>;
}

const open: Rig[] = [];

export async function rig(
  devices: SimDeviceOptions[],
  options: RdServiceOptions & { extraPorts?: number[]; config?: Partial<RdConfig> } = {},
): Promise<Rig> {
  const sim = await startRdSimulator({ devices: devices.map((d) => ({ captureDelayMs: 20, ...d })) });
  const { logger, lines } = recordingLogger();
  const config: RdConfig = {
    host: '127.0.0.1',
    ports: [...sim.ports, ...(options.extraPorts ?? [])],
    explicitPorts: true,
    captureTimeoutMs: 5000,
    ...options.config,
  };
  const stateFile = options.stateFile ?? path.join(makeTempDir('kiosk-rd-'), 'rd-device.json');
  // 800 ms: a loopback answer never needs it, even on a busy machine; hung ports cost it per scan.
  const rd = createRdService(config, logger, { probeTimeoutMs: 800, rescanIntervalMs: 0, ...options, stateFile });
  const r: Rig = {
    sim,
    rd,
    lines,
    config,
    stateFile,
    close: async () => {
      await rd.stop();
      await sim.close();
    },
  };
  open.push(r);
  return r;
}

export async function closeAll(): Promise<void> {
  await Promise.all(open.splice(0).map((r) => r.close()));
}

export function count(sim: RdSimulator, index: number, method: string): number {
  return sim.devices[index]!.requests.filter((r) => r.method === method).length;
}
