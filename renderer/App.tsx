import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from './store';
import { ErrorNotice } from './components/ErrorNotice';
import { HomeScreen } from './screens/HomeScreen';

export function App() {
  const { t } = useTranslation();
  const appInfo = useKiosk((s) => s.appInfo);
  const appInfoError = useKiosk((s) => s.appInfoError);
  const loadAppInfo = useKiosk((s) => s.loadAppInfo);
  const toggleLanguage = useKiosk((s) => s.toggleLanguage);
  useKiosk((s) => s.language); // re-render on language change

  useEffect(() => {
    void loadAppInfo();
  }, [loadAppInfo]);

  return (
    <div className="app">
      {appInfo?.training && (
        <div className="training-band" role="status">
          {t('app.training')}
        </div>
      )}
      <header className="topbar">
        <span className="brand">{t('app.name')}</span>
        <span className="topbar-spacer" />
        <button type="button" className="button button-ghost lang-switch" onClick={toggleLanguage}>
          {t('app.switchLanguage')}
        </button>
      </header>
      <main className="content">
        {appInfoError ? (
          <ErrorNotice error={appInfoError} onRetry={() => void loadAppInfo()} />
        ) : appInfo ? (
          <HomeScreen />
        ) : (
          <p className="muted" role="status">{t('app.loading')}</p>
        )}
      </main>
      {appInfo && (
        <footer className="footer" data-testid="app-info">
          <span>{t('app.version', { version: appInfo.version })}</span>
          <span data-testid="profile">{t('app.profile', { profile: t(`app.profiles.${appInfo.profile}`) })}</span>
        </footer>
      )}
    </div>
  );
}
