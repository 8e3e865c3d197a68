/**
 * Starts the scanner service the way the app runs it: with the ports of the config, or, when no
 * ports were configured (demo profile), with the demo RD simulator. Same shape as ../eko/start.ts.
 * What it starts goes into `stops`. Used by startServices and by the doctor.
 */
import path from 'node:path';
import type { KioskConfig } from '../config/config';
import type { DemoPeers } from '../demo-peers';
import type { Logger } from '../log/logger';
import type { Stops } from '../stops';
import { createRdService, LAST_DEVICE_FILE, type RdServiceHandle, type RdServiceOptions } from './rd-service';
import { connectHost } from './transport';

interface StartedRd {
  rd: RdServiceHandle;
  /** The demo simulator's ports when one was started; null when the configured ports are used. */
  simulated: number[] | null;
}

export async function startRd(
  config: KioskConfig,
  logger: Logger,
  stops: Stops,
  options: { peers: DemoPeers } & Omit<RdServiceOptions, 'stateFile'>,
): Promise<StartedRd> {
  const { peers, ...serviceOptions } = options;
  if (config.rd.explicitPorts) {
    const rd = createRdService(config.rd, logger, { ...serviceOptions, stateFile: path.join(config.dataDir, LAST_DEVICE_FILE) });
    stops.add(() => rd.stop());
    return { rd, simulated: null };
  }
  const simulator = await peers.startRdSimulator(connectHost(config.rd.host));
  stops.add(() => simulator.close());
  logger.child('rd').info('rd.simulator.started', { ports: simulator.ports });
  // Ephemeral ports change every start: remembering one would only mislead the next start.
  const rd = createRdService({ ...config.rd, ports: simulator.ports }, logger, serviceOptions);
  stops.add(() => rd.stop());
  return { rd, simulated: simulator.ports };
}
