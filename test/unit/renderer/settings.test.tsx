// @vitest-environment happy-dom
/**
 * Operator settings in the renderer: the PIN (wrong → tries left, locked out), the
 * session token (memory only, dropped on Lock, on leaving, when idle, when expired),
 * the form's own checks and the main side's field errors, keys never shown back in
 * clear, only changed fields sent, first-run setup, and settings.busy with a retry.
 */
import { act, cleanup, fireEvent, render, screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { I18nextProvider } from 'react-i18next';
import { CONFIG_PROBLEMS, KioskError, type Settings } from '../../../app/contract';
import { setApi } from '../../../renderer/bridge';
import { i18n, initI18n, loadLanguage } from '../../../renderer/i18n';
import { useKiosk } from '../../../renderer/store';
import { SettingsGate } from '../../../renderer/screens/settings/SettingsGate';
import { ekoCandidate, initialValues, problemsOf } from '../../../renderer/screens/settings/form-model';
import { timings } from '../../../renderer/timings';
import { fakeKioskApi, type FakeKioskApi } from './fake-kiosk-api';
import { sampleEkoAccount, sampleSettings } from '../../support/services';
import { placeholdersOf, translationEntries } from '../../support/translations';

initI18n('en');
const initial = useKiosk.getState();
const s = () => useKiosk.getState();

const ACCESS_KEY = 'acc-4f1d2c3b-9a8e-4d7c-b6a5-e4f3d2c10567';
const DEV_KEY = 'dev7c1e9a0f4b2d8e6a5c3b1f0d9e81234';
const TOKEN = 'tok-0123456789abcdef0123456789';

const DEMO: Settings = { ...sampleSettings, secretStorage: 'os' };

const PRODUCTION: Settings = {
  ...DEMO,
  profile: 'production',
  eko: sampleEkoAccount,
};

const FIRST_RUN: Settings = { ...DEMO, firstRun: true, pinSet: false };

const session = () => ({ token: TOKEN, expiresAt: new Date(Date.now() + 10 * 60_000).toISOString() });

let api: FakeKioskApi;

function setup(answers: Parameters<typeof fakeKioskApi>[0] = {}) {
  api = fakeKioskApi({ getSettings: DEMO, unlockSettings: session(), lockSettings: {}, ...answers });
  setApi(api);
  return api;
}

function renderGate() {
  return render(
    <I18nextProvider i18n={i18n}>
      <SettingsGate>
        <p>home screen</p>
      </SettingsGate>
    </I18nextProvider>,
  );
}

const flush = () => act(async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
});
const press = (name: string | RegExp) => fireEvent.click(screen.getByRole('button', { name }));
const typeInto = (el: HTMLElement, value: string) => fireEvent.change(el, { target: { value } });

async function pressKeys(digits: string) {
  const keypad = screen.getByRole('group', { name: 'Number keypad' });
  for (const d of digits) fireEvent.click(within(keypad).getByRole('button', { name: d }));
  await flush();
}

/** Opens the settings and unlocks them with the keypad. */
async function openUnlocked() {
  renderGate();
  await flush();
  act(() => s().nav.openSettings());
  await flush();
  screen.getByLabelText('Operator PIN').focus();
  await pressKeys('2468');
  await act(async () => press('Open settings'));
  await flush();
}

beforeEach(async () => {
  useKiosk.setState(initial, true);
  localStorage.clear();
  sessionStorage.clear();
  await act(() => i18n.changeLanguage('en'));
});
afterEach(() => {
  cleanup();
  setApi(null);
  vi.useRealTimers();
});

