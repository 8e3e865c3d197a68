/**
 * The demo profile's peers: the RD-service simulator and the Eko sandbox, started on loopback
 * ports. The host layer wires them into the services (which only know main/services/demo-peers.ts).
 */
import type { DemoPeers } from '../services/demo-peers';
import { startDemoRdSimulator } from '../simulators/rd';
import { startEkoSandbox } from '../simulators/eko';

export const demoPeers: DemoPeers = {
  async startRdSimulator(host) {
    const simulator = await startDemoRdSimulator({ host });
    return { ports: simulator.ports, close: () => simulator.close() };
  },
  async startEkoSandbox(options) {
    // As strict as Eko: the counter's edition only, and no enquiry until today's daily authentication.
    const sandbox = await startEkoSandbox(options);
    return { credentials: sandbox.clientCredentials(), close: () => sandbox.close() };
  },
};
