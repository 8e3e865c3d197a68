import { useTranslation } from 'react-i18next';
import { bankByIin, bankName } from '../../banks';
import { useKiosk } from '../../store';

/**
 * UIDAI informed consent, in the agent's chosen language, on the capture step above the button
 * that takes the finger: nothing is captured until the box is ticked. Enter on the box captures
 * (the step's Continue), so consent and capture are one screen and no extra tap or key.
 */
export function Consent({ autoFocus }: { autoFocus: boolean }) {
  const { t, i18n } = useTranslation();
  const consent = useKiosk((s) => s.enquiry.consent);
  const attempted = useKiosk((s) => s.enquiry.attempted);
  const setConsent = useKiosk((s) => s.enquiry.setConsent);
  const chosen = bankByIin(useKiosk((s) => s.enquiry.bankIin));
  // The bank as the customer hears it: its Hindi name in a Hindi consent.
  const bank = chosen ? bankName(chosen, i18n.language).name : '';
  // The consent names what is shown: the balance, or the balance and the last transactions.
  const statement = useKiosk((s) => s.enquiry.operation === 'miniStatement');
  const problem = attempted && !consent ? t('consent.required') : null;
  return (
    <div className="consent" data-testid="consent">
      <p className="muted consent-intro">{t('consent.intro')}</p>
      <blockquote className="consent-text" id="consent-text">
        {t(statement ? 'consent.statementText' : 'consent.text', { bank })}
      </blockquote>
      <label className={`check${consent ? ' is-checked' : ''}${problem ? ' is-invalid' : ''}`}>
        <input
          type="checkbox"
          checked={consent}
          onChange={(e) => setConsent(e.target.checked)}
          autoFocus={autoFocus}
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
    </div>
  );
}
