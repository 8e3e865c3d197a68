/**
 * The settings form's model: its values, how they start from getSettings, which
 * problems the form itself can see (the same rules as the contract), and the
 * candidate it sends (only what the operator changed, so saved values and keys
 * are kept unless re-entered).
 */
import { LatLongSchema, OperatorPinSchema, SETTINGS_FIELD_ENV, type EkoEdition, type Profile, type SaveSettingsInput, type Settings } from '../../../app/contract';

export type EkoField = 'developerKey' | 'accessKey' | 'initiatorId' | 'userCode' | 'agentMobile' | 'latlong' | 'baseUrl' | 'aadhaarPublicKey';
export type SecretField = 'developerKey' | 'accessKey';
export type TextField = Exclude<EkoField, SecretField>;
export const TEXT_FIELDS: readonly TextField[] = ['initiatorId', 'userCode', 'agentMobile', 'latlong', 'baseUrl', 'aadhaarPublicKey'];
export const SECRET_FIELDS: readonly SecretField[] = ['developerKey', 'accessKey'];

/** The KIOSK_* variable that wins over each field (settings.envOverrides lists those set). */
export const ENV_OF: Record<EkoField | 'profile' | 'edition', string> = SETTINGS_FIELD_ENV;

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
  | 'required'
  | 'keyFormat'
  | 'initiatorId'
  | 'userCode'
  | 'agentMobile'
  | 'latlongFormat'
  | 'latlongRange'
  | 'baseUrl'
  | 'baseUrlHttp'
  | 'aadhaarKey'
  | 'pinFormat'
  | 'pinEasy'
  | 'pinMismatch'
  | 'decrypt'
  | 'refused';

/** Form fields as the contract names them ("eko.latlong", "newPin") plus "confirmPin". */
export type FieldName = 'profile' | `eko.${EkoField}` | 'eko.edition' | 'receiptPaperMm' | 'newPin' | 'confirmPin';
export type Problems = Partial<Record<FieldName, Problem>>;

const emptyText = (): Record<TextField, string> => ({ initiatorId: '', userCode: '', agentMobile: '', latlong: '', baseUrl: '', aadhaarPublicKey: '' });

/** Where the form starts: the running settings (production fields only when production runs). */
export function initialValues(settings: Settings | null, firstRun: boolean): FormValues {
  const text = emptyText();
  if (settings && settings.profile === 'production') {
    const e = settings.eko;
    Object.assign(text, {
      initiatorId: e.initiatorId,
      userCode: e.userCode,
      agentMobile: e.agentMobile,
      latlong: e.latlong,
      baseUrl: e.baseUrl ?? '',
      aadhaarPublicKey: e.aadhaarPublicKey ?? '',
    });
  }
  return {
    profile: firstRun ? null : (settings?.profile ?? null),
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

export const envSet = (settings: Settings | null, field: EkoField | 'profile' | 'edition') => settings?.envOverrides.includes(ENV_OF[field]) === true;

/** The running profile is the one the form edits (else its account fields start empty and are all sent). */
const sameProfile = (ctx: FormContext, profile: Profile | null) => ctx.settings !== null && ctx.settings.profile === profile && !ctx.settings.firstRun;

/** How a saved key shows: 'saved' (masked, with Change), 'env' (masked, fixed), or 'entry' (an empty password field). */
export function secretMode(ctx: FormContext, values: FormValues, name: SecretField): 'saved' | 'env' | 'entry' {
  const view = ctx.settings?.eko[name];
  if (view?.source === 'env') return 'env';
  if (sameProfile(ctx, values.profile) && view?.set && (view.source === 'saved' || view.source === 'profile') && !values.changing[name]) return 'saved';
  return 'entry';
}

function latlongProblem(value: string): Problem | null {
  const t = value.replace(/\s/g, '');
  if (!/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/.test(t)) return 'latlongFormat';
  return LatLongSchema.safeParse(t).success ? null : 'latlongRange';
}

function baseUrlProblem(value: string): Problem | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'baseUrl';
  }
  if (url.protocol === 'https:') return null;
  if (url.protocol !== 'http:') return 'baseUrl';
  return ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname) ? null : 'baseUrlHttp';
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
    for (const name of SECRET_FIELDS) {
      if (secretMode(ctx, values, name) !== 'entry') continue;
      const v = values.secret[name];
      if (v === '') p[`eko.${name}`] = 'required';
      else if (!/^[\x21-\x7e]{8,256}$/.test(v)) p[`eko.${name}`] = 'keyFormat';
    }
    const t = values.text;
    const check = (field: TextField, problem: Problem | null) => {
      if (!envSet(ctx.settings, field) && problem) p[`eko.${field}`] = problem;
    };
    check('initiatorId', t.initiatorId.trim() === '' ? 'required' : /^\d{10}$/.test(t.initiatorId.trim()) ? null : 'initiatorId');
    check('userCode', t.userCode.trim() === '' ? 'required' : /^\d{4,12}$/.test(t.userCode.trim()) ? null : 'userCode');
    check('agentMobile', t.agentMobile.trim() === '' || /^[6-9]\d{9}$/.test(t.agentMobile.trim()) ? null : 'agentMobile');
    check('latlong', t.latlong.trim() === '' ? 'required' : latlongProblem(t.latlong));
    check('baseUrl', t.baseUrl.trim() === '' ? null : baseUrlProblem(t.baseUrl.trim()));
    check('aadhaarPublicKey', t.aadhaarPublicKey.trim() === '' || t.aadhaarPublicKey.trim().length >= 100 ? null : 'aadhaarKey');
  }
  if (values.setPin) {
    const problem = pinProblem(values.newPin);
    if (problem) p.newPin = problem;
    else if (values.confirmPin !== values.newPin) p.confirmPin = 'pinMismatch';
  }
  return p;
}

/** The main side's input.invalid as a form problem (its own English text is kept for support). */
export function refusalProblem(problem: string | null): Problem {
  if (!problem) return 'refused';
  if (/decrypt/i.test(problem)) return 'decrypt';
  if (/required/i.test(problem)) return 'required';
  return 'refused';
}

/** The contract's field names as the form knows them (the bridge says "eko.latlong", the main side too). */
export function formField(field: string): FieldName | null {
  const known: readonly string[] = ['profile', 'receiptPaperMm', 'newPin', 'eko.edition', ...[...TEXT_FIELDS, ...SECRET_FIELDS].map((f) => `eko.${f}`)];
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
