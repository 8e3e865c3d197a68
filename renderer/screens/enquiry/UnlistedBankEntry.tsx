import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isIin } from '../../../app/domain/banks';
import { BANKS, bankName } from '../../banks';
import { IconWarning } from '../../components/Icons';
import { NumberInput } from '../../components/NumberInput';
import { Keypad } from './NumberSteps';
import { StepFrame } from './StepFrame';

/**
 * A bank that is not in the list, entered by its 6-digit AePS IIN (spec edition only: its
 * bank_code is the IIN). A warning says the app cannot check it: a wrong IIN is refused by Eko
 * (the enquiry then offers another bank). An IIN of a listed bank names that bank instead.
 * Never moves on by itself: the warning is read first.
 */
export function UnlistedBankEntry({ id, onUse, onBack }: { id: string; onUse(iin: string): void; onBack(): void }) {
  const { t, i18n } = useTranslation();
  const [iin, setIin] = useState('');
  const [attempted, setAttempted] = useState(false);
  const listed = iin.length === 6 ? BANKS.find((b) => b.iin === iin) : undefined;
  const problem = isIin(iin) ? null : iin.length === 6 ? t('bank.unlisted.invalid') : t('bank.unlisted.problem', { count: iin.length });
  const show = problem !== null && (attempted || iin.length === 6 || iin.startsWith('0'));
  const use = () => {
    if (problem) setAttempted(true);
    else onUse(iin);
  };
  const set = (v: string) => setIin(v.replace(/\D/g, '').slice(0, 6));
  return (
    <StepFrame
      id={`${id}-iin`}
      title={t('bank.unlisted.title')}
      onContinue={use}
      onBack={onBack}
      side={<Keypad id={`${id}-iin`} digits={iin} max={6} set={set} />}
    >
      <NumberInput
        id={`${id}-iin`}
        label={t('bank.unlisted.label')}
        hint={t('bank.unlisted.hint')}
        digits={iin}
        format={(d) => d}
        onDigits={set}
        problem={show ? problem : null}
      />
      {listed ? (
        <p className="notice notice-info" role="status" data-testid="iin-listed">
          {t('bank.unlisted.listed', { name: bankName(listed, i18n.language).name })}
        </p>
      ) : (
        <div className="notice notice-warn" data-testid="iin-warning">
          <IconWarning className="notice-icon" />
          <p className="notice-body">{t('bank.unlisted.warning')}</p>
        </div>
      )}
    </StepFrame>
  );
}
