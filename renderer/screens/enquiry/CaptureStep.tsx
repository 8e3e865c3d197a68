import { useEffect, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DeviceDetails, FindScannerButton, useIndicatorState } from '../../components/Device';
import { ErrorNotice } from '../../components/ErrorNotice';
import { FingerOnScanner } from '../../components/Illustrations';
import { IconCheck, IconFingerprint, IconWarning } from '../../components/Icons';
import { formatTime } from '../../i18n/format';
import { useKiosk } from '../../store';
import { useFlowStepActions, useFlowStepState, type StepFlow } from '../../store/flow-steps';
import { Consent } from './Consent';
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

/**
 * What to do while the scanner is asked: place the finger when the scanner lights up (the app
 * cannot see that it has started); once the wait is over with no answer, that the scanner has not
 * answered, never "place the finger now" for a scanner that never started.
 */
function CapturingTitle({ startedAt, timeoutMs }: { startedAt: number; timeoutMs: number }) {
  const { t } = useTranslation();
  const over = useSecondsSince(startedAt) >= timeoutMs / 1000;
  return (
    <p className="capturing-title" role="status" data-testid="capturing-title" data-over={over || undefined}>
      {over ? t('capture.noAnswerYet') : t('capture.placeNow')}
    </p>
  );
}

function Sending({ since, title }: { since: number; title: string }) {
  const { t } = useTranslation();
  const elapsed = Math.floor(useSecondsSince(since));
  return (
    <div className="sending" role="status" data-testid="checking">
      <span className="spinner" aria-hidden="true" />
      <div>
        <p className="sending-title">{title}</p>
        <p className="muted">{t('capture.checkingHint')}</p>
        <p className="muted small">{t('capture.elapsed', { count: elapsed })}</p>
      </div>
    </div>
  );
}

/**
 * The fingerprint step's body, for whoever's finger it is: the customer's (enquiry) or the
 * agent's own (daily authentication). The same capture, countdown, low-quality choice, errors
 * and "sending" wait; `flow` says whose state and actions (renderer/store/flow-steps.ts).
 */
export function CapturePanel({
  flow,
  words,
  id,
  checking: checkingWords,
  before,
  captureSecondary = false,
  focusCapture = !captureSecondary,
}: {
  flow: StepFlow;
  /** Where the step's words are: title, instruct, checking (the wait for the answer) and lowBody. */
  words: 'capture' | 'dailyAuth.capture';
  id: string;
  /** Another "checking" line (the mini statement's). */
  checking?: string;
  /** Shown above the capture button (e.g. "do your daily authentication first"). */
  before?: ReactNode;
  /** Another action comes first (the notice's button has the focus): the capture button is not the primary one. */
  captureSecondary?: boolean;
  /** The capture button takes the focus (default: when it is the primary action). */
  focusCapture?: boolean;
}) {
  const { t } = useTranslation();
  const [title, instruct, lowBody] = [t(`${words}.title`), t(`${words}.instruct`), t(`${words}.lowBody`)];
  const checking = checkingWords ?? t(`${words}.checking`);
  const { capture } = useFlowStepState(flow);
  const actions = useFlowStepActions(flow);
  const onCapture = () => void actions.captureFingerprint();
  const onCancel = () => void actions.cancelCapture();
  const onSendLow = () => void actions.sendLowQuality();
  const deviceState = useIndicatorState();
  const [sendingSince, setSendingSince] = useState<number | null>(null);
  useEffect(() => {
    setSendingSince(capture.phase === 'sending' ? Date.now() : null);
  }, [capture.phase]);

  const busy = capture.phase === 'capturing' || capture.phase === 'sending';
  const scannerTrouble = ['notReady', 'none'].includes(deviceState);
  const deviceCode = capture.error?.code;
  const offerFind = deviceCode === 'rd.notFound' || deviceCode === 'rd.notReady' || deviceCode === 'rd.noResponse';

  return (
    <StepFrame
      id={id}
      title={title}
      showContinue={false}
      showBack={!busy}
      onBack={actions.back}
      // Enter on the step (e.g. on the consent box) captures, as the button does.
      onContinue={capture.phase === 'idle' ? onCapture : () => {}}
      side={
        <div className="capture-device" data-testid="capture-device">
          {/* How to place the finger: a picture says it in any language. */}
          <FingerOnScanner />
          {/* Under the scanner's picture, the button that takes the finger (the consent, when there is one, fills the left). */}
          {capture.phase === 'idle' && (
            <button
              type="button"
              className={`button ${captureSecondary ? 'button-secondary' : 'button-primary'} button-big capture-button`}
              onClick={onCapture}
              autoFocus={focusCapture}
              data-testid="capture-button"
            >
              <IconFingerprint size={30} />
              {t('capture.button')}
            </button>
          )}
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
          {before}
          <p className={before ? 'capture-instruct' : 'lead'}>{instruct}</p>
          {scannerTrouble && (
            <p className="notice notice-warn" role="status">
              {t('capture.notReady')}
            </p>
          )}
        </>
      )}

      {capture.phase === 'capturing' && capture.startedAt !== null && (
        <div className="capturing">
          <Countdown startedAt={capture.startedAt} timeoutMs={capture.timeoutMs} />
          <div>
            <CapturingTitle startedAt={capture.startedAt} timeoutMs={capture.timeoutMs} />
            <button type="button" className="button button-secondary button-big" onClick={onCancel} autoFocus>
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
            <p className="notice-todo">{lowBody}</p>
            <div className="actions">
              <button type="button" className="button button-primary button-big" onClick={onCapture} autoFocus>
                <IconFingerprint size={26} />
                {t('capture.rescan')}
              </button>
              <button type="button" className="button button-secondary button-big" onClick={onSendLow}>
                {t('capture.useAnyway')}
              </button>
            </div>
          </div>
        </div>
      )}

      {capture.phase === 'failed' && capture.error && (
        <ErrorNotice error={capture.error} title={t('capture.failedTitle')}>
          <div className="actions">
            <button type="button" className="button button-primary button-big" onClick={onCapture} autoFocus>
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
          <Sending since={sendingSince ?? Date.now()} title={checking} />
        </>
      )}
    </StepFrame>
  );
}

