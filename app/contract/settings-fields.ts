/**
 * Every Eko operator setting, declared once: its KIOSK_* variable, its config.json key, the schema
 * the contract checks it with, whether it is a secret, whether it belongs to the Eko account (and
 * is dropped on a profile change) or to the shop, which profiles need it, the problems the form
 * can name for it, and where it sits on the form. Config reading (main/services/config), the
 * settings service, the form model and the form (renderer/screens/settings) are derived from this
 * list. To add a setting: one entry here, its label and hint in renderer/i18n/en.ts and hi.ts
 * (settings.eko.<key>), and its use where it takes effect.
 */
import * as z from 'zod/mini';
import { EKO_EDITIONS, type Profile } from './profiles';

/** Problems the form names (settings.problem.<key> in the translations); the main side's refusals map onto them by code. */
export const SETTING_PROBLEMS = [
  'required',
  'keyFormat',
  'initiatorId',
  'userCode',
  'agentMobile',
  'latlongFormat',
  'latlongRange',
  'baseUrl',
  'baseUrlHttp',
  'aadhaarKey',
  'tooLong',
] as const;
export type SettingProblem = (typeof SETTING_PROBLEMS)[number];

/** An Eko key as entered: printable ASCII without spaces (Eko's keys are hex or UUIDs). */
const EkoSecretInputSchema = z.string().check(z.minLength(8), z.maxLength(256), z.regex(/^[\x21-\x7e]+$/, 'printable characters, no spaces'));

export const LatLongSchema = z.string().check(
  z.regex(/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/, 'latitude,longitude (e.g. 28.6139,77.2090)'),
  z.refine((t) => {
    const [lat, long] = t.split(',').map(Number);
    return Math.abs(lat!) <= 90 && Math.abs(long!) <= 180;
  }, 'latitude within ±90, longitude within ±180'),
);

function latlongProblem(value: string): SettingProblem | null {
  const t = value.replace(/\s/g, '');
  if (!/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/.test(t)) return 'latlongFormat';
  return LatLongSchema.safeParse(t).success ? null : 'latlongRange';
}

