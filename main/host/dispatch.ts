/**
 * The one place a contract call enters the main side, whichever host carried it:
 * validate the input against the contract, run the handler, validate the output,
 * and answer an envelope. Errors leave as { code, messageKey } only; their
 * detail goes to the log.
 */
import {
  CALL_NAMES,
  KioskError,
  contract,
  toKioskError,
  type CallName,
  type Envelope,
} from '../../app/contract';
import type { Logger } from '../services/log/logger';
import type { Handlers } from './handlers';

export type Dispatch = (name: string, input: unknown) => Promise<Envelope>;

function isCallName(name: string): name is CallName {
  return (CALL_NAMES as readonly string[]).includes(name);
}

export function createDispatch(handlers: Handlers, logger: Logger): Dispatch {
  const log = logger.child('contract');
  return async (name, rawInput) => {
    if (!isCallName(name)) {
      log.warn('unknown call refused', { call: name.slice(0, 64) });
      return { ok: false, error: new KioskError('input.invalid', { params: { field: 'call' } }).toWire() };
    }
    const spec = contract[name];
    const parsed = spec.input.safeParse(rawInput ?? {});
    if (!parsed.success) {
      const field = parsed.error.issues[0]?.path.join('.') || 'input';
      // Only the field's name is logged: its value may be an Aadhaar number.
      log.warn('input refused', { call: name, field });
      return { ok: false, error: new KioskError('input.invalid', { params: { field } }).toWire() };
    }
    const started = Date.now();
    try {
      const handler = handlers[name] as (input: unknown) => Promise<unknown>;
      const value = await handler(parsed.data);
      const checked = spec.output.safeParse(value);
      if (!checked.success) {
        log.error('handler answered outside the contract', { call: name, issue: checked.error.issues[0]?.message, path: checked.error.issues[0]?.path.join('.') });
        return { ok: false, error: new KioskError('internal').toWire() };
      }
      log.debug('call done', { call: name, ms: Date.now() - started });
      return { ok: true, value: checked.data };
    } catch (err) {
      const error = toKioskError(err);
      const level = error.code === 'internal' ? 'error' : 'info';
      log[level]('call failed', { call: name, code: error.code, detail: error.detail, ms: Date.now() - started });
      return { ok: false, error: error.toWire() };
    }
  };
}
