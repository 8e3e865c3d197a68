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
import type { StateCreator } from 'zustand';
import {
  KioskError,
  toKioskError,
  type ConnectionTest,
  type Profile,
  type SaveSettingsInput,
  type Settings,
} from '../../app/contract';
import { api } from '../bridge';
import type { KioskState } from '.';

/** What the form hands over for Test connection and Save (no token: the slice adds it). */
export interface SettingsCandidate {
  profile: Profile;
  eko?: SaveSettingsInput['eko'];
  receiptPaperMm?: 58 | 80;
  newPin?: string;
}

/** The main side refused an input field: `field` as the contract names it (e.g. "eko.latlong"). */
export interface FieldRefusal {
  field: string;
  /** The main side's short English problem, when it gave one. */
  problem: string | null;
}

export interface SettingsSlice {
  /** The last getSettings (or saveSettings) answer. */
  settings: Settings | null;
  settingsLoadError: KioskError | null;
  /** The first getSettings has been answered (either way): the first-run gate can decide. */
  settingsChecked: boolean;
  settingsLoading: boolean;
  /** The settings screen is shown (instead of home). */
  settingsOpen: boolean;
  /** The settings-session token: memory only. */
  settingsToken: string | null;
  /** Date.now() value at which the token stops working. */
  settingsTokenExpiresAt: number | null;
  unlocking: boolean;
  /** Why unlocking failed, or why the settings locked again (shown on the PIN screen). */
  unlockError: KioskError | null;
  settingsWork: 'testing' | 'saving' | null;
  testResult: ConnectionTest | null;
  /** Test connection or Save failed as a whole (not a field). */
  settingsError: KioskError | null;
  /** What the error was for: its retry repeats it. */
  settingsErrorOf: 'test' | 'save' | null;
  fieldRefusal: FieldRefusal | null;
  /** Date.now() of the last successful save on the settings screen. */
  savedAt: number | null;

  loadSettings(): Promise<void>;
  openSettings(): void;
  /** Leaves the settings screen; locks first. */
  closeSettings(): void;
  unlockSettings(pin: string): Promise<boolean>;
  /** Drops the token here and on the main side. */
  lockSettings(): Promise<void>;
  /** The token ran out while the screen was open. */
  expireSettingsSession(): void;
  testSettings(candidate: SettingsCandidate): Promise<void>;
  /** True when saved. */
  saveSettings(candidate: SettingsCandidate): Promise<boolean>;
  clearSettingsFeedback(): void;
}

const feedbackCleared = {
  testResult: null,
  settingsError: null,
  settingsErrorOf: null,
  fieldRefusal: null,
} as const;

/** Errors that mean the token is gone: back to the PIN. */
const SESSION_ENDED = new Set(['settings.tokenExpired', 'settings.pinRequired']);

/** The settings screen is on: opened by the operator, or shown without asking while the saved settings need fixing. */
export function settingsShown(s: Pick<KioskState, 'settingsOpen' | 'settings'>): boolean {
  return s.settingsOpen || Boolean(s.settings?.configProblem);
}

