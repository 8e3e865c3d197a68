/**
 * Starts the scanner service the way the app runs it: with the ports of the config, or,
 * when no ports were configured (demo profile), with the built-in simulator, which it
 * then owns and closes on stop(). Used by startServices and by the doctor.
 */
import path from 'node:path';
import type { KioskConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { startDemoRdSimulator, type RdSimulator } from '../../simulators/rd';
import { createRdService, LAST_DEVICE_FILE, type RdServiceHandle, type RdServiceOptions } from './index';
import { connectHost } from './transport';

export interface StartedRd {
  rd: RdServiceHandle;
  /** The built-in simulator when the config named no ports; null otherwise. */
  simulator: RdSimulator | null;
}

export async function startRd(config: KioskConfig, logger: Logger, options: Omit<RdServiceOptions, 'stateFile'> = {}): Promise<StartedRd> {
  if (config.rd.explicitPorts) {
    const rd = createRdService(config.rd, logger, { ...options, stateFile: path.join(config.dataDir, LAST_DEVICE_FILE) });
    return { rd, simulator: null };
  }
  const simulator = await startDemoRdSimulator({ host: connectHost(config.rd.host) });
  logger.child('rd').info('rd.simulator.started', { ports: simulator.ports });
  // Ephemeral ports change every start: remembering one would only mislead the next start.
  const service = createRdService({ ...config.rd, ports: simulator.ports }, logger, options);
  const rd: RdServiceHandle = {
    ...service,
    stop: async () => {
      await service.stop();
      await simulator.close();
    },
  };
  return { rd, simulator };
}
