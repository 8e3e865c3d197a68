// @vitest-environment happy-dom
/** The navigation slice: goHome ends the enquiry, wipes the customer's data. */
import { describe, expect, it } from 'vitest';
import type { Settings } from '../../../../app/contract';
import { RECENT_BANKS_KEY } from '../../../../renderer/banks';
import { SUCCESS } from '../fake-kiosk-api';
import { AADHAAR, MOBILE, api, s, startHeldCapture, startHeldEnquiry, storeHarness, toCapture, use } from './harness';

storeHarness();

describe('reset and privacy', () => {
  it('reset wipes every piece of the customer’s data and goes home', async () => {
    toCapture();
    await s().enquiry.captureFingerprint();
    s().nav.goHome();
    const st = s();
    expect(st.enquiry).toMatchObject({ step: 'mobile', mobile: '', aadhaar: '', maskedAadhaar: null, bankIin: null, consent: false, outcome: null, enquiryError: null, pending: null, wiped: null });
    expect(st.nav.route.name).toBe('home');
    expect(st.enquiry.capture).toMatchObject({ phase: 'idle', result: null, error: null });
  });

  it('an idle wipe is remembered for the home screen’s notice', () => {
    toCapture();
    s().nav.goHome('idle');
    expect(s().enquiry.wiped).toBe('idle');
    s().enquiry.dismissWipeNotice();
    expect(s().enquiry.wiped).toBeNull();
  });

  it('an answer that arrives after a reset is dropped', async () => {
    const { capture, running } = startHeldCapture();
    s().nav.goHome('idle');
    capture.resolve({ handle: 'h1', qScore: 90, nmPoints: null, quality: 'good', device: null });
    await running;
    expect(api.balanceEnquiry).not.toHaveBeenCalled();
    expect(s().enquiry).toMatchObject({ outcome: null });
    expect(s().nav.route.name).toBe('home');
    expect(api.cancelCapture).toHaveBeenCalled();
  });

  it('an idle wipe while the bank is asked tells the main side by capture handle, so no later window shows it', async () => {
    const { answer, running } = await startHeldEnquiry();
    const handle = s().enquiry.capture.result!.handle;
    s().nav.goHome('idle');
    expect(api.acknowledgeLastEnquiry).toHaveBeenCalledWith({ captureHandle: handle });
    answer.resolve(SUCCESS);
    await running;
    expect(s().enquiry).toMatchObject({ outcome: null, wiped: 'idle' });
    expect(s().nav.route.name).toBe('home');
  });

  it('writes nothing about the customer to storage; only the bank’s IIN is remembered', async () => {
    toCapture();
    await s().enquiry.captureFingerprint();
    s().nav.goHome();
    const dump = JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage });
    expect(dump).not.toContain(AADHAAR);
    expect(dump).not.toContain('0124');
    expect(dump).not.toContain(MOBILE);
    expect(dump).not.toContain('3210');
    expect(JSON.parse(localStorage.getItem(RECENT_BANKS_KEY)!)).toEqual(['607094']);
  });

  it('remembers at most five recent banks, most recent first', async () => {
    for (const iin of ['607094', '607027', '607161', '607105', '508505', '607396', '607027']) {
      toCapture(iin);
      await s().enquiry.captureFingerprint();
      s().nav.goHome();
    }
    expect(JSON.parse(localStorage.getItem(RECENT_BANKS_KEY)!)).toEqual(['607027', '607396', '508505', '607105', '607161']);
  });
});

describe('routes', () => {
  const settings = (p: Partial<Settings>) => ({ firstRun: false, configProblem: null, ...p }) as Settings;

  it('one route at a time: each screen is opened by its action, and Home ends what ran there', async () => {
    expect(s().nav.route).toEqual({ name: 'home' });
    s().nav.openFlow();
    expect(s().nav.route).toEqual({ name: 'flow' });
    s().nav.goHome();
    s().nav.openHistory();
    expect(s().nav.route).toEqual({ name: 'history' });
    s().nav.openDiagnostics();
    expect(s().nav.route).toEqual({ name: 'diagnostics' });
    s().nav.openSettings();
    expect(s().nav.route).toEqual({ name: 'settings', reason: 'operator' });
    s().nav.closeSettings();
    expect(s().nav.route).toEqual({ name: 'home' });
    s().nav.openDailyAuth();
    expect(s().nav.route).toEqual({ name: 'dailyAuth', returnTo: 'home' });
    s().dailyAuth.setAadhaar(AADHAAR);
    s().nav.goHome();
    expect(s().nav.route).toEqual({ name: 'home' });
    expect(s().dailyAuth.flow.aadhaar).toBe(''); // the agent's number went with it
  });

  it('first run: setup until a save, then home', async () => {
    use({ getSettings: settings({ firstRun: true }), saveSettings: settings({}) });
    await s().settings.load();
    expect(s().nav.route).toEqual({ name: 'setup' });
    s().nav.openFlow(); // nothing else is reachable
    expect(s().nav.route).toEqual({ name: 'setup' });
    expect(await s().settings.save({ profile: 'demo', newPin: '2468' })).toBe(true);
    expect(s().nav.route).toEqual({ name: 'home' });
  });

  it('saved settings that need fixing: the settings, and nothing else, until a save fixes them', async () => {
    use({ getSettings: settings({ configProblem: { kind: 'unreadable' } as unknown as Settings['configProblem'] }) });
    await s().settings.load();
    expect(s().nav.route).toEqual({ name: 'settings', reason: 'configProblem' });
    s().nav.openHistory();
    s().nav.closeSettings();
    s().nav.goHome();
    expect(s().nav.route).toEqual({ name: 'settings', reason: 'configProblem' });
    api.saveSettings.mockResolvedValueOnce(settings({}));
    expect(await s().settings.save({ profile: 'demo' })).toBe(true);
    expect(s().nav.route).toEqual({ name: 'home' });
  });

  it('settings the operator opened stay open when a save fixes a problem', () => {
    s().nav.openSettings();
    s().nav.followSettings(settings({}));
    expect(s().nav.route).toEqual({ name: 'settings', reason: 'operator' });
  });
});

describe('routes: an enquiry recovered while the settings need fixing', () => {
  it('is shown once a save fixes them', async () => {
    const settings = (p: Partial<Settings>) => ({ firstRun: false, configProblem: null, ...p }) as Settings;
    use({ getSettings: settings({ configProblem: { kind: 'unreadable' } as unknown as Settings['configProblem'] }), getLastEnquiry: { state: 'done', outcome: SUCCESS } });
    await s().settings.load();
    await s().enquiry.recoverLastEnquiry();
    expect(s().nav.route).toEqual({ name: 'settings', reason: 'configProblem' });
    expect(s().enquiry.outcome).toEqual(SUCCESS);
    api.saveSettings.mockResolvedValueOnce(settings({}));
    await s().settings.save({ profile: 'demo' });
    expect(s().nav.route).toEqual({ name: 'flow' });
  });
});