export const createSettingsSlice: StateCreator<KioskState, [], [], SettingsSlice> = (set, get) => {
  /** The token for a call, or undefined on first run (which needs none). */
  function tokenFor(): string | undefined {
    const s = get();
    return s.settings?.firstRun ? undefined : (s.settingsToken ?? undefined);
  }

  /** An error of Test connection or Save: a session end (back to the PIN), a field error, or a notice. */
  function handleCallError(err: unknown, of: 'test' | 'save'): void {
    const error = toKioskError(err);
    if (SESSION_ENDED.has(error.code) && !get().settings?.firstRun) {
      set({ settingsToken: null, settingsTokenExpiresAt: null, unlockError: error, settingsWork: null, ...feedbackCleared });
      return;
    }
    if (error.code === 'input.invalid' && error.params?.field) {
      set({ settingsWork: null, fieldRefusal: { field: error.params.field, problem: error.params.problem ?? null }, settingsError: null, settingsErrorOf: null });
      return;
    }
    set({ settingsWork: null, settingsError: error, settingsErrorOf: of, fieldRefusal: null });
  }

  return {
    settings: null,
    settingsLoadError: null,
    settingsChecked: false,
    settingsLoading: false,
    settingsOpen: false,
    settingsToken: null,
    settingsTokenExpiresAt: null,
    unlocking: false,
    unlockError: null,
    settingsWork: null,
    ...feedbackCleared,
    savedAt: null,

    async loadSettings() {
      set({ settingsLoading: true });
      try {
        const settings = await api().getSettings({});
        set({ settings, settingsLoadError: null, settingsChecked: true, settingsLoading: false });
      } catch (err) {
        set({ settingsLoadError: toKioskError(err), settingsChecked: true, settingsLoading: false });
      }
    },

    openSettings() {
      set({ settingsOpen: true, unlockError: null, savedAt: null, ...feedbackCleared });
      void get().loadSettings();
    },

    closeSettings() {
      void get().lockSettings();
      set({ settingsOpen: false, unlockError: null, savedAt: null, ...feedbackCleared });
    },

    async unlockSettings(pin) {
      if (get().unlocking) return false;
      set({ unlocking: true, unlockError: null });
      try {
        const session = await api().unlockSettings({ pin });
        const expiresAt = Date.parse(session.expiresAt);
        // The form starts from what is saved now: read it before the form shows.
        const fresh = await api()
          .getSettings({})
          .then((settings) => ({ settings, settingsLoadError: null }))
          .catch((err: unknown) => ({ settingsLoadError: toKioskError(err) }));
        // Setup needed: the settings screen is shown without being opened (SettingsGate), and cannot be left.
        if (!settingsShown(get())) {
          // The operator left while the PIN was checked: do not keep a session nobody sees.
          set({ unlocking: false });
          await api().lockSettings({ token: session.token }).catch(() => undefined);
          return false;
        }
        set({
          ...fresh,
          settingsToken: session.token,
          settingsTokenExpiresAt: Number.isFinite(expiresAt) ? expiresAt : Date.now() + 10 * 60_000,
          unlocking: false,
          savedAt: null,
          ...feedbackCleared,
        });
        return true;
      } catch (err) {
        set({ unlocking: false, unlockError: toKioskError(err) });
        // A lock-out changes what getSettings says (locked, lockedUntil).
        if (toKioskError(err).code === 'settings.locked') void get().loadSettings();
        return false;
      }
    },

    async lockSettings() {
      const token = get().settingsToken;
      set({ settingsToken: null, settingsTokenExpiresAt: null, settingsWork: null, savedAt: null, ...feedbackCleared });
      if (!token) return;
      try {
        await api().lockSettings({ token });
      } catch {
        // The token is gone here; the main side lets it expire by itself.
      }
    },

    expireSettingsSession() {
      if (!get().settingsToken) return;
      set({
        settingsToken: null,
        settingsTokenExpiresAt: null,
        settingsWork: null,
        savedAt: null,
        ...feedbackCleared,
        unlockError: new KioskError('settings.tokenExpired'),
      });
    },

    async testSettings(candidate) {
      if (get().settingsWork) return;
      set({ settingsWork: 'testing', savedAt: null, ...feedbackCleared });
      try {
        const { newPin: _pin, receiptPaperMm: _paper, ...rest } = candidate;
        const token = tokenFor();
        const testResult = await api().testConnection({ ...(token ? { token } : {}), ...rest });
        set({ settingsWork: null, testResult });
      } catch (err) {
        handleCallError(err, 'test');
      }
    },

    async saveSettings(candidate) {
      if (get().settingsWork) return false;
      const firstRun = get().settings?.firstRun === true;
      set({ settingsWork: 'saving', savedAt: null, ...feedbackCleared });
      try {
        const token = tokenFor();
        const settings = await api().saveSettings({ ...(token ? { token } : {}), ...candidate });
        set({ settings, settingsWork: null, savedAt: firstRun ? null : Date.now() });
        // The profile decides the TRAINING band, the agent line and the receipt width.
        await get().loadAppInfo();
        return true;
      } catch (err) {
        handleCallError(err, 'save');
        return false;
      }
    },

    clearSettingsFeedback() {
      set({ ...feedbackCleared });
    },
  };
};
