import { describe, expect, it } from 'vitest';
import { CALL_NAMES, contract, KioskError } from '../../../app/contract';
import { createDispatch } from '../../../main/host/dispatch';
import { createLogger } from '../../../main/services/log/logger';
import { recordingHandlers } from '../../support/services';

describe('dispatch', () => {
  it('the call list and the contract agree', () => {
    expect([...CALL_NAMES].sort()).toEqual(Object.keys(contract).sort());
  });

  it('runs a valid call and answers an envelope', async () => {
    const handlers = recordingHandlers();
    const dispatch = createDispatch(handlers, createLogger({ dir: null }));
    const envelope = await dispatch('getAppInfo', {});
    expect(envelope).toMatchObject({ ok: true, value: { version: '9.9.9', profile: 'demo' } });
    expect(handlers.calls).toHaveBeenCalledWith('getAppInfo', {});
  });

  it('refuses bad input before any service runs, naming only the field', async () => {
    const handlers = recordingHandlers();
    const lines: string[] = [];
    const dispatch = createDispatch(handlers, createLogger({ dir: null, onLine: (l) => lines.push(l) }));
    const envelope = await dispatch('balanceEnquiry', { customerMobile: '9876543210', aadhaar: '123412341234', bankIin: '607094', captureHandle: 'h' });
    expect(envelope).toEqual({ ok: false, error: { code: 'input.invalid', messageKey: 'errors.input.invalid', params: { field: 'aadhaar' } } });
    expect(handlers.calls).not.toHaveBeenCalled();
    expect(lines.join('\n')).not.toContain('123412341234');
    expect(await dispatch('getAppInfo', { extra: 1 })).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await dispatch('getAppInfo', 'text')).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await dispatch('deleteEverything', {})).toMatchObject({ ok: false, error: { code: 'input.invalid', params: { field: 'call' } } });
    expect(handlers.calls).not.toHaveBeenCalled();
  });

  it('passes KioskErrors without detail, hides unknown errors as internal', async () => {
    const handlers = recordingHandlers();
    handlers.findScanner = async () => {
      throw new KioskError('rd.notFound', { detail: 'scanned 21 ports' });
    };
    handlers.getEkoStatus = async () => {
      throw new TypeError('cannot read properties of undefined');
    };
    const dispatch = createDispatch(handlers, createLogger({ dir: null }));
    expect(await dispatch('findScanner', {})).toEqual({ ok: false, error: { code: 'rd.notFound', messageKey: 'errors.rd.notFound' } });
    const hidden = await dispatch('getEkoStatus', {});
    expect(hidden).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
    expect(JSON.stringify(hidden)).not.toContain('undefined');
  });

  it('refuses an answer outside the contract', async () => {
    const handlers = recordingHandlers();
    handlers.getAppInfo = async () => ({ version: 1 }) as never;
    const dispatch = createDispatch(handlers, createLogger({ dir: null }));
    expect(await dispatch('getAppInfo', {})).toMatchObject({ ok: false, error: { code: 'internal' } });
  });
});
