/**
 * The agent's daily authentication, in the enquiry flow's step-frame look: the agent's own
 * Aadhaar number (keypad or keyboard; masked once accepted, never stored), the bank linked to
 * it (the last one used preselected), the agent's finger, then Eko's verdict. A success goes
 * straight back where the agent came from (home, or the waiting customer's fingerprint step).
 */
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { enquiryNeverSent } from '../../../app/contract';
import { agentBankIin, bankByIin, bankName, shownBankName } from '../../banks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { IconCross, IconFingerprint, IconQuestion } from '../../components/Icons';
import { StepIndicator } from '../../components/StepIndicator';
import { SummaryList } from '../../components/SummaryList';
import { formatDateTime } from '../../i18n/format';
import { DAILY_AUTH_STEPS, canRetryDailyAuth, useKiosk } from '../../store';
import { BankChooser } from '../enquiry/BankStep';
import { CapturePanel } from '../enquiry/CaptureStep';
import { Facts } from '../enquiry/ResultStep';
import { AadhaarEntry } from '../enquiry/NumberSteps';

function AgentSummary() {
  const { t } = useTranslation();
  const { step, maskedAadhaar, bankIin } = useKiosk(useShallow((s) => ({ step: s.dailyAuth.flow.step, maskedAadhaar: s.dailyAuth.flow.maskedAadhaar, bankIin: s.dailyAuth.flow.bankIin })));
  if (step === 'aadhaar' || step === 'result') return null;
  const bank = bankByIin(bankIin);
  const items: [string, string | null][] = [
    [t('summary.aadhaar'), maskedAadhaar],
    [t('summary.bank'), step !== 'bank' && bank ? bank.short || bank.name : null],
  ];
  return <SummaryList items={items} label={t('dailyAuth.summary')} testId="agent-summary" />;
}

function AgentAadhaarStep() {
  const { t } = useTranslation();
  return (
    <AadhaarEntry
      flow="dailyAuth"
      words="dailyAuth.aadhaar"
      stepId="da-aadhaar"
      id="agent-aadhaar"
      intro={t('dailyAuth.intro')}
      emptyProblem={t('dailyAuth.aadhaar.empty')}
    />
  );
}

function AgentBankStep() {
  const lastBankIin = useKiosk((s) => s.dailyAuth.status.data?.lastBankIin ?? null);
  // The agent's own bank first: the one last used for this (main side's memory, then this PC's).
  const recent = useRef([...new Set([lastBankIin, agentBankIin()].filter((x): x is string => x !== null))]).current;
  return <BankChooser flow="dailyAuth" words="dailyAuth.bank" id="da-bank" recentIins={recent} />;
}

function AgentCaptureStep() {
  return <CapturePanel flow="dailyAuth" words="dailyAuth.capture" id="da-capture" />;
}

function DailyAuthResult() {
  const { t, i18n } = useTranslation();
  const daily = useKiosk(useShallow((s) => s.dailyAuth.flow));
  const captureAgain = useKiosk((s) => s.dailyAuth.captureAgain);
  const editDetails = useKiosk((s) => s.dailyAuth.editDetails);
  const leave = useKiosk((s) => s.nav.leaveDailyAuth);
  const returnTo = useKiosk((s) => (s.nav.route.name === 'dailyAuth' ? s.nav.route.returnTo : null));
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const { outcome, error } = daily;
  const canRetry = canRetryDailyAuth(daily);
  const maybeSent = error !== null && !enquiryNeverSent(error.code);
  const unknown = outcome?.outcome === 'unknown' || maybeSent;
  const refused = outcome?.outcome === 'refused' ? outcome : null;
  const title = refused ? 'dailyAuth.result.refusedTitle' : unknown ? 'dailyAuth.result.unknownTitle' : 'dailyAuth.result.notSentTitle';
  const kind = refused ? 'refused' : unknown ? 'unknown' : 'not-sent';
  const chosen = bankByIin(daily.bankIin);
  const bank = outcome ? shownBankName(outcome, i18n.language) : chosen ? bankName(chosen, i18n.language).name : null;
  return (
    <section className="card step-card result-card" aria-live="polite" data-testid="step-da-result">
      <div className={`result ${refused ? 'result-refused' : unknown ? 'result-unknown' : 'result-notsent'}`} data-testid="da-result" data-outcome={kind} data-reason={refused?.reason}>
        <div className="result-head">
          {unknown ? <IconQuestion size={44} className="result-icon" /> : <IconCross size={44} className="result-icon" />}
          <h1 ref={heading} tabIndex={-1}>
            {t(title)}
          </h1>
        </div>
        {refused && (
          <>
            <p className="result-what">{t(`dailyAuth.refusal.${refused.reason}.what`)}</p>
            <p className="result-todo">{t(`dailyAuth.refusal.${refused.reason}.todo`)}</p>
            {refused.serverMessage && <p className="server-message small">{t('result.serverSaid', { message: refused.serverMessage })}</p>}
          </>
        )}
        {outcome?.outcome === 'unknown' && <p className="result-what">{t(`unknownReason.${outcome.reason}`)}</p>}
        {unknown && <p className="result-todo">{t('dailyAuth.result.unknownBody')}</p>}
        {error && <ErrorNotice error={error} />}
        <Facts
          rows={[
            [t('result.fields.bank'), bank, 'da-bank'],
            [t('result.fields.aadhaar'), outcome?.maskedAadhaar ?? daily.maskedAadhaar, 'da-aadhaar'],
            [t('result.fields.time'), outcome ? formatDateTime(outcome.at, i18n.language, { seconds: true }) : null, 'da-time'],
            [t('result.fields.ref'), outcome?.ref ?? null, 'da-ref'],
          ]}
        />
        {canRetry && (
          <div className="actions">
            <button type="button" className="button button-primary button-big" onClick={captureAgain}>
              <IconFingerprint size={24} />
              {t(refused?.reason === 'biometricMismatch' ? 'dailyAuth.result.captureAgain' : 'dailyAuth.result.tryAgain')}
            </button>
            {(refused || error) && (
              <button type="button" className="button button-secondary button-big" onClick={editDetails}>
                {t('dailyAuth.result.editDetails')}
              </button>
            )}
          </div>
        )}
      </div>
      <div className="step-actions">
        <span className="flex-spacer" />
        <button type="button" className="button button-secondary button-big" onClick={leave}>
          {t(returnTo === 'flow' ? 'dailyAuth.result.backToCustomer' : 'dailyAuth.result.backHome')}
        </button>
      </div>
    </section>
  );
}

export function DailyAuthFlow() {
  const { t } = useTranslation();
  const step = useKiosk((s) => s.dailyAuth.flow.step);
  const returnTo = useKiosk((s) => (s.nav.route.name === 'dailyAuth' ? s.nav.route.returnTo : null));
  return (
    <section className="screen flow daily-auth" aria-label={t('dailyAuth.title')} data-testid="daily-auth">
      <div className="flow-head">
        <StepIndicator step={step} steps={DAILY_AUTH_STEPS} names="dailyAuth.steps" />
        <AgentSummary />
      </div>
      {returnTo === 'flow' && step !== 'result' && (
        <p className="muted daily-waiting" data-testid="customer-waiting">
          {t('dailyAuth.customerWaiting')}
        </p>
      )}
      {step === 'aadhaar' && <AgentAadhaarStep />}
      {step === 'bank' && <AgentBankStep />}
      {step === 'capture' && <AgentCaptureStep />}
      {step === 'result' && <DailyAuthResult />}
    </section>
  );
}