describe('operator PIN', () => {
  it('a wrong PIN says how many tries are left and empties the field; the right one opens the form', async () => {
    setup({
      unlockSettings: (input: { pin: string }) =>
        input.pin === '2468' ? session() : new KioskError('settings.pinWrong', { params: { triesLeft: '2' } }),
    });
    renderGate();
    await flush();
    act(() => s().nav.openSettings());
    await flush();
    expect(screen.getByRole('heading', { name: 'Enter the operator PIN' })).toBeTruthy();
    const pin = screen.getByLabelText('Operator PIN') as HTMLInputElement;
    expect(pin.type).toBe('password');
    pin.focus();
    await pressKeys('1357');
    expect(pin.value).toBe('1357');
    await act(async () => press('Open settings'));
    await flush();
    expect(api.unlockSettings).toHaveBeenCalledWith({ pin: '1357' });
    expect(screen.getByRole('alert').textContent).toContain('The operator PIN is wrong (2 tries left).');
    expect(pin.value).toBe('');
    expect(s().settings.token).toBeNull();

    typeInto(pin, '2468');
    await act(async () => press('Open settings'));
    await flush();
    expect(s().settings.token).toBe(TOKEN);
    expect(screen.getByRole('radio', { name: /Training \(demo\)/ })).toHaveProperty('checked', true);
    // The token is in memory only.
    expect(JSON.stringify({ ...localStorage })).not.toContain(TOKEN);
    expect(JSON.stringify({ ...sessionStorage })).not.toContain(TOKEN);
  });

  it('too short a PIN is not sent', async () => {
    setup();
    renderGate();
    await flush();
    act(() => s().nav.openSettings());
    await flush();
    typeInto(screen.getByLabelText('Operator PIN'), '12');
    await act(async () => press('Open settings'));
    expect(api.unlockSettings).not.toHaveBeenCalled();
    expect(screen.getByRole('alert').textContent).toContain('Enter the operator PIN: 4 to 8 digits.');
  });

  it('locked out: says for how long and until when, and refuses to try', async () => {
    const until = new Date(Date.now() + 4 * 60_000 + 10_000).toISOString();
    setup({ unlockSettings: new KioskError('settings.locked', { params: { minutes: '5', until } }) });
    renderGate();
    await flush();
    act(() => s().nav.openSettings());
    await flush();
    typeInto(screen.getByLabelText('Operator PIN'), '1111');
    await act(async () => press('Open settings'));
    await flush();
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Too many wrong PINs: the settings are locked for 5 more minutes.');
    expect(alert.textContent).toContain('You can try again at');
    expect(screen.getByRole('button', { name: 'Open settings' })).toHaveProperty('disabled', true);
  });

  it('a lock-out already known from getSettings shows before any try', async () => {
    const until = new Date(Date.now() + 2 * 60_000).toISOString();
    setup({ getSettings: { ...DEMO, locked: true, lockedUntil: until } });
    renderGate();
    await flush();
    act(() => s().nav.openSettings());
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('locked for 2 more minutes');
    expect(screen.getByRole('button', { name: 'Open settings' })).toHaveProperty('disabled', true);
  });
});

describe('settings session', () => {
  it('Lock drops the token here and on the main side, and shows the PIN again', async () => {
    setup();
    await openUnlocked();
    expect(s().settings.token).toBe(TOKEN);
    await act(async () => press('Lock'));
    await flush();
    expect(api.lockSettings).toHaveBeenCalledWith({ token: TOKEN });
    expect(s().settings.token).toBeNull();
    expect(screen.getByRole('heading', { name: 'Enter the operator PIN' })).toBeTruthy();
  });

  it('leaving the screen locks, and goes home', async () => {
    setup();
    await openUnlocked();
    await act(async () => press('Close settings'));
    await flush();
    expect(api.lockSettings).toHaveBeenCalledWith({ token: TOKEN });
    expect(s().settings).toMatchObject({ token: null });
    expect(s().nav.route).not.toMatchObject({ name: 'settings', reason: 'operator' });
    expect(screen.getByText('home screen')).toBeTruthy();
  });

  it('locks by itself after the idle timeout and goes home', async () => {
    setup();
    await openUnlocked();
    vi.useFakeTimers();
    act(() => {
      vi.advanceTimersByTime(timings.idleFlowMs - 1000);
    });
    expect(s().settings.token).toBe(TOKEN);
    // Input restarts the clock.
    fireEvent.keyDown(document.body, { key: 'a' });
    act(() => {
      vi.advanceTimersByTime(timings.idleFlowMs - 1000);
    });
    expect(s().settings.token).toBe(TOKEN);
    act(() => {
      vi.advanceTimersByTime(2000);
    });
    vi.useRealTimers();
    await flush();
    expect(api.lockSettings).toHaveBeenCalledWith({ token: TOKEN });
    expect(s().settings).toMatchObject({ token: null });
    expect(s().nav.route).not.toMatchObject({ name: 'settings', reason: 'operator' });
  });

  it('an expired token on save goes back to the PIN, saying why', async () => {
    setup({ saveSettings: new KioskError('settings.tokenExpired') });
    await openUnlocked();
    fireEvent.click(screen.getByRole('radio', { name: /80 mm/ }));
    await act(async () => press('Save settings'));
    await flush();
    expect(s().settings.token).toBeNull();
    expect(screen.getByRole('heading', { name: 'Enter the operator PIN' })).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('The settings locked themselves again (they stay open for a limited time after the PIN).');
  });
});

