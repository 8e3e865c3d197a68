/**
 * Starts the Eko client the way the app runs it: against the configured server, or,
 * in the demo profile without KIOSK_EKO_BASE_URL, against the built-in sandbox with
 * its own keys. What it starts goes into `stops`. Used by startServices, the doctor
 * and the settings' connection test.
 */
import type { KioskConfig } from '../config/config';
import type { Logger } from '../log/logger';
import { startEkoSandbox } from '../../simulators/eko';
import { createEkoClient, type EkoClient } from './client';

export async function startEko(
  config: KioskConfig,
  logger: Logger,
  stops: Array<() => Promise<void> | void>,
  options: { assetsDir?: string } = {},
): Promise<EkoClient> {
  let eko = config.eko;
  if (eko.baseUrl === null) {
    // As strict as Eko: the counter's edition only, and no enquiry until today's daily authentication.
    const sandbox = await startEkoSandbox({
      initiatorId: eko.initiatorId,
      userCode: eko.userCode,
      agentMobile: eko.agentMobile,
      edition: eko.edition,
      assetsDir: options.assetsDir,
    });
    stops.push(() => sandbox.close());
    eko = { ...eko, ...sandbox.clientCredentials() };
    logger.info('demo profile: talking to the built-in Eko sandbox', { baseUrl: sandbox.baseUrl });
  }
  // loadConfig requires a key whenever a base URL is configured.
  const client = createEkoClient({ ...eko, baseUrl: eko.baseUrl!, aadhaarPublicKey: eko.aadhaarPublicKey! }, logger.child('eko'));
  stops.push(() => client.stop());
  return client;
}
