/**
 * `npm run web`: the same services as the Electron app, served to any browser
 * on this PC at http://127.0.0.1:${KIOSK_WEB_PORT:-5178}.
 */
import path from 'node:path';
import { boot } from '../host/boot';
import { ConfigError } from '../services/config/config';
import type { DemoPeers } from '../services/demo-peers';
import { startWebHost } from './server';

async function main(options: { peers?: DemoPeers }): Promise<void> {
  const booted = await boot({ host: 'web', peers: options.peers });
  const web = await startWebHost({
    dispatch: booted.dispatch,
    staticDir: path.resolve(process.env.KIOSK_RENDERER_DIR ?? 'dist/renderer'),
    port: booted.config.webPort,
    logger: booted.logger,
  });
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await web.close();
    await booted.services.stop();
    process.exit(0);
  };
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
  if (booted.startupProblem) {
    console.warn(`The saved settings do not load (${booted.startupProblem.message}): the kiosk runs the training profile until the operator fixes them in the settings.`);
  }
  console.log(`Kiosk ready at ${web.launchUrl}`);
}

/**
 * Runs the web host as `npm run web` does (prints "Kiosk ready at <url>", stops on SIGINT/SIGTERM,
 * exits 1 with one line when it cannot start). `peers`: the demo profile's peers (default the real
 * simulators, main/host/demo-peers.ts).
 */
export function runWebHost(options: { peers?: DemoPeers } = {}): Promise<void> {
  return main(options).catch((err: unknown) => {
    // A bad KIOSK_* variable, data folder or web port: one line naming it.
    if (err instanceof ConfigError) {
      console.error(err.message);
    } else {
      console.error(`The kiosk could not start: ${(err as Error)?.message ?? String(err)}`);
    }
    process.exit(1);
  });
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  void runWebHost();
}
