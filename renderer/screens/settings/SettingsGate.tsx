/**
 * Between App and its screens: nothing until the first getSettings is answered, then the
 * settings routes (`setup`: first run; `settings`: opened by the operator, or shown without
 * asking while the saved settings need fixing, see nav-slice), else whatever App shows for
 * the route (`children`).
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useKiosk } from '../../store';
import { IconGear } from '../../components/Icons';
import { ScreenSkeleton } from '../../components/Skeleton';
import { SettingsScreen } from './SettingsScreen';
import { SetupScreen } from './SetupScreen';

export function SettingsGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const checked = useKiosk((s) => s.settings.checked);
  const settings = useKiosk((s) => s.settings.current);
  const route = useKiosk((s) => s.nav.route.name);
  const loadSettings = useKiosk((s) => s.settings.load);

  // App asks at start-up, together with its other questions; ask here only if that has not happened.
  useEffect(() => {
    const s = useKiosk.getState().settings;
    if (!s.checked && !s.loading) void loadSettings();
  }, [loadSettings]);

  if (!checked) return <ScreenSkeleton label={t('app.loading')} />;
  // If getSettings itself failed the counter still works as configured; the settings screen shows the error.
  if (route === 'setup' && settings) return <SetupScreen settings={settings} />;
  if (route === 'settings') return <SettingsScreen />;
  return <>{children}</>;
}

/** The operator's way into the settings, for the home screen. */
export function SettingsEntryButton() {
  const { t } = useTranslation();
  const openSettings = useKiosk((s) => s.nav.openSettings);
  return (
    <button type="button" className="button button-secondary settings-entry" onClick={() => openSettings('operator')} data-testid="open-settings">
      <IconGear />
      {t('settings.entry')}
    </button>
  );
}
