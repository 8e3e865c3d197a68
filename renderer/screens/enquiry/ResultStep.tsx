import { useEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { enquiryNeverSent, isAgentRefusal, type EnquiryOutcome, type MiniStatementOutcome, type RefusalRecovery } from '../../../app/contract';
import { maskMobile } from '../../../app/domain/mobile';
import { formatRupees } from '../../../app/domain/money';
import { bankByIin, bankName, shownBankName } from '../../banks';
import { ErrorNotice } from '../../components/ErrorNotice';
import { IconBank, IconCheck, IconCross, IconEdit, IconFingerprint, IconQuestion, IconRefresh, IconUserPlus } from '../../components/Icons';
import { Success } from '../../components/Illustrations';
import { canRetryCapture, refusalRecoveryFor, useKiosk, type FlowOutcome } from '../../store';
import { StatementTable } from '../../components/StatementLines';
import { PrintReceiptButton } from '../../components/receipt/ReceiptPrint';
import { formatDateTime } from '../../i18n/format';

/** Long references (tid, RRN, our reference) get a whole row, so they never wrap mid-reference. */
const LONG_VALUES = new Set(['r-ref', 'r-tid', 'r-rrn', 'r-uidai']);

export function Facts({ rows }: { rows: [string, string | null | undefined, string?][] }) {
  const { t } = useTranslation();
  return (
    <dl className="facts result-facts">
      {rows.map(([k, v, testId]) => (
        <div key={k} className={testId && LONG_VALUES.has(testId) && (v?.length ?? 0) > 18 ? 'fact fact-long' : 'fact'}>
          <dt>{k}</dt>
          <dd className="mono-ish" data-testid={testId}>
            {v || t('result.none')}
          </dd>
        </div>
      ))}
    </dl>
  );
}

function commonRows(o: Pick<EnquiryOutcome, 'bankName' | 'maskedAadhaar' | 'maskedMobile' | 'at'> & { bankIin?: string }, lang: string, t: (k: string) => string) {
  return [
    [t('result.fields.bank'), shownBankName(o, lang), 'r-bank'],
    [t('result.fields.aadhaar'), o.maskedAadhaar, 'r-aadhaar'],
    [t('result.fields.mobile'), o.maskedMobile, 'r-mobile'],
    [t('result.fields.time'), formatDateTime(o.at, lang, { seconds: true }), 'r-time'],
  ] as [string, string, string][];
}

/** Moves the focus to the result's heading so it is read out and Enter does nothing rash. */
function useFocusHeading() {
  const ref = useRef<HTMLHeadingElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return ref;
}

/**
 * The head of an answer received: the check, the title (focused, so it is read out), the balance
 * or the words for its absence, and for a balance enquiry the picture of a good result beside them.
 */
function SuccessHead({ title, balance, amountClassName = 'result-amount', missing, picture = false }: {
  title: string;
  balance: string | null;
  amountClassName?: string;
  /** What stands where no figure can: a bank that gave no balance did not say ₹0. */
  missing: ReactNode;
  picture?: boolean;
}) {
  const { t } = useTranslation();
  const heading = useFocusHeading();
  return (
    <div className="result-top">
      <div className="result-top-main">
        <div className="result-head">
          <IconCheck size={44} className="result-icon" />
          <h1 ref={heading} tabIndex={-1}>
            {title}
          </h1>
        </div>
        <p className="result-label">{t('result.balance')}</p>
        {balance !== null ? (
          <p className={amountClassName} data-testid="balance">
            {formatRupees(balance)}
          </p>
        ) : (
          missing
        )}
      </div>
      {picture && <Success />}
    </div>
  );
}

/** A mini statement received: the balance (or that the bank gave none), then the lines, newest first. */
function StatementView({ outcome }: { outcome: Extract<MiniStatementOutcome, { outcome: 'success' }> }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="result result-success result-statement" data-testid="result" data-outcome="success" data-kind="miniStatement">
      <SuccessHead
        title={t('statement.successTitle')}
        balance={outcome.balance}
        amountClassName="result-amount statement-balance"
        missing={
          <p className="result-missing" data-testid="balance-missing">
            {t('statement.balanceMissing')}
          </p>
        }
      />
      <StatementTable lines={outcome.lines} />
      <Facts
        rows={[
          ...commonRows(outcome, i18n.language, t),
          [t('result.fields.tid'), outcome.tid, 'r-tid'],
          [t('result.fields.rrn'), outcome.bankRef, 'r-rrn'],
          [t('result.fields.ref'), outcome.clientRefId, 'r-ref'],
        ]}
      />
    </div>
  );
}

