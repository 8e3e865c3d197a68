import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DeviceState } from '../../app/contract';
import { useKiosk } from '../store';
import { ErrorNotice } from './ErrorNotice';
import { IconFingerprint, IconRefresh, IconSearch } from './Icons';

/** 'capturing': this app's own capture holds the scanner ("busy" is another app holding it). */
export type IndicatorState = DeviceState['state'] | 'unknown' | 'capturing';

/** What a failed capture found out about the scanner: the header says the same as the message. */
const STATE_AFTER_CAPTURE_ERROR: Partial<Record<string, IndicatorState>> = {
  'rd.notFound': 'none',
  'rd.notReady': 'notReady',
  'rd.noResponse': 'unknown',
};

export function useIndicatorState(): IndicatorState {
  const state = useKiosk((s) => s.device.status?.state);
  const hasError = useKiosk((s) => s.device.error !== null);
  // The capture on screen (the customer's, or the agent's own in the daily authentication) knows best.
  const fromCapture = useKiosk((s) => {
    const capture = s.nav.route.name === 'dailyAuth' ? s.dailyAuth.flow.capture : s.nav.route.name === 'flow' ? s.enquiry.capture : null;
    if (capture?.phase === 'capturing') return 'capturing';
    if (capture?.phase === 'failed') return STATE_AFTER_CAPTURE_ERROR[capture.error?.code ?? ''] ?? null;
    return null;
  });
  if (fromCapture) return fromCapture;
  if (hasError) return 'unknown';
  return state ?? 'searching';
}

/**
 * The scanner's make and model, as far as the device says. Its RD service, version, serial and
 * security level are for support: Diagnostics shows them, the counter's screens do not.
 */
export function DeviceDetails() {
  const { t } = useTranslation();
  const device = useKiosk((s) => s.device.status);
  const info = device?.deviceInfo ?? null;
  if (!info) return <p className="muted device-noinfo">{t('device.noInfo')}</p>;
  const rows: [string, string | null][] = [
    [t('device.vendor'), `${info.vendor} · ${info.model}`],
  ];
  return (
    <dl className="facts device-facts" data-testid="device-info">
      {rows.map(([k, v]) => (
        <div key={k} className="fact">
          <dt>{k}</dt>
          <dd>{v ?? t('result.none')}</dd>
        </div>
      ))}
    </dl>
  );
}

export function FindScannerButton({ className = 'button button-secondary' }: { className?: string }) {
  const { t } = useTranslation();
  const finding = useKiosk((s) => s.device.finding);
  const findScanner = useKiosk((s) => s.device.findScanner);
  const capturing = useKiosk((s) => s.enquiry.capture.phase === 'capturing' || s.dailyAuth.flow.capture.phase === 'capturing');
  return (
    <button type="button" className={className} onClick={() => void findScanner()} disabled={finding || capturing} aria-busy={finding}>
      {/* A magnifier: look for the scanner; turning arrows while it looks. */}
      {finding ? <IconRefresh size={20} className="spin" /> : <IconSearch size={20} />}
      {finding ? t('device.finding') : t('device.find')}
    </button>
  );
}

/** Always in the top bar: the scanner's state in words and colour; opens the details and "Find scanner". */
export function DeviceIndicator() {
  const { t } = useTranslation();
  const state = useIndicatorState();
  const deviceError = useKiosk((s) => s.device.error);
  const [open, setOpen] = useState(false);
  const wrap = useRef<HTMLDivElement>(null);
  const label = t(`device.state.${state}`);

  useEffect(() => {
    if (!open) return;
    const onDown = (e: PointerEvent) => {
      if (wrap.current && !wrap.current.contains(e.target as Node)) setOpen(false);
    };
    const onKey = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    document.addEventListener('pointerdown', onDown);
    document.addEventListener('keydown', onKey);
    return () => {
      document.removeEventListener('pointerdown', onDown);
      document.removeEventListener('keydown', onKey);
    };
  }, [open]);

  return (
    <div className="device-wrap" ref={wrap}>
      <button
        type="button"
        className={`device-indicator device-${state}`}
        aria-expanded={open}
        aria-controls="device-panel"
        aria-label={t('device.indicator', { state: label })}
        onClick={() => setOpen((o) => !o)}
        data-testid="device-indicator"
        data-state={state}
      >
        <span className="device-dot" aria-hidden="true" />
        <IconFingerprint size={22} />
        <span className="device-label" role="status">
          {label}
        </span>
      </button>
      {open && (
        <div className="device-panel card" id="device-panel" role="dialog" aria-label={t('device.details')}>
          <h2>{t('device.details')}</h2>
          <p className={`device-state-line device-${state}`}>
            <span className="device-dot" aria-hidden="true" /> {label}
          </p>
          <DeviceDetails />
          {deviceError && <ErrorNotice error={deviceError} />}
          <div className="actions">
            <FindScannerButton className="button button-primary" />
            <button type="button" className="button button-secondary" onClick={() => setOpen(false)}>
              {t('common.close')}
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
