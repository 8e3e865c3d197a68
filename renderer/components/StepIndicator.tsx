import { useTranslation } from 'react-i18next';
import { STEPS, type Step } from '../store';

/** 1 Mobile · 2 Aadhaar · 3 Bank · 4 Consent · 5 Fingerprint · 6 Result */
export function StepIndicator({ step }: { step: Step }) {
  const { t } = useTranslation();
  const current = STEPS.indexOf(step);
  return (
    <nav aria-label={t('steps.label')}>
      <ol className="steps">
        {STEPS.map((s, i) => {
          const state = i < current ? 'done' : i === current ? 'current' : 'todo';
          return (
            <li key={s} className={`step step-${state}`} aria-current={state === 'current' ? 'step' : undefined} data-step={s}>
              <span className="step-num" aria-hidden="true">
                {state === 'done' ? '✓' : i + 1}
              </span>
              <span className="step-name">{t(`steps.${s}`)}</span>
              {state === 'done' && <span className="visually-hidden"> ({t('steps.done')})</span>}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
