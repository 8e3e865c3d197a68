/**
 * The settings screen, for the operator: the PIN first (unlockSettings), then the
 * settings form. The session token is dropped on Lock, on leaving this screen, after
 * the idle timeout (then the app goes home) and when it expires (back to the PIN).
 */
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { KioskError } from '../../../app/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { IconArrowLeft, IconCheck } from '../../components/Icons';
import { useKiosk } from '../../store';
import { timings } from '../../timings';
import { PinInput, PinKeypad, fieldId } from './fields';
import { IconGear, IconLock } from '../../components/Icons';
import { pinProblem } from './form-model';
import { ConfigProblemNotice } from './ConfigProblemNotice';
import { SettingsForm } from './SettingsForm';
import { formatTime } from '../../i18n/format';

const ACTIVITY = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

/** Locks after `timings.idleFlowMs` without input, and goes home. */
function useIdleLock(active: boolean) {
  const closeSettings = useKiosk((s) => s.nav.closeSettings);
  useEffect(() => {
    if (!active) return;
    const ms = timings.idleFlowMs;
    let timer = setTimeout(closeSettings, ms);
    const onActivity = () => {
      clearTimeout(timer);
      timer = setTimeout(closeSettings, ms);
    };
    for (const type of ACTIVITY) document.addEventListener(type, onActivity, { capture: true, passive: true });
    return () => {
      clearTimeout(timer);
      for (const type of ACTIVITY) document.removeEventListener(type, onActivity, { capture: true });
    };
  }, [active, closeSettings]);
}

function PinEntry() {
  const { t, i18n } = useTranslation();
  const [pin, setPin] = useState('');
  const [attempted, setAttempted] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const unlocking = useKiosk((s) => s.settings.unlocking);
  const unlockError = useKiosk((s) => s.settings.unlockError);
  const unlockSettings = useKiosk((s) => s.settings.unlock);
  const lockedUntil = useKiosk((s) => s.settings.current?.lockedUntil ?? null);
  const loadSettings = useKiosk((s) => s.settings.load);

  // A lock-out from the error or from getSettings; either way, its end time.
  const until = unlockError?.code === 'settings.locked' ? (unlockError.params?.until ?? lockedUntil) : lockedUntil;
  const untilMs = until ? Date.parse(until) : NaN;
  const locked = Number.isFinite(untilMs) && untilMs > now;
  // The minutes left count down while the lock-out is shown.
  useEffect(() => {
    if (!locked) return;
    const tick = setInterval(() => setNow(Date.now()), 15_000);
    return () => clearInterval(tick);
  }, [locked]);
  useEffect(() => {
    if (!Number.isFinite(untilMs) || untilMs <= Date.now()) return;
    const timer = setTimeout(() => {
      setNow(Date.now());
      void loadSettings();
    }, untilMs - Date.now() + 250);
    return () => clearTimeout(timer);
  }, [untilMs, loadSettings]);

  const shownError =
    unlockError && unlockError.code !== 'settings.locked'
      ? unlockError
      : locked
        ? new KioskError('settings.locked', {
            // From the time now, not the time this screen opened (a stale start shows a minute too many).
            params: { minutes: String(Math.max(1, Math.ceil((untilMs - Date.now()) / 60_000))), until: until! },
          })
        : null;
  const problem = attempted && pinProblem(pin) === 'pinFormat' ? t('settings.pin.problem') : null;
  const id = fieldId('pin');

  async function submit() {
    setAttempted(true);
    if (locked || pinProblem(pin) === 'pinFormat') {
      document.getElementById(id)?.focus();
      return;
    }
    const ok = await unlockSettings(pin);
    if (!ok) {
      setPin('');
      setAttempted(false);
      document.getElementById(id)?.focus();
    }
  }

  return (
    <div className="card settings-pin-card" data-testid="settings-pin">
      <form
        className="settings-pin-main"
        noValidate
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <div className="settings-pin-head">
          <span className="settings-pin-icon" aria-hidden="true">
            <IconLock size={30} />
          </span>
          <div>
            <h2>{t('settings.pin.title')}</h2>
            <p className="muted">{t('settings.pin.intro')}</p>
          </div>
        </div>
        <PinInput id={id} label={t('settings.pin.label')} hint={t('settings.pin.hint')} value={pin} onChange={setPin} problem={problem} autoFocus />
        {shownError && (
          <ErrorNotice error={shownError}>
            {shownError.code === 'settings.locked' && until && <p className="settings-detail">{t('settings.pin.lockedUntil', { time: formatTime(until, i18n.language) })}</p>}
          </ErrorNotice>
        )}
        <div className="actions">
          <button type="submit" className="button button-primary button-big" disabled={unlocking || locked} aria-busy={unlocking}>
            {unlocking ? t('settings.pin.unlocking') : t('settings.pin.unlock')}
          </button>
        </div>
      </form>
      <div className="settings-pin-keypad">
        <PinKeypad target={id} value={pin} onChange={setPin} disabled={unlocking || locked} />
      </div>
    </div>
  );
}

