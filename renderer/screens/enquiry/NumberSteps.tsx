import { useTranslation } from 'react-i18next';
import { aadhaarProblem, groupAadhaar } from '../../../app/domain/aadhaar';
import { mobileProblem } from '../../../app/domain/mobile';
import { NumberInput } from '../../components/NumberInput';
import { NumericKeypad } from '../../components/NumericKeypad';
import { useKiosk } from '../../store';
import { useFlowStepActions, useFlowStepState, type StepFlow } from '../../store/flow-steps';
import { StepFrame } from './StepFrame';

/** "9876543210" → "98765 43210" */
export function groupMobile(digits: string): string {
  return digits.length > 5 ? `${digits.slice(0, 5)} ${digits.slice(5)}` : digits;
}

/**
 * The on-screen keypad for a number step. `complete(v)`: whether `v` is a complete and valid
 * number; the key that completes one moves on by itself (touch saves the Continue tap; the
 * step's checks still decide, and Back returns to the number as typed).
 */
export function Keypad({
  id,
  digits,
  max,
  set,
  complete,
  onComplete,
}: {
  id: string;
  digits: string;
  max: number;
  set(v: string): void;
  complete?: (v: string) => boolean;
  onComplete?: () => void;
}) {
  return (
    <NumericKeypad
      controls={id}
      onDigit={(d) => {
        if (digits.length >= max) return;
        set(digits + d);
        if (complete?.(digits + d)) onComplete?.();
      }}
      onBackspace={() => set(digits.slice(0, -1))}
      onClear={() => set('')}
    />
  );
}

export function MobileStep() {
  const { t } = useTranslation();
  const mobile = useKiosk((s) => s.enquiry.mobile);
  const attempted = useKiosk((s) => s.enquiry.attempted);
  const setMobile = useKiosk((s) => s.enquiry.setMobile);
  const next = useKiosk((s) => s.enquiry.next);
  // A wrong first digit or too many digits show at once; anything else after a Continue or once the number is complete.
  const problem = mobileProblem(mobile);
  const show = problem !== null && (attempted || mobile.length >= 10 || problem === 'firstDigit');
  return (
    <StepFrame
      id="mobile"
      title={t('mobile.title')}
      showBack={false}
      side={
        <Keypad
          id="mobile"
          digits={mobile}
          max={10}
          set={setMobile}
          complete={(v) => v.length === 10 && mobileProblem(v) === null}
          onComplete={() => void next()}
        />
      }
    >
      <NumberInput
        id="mobile"
        label={t('mobile.label')}
        hint={t('mobile.hint')}
        digits={mobile}
        format={groupMobile}
        onDigits={setMobile}
        problem={show ? t(`mobile.problem.${problem}`, { count: mobile.length }) : null}
      />
    </StepFrame>
  );
}

/**
 * An Aadhaar number step, the customer's (enquiry) or the agent's own (daily authentication):
 * typed (keypad or keyboard), then shown masked once accepted; back here, the agent may keep it
 * or type a new one. `autoNext`: a complete valid number moves on by itself.
 */
export function AadhaarEntry({
  flow,
  words,
  stepId,
  id,
  intro,
  emptyProblem,
  autoNext = false,
}: {
  flow: StepFlow;
  /** Where the step's words are: its title, label and hint. */
  words: 'aadhaar' | 'dailyAuth.aadhaar';
  /** The step frame's id; `id`: the input's (and, with "-masked", the masked number's test id). */
  stepId: string;
  id: string;
  intro?: string;
  /** What an empty number's problem says, where the step's own words differ from the customer's. */
  emptyProblem?: string;
  autoNext?: boolean;
}) {
  const { t } = useTranslation();
  const [title, label, hint] = [t(`${words}.title`), t(`${words}.label`), t(`${words}.hint`)];
  const { aadhaar, maskedAadhaar: masked, attempted } = useFlowStepState(flow);
  const { setAadhaar: set, changeAadhaar: change, next: advance, back } = useFlowStepActions(flow);
  const next = () => void advance();
  if (masked) {
    return (
      <StepFrame id={stepId} title={title} onContinue={next} onBack={back} focusContinue>
        <div className="field">
          <p className="field-label" id={`${id}-masked-label`}>
            {t('aadhaar.entered')}
          </p>
          <p className="masked-value mono" aria-labelledby={`${id}-masked-label`} data-testid={`${id}-masked`}>
            {masked}
          </p>
          <button type="button" className="button button-secondary" onClick={change}>
            {t('aadhaar.change')}
          </button>
        </div>
      </StepFrame>
    );
  }
  const problem = aadhaarProblem(aadhaar);
  const show = problem !== null && (attempted || aadhaar.length === 12 || problem === 'firstDigit');
  const message = problem === 'empty' && emptyProblem ? emptyProblem : problem ? t(`aadhaar.problem.${problem}`, { count: aadhaar.length }) : null;
  return (
    <StepFrame
      id={stepId}
      title={title}
      onContinue={next}
      onBack={back}
      side={
        <Keypad
          id={id}
          digits={aadhaar}
          max={12}
          set={set}
          complete={autoNext ? (v) => v.length === 12 && aadhaarProblem(v) === null : undefined}
          onComplete={autoNext ? next : undefined}
        />
      }
    >
      {intro && <p className="muted">{intro}</p>}
      <NumberInput id={id} label={label} hint={hint} digits={aadhaar} format={groupAadhaar} onDigits={set} problem={show ? message : null} />
    </StepFrame>
  );
}

export function AadhaarStep() {
  return <AadhaarEntry flow="enquiry" words="aadhaar" stepId="aadhaar" id="aadhaar" autoNext />;
}
