import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { KioskError } from '../../app/contract';
import { errorText } from '../i18n';
import { IconWarning } from './Icons';

/**
 * An error in the agent's language: what happened, what to do, an optional retry.
 * The code is a data attribute only; Diagnostics may show it small, for support.
 */
export function ErrorNotice({
  error,
  onRetry,
  retryLabel,
  title,
  children,
  showCode = false,
}: {
  error: KioskError;
  /** The code as text (`ref: rd.notReady`): for Diagnostics only, never on the counter's screens. */
  showCode?: boolean;
  onRetry?: () => void;
  retryLabel?: string;
  title?: string;
  children?: ReactNode;
}) {
  const { t } = useTranslation();
  const { what, todo, aside } = errorText(error);
  return (
    <div className="notice notice-error" role="alert" data-error-code={error.code}>
      <IconWarning className="notice-icon" />
      <div className="notice-body">
        {title && <p className="notice-title">{title}</p>}
        <p className="notice-what">{what}</p>
        <p className="notice-todo">{todo}</p>
        {aside && <p className="notice-aside">{aside}</p>}
        {children}
        {onRetry && (
          <button type="button" className="button button-secondary" onClick={onRetry}>
            {retryLabel ?? t('app.retry')}
          </button>
        )}
        {showCode && <p className="notice-ref">{t('common.ref', { code: error.code })}</p>}
      </div>
    </div>
  );
}
