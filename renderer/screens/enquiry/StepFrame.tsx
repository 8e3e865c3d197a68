import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { IconArrowLeft, IconArrowRight } from '../../components/Icons';
import { useKiosk } from '../../store';

/**
 * One step of the flow: a card with the step's title and fields, and Back /
 * Continue. Enter anywhere in the step continues (the form submits).
 */
export function StepFrame({
  id,
  title,
  children,
  side,
  onContinue,
  onBack,
  showContinue = true,
  showBack = true,
  focusContinue = false,
  actionsInSide = false,
}: {
  id: string;
  title: string;
  children: ReactNode;
  side?: ReactNode;
  onContinue?: () => void;
  /** Default: the enquiry flow's previous step. */
  onBack?: () => void;
  showContinue?: boolean;
  showBack?: boolean;
  /** The step has no field to type in: Continue takes the focus, so Enter goes on. */
  focusContinue?: boolean;
  /** Back / Continue at the foot of the side column (a tall step still fits the screen). */
  actionsInSide?: boolean;
}) {
  const { t } = useTranslation();
  const back = useKiosk((s) => s.enquiry.back);
  const next = useKiosk((s) => s.enquiry.next);
  const go = onContinue ?? (() => void next());
  const goBack = onBack ?? back;
  const actions = (
    <div className="step-actions">
      {showBack && (
        <button type="button" className="button button-secondary button-big" onClick={goBack}>
          <IconArrowLeft size={22} />
          {t('common.back')}
        </button>
      )}
      <span className="flex-spacer" />
      {showContinue && (
        <button type="submit" className="button button-primary button-big" data-testid="continue" autoFocus={focusContinue}>
          {t('common.continue')}
          <IconArrowRight size={22} />
        </button>
      )}
    </div>
  );
  return (
    <form
      className={`card step-card${side ? ' has-side' : ''}`}
      data-testid={`step-${id}`}
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        go();
      }}
      onKeyDown={(e) => {
        // Enter on a checkbox or anywhere but a button continues too (text fields submit by themselves).
        const el = e.target as HTMLElement;
        if (e.key === 'Enter' && el instanceof HTMLInputElement && el.type === 'checkbox') {
          e.preventDefault();
          go();
        }
      }}
    >
      <div className="step-main">
        <h1 id={`${id}-title`} className="step-title">
          {title}
        </h1>
        <div className="step-body">{children}</div>
        {!actionsInSide && actions}
      </div>
      {side && (
        <div className="step-side">
          {side}
          {actionsInSide && actions}
        </div>
      )}
    </form>
  );
}