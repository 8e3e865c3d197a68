/**
 * i18next with the two languages the counters use. The choice is remembered
 * on this PC (it is the agent's preference, not customer data).
 */
import i18next, { type BackendModule } from 'i18next';
import { initReactI18next } from 'react-i18next';
import type { KioskError } from '../../app/contract';
import { en } from './en';

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

/**
 * English ships in the first bundle; Hindi is fetched the first time it is
 * needed (a few ms from the local host), which keeps the initial JS small.
 * i18next's changeLanguage waits for it, so no screen shows a half-translated page.
 */
const lazyLanguages: BackendModule = {
  type: 'backend',
  init() {},
  read(language, _namespace, callback) {
    if (language === 'hi') {
      import('./hi').then(
        (m) => callback(null, m.hi),
        (err: unknown) => callback(err as Error, false),
      );
    } else {
      callback(null, language === 'en' ? en : false);
    }
  },
};

let ready: Promise<unknown> = Promise.resolve();

export function initI18n(lang: Language = savedLanguage()): typeof i18n {
  if (!i18n.isInitialized) {
    ready = i18n
      .use(lazyLanguages)
      .use(initReactI18next)
      .init({
        resources: { en: { translation: en } },
        partialBundledLanguages: true,
        lng: lang,
        fallbackLng: 'en',
        interpolation: { escapeValue: false }, // React escapes
        returnNull: false,
        react: { useSuspense: false },
      });
    document.documentElement.lang = lang;
  }
  return i18n;
}

/** Resolves once the start-up language is loaded (main.tsx renders after it). */
export function i18nReady(): Promise<unknown> {
  return ready;
}

/** Loads a language's strings without switching to it (tests, pre-fetch). */
export async function loadLanguage(lang: Language): Promise<void> {
  await i18n.loadLanguages(lang);
}

/** Eko's request field names (an invalid_params answer) as the agent knows them: errors.fields.<label>. */
const EKO_FIELD_LABELS: Record<string, string> = {
  customer_id: 'mobile',
  aadhaar: 'aadhaar',
  aadhar: 'aadhaar',
  bank_code: 'bank',
  piddata: 'fingerprint',
  latlong: 'location',
  user_code: 'agent',
  initiator_id: 'agent',
};

/** "customer_id, aadhaar" → "customer mobile number, Aadhaar number" in the agent's language. */
function fieldLabels(fields: string): string {
  const labels = new Set(fields.split(',').map((f) => EKO_FIELD_LABELS[f.trim()] ?? 'other'));
  return [...labels].map((label) => i18n.t(`errors.fields.${label}`)).join(', ');
}

/**
 * The lines shown for an error: what happened, what to do, and `aside`, a small line for
 * what is not in the agent's language (Eko's own English words, a setting's name).
 * Never a raw code or identifier as the main text.
 */
export function errorText(error: Pick<KioskError, 'messageKey' | 'params'>): { what: string; todo: string; aside: string | null } {
  const { message, setting, ...rest } = error.params ?? {};
  const params = rest.fields ? { ...rest, fields: fieldLabels(rest.fields) } : rest;
  const aside = message ? i18n.t('result.serverSaid', { message }) : setting ? i18n.t('errors.settingAside', { setting }) : null;
  const key = i18n.exists(`${error.messageKey}.what`) ? error.messageKey : 'errors.generic';
  // A message with a {{placeholder}} the error did not fill falls back to its plain form.
  const raw: unknown = i18n.getResource(i18n.language, 'translation', `${key}.what`) ?? i18n.getResource('en', 'translation', `${key}.what`);
  const template = typeof raw === 'string' ? raw : '';
  const missing = [...template.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].some((m) => !params[m[1]!]);
  const whatKey = missing && i18n.exists(`${key}.whatBare`) ? `${key}.whatBare` : `${key}.what`;
  return {
    what: i18n.t(whatKey, params),
    todo: i18n.t(`${key}.todo`, params),
    aside,
  };
}
