import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { DeviceDetails, FindScannerButton, useIndicatorState } from '../../components/Device';
import { ErrorNotice } from '../../components/ErrorNotice';
import { IconCheck, IconFingerprint, IconWarning } from '../../components/Icons';
import { useKiosk } from '../../store';
import { StepFrame } from './StepFrame';

function useSecondsSince(from: number | null): number {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (from === null) return;
    setNow(Date.now());
    const timer = setInterval(() => setNow(Date.now()), 250);
    return () => clearInterval(timer);
  }, [from]);
  return from === null ? 0 : Math.max(0, (now - from) / 1000);
}

function Countdown({ startedAt, timeoutMs }: { startedAt: number; timeoutMs: number }) {
  const { t } = useTranslation();
  const elapsed = useSecondsSince(startedAt);
  const total = timeoutMs / 1000;
  const left = Math.max(0, Math.ceil(total - elapsed));
  const fraction = Math.min(1, elapsed / total);
  const r = 54;
  const c = 2 * Math.PI * r;
  return (
    <div className="countdown" data-testid="countdown">
      <svg viewBox="0 0 128 128" width="148" height="148" aria-hidden="true" focusable="false">
        <circle cx="64" cy="64" r={r} className="countdown-track" />
        <circle
          cx="64"
          cy="64"
          r={r}
          className="countdown-bar"
          strokeDasharray={c}
          strokeDashoffset={c * fraction}
          transform="rotate(-90 64 64)"
        />
      </svg>
      <span className="countdown-num" aria-hidden="true">
        {left}
      </span>
      <span className="visually-hidden" role="timer">
        {t('capture.secondsLeft', { count: left })}
      </span>
    </div>
  );
}

function Sending({ since }: { since: number }) {
  const { t } = useTranslation();
  const elapsed = Math.floor(useSecondsSince(since));
  return (
    <div className="sending" role="status" data-testid="checking">
      <span className="spinner" aria-hidden="true" />
      <div>
        <p className="sending-title">{t('capture.checking')}</p>
        <p className="muted">{t('capture.checkingHint')}</p>
        <p className="muted small">{t('capture.elapsed', { count: elapsed })}</p>
      </div>
    </div>
  );
}

export function CaptureStep() {
  const { t } = useTranslation();
  const capture = useKiosk(useShallow((s) => s.capture));
  const captureFingerprint = useKiosk((s) => s.captureFingerprint);
  const cancelCapture = useKiosk((s) => s.cancelCapture);
  const sendLowQuality = useKiosk((s) => s.sendLowQuality);
  const deviceState = useIndicatorState();
  const [sendingSince, setSendingSince] = useState<number | null>(null);
  useEffect(() => {
    setSendingSince(capture.phase === 'sending' ? Date.now() : null);
  }, [capture.phase]);

  const busy = capture.phase === 'capturing' || capture.phase === 'sending';
  const capture_ = () => void captureFingerprint();
  const scannerTrouble = ['notReady', 'none'].includes(deviceState);
  const deviceCode = capture.error?.code;
  const offerFind = deviceCode === 'rd.notFound' || deviceCode === 'rd.notReady' || deviceCode === 'rd.noResponse';

  return (
    <StepFrame
      id="capture"
      title={t('capture.title')}
      showContinue={false}
      showBack={!busy}
      side={
        <div className="capture-device" data-testid="capture-device">
          <p className={`device-state-line device-${deviceState}`}>
            <span className="device-dot" aria-hidden="true" /> {t(`device.state.${deviceState}`)}
          </p>
          <DeviceDetails />
          <FindScannerButton />
        </div>
      }
    >
      {capture.phase === 'idle' && (
        <>
          <p className="lead">{t('capture.instruct')}</p>
          {scannerTrouble && (
            <p className="notice notice-warn" role="status">
              {t('capture.notReady')}
            </p>
          )}
          <button type="button" className="button button-primary button-huge" onClick={capture_} autoFocus>
            <IconFingerprint size={36} />
            {t('capture.button')}
          </button>
        </>
      )}

      {capture.phase === 'capturing' && capture.startedAt !== null && (
        <div className="capturing">
          <Countdown startedAt={capture.startedAt} timeoutMs={capture.timeoutMs} />
          <div>
            <p className="capturing-title" role="status">
              {t('capture.placeNow')}
            </p>
            <button type="button" className="button button-secondary button-big" onClick={() => void cancelCapture()} autoFocus>
              {t('capture.cancel')}
            </button>
          </div>
        </div>
      )}

      {capture.phase === 'low' && capture.result && (
        <div className="notice notice-warn" role="alert" data-testid="low-quality">
          <IconWarning className="notice-icon" />
          <div className="notice-body">
            <p className="notice-what">{t('capture.lowTitle', { score: capture.result.qScore })}</p>
            <p className="notice-todo">{t('capture.lowBody')}</p>
            <div className="actions">
              <button type="button" className="button button-primary button-big" onClick={capture_} autoFocus>
                <IconFingerprint size={26} />
                {t('capture.rescan')}
              </button>
              <button type="button" className="button button-secondary button-big" onClick={() => void sendLowQuality()}>
                {t('capture.useAnyway')}
              </button>
            </div>
          </div>
        </div>
      )}

      {capture.phase === 'failed' && capture.error && (
        <ErrorNotice error={capture.error} title={t('capture.failedTitle')}>
          <div className="actions">
            <button type="button" className="button button-primary button-big" onClick={capture_} autoFocus>
              <IconFingerprint size={26} />
              {t('capture.tryAgain')}
            </button>
            {offerFind && <FindScannerButton />}
          </div>
        </ErrorNotice>
      )}

      {capture.phase === 'sending' && (
        <>
          {capture.result && (
            <p className="quality-line" data-testid="quality">
              <IconCheck size={22} className={capture.result.quality === 'good' ? 'ok-icon' : 'warn-icon'} />
              {t('capture.quality', { score: capture.result.qScore })}
            </p>
          )}
          <Sending since={sendingSince ?? Date.now()} />
        </>
      )}
    </StepFrame>
  );
}
