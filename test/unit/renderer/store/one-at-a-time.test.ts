// @vitest-environment happy-dom
/**
 * One billed operation at a time, from the renderer's side: a double tap on "Capture" or on "Send
 * anyway" starts one enquiry, never two (the main side refuses a second one too: enquiry.busy).
 */
import { describe, expect, it } from 'vitest';
import { api, s, storeHarness, toCapture, use } from './harness';
import { SUCCESS } from '../fake-kiosk-api';

storeHarness();

describe('the renderer never starts a second enquiry', () => {
  it('two taps on Capture while the first is capturing or sending: one capture, one enquiry', async () => {
    let release!: () => void;
    use({ balanceEnquiry: new Promise((resolve) => (release = () => resolve(SUCCESS))) });
    toCapture();
    const first = s().enquiry.captureFingerprint();
    const second = s().enquiry.captureFingerprint();
    await second;
    await new Promise((r) => setTimeout(r, 0));
    expect(s().enquiry.capture.phase).toBe('sending');
    await s().enquiry.captureFingerprint(); // a third tap while the bank is asked
    release();
    await first;
    expect(api.captureFingerprint).toHaveBeenCalledTimes(1);
    expect(api.balanceEnquiry).toHaveBeenCalledTimes(1);
  });

  it('two taps on "Send anyway" after a low-quality capture: one enquiry', async () => {
    use({ captureFingerprint: { handle: 'h-low', qScore: 30, nmPoints: 20, quality: 'low', device: null } });
    toCapture();
    await s().enquiry.captureFingerprint();
    expect(s().enquiry.capture.phase).toBe('low');
    await Promise.all([s().enquiry.sendLowQuality(), s().enquiry.sendLowQuality()]);
    expect(api.balanceEnquiry).toHaveBeenCalledTimes(1);
    expect(api.balanceEnquiry).toHaveBeenCalledWith(expect.objectContaining({ captureHandle: 'h-low', allowLowQuality: true }));
  });
});
