/**
 * Setup needed: the saved settings did not load at start-up (getSettings().configProblem), so
 * the counter runs the training profile. Says which setting and what to do, in the agent's
 * language, above the setup or settings screen until a save fixes it.
 */
import { useTranslation } from 'react-i18next';
import type { ConfigProblem } from '../../../app/contract';
import { IconWarning } from '../../components/Icons';
import { formField } from './form-model';

export function ConfigProblemNotice({ problem }: { problem: ConfigProblem }) {
  const { t } = useTranslation();
  const field = problem.field ? formField(problem.field) : null;
  // A field of the form is named by its label; anything else (the file itself) by its place.
  const setting = field === 'profile' ? t('settings.profile.title') : field?.startsWith('eko.') ? t(`settings.${field}.label`) : problem.setting;
  return (
    <div className="notice notice-warn settings-config-problem" role="status" data-testid="config-problem" data-problem={problem.problem}>
      <IconWarning className="notice-icon" />
      <div className="notice-body">
        <p className="notice-title">{t('settings.configProblem.title')}</p>
        <p className="notice-what">{t(`settings.configProblem.${problem.problem}.what`)}</p>
        <p className="settings-detail">{t('errors.settingAside', { setting })}</p>
        <p className="notice-todo">{t(`settings.configProblem.${problem.problem}.todo`)}</p>
        <p className="settings-detail">{t('settings.configProblem.training')}</p>
      </div>
    </div>
  );
}
