// @vitest-environment happy-dom
/** The home slice's panels and the device slice's polling. */
import { describe, expect, it, vi } from 'vitest';
import { KioskError } from '../../../../app/contract';
import { patchSlice } from '../fake-kiosk-api';
import { api, s, storeHarness, use } from './harness';

storeHarness();

describe('home and device', () => {
  it('each panel fails on its own', async () => {
    use({ getSettlementBalance: new KioskError('eko.offline') });
    await s().home.load();
    expect(s().home.wallet).toMatchObject({ data: null, state: 'error' });
    expect(s().home.wallet.error?.code).toBe('eko.offline');
    expect(s().home.accounts.data).toMatchObject({ recipients: [] });
    expect(s().home.accounts.error).toBeNull();
    expect(s().home.ekoStatus).toMatchObject({ clockWarning: false });
  });

  it('a refresh keeps the last balance shown when it fails', async () => {
    await s().home.refreshWallet();
    api.getSettlementBalance.mockRejectedValueOnce(new KioskError('eko.timeout'));
    await s().home.refreshWallet();
    expect(s().home.wallet.data?.balance).toBe('1000');
    expect(s().home.wallet.error?.code).toBe('eko.timeout');
  });

  it('polls the scanner, and not while a capture runs', async () => {
    vi.useFakeTimers();
    const stop = s().device.startPolling(3000);
    await vi.advanceTimersByTimeAsync(0);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(3000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(2);
    patchSlice('enquiry', { capture: { ...s().enquiry.capture, phase: 'capturing' } });
    await vi.advanceTimersByTimeAsync(9000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(2);
    patchSlice('enquiry', { capture: { ...s().enquiry.capture, phase: 'idle' } });
    await vi.advanceTimersByTimeAsync(3000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(3);
    stop();
    await vi.advanceTimersByTimeAsync(9000);
    expect(api.getDeviceStatus).toHaveBeenCalledTimes(3);
  });

  it('find scanner updates the state; a failure is kept as the device error', async () => {
    await s().device.findScanner();
    expect(s().device.status?.state).toBe('ready');
    api.findScanner.mockRejectedValueOnce(new KioskError('rd.notFound'));
    await s().device.findScanner();
    expect(s().device.error?.code).toBe('rd.notFound');
    expect(s().device.finding).toBe(false);
  });
});
