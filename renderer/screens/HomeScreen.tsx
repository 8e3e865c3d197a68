import { useTranslation } from 'react-i18next';
import { useKiosk } from '../store';

export function HomeScreen() {
  const { t } = useTranslation();
  const appInfo = useKiosk((s) => s.appInfo);
  if (!appInfo) return null;
  return (
    <section className="screen" aria-labelledby="home-title">
      <h1 id="home-title">{t('home.title')}</h1>
      <p className="muted" data-testid="agent">
        {t('home.agent', { userCode: appInfo.agent.userCode, mobile: appInfo.agent.mobile })}
      </p>
    </section>
  );
}
