/** A configuration problem, naming the place to fix it (a KIOSK_* variable, or config.json → key). */
import { KioskError, type ConfigProblem } from '../../../app/contract';

/**
 * Where a bad value came from. env: a KIOSK_* variable, which only the PC's set-up can change
 * (start-up stops). file: config.json (the operator settings). none: nowhere, a value the
 * profile needs is missing. file and none are fixed in the operator settings.
 */
export type ConfigSource = 'env' | 'file' | 'none';

export class ConfigError extends KioskError {
  /** As the message names it: KIOSK_LATLONG, config.json → eko.latlong, or the config file's path. */
  readonly setting: string;
  readonly source: ConfigSource;
  /** The setting's key in config.json ("eko.latlong"), whichever place the value came from; null: none. */
  readonly key: string | null;
  /** The kind of problem, for a translated message. */
  readonly reason: ConfigProblem['problem'];
  constructor(setting: string, problem: string, options: { source?: ConfigSource; key?: string | null; reason?: ConfigProblem['problem'] } = {}) {
    super('config.invalid', { detail: `${setting}: ${problem}`, params: { setting, problem } });
    this.setting = setting;
    this.source = options.source ?? 'env';
    this.key = options.key ?? null;
    this.reason = options.reason ?? 'invalid';
    this.message = `Configuration error in ${setting}: ${problem}`;
  }
}

