/**
 * The session slice: what the app knows about itself (from getAppInfo) and the
 * agent's language. Nothing about a customer lives here.
 */
import type { StateCreator } from 'zustand';
import { KioskError, toKioskError, type AppInfo } from '../../app/contract';
import { api } from '../bridge';
import { applyMainSideWaits } from '../bridge/call-timeouts';
import type { KioskState } from '.';
import { i18n, rememberLanguage, savedLanguage, type Language } from '../i18n';

export interface SessionSlice {
  appInfo: AppInfo | null;
  appInfoError: KioskError | null;
  language: Language;
  /** True once startUp() has asked its questions (it asks only once). */
  startupAsked: boolean;
  /**
   * The start-up questions, all at once: who am I, was an enquiry running before a reload or
   * crash, and is this counter set up yet? Called as the page loads, before React's first
   * render, so the answers are on their way while the first screen is drawn.
   */
  startUp(): void;
  loadAppInfo(): Promise<void>;
  setLanguage(lang: Language): void;
  toggleLanguage(): void;
}

export const createSessionSlice: StateCreator<KioskState, [], [], SessionSlice> = (set, get) => ({
  appInfo: null,
  appInfoError: null,
  language: savedLanguage(),
  startupAsked: false,
  startUp() {
    if (get().startupAsked) return;
    set({ startupAsked: true });
    void get().loadAppInfo();
    void get().recoverLastEnquiry();
    void get().loadSettings();
  },
  async loadAppInfo() {
    try {
      const appInfo = await api().getAppInfo({});
      // The call deadlines follow the main side's configured waits from now on.
      applyMainSideWaits(appInfo);
      set({ appInfo, appInfoError: null });
    } catch (err) {
      set({ appInfoError: toKioskError(err) });
    }
  },
  setLanguage(lang) {
    rememberLanguage(lang);
    void i18n.changeLanguage(lang);
    set({ language: lang });
  },
  toggleLanguage() {
    get().setLanguage(get().language === 'en' ? 'hi' : 'en');
  },
});