/**
 * Before the customer's finger: today's daily authentication, when the main side says it is not
 * done (or Eko asked for it again). A tap opens it; the customer's details stay as typed.
 * After it was just done: a short confirmation.
 */
function DailyAuthNotice() {
  const { t, i18n } = useTranslation();
  const status = useKiosk((s) => s.dailyAuth.status.data);
  const justDone = useKiosk((s) => s.dailyAuth.justDone);
  const openDailyAuth = useKiosk((s) => s.nav.openDailyAuth);
  if (status?.state === 'notDone') {
    return (
      <div className="notice notice-warn daily-needed" role="alert" data-testid="daily-auth-needed">
        <IconWarning className="notice-icon" />
        <div className="notice-body">
          <p className="notice-what">{t('dailyAuth.needed.title')}</p>
          <p className="notice-todo">{t(status.askedAgain ? 'dailyAuth.needed.askedAgain' : 'dailyAuth.needed.body')}</p>
          <div className="actions">
            <button type="button" className="button button-primary button-big" onClick={openDailyAuth} autoFocus>
              <IconFingerprint size={26} />
              {t('dailyAuth.needed.button')}
            </button>
          </div>
        </div>
      </div>
    );
  }
  if (justDone) {
    return (
      <div className="notice notice-ok" role="status" data-testid="daily-auth-done">
        <IconCheck className="notice-icon" />
        <div className="notice-body">
          <p className="notice-what">{t('dailyAuth.done', { time: formatTime(justDone, i18n.language) })}</p>
        </div>
      </div>
    );
  }
  return null;
}

export function CaptureStep() {
  const { t } = useTranslation();
  const needsDailyAuth = useKiosk((s) => s.dailyAuth.status.data?.state === 'notDone');
  const statement = useKiosk((s) => s.enquiry.operation === 'miniStatement');
  const consent = useKiosk((s) => s.enquiry.consent);
  return (
    <CapturePanel
      flow="enquiry"
      words="capture"
      id="capture"
      checking={statement ? t('statement.checking') : undefined}
      before={
        <>
          <DailyAuthNotice />
          <Consent autoFocus={!consent && !needsDailyAuth} />
        </>
      }
      captureSecondary={needsDailyAuth}
      focusCapture={consent && !needsDailyAuth}
    />
  );
}
