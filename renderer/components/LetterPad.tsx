import { useTranslation } from 'react-i18next';
import { IconBackspace } from './Icons';

const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ'.split('');

/**
 * The app's own letter keys, A–Z (the Windows touch keyboard does not show reliably for
 * Electron): a search by touch alone. Pressing a key keeps the focus in the field it types into.
 */
export function LetterPad({
  onKey,
  onBackspace,
  onClear,
  controls,
}: {
  onKey(text: string): void;
  onBackspace(): void;
  onClear(): void;
  /** id of the input it types into */
  controls: string;
}) {
  const { t } = useTranslation();
  const keepFocus = (e: React.MouseEvent) => e.preventDefault();
  return (
    <div className="letterpad" role="group" aria-label={t('letterPad.label')} data-testid="letter-pad">
      {LETTERS.map((l) => (
        <button key={l} type="button" className="key key-letter" aria-controls={controls} onMouseDown={keepFocus} onClick={() => onKey(l)}>
          {l}
        </button>
      ))}
      <button type="button" className="key key-fn key-space" aria-controls={controls} onMouseDown={keepFocus} onClick={() => onKey(' ')}>
        {t('letterPad.space')}
      </button>
      <button type="button" className="key key-fn" aria-controls={controls} onMouseDown={keepFocus} onClick={onClear}>
        {t('letterPad.clear')}
      </button>
      <button type="button" className="key key-fn" aria-label={t('letterPad.backspace')} aria-controls={controls} onMouseDown={keepFocus} onClick={onBackspace}>
        <IconBackspace size={26} />
      </button>
    </div>
  );
}
