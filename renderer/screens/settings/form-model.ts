/**
 * The settings form's model: its values, how they start from getSettings, which
 * problems the form itself can see (the same rules as the contract), and the
 * candidate it sends (only what the operator changed, so saved values and keys
 * are kept unless re-entered).
 */
import {
  EKO_SETTING_FIELDS,
  OperatorPinSchema,
  PLAIN_SETTING_KEYS,
  SECRET_SETTING_KEYS,
  SETTINGS_FIELD_ENV,
  settingConfigKey,
  type EkoEdition,
  type EkoSettingKey,
  type PlainSettingKey,
  type Profile,
  type SaveSettingsInput,
  type SecretSettingKey,
  type SettingProblem,
  type Settings,
} from '../../../app/contract';

// Every field below comes from the one declaration of the operator settings (app/contract/settings-fields.ts).
export type EkoField = Exclude<EkoSettingKey, 'edition'>;
export type SecretField = SecretSettingKey;
/** Typed fields: every plain setting but the edition, which is a choice of cards. */
export type TextField = Exclude<PlainSettingKey, 'edition'>;
export const TEXT_FIELDS = PLAIN_SETTING_KEYS.filter((k): k is TextField => EKO_SETTING_FIELDS[k].form.section !== 'choice');
export const SECRET_FIELDS: readonly SecretField[] = SECRET_SETTING_KEYS;

/** The KIOSK_* variable that wins over each field (settings.envOverrides lists those set). */
export const ENV_OF: Record<EkoSettingKey | 'profile', string> = SETTINGS_FIELD_ENV;

export interface FormValues {
  /** null: not chosen yet (first run). */
  profile: Profile | null;
  text: Record<TextField, string>;
  /** A newly typed key; '' = keep the saved one (or none typed yet). */
  secret: Record<SecretField, string>;
  /** The operator pressed "Change" on a saved key. */
  changing: Record<SecretField, boolean>;
  receiptPaperMm: 58 | 80;
  /** Which generation of Eko's request the counter sends (production). */
  edition: EkoEdition;
  /** First run: always; later: the operator chose to change the PIN. */
  setPin: boolean;
  newPin: string;
  confirmPin: string;
}

/** Every problem the form can name; the screen translates settings.problem.<key>. */
export type Problem =
  | 'chooseProfile'
  | SettingProblem
  | 'pinFormat'
  | 'pinEasy'
  | 'pinMismatch'
  | 'decrypt'
  | 'refused';

/** Form fields as the contract names them ("eko.latlong", "newPin") plus "confirmPin". */
export type FieldName = 'profile' | `eko.${EkoField}` | 'eko.edition' | 'receiptPaperMm' | 'newPin' | 'confirmPin';
export type Problems = Partial<Record<FieldName, Problem>>;

const emptyText = () => Object.fromEntries(TEXT_FIELDS.map((f) => [f, ''])) as Record<TextField, string>;

/** Where the form starts: the running settings (production fields only when production runs). */
export function initialValues(settings: Settings | null, firstRun: boolean): FormValues {
  const text = emptyText();
  if (settings && settings.profile === 'production') {
    for (const field of TEXT_FIELDS) text[field] = settings.eko[field] ?? '';
  }
  return {
    // A profile fixed by KIOSK_PROFILE is chosen (and locked) even on first run: the operator cannot choose another.
    profile: firstRun && !envSet(settings, 'profile') ? null : (settings?.profile ?? null),
    text,
    secret: { developerKey: '', accessKey: '' },
    changing: { developerKey: false, accessKey: false },
    receiptPaperMm: settings?.receiptPaperMm ?? 58,
    edition: settings?.eko.edition ?? 'spec',
    setPin: firstRun,
    newPin: '',
    confirmPin: '',
  };
}

export interface FormContext {
  settings: Settings | null;
  initial: FormValues;
}

export const envSet = (settings: Settings | null, field: EkoSettingKey | 'profile') => settings?.envOverrides.includes(ENV_OF[field]) === true;

/** The running profile is the one the form edits (else its account fields start empty and are all sent). */
const sameProfile = (ctx: FormContext, profile: Profile | null) => ctx.settings !== null && ctx.settings.profile === profile && !ctx.settings.firstRun;