describe('the settings form', () => {
  it('checks the live fields before sending, next to each field', async () => {
    setup();
    await openUnlocked();
    fireEvent.click(screen.getByRole('radio', { name: /Live \(production\)/ }));
    typeInto(screen.getByLabelText('Initiator ID'), '98765');
    typeInto(screen.getByLabelText('Shop location'), '88.6,190.2');
    typeInto(screen.getByLabelText('Agent mobile (optional)'), '5876543210');
    await act(async () => press('Save settings'));
    expect(api.saveSettings).not.toHaveBeenCalled();
    const text = document.body.textContent!;
    expect(text).toContain('The initiator ID is a 10-digit mobile number.');
    expect(text).toContain('latitude is between -90 and 90');
    expect(text).toContain('A mobile number has 10 digits and starts with 6, 7, 8 or 9.');
    expect(text).toContain('This is needed for the live profile.'); // keys and user code
    expect(document.activeElement).toBe(screen.getByLabelText('Developer key'));
    // Test connection is refused for the same reasons.
    await act(async () => press('Test connection'));
    expect(api.testConnection).not.toHaveBeenCalled();
  });

  it('shows the main side’s field error next to that field', async () => {
    setup({
      getSettings: PRODUCTION,
      saveSettings: new KioskError('input.invalid', { params: { field: 'eko.latlong', problem: 'latitude within ±90, longitude within ±180' } }),
    });
    await openUnlocked();
    typeInto(screen.getByLabelText('User code'), '30000002');
    await act(async () => press('Save settings'));
    await flush();
    const input = screen.getByLabelText('Shop location');
    const problemId = input.getAttribute('aria-describedby')!.split(' ').find((id) => id.endsWith('-problem'))!;
    expect(document.getElementById(problemId)!.textContent).toContain('The app did not accept this value.');
    expect(document.activeElement).toBe(input);
  });

  it('saved keys show masked only; a new key is sent once and never rendered in clear', async () => {
    let saved: Settings = PRODUCTION;
    setup({
      getSettings: () => saved,
      saveSettings: (input: { eko?: { accessKey?: string } }) => {
        saved = { ...PRODUCTION, eko: { ...PRODUCTION.eko, accessKey: { set: true, masked: `••••${input.eko!.accessKey!.slice(-4)}`, source: 'saved' } } };
        return saved;
      },
    });
    const { container } = await (async () => {
      const r = renderGate();
      await flush();
      act(() => s().nav.openSettings());
      await flush();
      typeInto(screen.getByLabelText('Operator PIN'), '2468');
      await act(async () => press('Open settings'));
      await flush();
      return r;
    })();
    expect(screen.getByTestId('masked-accessKey').textContent).toBe('••••0567 (saved)');
    // No input for it until Change is pressed.
    expect(document.querySelector('input#settings-eko-accessKey')).toBeNull();
    await act(async () => press('Change Access key'));
    const field = screen.getByLabelText('Access key') as HTMLInputElement;
    expect(field.type).toBe('password');
    expect(field.value).toBe('');
    typeInto(field, ACCESS_KEY);
    expect(container.innerHTML).not.toContain(ACCESS_KEY);
    await act(async () => press('Save settings'));
    await flush();
    // Only what changed is sent: the new key (the token with it), nothing else of the account.
    expect(api.saveSettings).toHaveBeenCalledWith({ token: TOKEN, profile: 'production', eko: { accessKey: ACCESS_KEY }, receiptPaperMm: 58 });
    expect(screen.getByTestId('settings-saved').textContent).toContain('Settings saved.');
    expect(screen.getByTestId('masked-accessKey').textContent).toBe('••••0567 (saved)');
    expect(container.innerHTML).not.toContain(ACCESS_KEY);
    expect(container.innerHTML).not.toContain(DEV_KEY);
    expect(JSON.stringify(s())).not.toContain(ACCESS_KEY);
    // The TRAINING band follows the profile: app info is read again.
    expect(api.getAppInfo).toHaveBeenCalled();
  });

  it('a key set by a KIOSK_* variable says so and cannot be changed', async () => {
    setup({
      getSettings: {
        ...PRODUCTION,
        envOverrides: ['KIOSK_EKO_ACCESS_KEY', 'KIOSK_LATLONG'],
        eko: { ...PRODUCTION.eko, accessKey: { set: true, masked: '••••9999', source: 'env' } },
      },
    });
    await openUnlocked();
    const box = screen.getByTestId('secret-accessKey');
    expect(box.textContent).toContain('••••9999');
    expect(box.textContent).toContain('Set on this PC by KIOSK_EKO_ACCESS_KEY: it cannot be changed here.');
    expect(within(box).queryByRole('button')).toBeNull();
    expect(screen.getByLabelText('Shop location')).toHaveProperty('readOnly', true);
    typeInto(screen.getByLabelText('User code'), '30000009');
    await act(async () => press('Save settings'));
    await flush();
    expect(api.saveSettings).toHaveBeenCalledWith({ token: TOKEN, profile: 'production', eko: { userCode: '30000009' }, receiptPaperMm: 58 });
  });

  it('the Eko request format: spec pages by default, "Eko current" sent only when chosen', async () => {
    setup({ getSettings: PRODUCTION, saveSettings: { ...PRODUCTION, eko: { ...PRODUCTION.eko, edition: 'current' } } });
    await openUnlocked();
    const group = screen.getByRole('group', { name: 'Eko request format' });
    const spec = within(group).getByRole('radio', { name: /Spec pages \(default\)/ }) as HTMLInputElement;
    const current = within(group).getByRole('radio', { name: /Eko current/ }) as HTMLInputElement;
    expect(spec.checked).toBe(true);
    fireEvent.click(current);
    await act(async () => press('Save settings'));
    await flush();
    expect(api.saveSettings).toHaveBeenCalledWith({ token: TOKEN, profile: 'production', eko: { edition: 'current' }, receiptPaperMm: 58 });
  });

  it('the request format set by KIOSK_EKO_EDITION is locked and never sent', async () => {
    setup({ getSettings: { ...PRODUCTION, envOverrides: ['KIOSK_EKO_EDITION'], eko: { ...PRODUCTION.eko, edition: 'current' } } });
    await openUnlocked();
    const group = screen.getByRole('group', { name: 'Eko request format' });
    expect(group.textContent).toContain('Set on this PC by KIOSK_EKO_EDITION: it cannot be changed here.');
    for (const radio of within(group).getAllByRole('radio')) expect((radio as HTMLInputElement).disabled).toBe(true);
    expect((within(group).getByRole('radio', { name: /Eko current/ }) as HTMLInputElement).checked).toBe(true);
    typeInto(screen.getByLabelText('User code'), '30000009');
    await act(async () => press('Save settings'));
    await flush();
    expect(api.saveSettings).toHaveBeenCalledWith({ token: TOKEN, profile: 'production', eko: { userCode: '30000009' }, receiptPaperMm: 58 });
  });

  it('Test connection shows the clock difference and the wallet balance, or the error and what to do', async () => {
    setup({ testConnection: { ok: true, baseUrl: 'http://127.0.0.1:1/ekoapi/v3', clockSkewMs: -450, walletBalance: '2500.5', error: null } });
    await openUnlocked();
    await act(async () => press('Test connection'));
    await flush();
    expect(api.testConnection).toHaveBeenCalledWith({ token: TOKEN, profile: 'demo' });
    const ok = screen.getByTestId('settings-test-result');
    expect(ok.textContent).toContain('Connected to Eko.');
    expect(ok.textContent).toContain('-0.5 seconds');
    expect(ok.textContent).toContain('₹2,500.50');

    api.testConnection.mockResolvedValueOnce({
      ok: false,
      baseUrl: 'https://api.eko.in:25002/ekoicici/v3',
      clockSkewMs: null,
      walletBalance: null,
      error: { code: 'eko.auth', messageKey: 'errors.eko.auth', detail: 'HTTP 403' },
    });
    await act(async () => press('Test connection'));
    await flush();
    const failed = screen.getByTestId('settings-test-result');
    expect(failed.textContent).toContain('The connection test failed');
    expect(failed.textContent).toContain('Eko refused the app’s credentials.');
    expect(failed.textContent).toContain('check the developer key and access key');
    expect(failed.textContent).toContain('HTTP 403');
  });

  it('an enquiry running (settings.busy): explains and saves again on Retry', async () => {
    setup({ saveSettings: new KioskError('settings.busy') });
    await openUnlocked();
    fireEvent.click(screen.getByRole('radio', { name: /80 mm/ }));
    await act(async () => press('Save settings'));
    await flush();
    expect(screen.getByRole('alert').textContent).toContain('An enquiry is in progress, so the settings cannot be changed now.');
    api.saveSettings.mockResolvedValueOnce({ ...DEMO, receiptPaperMm: 80 });
    await act(async () => press('Save again'));
    await flush();
    expect(api.saveSettings).toHaveBeenCalledTimes(2);
    expect(api.saveSettings).toHaveBeenLastCalledWith({ token: TOKEN, profile: 'demo', receiptPaperMm: 80 });
    expect(screen.getByTestId('settings-saved')).toBeTruthy();
  });

  it('changing the PIN needs it twice, the same, and not too easy', async () => {
    setup({ saveSettings: DEMO });
    await openUnlocked();
    await act(async () => press('Change the operator PIN'));
    screen.getByLabelText('New PIN').focus();
    await pressKeys('1111');
    await act(async () => press('Save settings'));
    expect(document.body.textContent).toContain('This PIN is too easy to guess');
    typeInto(screen.getByLabelText('New PIN'), '2580');
    typeInto(screen.getByLabelText('Enter the PIN again'), '2581');
    expect(document.body.textContent).toContain('The two PINs are not the same.');
    typeInto(screen.getByLabelText('Enter the PIN again'), '2580');
    await act(async () => press('Save settings'));
    await flush();
    expect(api.saveSettings).toHaveBeenCalledWith({ token: TOKEN, profile: 'demo', receiptPaperMm: 58, newPin: '2580' });
    // The PIN never becomes an attribute of the page.
    expect(document.body.innerHTML).not.toContain('2580');
  });
});

