import { Suspense, useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from './store';
import { DeviceIndicator } from './components/Device';
import { ErrorNotice } from './components/ErrorNotice';
import { IdleWatcher } from './components/IdleWatcher';
import { HomeScreen } from './screens/HomeScreen';
import { SettingsGate } from './screens/settings/SettingsGate';
import { DailyAuthFlow, DiagnosticsScreen, EnquiryFlow, HistoryScreen, preloadScreens, ReceiptPrintArea, ScreenSuspense } from './lazy-screens';
import { timings } from './timings';

export function App() {
  const { t } = useTranslation();
  const appInfo = useKiosk((s) => s.appInfo);
  const appInfoError = useKiosk((s) => s.appInfoError);
  const loadAppInfo = useKiosk((s) => s.loadAppInfo);
  const toggleLanguage = useKiosk((s) => s.toggleLanguage);
  const screen = useKiosk((s) => s.screen);
  const sending = useKiosk((s) => s.capture.phase === 'sending' || s.daily.capture.phase === 'sending');
  const resetEnquiry = useKiosk((s) => s.resetEnquiry);
  const startDevicePolling = useKiosk((s) => s.startDevicePolling);
  const startUp = useKiosk((s) => s.startUp);
  const startupChecked = useKiosk((s) => s.startupChecked);
  useKiosk((s) => s.language); // re-render on language change

  // main.tsx has usually asked already (startUp asks once); a test rendering App alone has not.
  useEffect(() => startUp(), [startUp]);

  const ready = appInfo !== null;
  useEffect(() => {
    if (!ready) return;
    return startDevicePolling(timings.devicePollMs);
  }, [ready, startDevicePolling]);

  // Home is up and idle: fetch the other screens' code in the background, not while the
  // first screen is still being drawn (compiling those chunks would compete with it).
  useEffect(() => {
    if (!startupChecked || !ready) return;
    const idle = window.requestIdleCallback?.(() => preloadScreens(), { timeout: 1000 });
    if (idle !== undefined) return () => window.cancelIdleCallback(idle);
    const timer = setTimeout(preloadScreens, 200);
    return () => clearTimeout(timer);
  }, [startupChecked, ready]);

  return (
    <div className="app" data-screen={screen} data-startup={startupChecked ? 'done' : 'pending'}>
      {appInfo?.training && (
        <div className="training-band" role="status">
          {t('app.training')}
        </div>
      )}
      <header className="topbar">
        <span className="brand">
          <span className="brand-mark" aria-hidden="true">
            ₹
          </span>
          {t('app.name')}
        </span>
        {(screen === 'flow' || screen === 'dailyAuth' || screen === 'history' || screen === 'diagnostics') && (
          <button type="button" className="button button-ghost" onClick={() => resetEnquiry('agent')} disabled={sending}>
            {t('common.home')}
          </button>
        )}
        <span className="topbar-spacer" />
        {ready && <DeviceIndicator />}
        <button type="button" className="button button-ghost lang-switch" onClick={toggleLanguage} lang={t('app.switchLanguage') === 'English' ? 'en' : 'hi'}>
          {t('app.switchLanguage')}
        </button>
      </header>
      <main className="content">
        {appInfoError ? (
          <ErrorNotice error={appInfoError} onRetry={() => void loadAppInfo()} />
        ) : appInfo ? (
          <SettingsGate>
            <ScreenSuspense>
              {screen === 'flow' ? (
                <EnquiryFlow />
              ) : screen === 'history' ? (
                <HistoryScreen />
              ) : screen === 'diagnostics' ? (
                <DiagnosticsScreen />
              ) : screen === 'dailyAuth' ? (
                <DailyAuthFlow />
              ) : (
                <HomeScreen />
              )}
            </ScreenSuspense>
          </SettingsGate>
        ) : (
          <p className="muted" role="status">
            {t('app.loading')}
          </p>
        )}
      </main>
      <IdleWatcher />
      {/* Receipts print from the result and history screens only: nothing to load for home. */}
      {screen !== 'home' && (
        <Suspense fallback={null}>
          <ReceiptPrintArea />
        </Suspense>
      )}
      {appInfo && (
        <footer className="footer" data-testid="app-info">
          <span>{t('app.version', { version: appInfo.version })}</span>
          <span data-testid="profile">{t('app.profile', { profile: t(`app.profiles.${appInfo.profile}`) })}</span>
        </footer>
      )}
    </div>
  );
}
