import { useLayoutEffect, useRef } from 'react';

/**
 * A digits-only field shown in groups while typed (Aadhaar "2341 2341 2346",
 * mobile "98765 43210"), with its visible label, hint and problem message.
 * The caret stays where the agent is typing even as spaces come and go.
 */
export function NumberInput({
  id,
  label,
  hint,
  digits,
  format,
  onDigits,
  problem,
  onEnter,
}: {
  id: string;
  label: string;
  hint: string;
  digits: string;
  format(digits: string): string;
  /** All the digits typed or pasted: the store decides what to keep (e.g. a +91 prefix). */
  onDigits(next: string): void;
  problem: string | null;
  onEnter?: () => void;
}) {
  const input = useRef<HTMLInputElement>(null);
  /** Digits before the caret, to restore the caret after the grouped text is re-rendered. */
  const caretDigits = useRef<number | null>(null);
  const display = format(digits);

  useLayoutEffect(() => {
    const el = input.current;
    const want = caretDigits.current;
    if (!el || want === null || document.activeElement !== el) return;
    caretDigits.current = null;
    let pos = 0;
    let seen = 0;
    while (pos < display.length && seen < want) {
      if (/\d/.test(display[pos]!)) seen++;
      pos++;
    }
    el.setSelectionRange(pos, pos);
  }, [display]);

  const onChange = (e: React.ChangeEvent<HTMLInputElement>) => {
    const raw = e.target.value;
    const caret = e.target.selectionStart ?? raw.length;
    caretDigits.current = raw.slice(0, caret).replace(/\D/g, '').length;
    onDigits(raw.replace(/\D/g, ''));
  };

  const hintId = `${id}-hint`;
  const problemId = `${id}-problem`;
  return (
    <div className="field">
      <label htmlFor={id} className="field-label">
        {label}
      </label>
      <input
        ref={input}
        id={id}
        className="input input-number"
        type="text"
        inputMode="numeric"
        autoComplete="off"
        autoCorrect="off"
        spellCheck={false}
        autoFocus
        value={display}
        onChange={onChange}
        onKeyDown={(e) => {
          if (e.key === 'Enter' && onEnter) {
            e.preventDefault();
            onEnter();
          }
        }}
        aria-invalid={problem ? true : undefined}
        aria-describedby={problem ? `${hintId} ${problemId}` : hintId}
        data-digits={digits.length}
      />
      <p id={hintId} className="field-hint">
        {hint}
      </p>
      {problem && (
        <p id={problemId} className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </div>
  );
}