describe('first-run setup', () => {
  it('is shown instead of home; Training + PIN saves without a token and goes home', async () => {
    setup({ getSettings: FIRST_RUN, saveSettings: { ...DEMO } });
    renderGate();
    await flush();
    expect(screen.queryByText('home screen')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Welcome! Let’s set up this counter' })).toBeTruthy();
    // No profile is chosen for the operator.
    for (const r of screen.getAllByRole('radio', { name: /Training|Eko test|Live/ })) expect(r).toHaveProperty('checked', false);
    await act(async () => press('Save and start'));
    expect(document.body.textContent).toContain('Choose one of the three profiles.');
    fireEvent.click(screen.getByRole('radio', { name: /Training \(demo\)/ }));
    typeInto(screen.getByLabelText('Choose a PIN'), '1357');
    typeInto(screen.getByLabelText('Enter the PIN again'), '1357');
    await act(async () => press('Test connection'));
    await flush();
    expect(api.testConnection).toHaveBeenCalledWith({ profile: 'demo' });
    await act(async () => press('Save and start'));
    await flush();
    expect(api.saveSettings).toHaveBeenCalledWith({ profile: 'demo', receiptPaperMm: 58, newPin: '1357' });
    expect(api.getAppInfo).toHaveBeenCalled();
    expect(screen.getByText('home screen')).toBeTruthy();
  });

  it('if getSettings fails the counter still opens (the main side enforces setup)', async () => {
    setup({ getSettings: new KioskError('host.unreachable') });
    renderGate();
    await flush();
    expect(screen.getByText('home screen')).toBeTruthy();
  });
});

describe('form model', () => {
  const ctxOf = (settings: Settings, firstRun = false) => ({ settings, initial: initialValues(settings, firstRun) });

  it('newly choosing Live sends every field given; staying on Live sends only what changed', () => {
    const fromDemo = ctxOf(DEMO);
    const v = { ...fromDemo.initial, profile: 'production' as const };
    v.text = { ...v.text, initiatorId: '9876543210', userCode: '30000001', latlong: '19.0760, 72.8777' };
    v.secret = { developerKey: DEV_KEY, accessKey: ACCESS_KEY };
    expect(problemsOf(v, fromDemo)).toEqual({});
    expect(ekoCandidate(v, fromDemo)).toEqual({
      initiatorId: '9876543210',
      userCode: '30000001',
      latlong: '19.0760,72.8777',
      developerKey: DEV_KEY,
      accessKey: ACCESS_KEY,
    });

    const onLive = ctxOf(PRODUCTION);
    const w = { ...onLive.initial, text: { ...onLive.initial.text, agentMobile: '', baseUrl: '' } };
    expect(problemsOf(w, onLive)).toEqual({});
    // Emptied: back to the default (the initiator id; Eko's live server).
    expect(ekoCandidate(w, onLive)).toEqual({ agentMobile: null, baseUrl: null });
  });

  it('the edition starts from the saved one and is sent only when it changes', () => {
    const onCurrent = ctxOf({ ...PRODUCTION, eko: { ...PRODUCTION.eko, edition: 'current' } });
    expect(onCurrent.initial.edition).toBe('current');
    expect(ekoCandidate(onCurrent.initial, onCurrent)).toEqual({});
    expect(ekoCandidate({ ...onCurrent.initial, edition: 'spec' }, onCurrent)).toEqual({ edition: 'spec' });
  });
});

describe('setup needed (the saved settings did not load; training runs meanwhile)', () => {
  const KEY_PROBLEM: Settings = {
    ...PRODUCTION,
    eko: { ...PRODUCTION.eko, developerKey: { set: false, masked: null, source: 'saved' }, accessKey: { set: false, masked: null, source: 'saved' } },
    configProblem: { setting: 'config.json → eko.developerKey', field: 'eko.developerKey', problem: 'keyNotReadable' },
  };

  it('a saved PIN: the settings behind the PIN instead of home, with no way out but fixing them; saving goes home', async () => {
    setup({ getSettings: KEY_PROBLEM, saveSettings: PRODUCTION });
    renderGate();
    await flush();
    expect(screen.queryByText('home screen')).toBeNull();
    expect(screen.getByRole('heading', { name: 'Enter the operator PIN' })).toBeTruthy();
    const notice = screen.getByTestId('config-problem');
    expect(notice.textContent).toContain('The saved settings of this counter cannot be used');
    expect(notice.textContent).toContain('A saved Eko key cannot be read on this PC or Windows user');
    expect(notice.textContent).toContain('Setting: Developer key');
    expect(notice.textContent).toContain('Enter the key again in the settings and save.');
    expect(notice.textContent).toContain('the counter runs in training mode');
    expect(screen.queryByRole('button', { name: 'Close settings' })).toBeNull();

    typeInto(screen.getByLabelText('Operator PIN'), '2468');
    await act(async () => press('Open settings'));
    await flush();
    expect(s().settings.token).toBe(TOKEN);
    // The form starts from what is saved: Live, its fields, and the unreadable keys to enter again.
    expect(screen.getByRole('radio', { name: /Live \(production\)/ })).toHaveProperty('checked', true);
    expect(screen.queryByText('Now in use')).toBeNull();
    expect(screen.getByLabelText('Initiator ID')).toHaveProperty('value', '9876543210');
    expect(screen.getByLabelText('Developer key')).toHaveProperty('type', 'password');
    typeInto(screen.getByLabelText('Developer key'), DEV_KEY);
    typeInto(screen.getByLabelText('Access key'), ACCESS_KEY);
    await act(async () => press('Save settings'));
    await flush();
    expect(api.saveSettings).toHaveBeenCalledWith({ token: TOKEN, profile: 'production', eko: { developerKey: DEV_KEY, accessKey: ACCESS_KEY }, receiptPaperMm: 58 });
    expect(screen.getByText('home screen')).toBeTruthy();
    expect(api.getAppInfo).toHaveBeenCalled();
  });

  it('idle: the settings lock again but stay (nothing else is reachable)', async () => {
    setup({ getSettings: KEY_PROBLEM });
    renderGate();
    await flush();
    typeInto(screen.getByLabelText('Operator PIN'), '2468');
    await act(async () => press('Open settings'));
    await flush();
    vi.useFakeTimers();
    // Input restarts the idle clock, now on the fake timers.
    fireEvent.keyDown(document.body, { key: 'a' });
    act(() => {
      vi.advanceTimersByTime(timings.idleFlowMs + 1000);
    });
    vi.useRealTimers();
    await flush();
    expect(s().settings.token).toBeNull();
    expect(screen.getByRole('heading', { name: 'Enter the operator PIN' })).toBeTruthy();
    expect(screen.queryByText('home screen')).toBeNull();
  });

  it('no readable PIN: first-run setup, with the problem, in English and Hindi', async () => {
    const setting = '/home/agent/.config/aeps-kiosk/config.json';
    setup({ getSettings: { ...FIRST_RUN, configProblem: { setting, field: null, problem: 'fileDamaged' } } });
    renderGate();
    await flush();
    expect(screen.getByRole('heading', { name: 'Welcome! Let’s set up this counter' })).toBeTruthy();
    const notice = screen.getByTestId('config-problem');
    expect(notice.textContent).toContain('The settings file is damaged, or holds a value this app cannot use.');
    expect(notice.textContent).toContain(`Setting: ${setting}`);
    await act(() => i18n.changeLanguage('hi'));
    expect(screen.getByTestId('config-problem').textContent).toContain('सेटिंग्स फ़ाइल ख़राब है, या उसमें ऐसी जानकारी है जिसे यह ऐप इस्तेमाल नहीं कर सकता।');
    expect(screen.getByTestId('config-problem').textContent).toContain(`सेटिंग: ${setting}`);
  });

  it('has a message (what, what to do) for every kind of problem, in both languages', async () => {
    await loadLanguage('hi');
    for (const problem of CONFIG_PROBLEMS) {
      for (const part of ['what', 'todo']) {
        const key = `settings.configProblem.${problem}.${part}`;
        expect(i18n.exists(key, { lng: 'en' }), key).toBe(true);
        expect(i18n.exists(key, { lng: 'hi' }), key).toBe(true);
        expect(i18n.t(key, { lng: 'hi' })).not.toBe(i18n.t(key, { lng: 'en' }));
      }
    }
  });
});

describe('settings and setup strings', () => {
  const holes = placeholdersOf;

  it('exist in Hindi with the same placeholders, really translated', async () => {
    await loadLanguage('hi');
    for (const block of ['settings', 'setup'] as const) {
      const en = translationEntries(i18n.getResource('en', 'translation', block), block);
      const hi = translationEntries(i18n.getResource('hi', 'translation', block), block);
      expect([...hi.keys()].sort()).toEqual([...en.keys()].sort());
      for (const [key, text] of en) {
        expect(holes(hi.get(key)!), key).toEqual(holes(text));
        if (/\b[a-z]{3,}\b/.test(text.replace(/\{\{\w+\}\}/g, ''))) expect(hi.get(key), key).not.toBe(text);
      }
    }
  });

  it('the PIN screen works in Hindi', async () => {
    setup();
    await act(() => i18n.changeLanguage('hi'));
    renderGate();
    await flush();
    act(() => s().nav.openSettings());
    await flush();
    expect(screen.getByRole('heading', { name: 'ऑपरेटर PIN डालें' })).toBeTruthy();
    expect(screen.getByLabelText('ऑपरेटर PIN')).toBeTruthy();
  });
});