function OutcomeView({ outcome }: { outcome: FlowOutcome }) {
  const { t, i18n } = useTranslation();
  const heading = useFocusHeading();
  const statement = useKiosk((s) => s.enquiry.operation === 'miniStatement');
  const lang = i18n.language;
  const rows = commonRows(outcome, lang, t);
  if (outcome.outcome === 'success' && 'lines' in outcome) return <StatementView outcome={outcome} />;
  if (outcome.outcome === 'success' && 'uidaiRef' in outcome) {
    return (
      <div className="result result-success" data-testid="result" data-outcome="success">
        <SuccessHead
          title={t('result.successTitle')}
          balance={outcome.balance}
          picture
          missing={
            <>
              <p className="result-missing" data-testid="balance-missing">
                {t('result.balanceMissing')}
              </p>
              <p className="muted">{t('result.balanceMissingNote')}</p>
            </>
          }
        />
        <Facts
          rows={[
            ...rows,
            [t('result.fields.tid'), outcome.tid, 'r-tid'],
            [t('result.fields.rrn'), outcome.bankRef, 'r-rrn'],
            [t('result.fields.uidai'), outcome.uidaiRef, 'r-uidai'],
            [t('result.fields.ref'), outcome.clientRefId, 'r-ref'],
          ]}
        />
      </div>
    );
  }
  if (outcome.outcome === 'refused') {
    // The agent's own problem (daily authentication, the agent's wallet) is not the customer's bank refusing.
    const agents = isAgentRefusal(outcome.reason);
    return (
      <div className="result result-refused" data-testid="result" data-outcome="refused" data-reason={outcome.reason} data-agent={agents || undefined}>
        <div className="result-head">
          <IconCross size={44} className="result-icon" />
          <h1 ref={heading} tabIndex={-1}>
            {t(agents ? 'result.agentRefusedTitle' : statement ? 'statement.refusedTitle' : 'result.refusedTitle')}
          </h1>
        </div>
        {agents && <p className="muted">{t('result.agentRefusedNote')}</p>}
        <p className="result-what">{t(`refusal.${outcome.reason}.what`)}</p>
        <p className="result-todo">{t(`refusal.${outcome.reason}.todo`)}</p>
        {outcome.serverMessage && <p className="server-message small">{t('result.serverSaid', { message: outcome.serverMessage })}</p>}
        <RecoveryActions />
        <Facts rows={[...rows, [t('result.fields.tid'), outcome.tid, 'r-tid'], [t('result.fields.ref'), outcome.clientRefId, 'r-ref']]} />
      </div>
    );
  }
  return (
    <div className="result result-unknown" data-testid="result" data-outcome="unknown" data-reason={outcome.reason}>
      <div className="result-head">
        <IconQuestion size={44} className="result-icon" />
        <h1 ref={heading} tabIndex={-1}>
          {t(statement ? 'statement.unknownTitle' : 'result.unknownTitle')}
        </h1>
      </div>
      <p className="result-what">{t(`unknownReason.${outcome.reason}`)}</p>
      <p>{t('result.unknownBody')}</p>
      <p className="result-todo">{t(statement ? 'statement.unknownRepeat' : 'result.unknownRepeat')}</p>
      <div className="reference">
        <span className="reference-label">{t('result.reference')}</span>
        <span className="reference-value mono" data-testid="reference">
          {outcome.clientRefId}
        </span>
      </div>
      <Facts rows={[...rows, [t('result.fields.tid'), outcome.tid, 'r-tid']]} />
    </div>
  );
}

const RECOVERY_LABEL: Record<Exclude<RefusalRecovery, 'none'>, string> = {
  captureAgain: 'result.recovery.captureAgain',
  otherBank: 'result.recovery.otherBank',
  tryAgain: 'result.recovery.tryAgain',
  dailyAuth: 'result.recovery.dailyAuth',
};

/** Another bank: the bank; try again: round arrows; a new capture (or the daily authentication): the fingerprint. */
function RecoveryIcon({ recovery }: { recovery: Exclude<RefusalRecovery, 'none'> }) {
  if (recovery === 'otherBank') return <IconBank size={24} />;
  if (recovery === 'tryAgain') return <IconRefresh size={24} />;
  return <IconFingerprint size={24} />;
}

/** After a refusal a new try can fix: the one action that fits, for the same customer, nothing to retype. */
function RecoveryActions() {
  const { t } = useTranslation();
  const recovery = useKiosk((s) => refusalRecoveryFor(s.enquiry));
  const recoverRefusal = useKiosk((s) => s.enquiry.recoverRefusal);
  if (!recovery) return null;
  return (
    <div className="actions recovery-actions" data-testid="recovery" data-recovery={recovery}>
      <button type="button" className="button button-primary button-big" onClick={recoverRefusal}>
        <RecoveryIcon recovery={recovery} />
        {t(RECOVERY_LABEL[recovery])}
      </button>
      <p className="muted small">{t('result.recovery.hint')}</p>
    </div>
  );
}

