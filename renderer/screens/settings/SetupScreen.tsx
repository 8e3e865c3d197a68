/**
 * First-run setup: shown instead of everything else until the operator has chosen
 * the profile and set the operator PIN (getSettings().firstRun). Saving switches the
 * running services to the new settings; the app then goes home by itself.
 */
import { useTranslation } from 'react-i18next';
import type { Settings } from '../../../app/contract';
import { ConfigProblemNotice } from './ConfigProblemNotice';
import { SettingsForm } from './SettingsForm';

export function SetupScreen({ settings }: { settings: Settings }) {
  const { t } = useTranslation();
  return (
    <section className="screen settings setup" aria-labelledby="setup-title" data-testid="setup-screen">
      <div className="setup-hero">
        <span className="setup-hero-mark" aria-hidden="true">
          ₹
        </span>
        <div>
          <h1 id="setup-title">{t('setup.title')}</h1>
          <p className="lead">{t('setup.intro')}</p>
        </div>
      </div>
      {settings.configProblem && <ConfigProblemNotice problem={settings.configProblem} />}
      <SettingsForm mode="setup" settings={settings} />
    </section>
  );
}
