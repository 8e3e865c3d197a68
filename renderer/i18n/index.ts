/**
 * i18next with the two languages the counters use. The choice is remembered
 * on this PC (it is the agent's preference, not customer data).
 */
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { KioskError } from '../../app/contract';
import { en } from './en';
import { hi } from './hi';

export type Language = 'en' | 'hi';
export const LANGUAGE_KEY = 'kiosk.language';

export function savedLanguage(): Language {
  try {
    return localStorage.getItem(LANGUAGE_KEY) === 'hi' ? 'hi' : 'en';
  } catch {
    return 'en';
  }
}

export function rememberLanguage(lang: Language): void {
  try {
    localStorage.setItem(LANGUAGE_KEY, lang);
  } catch {
    // Storage may be disabled; the switch still works for this session.
  }
  document.documentElement.lang = lang;
}

export const i18n = i18next.createInstance();

export function initI18n(lang: Language = savedLanguage()): typeof i18n {
  if (!i18n.isInitialized) {
    void i18n.use(initReactI18next).init({
      resources: { en: { translation: en }, hi: { translation: hi } },
      lng: lang,
      fallbackLng: 'en',
      interpolation: { escapeValue: false }, // React escapes
      returnNull: false,
    });
    document.documentElement.lang = lang;
  }
  return i18n;
}

/** The two lines shown for an error: what happened, what to do. Never a raw code as the main text. */
export function errorText(error: Pick<KioskError, 'messageKey' | 'params'>): { what: string; todo: string } {
  const params = error.params ?? {};
  const key = i18n.exists(`${error.messageKey}.what`) ? error.messageKey : 'errors.generic';
  // A message with a {{placeholder}} the error did not fill falls back to its plain form.
  const raw: unknown = i18n.getResource(i18n.language, 'translation', `${key}.what`) ?? i18n.getResource('en', 'translation', `${key}.what`);
  const template = typeof raw === 'string' ? raw : '';
  const missing = [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].some((m) => !params[m[1]!]);
  const whatKey = missing && i18n.exists(`${key}.whatBare`) ? `${key}.whatBare` : `${key}.what`;
  return {
    what: i18n.t(whatKey, params),
    todo: i18n.t(`${key}.todo`, params),
  };
}
