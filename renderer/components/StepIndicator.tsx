import { useTranslation } from 'react-i18next';
import { STEPS } from '../store';

/**
 * 1 Mobile · 2 Aadhaar · 3 Bank · 4 Fingerprint (with the consent) · 5 Result (the enquiry), or another
 * flow's steps (the daily authentication) with their names under `names`.
 */
export function StepIndicator<S extends string>({
  step,
  steps = STEPS as unknown as readonly S[],
  names = 'steps',
}: {
  step: S;
  steps?: readonly S[];
  names?: string;
}) {
  const { t } = useTranslation();
  const current = steps.indexOf(step);
  return (
    <nav aria-label={t(`${names}.label`)}>
      <ol className="steps">
        {steps.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={s} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined} data-step={s}>
              <span className="step-num" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="step-name">{t(`${names}.${s}`)}</span>
              {state === 'done' && <span className="visually-hidden"> ({t('steps.done')})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