export function SettingsScreen() {
  const { t, i18n } = useTranslation();
  const token = useKiosk((s) => s.settings.token);
  const expiresAt = useKiosk((s) => s.settings.tokenExpiresAt);
  const settings = useKiosk((s) => s.settings.current);
  const loadError = useKiosk((s) => s.settings.loadError);
  const loadSettings = useKiosk((s) => s.settings.load);
  const savedAt = useKiosk((s) => s.settings.savedAt);
  const closeSettings = useKiosk((s) => s.nav.closeSettings);
  const lockSettings = useKiosk((s) => s.settings.lock);
  const expire = useKiosk((s) => s.settings.expireSession);
  // Setup needed: this screen stays until a save fixes the settings (SettingsGate), so no Close.
  const configProblem = settings?.configProblem ?? null;
  const unlocked = token !== null;
  const savedRef = useRef<HTMLDivElement>(null);

  useIdleLock(unlocked);

  // After a save the confirmation is read out and in view (the Save button was at the bottom).
  useEffect(() => {
    if (savedAt !== null) savedRef.current?.focus();
  }, [savedAt]);

  // The token's own end: back to the PIN, saying why.
  useEffect(() => {
    if (expiresAt === null) return;
    const timer = setTimeout(expire, Math.max(0, expiresAt - Date.now()));
    return () => clearTimeout(timer);
  }, [expiresAt, expire]);

  // Leaving this screen by any way locks the settings.
  useEffect(() => () => void useKiosk.getState().settings.lock(), []);

  return (
    <section className="screen settings" aria-labelledby="settings-title" data-testid="settings-screen">
      <div className="settings-head">
        <IconGear size={30} className="settings-head-icon" />
        <div className="settings-head-text">
          <h1 id="settings-title">{t('settings.title')}</h1>
          <p className="muted" role="status">
            {unlocked ? t('settings.unlockedNote', { minutes: Math.round(timings.idleFlowMs / 60_000) || 1 }) : t('settings.lockedNote')}
            {unlocked && expiresAt !== null && <> {t('settings.unlockedLatest', { time: formatTime(new Date(expiresAt), i18n.language) })}</>}
          </p>
        </div>
        {unlocked && (
          <button type="button" className="button button-secondary" onClick={() => void lockSettings()}>
            <IconLock />
            {t('settings.lock')}
          </button>
        )}
        {!configProblem && (
          <button type="button" className="button button-ghost-dark" onClick={closeSettings}>
            <IconArrowLeft />
            {t('settings.close')}
          </button>
        )}
      </div>
      {configProblem && <ConfigProblemNotice problem={configProblem} />}
      {loadError && <ErrorNotice error={loadError} onRetry={() => void loadSettings()} />}
      {!unlocked ? (
        <PinEntry />
      ) : (
        <>
          {savedAt !== null && (
            <div className="notice notice-ok settings-saved" role="status" data-testid="settings-saved" ref={savedRef} tabIndex={-1}>
              <IconCheck className="notice-icon" />
              <div className="notice-body">
                <p className="notice-what">{t('settings.saved')}</p>
                <p className="notice-todo">{t('settings.savedTodo')}</p>
              </div>
            </div>
          )}
          {settings && <SettingsForm key={`${savedAt ?? 0}`} mode="settings" settings={settings} />}
        </>
      )}
    </section>
  );
}
