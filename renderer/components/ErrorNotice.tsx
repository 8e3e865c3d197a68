import type { KioskError } from '../../app/contract';
import { errorText } from '../i18n';
import { useTranslation } from 'react-i18next';

/** An error in the agent's language: what happened, what to do, and an optional retry. */
export function ErrorNotice({ error, onRetry }: { error: KioskError; onRetry?: () => void }) {
  const { t } = useTranslation();
  const { what, todo } = errorText(error);
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <p className="notice-what">{what}</p>
      <p className="notice-todo">{todo}</p>
      {onRetry && (
        <button type="button" className="button button-secondary" onClick={onRetry}>
          {t('app.retry')}
        </button>
      )}
    </div>
  );
}
