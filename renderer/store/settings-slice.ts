/**
 * The operator-settings slice: first-run setup and the settings screen behind the
 * operator PIN.
 *
 * Security: the settings-session token from unlockSettings lives only here, in
 * memory; it is dropped (and the main side told) on Lock, on leaving the screen,
 * after the idle timeout and when it expires. Nothing in this slice is ever written
 * to storage. Eko keys typed by the operator never enter this slice's state: they
 * pass through an action's argument to the main side once, and come back only
 * masked (settings.eko.*.masked).
 */
import { KioskError, toKioskError } from '../../app/contract';
import { api } from '../bridge';
import type { SettingsSlice, SliceApi } from './types';

export type { FieldRefusal, SettingsCandidate } from './types';

const feedbackCleared = {
  testResult: null,
  error: null,
  errorOf: null,
  fieldRefusal: null,
} as const;

/** Errors that mean the token is gone: back to the PIN. */
const SESSION_ENDED = new Set(['settings.tokenExpired', 'settings.pinRequired']);

export function createSettingsSlice({ set, get }: SliceApi<'settings'>): SettingsSlice {
  /** The token for a call, or undefined on first run (which needs none). */
  function tokenFor(): string | undefined {
    const s = get().settings;
    return s.current?.firstRun ? undefined : (s.token ?? undefined);
  }

  /** An error of Test connection or Save: a session end (back to the PIN), a field error, or a notice. */
  function handleCallError(err: unknown, of: 'test' | 'save'): void {
    const error = toKioskError(err);
    if (SESSION_ENDED.has(error.code) && !get().settings.current?.firstRun) {
      set({ token: null, tokenExpiresAt: null, unlockError: error, work: null, ...feedbackCleared });
      return;
    }
    if (error.code === 'input.invalid' && error.params?.field) {
      set({ work: null, fieldRefusal: { field: error.params.field, code: error.params.code ?? null, problem: error.params.problem ?? null }, error: null, errorOf: null });
      return;
    }
    set({ work: null, error, errorOf: of, fieldRefusal: null });
  }

  return {
    current: null,
    loadError: null,
    checked: false,
    loading: false,
    token: null,
    tokenExpiresAt: null,
    unlocking: false,
    unlockError: null,
    work: null,
    ...feedbackCleared,
    savedAt: null,

    async load() {
      set({ loading: true });
      try {
        const current = await api().getSettings({});
        set({ current, loadError: null, checked: true, loading: false });
        get().nav.followSettings(current);
      } catch (err) {
        set({ loadError: toKioskError(err), checked: true, loading: false });
      }
    },

    resetScreen() {
      set({ unlockError: null, savedAt: null, ...feedbackCleared });
    },

    async unlock(pin) {
      if (get().settings.unlocking) return false;
      set({ unlocking: true, unlockError: null });
      try {
        const session = await api().unlockSettings({ pin });
        const expiresAt = Date.parse(session.expiresAt);
        // The form starts from what is saved now: read it before the form shows.
        const fresh = await api()
          .getSettings({})
          .then((current) => ({ current, loadError: null }))
          .catch((err: unknown) => ({ loadError: toKioskError(err) }));
        // The operator left while the PIN was checked: do not keep a session nobody sees.
        if (get().nav.route.name !== 'settings') {
          set({ unlocking: false });
          await api().lockSettings({ token: session.token }).catch(() => undefined);
          return false;
        }
        set({
          ...fresh,
          token: session.token,
          tokenExpiresAt: Number.isFinite(expiresAt) ? expiresAt : Date.now() + 10 * 60_000,
          unlocking: false,
          savedAt: null,
          ...feedbackCleared,
        });
        if ('current' in fresh) get().nav.followSettings(fresh.current);
        return true;
      } catch (err) {
        set({ unlocking: false, unlockError: toKioskError(err) });
        // A lock-out changes what getSettings says (locked, lockedUntil).
        if (toKioskError(err).code === 'settings.locked') void get().settings.load();
        return false;
      }
    },

    async lock() {
      const token = get().settings.token;
      set({ token: null, tokenExpiresAt: null, work: null, savedAt: null, ...feedbackCleared });
      if (!token) return;
      try {
        await api().lockSettings({ token });
      } catch {
        // The token is gone here; the main side lets it expire by itself.
      }
    },

    expireSession() {
      if (!get().settings.token) return;
      set({
        token: null,
        tokenExpiresAt: null,
        work: null,
        savedAt: null,
        ...feedbackCleared,
        unlockError: new KioskError('settings.tokenExpired'),
      });
    },

    async test(candidate) {
      if (get().settings.work) return;
      set({ work: 'testing', savedAt: null, ...feedbackCleared });
      try {
        const { newPin: _pin, receiptPaperMm: _paper, ...rest } = candidate;
        const token = tokenFor();
        const testResult = await api().testConnection({ ...(token ? { token } : {}), ...rest });
        set({ work: null, testResult });
      } catch (err) {
        handleCallError(err, 'test');
      }
    },

    async save(candidate) {
      if (get().settings.work) return false;
      const firstRun = get().settings.current?.firstRun === true;
      set({ work: 'saving', savedAt: null, ...feedbackCleared });
      try {
        const token = tokenFor();
        const current = await api().saveSettings({ ...(token ? { token } : {}), ...candidate });
        set({ current, work: null, savedAt: firstRun ? null : Date.now() });
        get().nav.followSettings(current);
        // The profile decides the TRAINING band, the agent line and the receipt width.
        await get().session.loadAppInfo();
        return true;
      } catch (err) {
        handleCallError(err, 'save');
        return false;
      }
    },

    clearFeedback() {
      set({ ...feedbackCleared });
    },
  };
}