/** How a saved key shows: 'saved' (masked, with Change), 'env' (masked, fixed), or 'entry' (an empty password field). */
export function secretMode(ctx: FormContext, values: FormValues, name: SecretField): 'saved' | 'env' | 'entry' {
  const view = ctx.settings?.eko[name];
  if (view?.source === 'env') return 'env';
  if (sameProfile(ctx, values.profile) && view?.set && (view.source === 'saved' || view.source === 'profile') && !values.changing[name]) return 'saved';
  return 'entry';
}

export function pinProblem(pin: string): Problem | null {
  if (!/^\d{4,8}$/.test(pin)) return 'pinFormat';
  return OperatorPinSchema.safeParse(pin).success ? null : 'pinEasy';
}

/** What the form can tell before asking the main side. Empty: nothing wrong. */
export function problemsOf(values: FormValues, ctx: FormContext): Problems {
  const p: Problems = {};
  if (values.profile === null) p.profile = 'chooseProfile';
  if (values.profile === 'production') {
    // Each field by its declaration: blank is a problem where the profile needs it, else its own check.
    const problemOf = (field: EkoField, value: string): Problem | null =>
      value.trim() === '' ? ((EKO_SETTING_FIELDS[field].requiredFor as readonly Profile[]).includes('production') ? 'required' : null) : EKO_SETTING_FIELDS[field].check(value);
    for (const name of SECRET_FIELDS) {
      if (secretMode(ctx, values, name) !== 'entry') continue;
      const problem = problemOf(name, values.secret[name]);
      if (problem) p[`eko.${name}`] = problem;
    }
    for (const field of TEXT_FIELDS) {
      const problem = envSet(ctx.settings, field) ? null : problemOf(field, values.text[field]);
      if (problem) p[`eko.${field}`] = problem;
    }
  }
  if (values.setPin) {
    const problem = pinProblem(values.newPin);
    if (problem) p.newPin = problem;
    else if (values.confirmPin !== values.newPin) p.confirmPin = 'pinMismatch';
  }
  return p;
}

/**
 * The main side's input.invalid as a form problem, by its code (CONFIG_PROBLEMS), never by its
 * English text (which is kept for support).
 */
export function refusalProblem(code: string | null | undefined): Problem {
  if (code === 'missing') return 'required';
  if (code === 'keyNotReadable') return 'decrypt';
  return 'refused';
}

/** The contract's field names as the form knows them (the bridge says "eko.latlong", the main side too). */
export function formField(field: string): FieldName | null {
  const known: readonly string[] = ['profile', 'receiptPaperMm', 'newPin', ...Object.keys(EKO_SETTING_FIELDS).map((k) => settingConfigKey(k as EkoSettingKey))];
  return known.includes(field) ? (field as FieldName) : null;
}

/**
 * The Eko fields to send. Production: what changed (everything given when production
 * is newly chosen: the main side drops the old profile's account fields), never a field
 * a KIOSK_* variable fixes. Other profiles: nothing (their accounts are built in).
 */
export function ekoCandidate(values: FormValues, ctx: FormContext): SaveSettingsInput['eko'] | undefined {
  if (values.profile !== 'production') return undefined;
  const fresh = !sameProfile(ctx, 'production');
  const eko: NonNullable<SaveSettingsInput['eko']> = {};
  for (const field of TEXT_FIELDS) {
    if (envSet(ctx.settings, field)) continue;
    const raw = values.text[field].trim();
    const value = field === 'latlong' ? raw.replace(/\s/g, '') : raw;
    if (!fresh && value === ctx.initial.text[field].trim()) continue;
    if (fresh && value === '') continue;
    eko[field] = value === '' ? null : value;
  }
  for (const name of SECRET_FIELDS) {
    if (secretMode(ctx, values, name) === 'entry' && values.secret[name] !== '') eko[name] = values.secret[name];
  }
  // The edition: sent when changed (when production is newly chosen, unless it is the default); never when KIOSK_EKO_EDITION fixes it.
  if (!envSet(ctx.settings, 'edition') && (fresh ? values.edition !== 'spec' : values.edition !== ctx.initial.edition)) eko.edition = values.edition;
  return eko;
}
