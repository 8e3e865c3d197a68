/**
 * The settings screens' inputs: every one with a visible label, a hint, and its
 * problem next to it. Keys and PINs use uncontrolled password inputs, so what is
 * typed never becomes an attribute of the page (React mirrors a controlled input's
 * value into its `value` attribute).
 */
import { useLayoutEffect, useRef, type ReactNode } from 'react';
import { NumericKeypad } from '../../components/NumericKeypad';

export const fieldId = (field: string) => `settings-${field.replace(/\./g, '-')}`;

/** The problem line under a field: the translated message, and the main side's own words (for support) when it gave some. */
export function FieldProblem({ id, message, detail }: { id: string; message: string | null; detail?: string | null }) {
  if (!message) return null;
  return (
    <p id={id} className="field-problem settings-problem" role="alert">
      <span>
        {message}
        {detail && <span className="settings-problem-detail">{detail}</span>}
      </span>
    </p>
  );
}

function describedBy(id: string, hint: string | undefined, problem: string | null, extra?: string): string | undefined {
  const ids = [hint ? `${id}-hint` : null, extra ?? null, problem ? `${id}-problem` : null].filter(Boolean);
  return ids.length ? ids.join(' ') : undefined;
}

export function TextInput({
  id,
  label,
  hint,
  value,
  onChange,
  problem,
  problemDetail,
  inputMode,
  maxLength,
  readOnlyNote,
  multiline,
  placeholder,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  problem: string | null;
  problemDetail?: string | null;
  inputMode?: 'numeric' | 'decimal' | 'url' | 'text';
  maxLength?: number;
  /** Set: the value comes from elsewhere (a KIOSK_* variable) and cannot be changed here. */
  readOnlyNote?: string | null;
  multiline?: boolean;
  placeholder?: string;
}) {
  const noteId = `${id}-note`;
  const common = {
    id,
    className: multiline ? 'input settings-textarea' : 'input settings-input',
    value,
    readOnly: Boolean(readOnlyNote),
    autoComplete: 'off',
    autoCorrect: 'off',
    autoCapitalize: 'off',
    spellCheck: false,
    placeholder,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': describedBy(id, hint, problem, readOnlyNote ? noteId : undefined),
  } as const;
  return (
    <div className="field settings-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={4} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" inputMode={inputMode} maxLength={maxLength} onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      {readOnlyNote && (
        <p id={noteId} className="settings-env-note">
          {readOnlyNote}
        </p>
      )}
      <FieldProblem id={`${id}-problem`} message={problem} detail={problemDetail} />
    </div>
  );
}

/** A password input that is never controlled through the DOM's value attribute. */
export function HiddenInput({
  id,
  value,
  onChange,
  inputMode,
  maxLength,
  describedBy: ariaDescribedBy,
  invalid,
  autoFocus,
  onFocus,
}: {
  id: string;
  value: string;
  onChange(value: string): void;
  inputMode?: 'numeric' | 'text';
  maxLength?: number;
  describedBy?: string;
  invalid?: boolean;
  autoFocus?: boolean;
  onFocus?(): void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  // Keypad presses and resets change `value` from outside: only the property is set.
  useLayoutEffect(() => {
    if (ref.current && ref.current.value !== value) ref.current.value = value;
  }, [value]);
  return (
    <input
      ref={ref}
      id={id}
      className={inputMode === 'numeric' ? 'input settings-input settings-pin-input' : 'input settings-input'}
      type="password"
      inputMode={inputMode}
      maxLength={maxLength}
      autoComplete="new-password"
      autoCorrect="off"
      autoCapitalize="off"
      spellCheck={false}
      autoFocus={autoFocus}
      onFocus={onFocus}
      aria-invalid={invalid ? true : undefined}
      aria-describedby={ariaDescribedBy}
      onChange={(e) => {
        const next = inputMode === 'numeric' ? e.target.value.replace(/\D/g, '').slice(0, maxLength ?? 8) : e.target.value;
        if (next !== e.target.value) e.target.value = next;
        onChange(next);
      }}
    />
  );
}

/** A PIN field (4–8 digits) typed with the keyboard or the keypad next to it. */
export function PinInput({
  id,
  label,
  hint,
  value,
  onChange,
  problem,
  autoFocus,
  onFocus,
}: {
  id: string;
  label: string;
  hint?: string;
  value: string;
  onChange(value: string): void;
  problem: string | null;
  autoFocus?: boolean;
  onFocus?(): void;
}) {
  return (
    <div className="field settings-field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <HiddenInput
        id={id}
        value={value}
        onChange={onChange}
        inputMode="numeric"
        maxLength={8}
        describedBy={describedBy(id, hint, problem)}
        invalid={Boolean(problem)}
        autoFocus={autoFocus}
        onFocus={onFocus}
      />
      {hint && (
        <p id={`${id}-hint`} className="field-hint">
          {hint}
        </p>
      )}
      <FieldProblem id={`${id}-problem`} message={problem} />
    </div>
  );
}

/** The numeric keypad typing into one of the PIN fields. */
export function PinKeypad({ target, value, onChange, disabled }: { target: string; value: string; onChange(v: string): void; disabled?: boolean }) {
  return (
    <NumericKeypad
      controls={target}
      disabled={disabled}
      onDigit={(d) => {
        if (value.length < 8) onChange(value + d);
        document.getElementById(target)?.focus();
      }}
      onBackspace={() => onChange(value.slice(0, -1))}
      onClear={() => onChange('')}
    />
  );
}

/** Big choices (radio buttons drawn as cards): arrow keys move between them, as for any radio group. */
export function ChoiceCards<T extends string | number>({
  name,
  legend,
  legendHidden,
  options,
  value,
  onChange,
  problem,
  disabled,
  note,
  className,
}: {
  name: string;
  legend: string;
  legendHidden?: boolean;
  options: { value: T; title: string; text?: string; badge?: ReactNode; testId?: string }[];
  value: T | null;
  onChange(value: T): void;
  problem?: string | null;
  disabled?: boolean;
  note?: string | null;
  className?: string;
}) {
  const id = fieldId(name);
  return (
    <fieldset className={`settings-choices ${className ?? ''}`} aria-describedby={problem ? `${id}-problem` : undefined} id={id} tabIndex={-1}>
      <legend className={legendHidden ? 'visually-hidden' : 'field-label settings-legend'}>{legend}</legend>
      <div className="settings-choice-row">
        {options.map((o) => {
          const checked = value === o.value;
          return (
            <label
              key={String(o.value)}
              className={`settings-choice${checked ? ' is-checked' : ''}${disabled ? ' is-disabled' : ''}`}
              data-testid={o.testId}
            >
              <input type="radio" name={name} value={String(o.value)} checked={checked} disabled={disabled} onChange={() => onChange(o.value)} />
              <span className="settings-choice-mark" aria-hidden="true" />
              <span className="settings-choice-body">
                <span className="settings-choice-title">
                  {o.title}
                  {o.badge}
                </span>
                {o.text && <span className="settings-choice-text">{o.text}</span>}
              </span>
            </label>
          );
        })}
      </div>
      {note && <p className="settings-env-note">{note}</p>}
      <FieldProblem id={`${id}-problem`} message={problem ?? null} />
    </fieldset>
  );
}
