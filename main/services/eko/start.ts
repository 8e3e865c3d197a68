/**
 * Starts the Eko client the way the app runs it: against the configured server, or, in the demo
 * profile without KIOSK_EKO_BASE_URL, against the demo sandbox with its own keys. Same shape as
 * ../rd/start.ts. What it starts goes into `stops`. Used by startServices, the doctor and the
 * settings' connection test.
 */
import type { KioskConfig } from '../config/config';
import type { DemoPeers } from '../demo-peers';
import type { Logger } from '../log/logger';
import type { Stops } from '../stops';
import { createEkoClient, type EkoClient } from './client';

interface StartedEko {
  eko: EkoClient;
  /** The demo sandbox's address when one was started; null when the configured server is used. */
  simulated: string | null;
}

export async function startEko(config: KioskConfig, logger: Logger, stops: Stops, options: { peers: DemoPeers; assetsDir?: string }): Promise<StartedEko> {
  let eko = config.eko;
  let simulated: string | null = null;
  if (eko.baseUrl === null) {
    const sandbox = await options.peers.startEkoSandbox({
      initiatorId: eko.initiatorId,
      userCode: eko.userCode,
      agentMobile: eko.agentMobile,
      edition: eko.edition,
      assetsDir: options.assetsDir,
    });
    stops.add(() => sandbox.close());
    eko = { ...eko, ...sandbox.credentials };
    simulated = sandbox.credentials.baseUrl;
    logger.info('demo profile: talking to the built-in Eko sandbox', { baseUrl: simulated });
  }
  // loadConfig requires a key whenever a base URL is configured.
  const client = createEkoClient({ ...eko, baseUrl: eko.baseUrl!, aadhaarPublicKey: eko.aadhaarPublicKey! }, logger.child('eko'));
  stops.add(() => client.stop());
  return { eko: client, simulated };
}
