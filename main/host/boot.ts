/**
 * Start-up shared by both hosts: configuration, logger, services, dispatch.
 */
import fs from 'node:fs';
import path from 'node:path';
import { loadConfig, describeConfig, type KioskConfig } from '../services/config/config';
import { createLogger, type Logger } from '../services/log/logger';
import { startServices, type ReceiptPrinter, type Services } from '../services';
import { createHandlers } from './handlers';
import { createDispatch, type Dispatch } from './dispatch';

export interface Booted {
  config: KioskConfig;
  logger: Logger;
  services: Services;
  dispatch: Dispatch;
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
}): Promise<Booted> {
  const config = loadConfig(options.env ?? process.env, { dataDir: options.dataDir });
  fs.mkdirSync(config.dataDir, { recursive: true });
  const logger = createLogger({ dir: path.join(config.dataDir, 'logs'), console: options.console ?? false });
  logger.info('starting', { host: options.host, config: describeConfig(config) });
  const services = await startServices({
    config,
    logger,
    host: options.host,
    version: appVersion(),
    assetsDir: options.assetsDir ?? path.resolve('assets'),
    printer: options.printer,
  });
  const dispatch = createDispatch(createHandlers(services), logger);
  return { config, logger, services, dispatch };
}
