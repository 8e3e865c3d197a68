/**
 * Start-up shared by both hosts: configuration, logger, services, dispatch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { ConfigError, describeConfig, type KioskConfig } from '../services/config/config';
import { loadStartupConfig, prepareDataDir } from '../services/config/startup';
import { createLogger, type Logger } from '../services/log/logger';
import { startServices, type ReceiptPrinter, type Services } from '../services';
import { createDevFileSecretStore, unavailableSecretStore, type SecretStore } from '../services/settings/secret-store';
import { createLiveServices } from '../services/settings/live-services';
import { createSettingsService } from '../services/settings/settings-service';
import { createHandlers } from './handlers';
import type { DemoPeers } from '../services/demo-peers';
import { demoPeers } from './demo-peers';
import { createDispatch, type Dispatch } from './dispatch';

export interface Booted {
  /** The configuration running now (operator settings can change it while the app runs). */
  readonly config: KioskConfig;
  logger: Logger;
  /** The services running now: read it each time, never keep it (a settings save replaces them). */
  readonly services: Services;
  dispatch: Dispatch;
  /**
   * Why the saved settings did not load at start-up (null: they did). The training profile then
   * runs and the settings screen asks the operator to fix them; a save replaces the services.
   */
  startupProblem: ConfigError | null;
}

export function appVersion(): string {
  // package.json sits at the project root (and at the asar root when packaged).
  for (const dir of [process.cwd(), path.resolve(__dirnameSafe(), '..', '..'), path.resolve(__dirnameSafe(), '..')]) {
    try {
      const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8')) as { name?: string; version?: string };
      if (pkg.name === 'aeps-kiosk' && pkg.version) return pkg.version;
    } catch {
      // try the next place
    }
  }
  return '0.0.0';
}

function __dirnameSafe(): string {
  return typeof __dirname === 'string' ? __dirname : process.cwd();
}

export async function boot(options: {
  host: 'electron' | 'web';
  env?: NodeJS.ProcessEnv;
  dataDir?: string;
  console?: boolean;
  /** Defaults to ./assets (the web host runs from the project root). */
  assetsDir?: string;
  printer?: ReceiptPrinter;
  /**
   * Encrypts the operator's Eko keys at rest. Electron: safeStorage (main/electron/secret-store.ts).
   * Default: the web host's development key file; an Electron host without one cannot save keys.
   */
  secretStore?: SecretStore;
  /** Receives every log line after redaction (tests). */
  onLogLine?: (line: string) => void;
  /** The demo profile's peers. Default: the simulators on loopback (./demo-peers.ts). */
  peers?: DemoPeers;
}): Promise<Booted> {
  const env = options.env ?? process.env;
  const peers = options.peers ?? demoPeers;
  const dataDir = prepareDataDir(env, options.dataDir);
  const secretStore = options.secretStore ?? (options.host === 'web' ? createDevFileSecretStore(dataDir) : unavailableSecretStore('os'));
  // A bad KIOSK_* variable throws here; bad saved settings give the training profile and a problem to fix.
  const { config, problem } = loadStartupConfig(env, { dataDir: options.dataDir, decrypt: (b64) => secretStore.decrypt(b64) });
  const logger = createLogger({ dir: path.join(config.dataDir, 'logs'), console: options.console ?? false, onLine: options.onLogLine });
  logger.info('starting', { host: options.host, secretStorage: secretStore.kind, config: describeConfig(config) });
  if (problem) {
    logger.warn('the saved settings do not load: running the training profile until the operator fixes them in the settings', {
      setting: problem.setting,
      problem: problem.params?.problem,
    });
  }
  const start = (next: KioskConfig) =>
    startServices({
      config: next,
      logger,
      host: options.host,
      version: appVersion(),
      assetsDir: options.assetsDir ?? path.resolve('assets'),
      printer: options.printer,
      peers,
    });
  const live = createLiveServices(await start(config), start, logger);
  const settings = createSettingsService({ env, dataDir: config.dataDir, secretStore, logger, live, configProblem: problem, peers });
  const dispatch = createDispatch(createHandlers(live.ready, settings), logger);
  return {
    get config() {
      return live.current().config;
    },
    logger,
    get services() {
      return live.current();
    },
    dispatch,
    startupProblem: problem,
  };
}