/** The form's own look at a base URL (the main side checks it fully): https anywhere, http to this PC only. */
function baseUrlProblem(value: string): SettingProblem | null {
  const m = /^(https?):\/\/(\[[0-9a-f:]+\]|[^/:?#\s[\]]+)(?::\d{1,5})?(?:[/?#]\S*)?$/i.exec(value);
  if (!m) return 'baseUrl';
  if (m[1]!.toLowerCase() === 'https') return null;
  return ['127.0.0.1', 'localhost', '[::1]'].includes(m[2]!.toLowerCase()) ? null : 'baseUrlHttp';
}

export interface SettingFieldDeclaration {
  /** The variable that wins over anything saved (Settings.envOverrides lists those set). */
  env: `KIOSK_${string}`;
  /** Stored only encrypted, shown only masked, never sent back to the screen. */
  secret: boolean;
  /** account: the Eko account's, dropped when the profile changes. shop: the counter's own, kept. */
  scope: 'account' | 'shop';
  /** Profiles whose operator must give a value (the others have a built-in one). */
  requiredFor: readonly Profile[];
  /** The contract's check of an entered value. */
  schema: z.ZodMiniType<string>;
  /** What the form itself can tell about a typed value (blank is handled by requiredFor). */
  check(value: string): SettingProblem | null;
  /** Blank means the profile's own value, which the settings view shows as null (not the built-in value). */
  blankIsProfileDefault?: boolean;
  /** Where on the form: the Eko account's fields, a choice of cards, or behind "Advanced". */
  form: { section: 'account' | 'choice' | 'advanced'; inputMode?: 'numeric' | 'decimal' | 'url'; maxLength?: number; placeholder?: string; multiline?: boolean; choices?: readonly string[] };
}

/** One of Eko's two keys: a secret of the account, needed in production, typed as printable characters. */
const ekoKey = <E extends `KIOSK_${string}`>(env: E) =>
  ({
    env,
    secret: true,
    scope: 'account',
    requiredFor: ['production'],
    schema: EkoSecretInputSchema,
    check: (v: string) => (/^[\x21-\x7e]{8,256}$/.test(v) ? null : 'keyFormat'),
    form: { section: 'account' },
  }) as const;

/** A number of the Eko account (its partner's or agent's): digits matching `pattern`, typed on a numeric keypad. */
const accountNumber = <E extends `KIOSK_${string}`>(env: E, pattern: RegExp, problem: SettingProblem, requiredFor: readonly Profile[], maxLength: number) =>
  ({
    env,
    secret: false,
    scope: 'account',
    requiredFor,
    schema: z.string().check(z.regex(pattern)),
    check: (v: string) => (pattern.test(v.trim()) ? null : problem),
    form: { section: 'account', inputMode: 'numeric', maxLength },
  }) as const;

/** A text of the shop's own for its receipts: optional, at most `maxLength` characters. */
const shopText = <E extends `KIOSK_${string}`>(env: E, maxLength: number, form: { placeholder?: string; multiline?: boolean }) =>
  ({
    env,
    secret: false,
    scope: 'shop',
    requiredFor: [],
    schema: z.string().check(z.minLength(1), z.maxLength(maxLength)),
    check: (v: string) => (v.trim().length <= maxLength ? null : 'tooLong'),
    form: { section: 'account', maxLength, ...form },
  }) as const;

/** In the form's order. */
export const EKO_SETTING_FIELDS = {
  developerKey: ekoKey('KIOSK_EKO_DEVELOPER_KEY'),
  accessKey: ekoKey('KIOSK_EKO_ACCESS_KEY'),
  /** The partner's registered mobile (10 digits). */
  initiatorId: accountNumber('KIOSK_EKO_INITIATOR_ID', /^\d{10}$/, 'initiatorId', ['production'], 10),
  /** The agent's numeric user code from Eko. */
  userCode: accountNumber('KIOSK_EKO_USER_CODE', /^\d{4,12}$/, 'userCode', ['production'], 12),
  /** The agent's registered mobile (wallet customer_id); blank = the initiator id. */
  agentMobile: accountNumber('KIOSK_AGENT_MOBILE', /^[6-9]\d{9}$/, 'agentMobile', [], 10),
  /** The shop's latitude,longitude. */
  latlong: {
    env: 'KIOSK_LATLONG',
    secret: false,
    scope: 'shop',
    requiredFor: ['production'],
    schema: LatLongSchema,
    check: latlongProblem,
    form: { section: 'account', inputMode: 'decimal', maxLength: 40, placeholder: '28.6139,77.2090' },
  },
  /** The shop's name, printed at the top of every receipt (optional). */
  shopName: shopText('KIOSK_SHOP_NAME', 60, { placeholder: 'Sharma General Store' }),
  /** The shop's address, printed under its name (optional). */
  shopAddress: shopText('KIOSK_SHOP_ADDRESS', 120, { multiline: true }),
  /** Which generation of Eko's AePS request the counter sends. */
  edition: {
    env: 'KIOSK_EKO_EDITION',
    secret: false,
    scope: 'shop',
    requiredFor: [],
    schema: z.enum(EKO_EDITIONS),
    check: (v) => ((EKO_EDITIONS as readonly string[]).includes(v) ? null : 'required'),
    form: { section: 'choice', choices: EKO_EDITIONS },
  },
  /** Eko's API base URL; blank = the profile's. https, or http to this PC only. */
  baseUrl: {
    env: 'KIOSK_EKO_BASE_URL',
    secret: false,
    scope: 'account',
    requiredFor: [],
    schema: z.url({ protocol: /^https?$/ }).check(z.maxLength(300)),
    check: (v) => baseUrlProblem(v.trim()),
    blankIsProfileDefault: true,
    form: { section: 'advanced', inputMode: 'url', maxLength: 300, placeholder: 'https://…' },
  },
  /** Eko's RSA public key (base64 DER or PEM); blank = the profile's built-in key. */
  aadhaarPublicKey: {
    env: 'KIOSK_EKO_AADHAAR_KEY',
    secret: false,
    scope: 'account',
    requiredFor: [],
    schema: z.string().check(z.minLength(100), z.maxLength(4096)),
    check: (v) => (v.trim().length >= 100 ? null : 'aadhaarKey'),
    blankIsProfileDefault: true,
    form: { section: 'advanced', multiline: true, maxLength: 4096 },
  },
} as const satisfies Record<string, SettingFieldDeclaration>;

export type EkoSettingKey = keyof typeof EKO_SETTING_FIELDS;
/** Every Eko setting, in the form's order. */
export const EKO_SETTING_KEYS = Object.keys(EKO_SETTING_FIELDS) as EkoSettingKey[];
export type SecretSettingKey = { [K in EkoSettingKey]: (typeof EKO_SETTING_FIELDS)[K]['secret'] extends true ? K : never }[EkoSettingKey];
export type PlainSettingKey = Exclude<EkoSettingKey, SecretSettingKey>;
export const SECRET_SETTING_KEYS = EKO_SETTING_KEYS.filter((k): k is SecretSettingKey => EKO_SETTING_FIELDS[k].secret);
export const PLAIN_SETTING_KEYS = EKO_SETTING_KEYS.filter((k): k is PlainSettingKey => !EKO_SETTING_FIELDS[k].secret);

/** The config.json key of a setting ("eko.latlong"), as errors and the form's fields name it. */
export const settingConfigKey = (key: EkoSettingKey) => `eko.${key}` as const;

type InputShape = { [K in EkoSettingKey]: z.ZodMiniOptional<z.ZodMiniNullable<(typeof EKO_SETTING_FIELDS)[K]['schema']>> };

/**
 * The Eko fields of a candidate, built from the declaration. Every field is optional: left out =
 * keep what is saved (on a profile change, the account's fields and keys are dropped instead, the
 * shop's kept); null = back to the profile's default (for a key: delete it).
 */
export const EkoSettingsInputSchema = z.strictObject(
  Object.fromEntries(EKO_SETTING_KEYS.map((key) => [key, z.optional(z.nullable(EKO_SETTING_FIELDS[key].schema))])) as unknown as InputShape,
);

/** The KIOSK_* variable that wins over each settings field (Settings.envOverrides lists the ones set). */
export const SETTINGS_FIELD_ENV = {
  profile: 'KIOSK_PROFILE',
  ...(Object.fromEntries(EKO_SETTING_KEYS.map((key) => [key, EKO_SETTING_FIELDS[key].env])) as { [K in EkoSettingKey]: (typeof EKO_SETTING_FIELDS)[K]['env'] }),
} as const;

/** A stored secret as the screen may show it. source: where the running value comes from. */
export const MaskedSecretSchema = z.object({
  set: z.boolean(),
  /** "••••0567": the last 4 characters only; null when not set or not the operator's (sandbox). */
  masked: z.nullable(z.string()),
  /** saved: operator settings; env: a KIOSK_* variable; profile: the staging profile's public keys; sandbox: the demo sandbox's own. */
  source: z.enum(['saved', 'env', 'profile', 'sandbox', 'none']),
});

type ViewSchemaOf<K extends EkoSettingKey> = (typeof EKO_SETTING_FIELDS)[K] extends { secret: true }
  ? typeof MaskedSecretSchema
  : (typeof EKO_SETTING_FIELDS)[K] extends { form: { section: 'choice' } }
    ? (typeof EKO_SETTING_FIELDS)[K]['schema']
    : (typeof EKO_SETTING_FIELDS)[K] extends { blankIsProfileDefault: true }
      ? z.ZodMiniNullable<z.ZodMiniString>
      : z.ZodMiniString;

/**
 * How the settings view shows each setting, from the declaration: a key only masked, a choice as
 * its value, a field whose blank means the profile's own as null when blank, the rest as text.
 */
export const EkoSettingsViewSchema = z.object(
  Object.fromEntries(
    EKO_SETTING_KEYS.map((key) => {
      const field: SettingFieldDeclaration = EKO_SETTING_FIELDS[key];
      const schema = field.secret ? MaskedSecretSchema : field.form.section === 'choice' ? field.schema : field.blankIsProfileDefault ? z.nullable(z.string()) : z.string();
      return [key, schema];
    }),
  ) as unknown as { [K in EkoSettingKey]: ViewSchemaOf<K> },
);