function PendingView() {
  const { t, i18n } = useTranslation();
  const pending = useKiosk((s) => s.enquiry.pending)!;
  const heading = useFocusHeading();
  return (
    <div className="result result-pending" data-testid="result" data-outcome="pending">
      <div className="result-head">
        <span className="spinner" aria-hidden="true" />
        <h1 ref={heading} tabIndex={-1}>
          {t('result.waitingTitle')}
        </h1>
      </div>
      <p role="status">{t('result.waitingBody')}</p>
      <Facts rows={[...commonRows(pending, i18n.language, t), [t('result.fields.ref'), pending.clientRefId, 'r-ref']]} />
    </div>
  );
}

/** Capture again is offered exactly when the store would do it. */
function useCanRetry(): boolean {
  return useKiosk((s) => canRetryCapture(s.enquiry));
}

function NotSentView() {
  const { t, i18n } = useTranslation();
  const error = useKiosk((s) => s.enquiry.enquiryError)!;
  const record = useKiosk((s) => s.enquiry.notSent);
  const { mobile, maskedAadhaar, bankIin } = useKiosk(useShallow((s) => ({ mobile: s.enquiry.mobile, maskedAadhaar: s.enquiry.maskedAadhaar, bankIin: s.enquiry.bankIin })));
  const chosenBank = bankByIin(bankIin);
  const retryCapture = useKiosk((s) => s.enquiry.retryCapture);
  const editDetails = useKiosk((s) => s.enquiry.editDetails);
  const canRetry = useCanRetry();
  const heading = useFocusHeading();
  // Anything that does not prove the enquiry stayed on this PC may have reached the bank.
  const maybeSent = !enquiryNeverSent(error.code);
  const detailsProblem = error.code === 'input.invalid' || error.code === 'eko.invalidParams';
  return (
    <div
      className={`result ${maybeSent ? 'result-unknown' : 'result-notsent'}`}
      data-testid="result"
      data-outcome={maybeSent ? 'maybe-sent' : 'not-sent'}
    >
      <div className="result-head">
        {maybeSent ? <IconQuestion size={44} className="result-icon" /> : <IconCross size={44} className="result-icon" />}
        <h1 ref={heading} tabIndex={-1}>
          {maybeSent ? t('result.maybeSentTitle') : t('result.notSentTitle')}
        </h1>
      </div>
      {maybeSent && <p className="result-todo">{t('result.maybeSentBody')}</p>}
      <ErrorNotice error={error} />
      <Facts
        rows={
          record
            ? [
                ...commonRows(record, i18n.language, t),
                [t('result.fields.ref'), record.clientRefId, 'r-ref'],
              ]
            : [
                [t('result.fields.bank'), chosenBank ? bankName(chosenBank, i18n.language).name : null],
                [t('result.fields.aadhaar'), maskedAadhaar],
                [t('result.fields.mobile'), mobile ? maskMobile(mobile) : null],
              ]
        }
      />
      {canRetry && (
        <div className="actions">
          <button type="button" className="button button-primary button-big" onClick={retryCapture}>
            <IconFingerprint size={24} />
            {t('result.captureAgain')}
          </button>
          {detailsProblem && (
            <button type="button" className="button button-secondary button-big" onClick={editDetails}>
              <IconEdit size={24} />
              {t('result.editDetails')}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

export function ResultStep() {
  const { t } = useTranslation();
  const outcome = useKiosk((s) => s.enquiry.outcome);
  const pending = useKiosk((s) => s.enquiry.pending !== null);
  const enquiryError = useKiosk((s) => s.enquiry.enquiryError !== null);
  const goHome = useKiosk((s) => s.nav.goHome);
  const openFlow = useKiosk((s) => s.nav.openFlow);
  const operation = useKiosk((s) => s.enquiry.operation);
  // One primary action: "Capture fingerprint again" (or the refusal's recovery) when it is offered.
  const recoveryOffered = useKiosk((s) => refusalRecoveryFor(s.enquiry) !== null);
  const retryOffered = (useCanRetry() && !outcome) || recoveryOffered;
  return (
    <section className="card step-card result-card" aria-live="polite" data-testid="step-result">
      {outcome ? <OutcomeView outcome={outcome} /> : pending ? <PendingView /> : enquiryError ? <NotSentView /> : null}
      <div className="step-actions">
        {outcome && <PrintReceiptButton source={{ ...outcome, kind: operation }} className="button button-secondary button-big" />}
        <span className="flex-spacer" />
        <button type="button" className={`button ${retryOffered ? 'button-secondary' : 'button-primary'} button-big`} onClick={() => {
          goHome('agent');
          openFlow(operation);
        }}>
          <IconUserPlus size={24} />
          {t(operation === 'miniStatement' ? 'statement.newStatement' : 'common.newEnquiry')}
        </button>
      </div>
    </section>
  );
}
