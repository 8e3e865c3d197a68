import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ErrorNotice } from '../ErrorNotice';
import { useKiosk } from '../../store';
import { Receipt } from './Receipt';
import type { ReceiptSource } from './receipt-data';

/**
 * The print-only area: hidden on screen, the only thing printed (styles.css, @media print).
 * It holds the receipt last printed from the screen showing now, and nothing once the agent
 * leaves that screen.
 */
export function ReceiptPrintArea() {
  const receipt = useKiosk((s) => (s.receipt && s.receipt.screen === s.screen ? s.receipt.data : null));
  const appInfo = useKiosk((s) => s.appInfo);
  useKiosk((s) => s.language); // re-render on language change
  if (!receipt || !appInfo) return null;
  return (
    <div className="receipt-print" data-testid="receipt-print">
      <Receipt data={receipt} paperMm={appInfo.receiptPaperMm} agent={appInfo.agent} training={appInfo.training} />
    </div>
  );
}

function IconPrinter() {
  return (
    <svg className="icon" width={22} height={22} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={2.2} strokeLinecap="round" strokeLinejoin="round" aria-hidden="true" focusable="false">
      <path d="M7 9V3h10v6" />
      <rect x="3" y="9" width="18" height="8" rx="2" />
      <path d="M7 14h10v7H7z" />
    </svg>
  );
}

/** "Print receipt", with what happened to the print below it. */
export function PrintReceiptButton({
  source,
  className = 'button button-secondary',
  describedBy,
}: {
  source: ReceiptSource;
  className?: string;
  describedBy?: string;
}) {
  const { t } = useTranslation();
  const print = useKiosk((s) => s.printReceipt);
  const { state, error, anyBusy } = useKiosk(
    useShallow((s) => {
      const mine = s.printing?.key === source.clientRefId ? s.printing : null;
      return { state: mine?.state ?? null, error: mine?.error ?? null, anyBusy: s.printing?.state === 'printing' };
    }),
  );
  return (
    <div className="receipt-action">
      <button
        type="button"
        className={className}
        onClick={() => void print(source)}
        disabled={anyBusy}
        aria-busy={state === 'printing'}
        aria-describedby={describedBy}
      >
        <IconPrinter />
        {state === 'printing' ? t('receipt.printing') : t('receipt.print')}
      </button>
      {state === 'sent' && (
        <p className="receipt-sent" role="status">
          {t('receipt.sent')}
        </p>
      )}
      {state === 'failed' && error && <ErrorNotice error={error} onRetry={() => void print(source)} retryLabel={t('receipt.print')} />}
    </div>
  );
}
