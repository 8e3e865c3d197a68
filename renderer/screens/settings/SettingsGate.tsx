/**
 * Between App and its screens: first-run setup until it is done, the settings screen
 * while the operator has it open, else whatever App shows (`children`). When the saved
 * settings did not load (configProblem) nothing else is reachable either: setup (first run,
 * or no readable PIN) or the settings behind the PIN, until a save fixes them.
 */
import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { settingsShown, useKiosk } from '../../store';
import { IconGear } from '../../components/Icons';
import { SettingsScreen } from './SettingsScreen';
import { SetupScreen } from './SetupScreen';

export function SettingsGate({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const checked = useKiosk((s) => s.settingsChecked);
  const settings = useKiosk((s) => s.settings);
  const shown = useKiosk(settingsShown);
  const loadSettings = useKiosk((s) => s.loadSettings);

  // App asks at start-up, together with its other questions; ask here only if that has not happened.
  useEffect(() => {
    const s = useKiosk.getState();
    if (!s.settingsChecked && !s.settingsLoading) void loadSettings();
  }, [loadSettings]);

  if (!checked) {
    return (
      <p className="muted" role="status">
        {t('app.loading')}
      </p>
    );
  }
  // If getSettings itself failed the counter still works as configured; the settings screen shows the error.
  if (settings?.firstRun) return <SetupScreen settings={settings} />;
  if (shown) return <SettingsScreen />;
  return <>{children}</>;
}

/** The operator's way into the settings, for the home screen. */
export function SettingsEntryButton() {
  const { t } = useTranslation();
  const openSettings = useKiosk((s) => s.openSettings);
  return (
    <button type="button" className="button button-secondary settings-entry" onClick={openSettings} data-testid="open-settings">
      <IconGear />
      {t('settings.entry')}
    </button>
  );
}
