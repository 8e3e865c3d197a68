import { useTranslation } from 'react-i18next';
import { IconBackspace } from './Icons';

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'] as const;

/**
 * The app's own keypad (the Windows touch keyboard does not show reliably for
 * Electron). Pressing a key keeps the focus in the field it types into.
 */
export function NumericKeypad({
  onDigit,
  onBackspace,
  onClear,
  disabled,
  controls,
}: {
  onDigit(d: string): void;
  onBackspace(): void;
  onClear(): void;
  disabled?: boolean;
  /** id of the input it types into */
  controls: string;
}) {
  const { t } = useTranslation();
  // Mouse and touch presses must not move the focus away from the field.
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();
  const key = (d: string) => (
    <button
      key={d}
      type="button"
      className="key"
      aria-controls={controls}
      onMouseDown={keepFocus}
      onClick={() => onDigit(d)}
      disabled={disabled}
    >
      {d}
    </button>
  );
  return (
    <div className="keypad" role="group" aria-label={t('keypad.label')}>
      {KEYS.map(key)}
      <button type="button" className="key key-fn" aria-controls={controls} onMouseDown={keepFocus} onClick={onClear} disabled={disabled}>
        {t('keypad.clear')}
      </button>
      {key('0')}
      <button
        type="button"
        className="key key-fn"
        aria-label={t('keypad.backspace')}
        aria-controls={controls}
        onMouseDown={keepFocus}
        onClick={onBackspace}
        disabled={disabled}
      >
        <IconBackspace size={30} />
      </button>
    </div>
  );
}
