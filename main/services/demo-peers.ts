/**
 * The stand-ins the demo profile talks to instead of a real scanner and Eko. Services only know
 * this interface; the host layer hands in the implementation (main/host/demo-peers.ts, which
 * starts main/simulators/), so no service imports a simulator.
 */
import type { EkoEdition } from '../../app/contract';

export interface DemoPeers {
  /** A simulated RD service on loopback: the ports it answers on. */
  startRdSimulator(host: string): Promise<{ ports: number[]; close(): Promise<void> }>;
  /** The Eko sandbox, as strict as Eko: what a client needs to talk to it. */
  startEkoSandbox(options: { initiatorId: string; userCode: string; agentMobile: string; edition: EkoEdition; assetsDir?: string }): Promise<{
    credentials: { baseUrl: string; developerKey: string; accessKey: string; aadhaarPublicKey: string };
    close(): Promise<void>;
  }>;
}

/** For a set-up with no demo peers (a caller that never runs the demo profile): says so when asked. */
export const NO_DEMO_PEERS: DemoPeers = {
  startRdSimulator: () => Promise.reject(new Error('no RD simulator here: configure KIOSK_RD_PORTS')),
  startEkoSandbox: () => Promise.reject(new Error('no Eko sandbox here: configure KIOSK_EKO_BASE_URL')),
};
