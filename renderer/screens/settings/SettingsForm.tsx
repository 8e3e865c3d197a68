/**
 * The settings form, shared by first-run setup and the settings screen: profile,
 * (production) Eko account, receipt paper, operator PIN, Test connection and Save.
 *
 * Keys typed here stay in this component's memory until saved; afterwards the form
 * starts again from getSettings, which only ever shows them masked.
 */
import { useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EKO_SETTING_FIELDS, EKO_SETTING_KEYS, KioskError, type EkoEdition, type Profile, type Settings } from '../../../app/contract';
import { formatRupees } from '../../../app/domain/money';
import { ErrorNotice } from '../../components/ErrorNotice';
import { IconCheck } from '../../components/Icons';
import { useKiosk } from '../../store';
import type { SettingsCandidate } from '../../store';
import { ChoiceCards, FieldProblem, HiddenInput, PinInput, PinKeypad, TextInput, fieldId } from './fields';
import {
  ENV_OF,
  ekoCandidate,
  envSet,
  formField,
  initialValues,
  problemsOf,
  refusalProblem,
  secretMode,
  SECRET_FIELDS,
  TEXT_FIELDS,
  type FieldName,
  type FormContext,
  type FormValues,
  type Problem,
  type SecretField,
  type TextField,
} from './form-model';

const PROFILES: Profile[] = ['demo', 'staging', 'production'];

const isSecret = (field: SecretField | TextField): field is SecretField => (SECRET_FIELDS as readonly string[]).includes(field);
/** The Eko account's fields (keys and typed values), then those behind "Advanced", in the declaration's order. */
const ACCOUNT_SECTION = EKO_SETTING_KEYS.filter((k): k is SecretField | TextField => EKO_SETTING_FIELDS[k].form.section === 'account');
const ADVANCED_SECTION = TEXT_FIELDS.filter((k) => EKO_SETTING_FIELDS[k].form.section === 'advanced');

/** Order of the fields on the page: the first one with a problem gets the focus. */
const FIELD_ORDER: FieldName[] = [
  'profile',
  ...ACCOUNT_SECTION.map((k) => `eko.${k}` as const),
  'eko.edition',
  ...ADVANCED_SECTION.map((k) => `eko.${k}` as const),
  'receiptPaperMm',
  'newPin',
  'confirmPin',
];

function SecretInput({
  name,
  ctx,
  values,
  problem,
  problemDetail,
  onValue,
  onChanging,
}: {
  name: SecretField;
  ctx: FormContext;
  values: FormValues;
  problem: string | null;
  problemDetail: string | null;
  onValue(v: string): void;
  onChanging(changing: boolean): void;
}) {
  const { t } = useTranslation();
  const id = fieldId(`eko.${name}`);
  const label = t(`settings.eko.${name}.label`);
  const hint = t(`settings.eko.${name}.hint`);
  const mode = secretMode(ctx, values, name);
  const view = ctx.settings?.eko[name];
  const masked = view?.masked ?? '••••';

  if (mode === 'env' || mode === 'saved') {
    return (
      <div className="field settings-field" data-testid={`secret-${name}`}>
        <span className="field-label" id={`${id}-label`}>
          {label}
        </span>
        <div className="settings-secret-row">
          <span className="settings-masked" aria-labelledby={`${id}-label`} data-testid={`masked-${name}`}>
            {mode === 'env' ? masked : t(view?.source === 'profile' ? 'settings.eko.savedProfile' : 'settings.eko.saved', { masked })}
          </span>
          {mode === 'saved' && (
            <button
              type="button"
              className="button button-secondary"
              aria-label={t('settings.eko.changeLabel', { field: label })}
              onClick={() => {
                onChanging(true);
                // The new field appears in place of the masked value: type into it at once.
                setTimeout(() => document.getElementById(id)?.focus(), 0);
              }}
            >
              {t('settings.eko.change')}
            </button>
          )}
        </div>
        {mode === 'env' && <p className="settings-env-note">{t('settings.env.field', { name: ENV_OF[name] })}</p>}
        <FieldProblem id={`${id}-problem`} message={problem} detail={problemDetail} />
      </div>
    );
  }
  const canKeep = values.changing[name];
  return (
    <div className="field settings-field" data-testid={`secret-${name}`}>
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <div className="settings-secret-row">
        <HiddenInput
          id={id}
          value={values.secret[name]}
          onChange={onValue}
          maxLength={256}
          invalid={Boolean(problem)}
          describedBy={[`${id}-hint`, problem ? `${id}-problem` : ''].filter(Boolean).join(' ')}
        />
        {canKeep && (
          <button type="button" className="button button-ghost-dark" onClick={() => onChanging(false)}>
            {t('settings.eko.keep')}
          </button>
        )}
      </div>
      <p id={`${id}-hint`} className="field-hint">
        {hint}
      </p>
      <FieldProblem id={`${id}-problem`} message={problem} detail={problemDetail} />
    </div>
  );
}

