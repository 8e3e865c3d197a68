import { Suspense, useEffect, type ComponentType } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk, type RouteName } from './store';
import { DeviceIndicator } from './components/Device';
import { ErrorNotice } from './components/ErrorNotice';
import { IconHome } from './components/Icons';
import { IdleWatcher } from './components/IdleWatcher';
import { ScreenSkeleton } from './components/Skeleton';
import { HomeScreen } from './screens/HomeScreen';
import { SettingsGate } from './screens/settings/SettingsGate';
import { DailyAuthFlow, DiagnosticsScreen, EnquiryFlow, HistoryScreen, preloadScreens, ReceiptPrintArea, ScreenSuspense } from './lazy-screens';
import { timings } from './timings';

/**
 * The screen for each route. The settings routes (setup, settings) are SettingsGate's, which
 * stands between App and these; adding a screen: its Route member (store/types.ts), its action
 * (store/nav-slice.ts) and its entry here.
 */
const SCREENS: Record<Exclude<RouteName, 'setup' | 'settings'>, ComponentType> = {
  home: HomeScreen,
  flow: EnquiryFlow,
  history: HistoryScreen,
  diagnostics: DiagnosticsScreen,
  dailyAuth: DailyAuthFlow,
};

/** Routes with a Home button in the top bar (leaving ends what runs there). */
const HOME_BUTTON: ReadonlySet<RouteName> = new Set(['flow', 'dailyAuth', 'history', 'diagnostics']);

function RouteScreen() {
  const route = useKiosk((s) => s.nav.route.name);
  const Screen = route === 'setup' || route === 'settings' ? HomeScreen : SCREENS[route];
  return <Screen />;
}

export function App() {
  const { t } = useTranslation();
  const appInfo = useKiosk((s) => s.session.appInfo);
  const appInfoError = useKiosk((s) => s.session.appInfoError);
  const loadAppInfo = useKiosk((s) => s.session.loadAppInfo);
  const toggleLanguage = useKiosk((s) => s.session.toggleLanguage);
  const screen = useKiosk((s) => s.nav.route.name);
  const goHome = useKiosk((s) => s.nav.goHome);
  const sending = useKiosk((s) => s.enquiry.capture.phase === 'sending' || s.dailyAuth.flow.capture.phase === 'sending');
  const startDevicePolling = useKiosk((s) => s.device.startPolling);
  const startUp = useKiosk((s) => s.session.startUp);
  const startupChecked = useKiosk((s) => s.enquiry.startupChecked);
  useKiosk((s) => s.session.language); // re-render on language change

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
        {HOME_BUTTON.has(screen) && (
          <button type="button" className="button button-ghost" onClick={() => goHome('agent')} disabled={sending}>
            <IconHome size={22} />
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
              <RouteScreen />
            </ScreenSuspense>
          </SettingsGate>
        ) : (
          <ScreenSkeleton label={t('app.loading')} />
        )}
      </main>
      <IdleWatcher />
      {/* Receipts print from the result and history screens only: nothing to load for home. */}
      {screen !== 'home' && screen !== 'setup' && screen !== 'settings' && (
        <Suspense fallback={null}>
          <ReceiptPrintArea />
        </Suspense>
      )}
      {appInfo && (
        // The version is for support (Diagnostics shows it), not text on the counter's screens.
        <footer className="footer" data-testid="app-info" data-version={appInfo.version}>
          <span data-testid="profile">{t('app.profile', { profile: t(`app.profiles.${appInfo.profile}`) })}</span>
        </footer>
      )}
    </div>
  );
}
