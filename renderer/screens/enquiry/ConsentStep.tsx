import { useTranslation } from 'react-i18next';
import { bankByIin } from '../../banks';
import { useKiosk } from '../../store';
import { StepFrame } from './StepFrame';

/** UIDAI informed consent, in the agent's chosen language, before any capture. */
export function ConsentStep() {
  const { t } = useTranslation();
  const consent = useKiosk((s) => s.enquiry.consent);
  const attempted = useKiosk((s) => s.enquiry.attempted);
  const setConsent = useKiosk((s) => s.enquiry.setConsent);
  const bank = bankByIin(useKiosk((s) => s.enquiry.bankIin));
  // The consent names what is shown: the balance, or the balance and the last transactions.
  const statement = useKiosk((s) => s.enquiry.operation === 'miniStatement');
  const problem = attempted && !consent ? t('consent.required') : null;
  return (
    <StepFrame id="consent" title={t('consent.title')}>
      <p className="muted">{t('consent.intro')}</p>
      <blockquote className="consent-text" id="consent-text" lang={undefined}>
        {t(statement ? 'consent.statementText' : 'consent.text', { bank: bank?.name ?? '' })}
      </blockquote>
      <label className={`check${consent ? ' is-checked' : ''}${problem ? ' is-invalid' : ''}`}>
        <input
          type="checkbox"
          checked={consent}
          onChange={(e) => setConsent(e.target.checked)}
          autoFocus
          aria-describedby={problem ? 'consent-text consent-problem' : 'consent-text'}
          aria-invalid={problem ? true : undefined}
        />
        <span className="check-box" aria-hidden="true" />
        <span className="check-label">{t('consent.checkbox')}</span>
      </label>
      {problem && (
        <p id="consent-problem" className="field-problem" role="alert">
          {problem}
        </p>
      )}
    </StepFrame>
  );
}
