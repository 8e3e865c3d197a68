import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { maskMobile } from '../../../app/domain/mobile';
import { bankByIin } from '../../banks';
import { StepIndicator } from '../../components/StepIndicator';
import { SummaryList } from '../../components/SummaryList';
import { useKiosk } from '../../store';
import { BankStep } from './BankStep';
import { CaptureStep } from './CaptureStep';
import { AadhaarStep, MobileStep } from './NumberSteps';
import { ResultStep } from './ResultStep';

/** What has been entered so far, masked: the agent sees whose enquiry this is. */
function CustomerSummary() {
  const { t } = useTranslation();
  const { step, mobile, maskedAadhaar, bankIin } = useKiosk(
    useShallow((s) => ({ step: s.enquiry.step, mobile: s.enquiry.mobile, maskedAadhaar: s.enquiry.maskedAadhaar, bankIin: s.enquiry.bankIin })),
  );
  if (step === 'mobile' || step === 'result') return null;
  const bank = bankByIin(bankIin);
  const items: [string, string | null][] = [
    [t('summary.mobile'), mobile.length === 10 ? maskMobile(mobile) : null],
    [t('summary.aadhaar'), step !== 'aadhaar' ? maskedAadhaar : null],
    [t('summary.bank'), step !== 'bank' && bank ? bank.short || bank.name : null],
  ];
  return <SummaryList items={items} label={t('summary.label')} testId="summary" />;
}

export function EnquiryFlow() {
  const { t } = useTranslation();
  const step = useKiosk((s) => s.enquiry.step);
  const operation = useKiosk((s) => s.enquiry.operation);
  return (
    <section className="screen flow" data-operation={operation}>
      {/* Which operation these shared steps are for. */}
      <p className="flow-kind" data-testid="flow-kind">
        {t(operation === 'miniStatement' ? 'home.startStatement' : 'home.startEnquiry')}
      </p>
      <div className="flow-head">
        <StepIndicator step={step} />
        <CustomerSummary />
      </div>
      {step === 'mobile' && <MobileStep />}
      {step === 'aadhaar' && <AadhaarStep />}
      {step === 'bank' && <BankStep />}
      {step === 'capture' && <CaptureStep />}
      {step === 'result' && <ResultStep />}
    </section>
  );
}