function TestResult() {
  const { t } = useTranslation();
  const result = useKiosk((s) => s.settings.testResult);
  if (!result) return null;
  if (!result.ok && result.error) {
    return (
      <div data-testid="settings-test-result" data-ok="false">
        <ErrorNotice error={KioskError.fromWire(result.error)} title={t('settings.test.failTitle')}>
          <p className="settings-detail">{t('settings.test.server', { url: result.baseUrl })}</p>
          <p className="settings-detail">{t('settings.test.detail', { detail: result.error.detail })}</p>
        </ErrorNotice>
      </div>
    );
  }
  const skew = result.clockSkewMs;
  const skewBad = skew !== null && Math.abs(skew) > 30_000;
  return (
    <div className="notice notice-ok settings-test-ok" role="status" data-testid="settings-test-result" data-ok={String(result.ok)}>
      <IconCheck className="notice-icon" />
      <div className="notice-body">
        <p className="notice-what">{t('settings.test.okTitle')}</p>
        <dl className="facts settings-test-facts">
          <div className="fact">
            <dt>{t('settings.test.serverLabel')}</dt>
            <dd className="mono-ish">{result.baseUrl}</dd>
          </div>
          <div className="fact">
            <dt>{t('settings.test.clock')}</dt>
            <dd data-testid="settings-test-clock">
              {skew === null ? t('settings.test.clockUnknown') : t('settings.test.clockValue', { seconds: (skew / 1000).toFixed(1) })}
            </dd>
          </div>
          <div className="fact">
            <dt>{t('settings.test.wallet')}</dt>
            <dd className="money" data-testid="settings-test-wallet">
              {result.walletBalance === null ? t('settings.test.walletUnknown') : formatRupees(result.walletBalance)}
            </dd>
          </div>
        </dl>
        {skewBad && <p className="notice-todo settings-clock-bad">{t('settings.test.clockBad')}</p>}
      </div>
    </div>
  );
}

