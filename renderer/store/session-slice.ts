/**
 * The session slice: what the app knows about itself (from getAppInfo) and the
 * agent's language. Nothing about a customer lives here.
 */
import { toKioskError } from '../../app/contract';
import { api } from '../bridge';
import { applyMainSideWaits } from '../bridge/call-timeouts';
import { i18n, rememberLanguage, savedLanguage } from '../i18n';
import type { SessionSlice, SliceApi } from './types';

export function createSessionSlice({ set, get }: SliceApi<'session'>): SessionSlice {
  return {
    appInfo: null,
    appInfoError: null,
    language: savedLanguage(),
    startupAsked: false,
    startUp() {
      if (get().session.startupAsked) return;
      set({ startupAsked: true });
      void get().session.loadAppInfo();
      void get().enquiry.recoverLastEnquiry();
      void get().settings.load();
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
      get().session.setLanguage(get().session.language === 'en' ? 'hi' : 'en');
    },
  };
}