export function SettingsForm({ mode, settings }: { mode: 'setup' | 'settings'; settings: Settings | null }) {
  const { t } = useTranslation();
  const firstRun = mode === 'setup';
  const initial = useMemo(() => initialValues(settings, firstRun), [settings, firstRun]);
  const ctx: FormContext = useMemo(() => ({ settings, initial }), [settings, initial]);
  const [values, setValues] = useState<FormValues>(initial);
  const [attempted, setAttempted] = useState(false);
  const [advanced, setAdvanced] = useState(() => initial.text.aadhaarPublicKey !== '');
  const [pinTarget, setPinTarget] = useState<'newPin' | 'confirmPin'>('newPin');
  const work = useKiosk((s) => s.settings.work);
  const refusal = useKiosk((s) => s.settings.fieldRefusal);
  const error = useKiosk((s) => s.settings.error);
  const errorOf = useKiosk((s) => s.settings.errorOf);
  const hasFeedback = useKiosk((s) => s.settings.testResult !== null || s.settings.error !== null || s.settings.fieldRefusal !== null);
  const clearFeedback = useKiosk((s) => s.settings.clearFeedback);
  const testSettings = useKiosk((s) => s.settings.test);
  const saveSettings = useKiosk((s) => s.settings.save);
  const resultRef = useRef<HTMLDivElement>(null);

  const problems = problemsOf(values, ctx);
  const refusedField = refusal ? formField(refusal.field) : null;

  /** The message shown under a field: the form's own check once Save/Test was pressed, else what the main side refused. */
  function problemOf(field: FieldName): { message: string | null; detail: string | null } {
    const own: Problem | undefined = attempted ? problems[field] : undefined;
    if (own) return { message: t(`settings.problem.${own}`), detail: null };
    if (refusal && refusedField === field) {
      const p = refusalProblem(refusal.code);
      return { message: t(`settings.problem.${p}`), detail: p === 'refused' ? refusal.problem : null };
    }
    return { message: null, detail: null };
  }

  function update(patch: (v: FormValues) => FormValues) {
    setValues(patch);
    if (hasFeedback) clearFeedback();
  }
  const setText = (field: TextField) => (v: string) => update((s) => ({ ...s, text: { ...s.text, [field]: v } }));

  function focusFirst(fields: FieldName[]) {
    const first = FIELD_ORDER.find((f) => fields.includes(f));
    if (first) document.getElementById(fieldId(first))?.focus();
  }

  function candidate(): SettingsCandidate {
    return {
      profile: values.profile!,
      ...(values.profile === 'production' ? { eko: ekoCandidate(values, ctx) } : {}),
      receiptPaperMm: values.receiptPaperMm,
      ...(values.setPin ? { newPin: values.newPin } : {}),
    };
  }

  async function onTest() {
    setAttempted(true);
    const blocking = (Object.keys(problems) as FieldName[]).filter((f) => f !== 'newPin' && f !== 'confirmPin');
    if (blocking.length > 0) return focusFirst(blocking);
    await testSettings(candidate());
    resultRef.current?.focus();
  }

  async function onSave() {
    setAttempted(true);
    const blocking = Object.keys(problems) as FieldName[];
    if (blocking.length > 0) return focusFirst(blocking);
    const saved = await saveSettings(candidate());
    if (!saved) {
      const s = useKiosk.getState().settings;
      const field = s.fieldRefusal ? formField(s.fieldRefusal.field) : null;
      if (field) focusFirst([field]);
      else resultRef.current?.focus();
    }
  }

  const profileFixed = envSet(settings, 'profile');
  const production = values.profile === 'production';
  const numbered = (n: number, title: string) => (firstRun ? t('setup.numbered', { n, title }) : title);
  const envNote = (field: TextField) => (envSet(settings, field) ? t('settings.env.field', { name: ENV_OF[field] }) : null);
  const textInput = (field: TextField) => {
    const p = problemOf(`eko.${field}`);
    // How it is typed comes from the setting's declaration (inputMode, length, placeholder, multiline).
    const { section: _section, ...extra } = EKO_SETTING_FIELDS[field].form;
    return (
      <TextInput
        key={field}
        id={fieldId(`eko.${field}`)}
        label={t(`settings.eko.${field}.label`)}
        hint={t(`settings.eko.${field}.hint`)}
        value={values.text[field]}
        onChange={setText(field)}
        problem={p.message}
        problemDetail={p.detail}
        readOnlyNote={envNote(field)}
        {...extra}
      />
    );
  };
  const secretInput = (name: SecretField) => {
    const p = problemOf(`eko.${name}`);
    return (
      <SecretInput
        key={name}
        name={name}
        ctx={ctx}
        values={values}
        problem={p.message}
        problemDetail={p.detail}
        onValue={(v) => update((s) => ({ ...s, secret: { ...s.secret, [name]: v } }))}
        onChanging={(changing) => update((s) => ({ ...s, changing: { ...s.changing, [name]: changing }, secret: { ...s.secret, [name]: '' } }))}
      />
    );
  };
  const unplacedRefusal = refusal && (refusedField === null || (!production && refusedField.startsWith('eko.')));
  const pinValue = values[pinTarget];
  const newPinProblem = problemOf('newPin');
  const confirmProblem = problemOf('confirmPin');
  const busy = work !== null;
  let section = 1;

  return (
    <form
      className="settings-form"
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        void onSave();
      }}
      data-testid={`${mode}-form`}
    >
      <section className="card settings-section" aria-labelledby="settings-profile-title">
        <h2 id="settings-profile-title">{numbered(section++, t('settings.profile.title'))}</h2>
        <ChoiceCards<Profile>
          name="profile"
          legend={t('settings.profile.legend')}
          options={PROFILES.map((p) => ({
            value: p,
            title: t(`settings.profile.${p}.name`),
            text: t(`settings.profile.${p}.text`),
            testId: `profile-${p}`,
            badge:
              // While setup is needed the saved profile is not the one running (training is).
              !firstRun && !settings?.configProblem && settings?.profile === p ? <span className="settings-badge">{t('settings.profile.current')}</span> : undefined,
          }))}
          value={values.profile}
          onChange={(p) => update((s) => ({ ...s, profile: p }))}
          problem={problemOf('profile').message}
          disabled={profileFixed}
          note={profileFixed ? t('settings.env.profile', { name: ENV_OF.profile }) : null}
          className="settings-profiles"
        />
      </section>

      {production && (
        <section className="card settings-section" aria-labelledby="settings-eko-title" data-testid="settings-eko">
          <h2 id="settings-eko-title">{numbered(section++, t('settings.eko.title'))}</h2>
          <p className="muted settings-intro">{t('settings.eko.intro')}</p>
          {settings?.secretStorage === 'dev-file' && <p className="settings-env-note">{t('settings.eko.devFile')}</p>}
          <div className="settings-grid">
            {ACCOUNT_SECTION.map((field) => (isSecret(field) ? secretInput(field) : textInput(field)))}
          </div>
          <ChoiceCards<EkoEdition>
            name="eko.edition"
            legend={t('settings.eko.edition.legend')}
            options={EKO_SETTING_FIELDS.edition.form.choices.map((e) => ({ value: e, title: t(`settings.eko.edition.${e}.name`), text: t(`settings.eko.edition.${e}.text`), testId: `edition-${e}` }))}
            value={values.edition}
            onChange={(e) => update((s) => ({ ...s, edition: e }))}
            problem={problemOf('eko.edition').message}
            disabled={envSet(settings, 'edition')}
            note={envSet(settings, 'edition') ? t('settings.env.field', { name: ENV_OF.edition }) : null}
            className="settings-edition"
          />
          <div className="settings-advanced">
            <button
              type="button"
              className="button button-ghost-dark settings-advanced-toggle"
              aria-expanded={advanced}
              aria-controls="settings-advanced-body"
              onClick={() => setAdvanced((a) => !a)}
            >
              {t(advanced ? 'settings.eko.advancedHide' : 'settings.eko.advanced')}
            </button>
            {(advanced || ADVANCED_SECTION.some((field) => (attempted && problems[`eko.${field}`]) || refusedField === `eko.${field}`)) && (
              <div id="settings-advanced-body" className="settings-advanced-body">
                <p className="muted">{t('settings.eko.advancedHint')}</p>
                {ADVANCED_SECTION.map((field) => textInput(field))}
              </div>
            )}
          </div>
        </section>
      )}

      <section className="card settings-section" aria-labelledby="settings-paper-title">
        <h2 id="settings-paper-title">{numbered(section++, t('settings.paper.title'))}</h2>
        <ChoiceCards<58 | 80>
          name="receiptPaperMm"
          legend={t('settings.paper.legend')}
          options={[
            { value: 58, title: t('settings.paper.mm58'), text: t('settings.paper.mm58Text') },
            { value: 80, title: t('settings.paper.mm80'), text: t('settings.paper.mm80Text') },
          ]}
          value={values.receiptPaperMm}
          onChange={(mm) => update((s) => ({ ...s, receiptPaperMm: mm }))}
          className="settings-paper"
        />
      </section>

      <section className="card settings-section" aria-labelledby="settings-pin-title">
        <h2 id="settings-pin-title">{numbered(section++, t(firstRun ? 'setup.pin.title' : 'settings.newPin.title'))}</h2>
        <p className="muted settings-intro">{t(firstRun ? 'setup.pin.intro' : 'settings.newPin.intro')}</p>
        {values.setPin ? (
          <div className="settings-pin-set">
            <div className="settings-pin-fields">
              <PinInput
                id={fieldId('newPin')}
                label={t(firstRun ? 'setup.pin.label' : 'settings.newPin.label')}
                hint={t('settings.newPin.hint')}
                value={values.newPin}
                onChange={(v) => update((s) => ({ ...s, newPin: v }))}
                problem={newPinProblem.message}
                onFocus={() => setPinTarget('newPin')}
              />
              <PinInput
                id={fieldId('confirmPin')}
                label={t('settings.newPin.confirm')}
                value={values.confirmPin}
                onChange={(v) => update((s) => ({ ...s, confirmPin: v }))}
                problem={confirmProblem.message}
                onFocus={() => setPinTarget('confirmPin')}
              />
              {!firstRun && (
                <button
                  type="button"
                  className="button button-ghost-dark"
                  onClick={() => update((s) => ({ ...s, setPin: false, newPin: '', confirmPin: '' }))}
                >
                  {t('settings.newPin.keep')}
                </button>
              )}
            </div>
            <div className="settings-pin-keypad">
              <p className="field-hint" id="settings-keypad-target">
                {t('settings.newPin.keypadFor', { field: t(pinTarget === 'newPin' ? (firstRun ? 'setup.pin.label' : 'settings.newPin.label') : 'settings.newPin.confirm') })}
              </p>
              <PinKeypad target={fieldId(pinTarget)} value={pinValue} onChange={(v) => update((s) => ({ ...s, [pinTarget]: v }))} />
            </div>
          </div>
        ) : (
          <button
            type="button"
            className="button button-secondary"
            onClick={() => {
              update((s) => ({ ...s, setPin: true }));
              setTimeout(() => document.getElementById(fieldId('newPin'))?.focus(), 0);
            }}
          >
            {t('settings.newPin.change')}
          </button>
        )}
      </section>

      <div className="settings-feedback" ref={resultRef} tabIndex={-1} aria-live="polite">
        <TestResult />
        {error && (
          <ErrorNotice
            error={error}
            title={t(errorOf === 'test' ? 'settings.test.failTitle' : 'settings.saveFailed')}
            onRetry={error.code === 'settings.busy' || error.code === 'host.unreachable' ? () => void (errorOf === 'test' ? onTest() : onSave()) : undefined}
            retryLabel={errorOf === 'save' ? t('settings.saveAgain') : undefined}
          />
        )}
        {unplacedRefusal && (
          <ErrorNotice error={new KioskError('input.invalid', { params: { field: refusal.field } })}>
            {refusal.problem && <p className="settings-detail">{t('settings.test.detail', { detail: `${refusal.field}: ${refusal.problem}` })}</p>}
          </ErrorNotice>
        )}
        {attempted && Object.keys(problems).length > 0 && (
          <p className="settings-summary" role="alert">
            {t('settings.problemsSummary', { count: Object.keys(problems).length })}
          </p>
        )}
      </div>

      <div className="settings-actions">
        <button type="button" className="button button-secondary button-big" onClick={() => void onTest()} disabled={busy} aria-busy={work === 'testing'}>
          {work === 'testing' ? t('settings.test.testing') : t('settings.test.button')}
        </button>
        <span className="flex-spacer" />
        <button type="submit" className="button button-primary button-big" disabled={busy} aria-busy={work === 'saving'}>
          {work === 'saving' ? t('settings.saving') : t(firstRun ? 'setup.save' : 'settings.save')}
        </button>
      </div>
    </form>
  );
}

