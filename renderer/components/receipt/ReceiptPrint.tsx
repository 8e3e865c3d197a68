import { useLayoutEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { ErrorNotice } from '../ErrorNotice';
import { IconFileDown, IconPrinter } from '../Icons';
import { useKiosk } from '../../store';
import type { ReceiptTarget } from '../../store';
import { Receipt } from './Receipt';
import type { ReceiptSource } from './receipt-data';
import { applyPageLength, fontsReady, measureReceiptHeightMm } from './receipt-page';

/**
 * The print-only area: laid out off screen and invisible (so it can be measured), the only
 * thing printed (styles.css, @media print). It holds the receipt last printed from the screen
 * showing now, and nothing once the agent leaves that screen.
 */
export function ReceiptPrintArea() {
  const receipt = useKiosk((s) => (s.print.receipt && s.print.receipt.screen === s.nav.route.name ? s.print.receipt.data : null));
  const appInfo = useKiosk((s) => s.session.appInfo);
  const language = useKiosk((s) => s.session.language); // re-render on language change
  const paperMm = appInfo?.receiptPaperMm;
  // The browser's print dialog takes the page length from @page: the receipt's, measured once laid out.
  useLayoutEffect(() => {
    if (!receipt || !paperMm) return;
    const apply = () => {
      const heightMm = measureReceiptHeightMm();
      return heightMm === null ? undefined : applyPageLength(paperMm, heightMm);
    };
    let remove = apply();
    let current = true;
    // Measured again once the fonts have loaded: a receipt laid out in a fallback font has another length.
    void fontsReady().then(() => {
      if (!current) return;
      remove?.();
      remove = apply();
    });
    return () => {
      current = false;
      remove?.();
    };
  }, [receipt, paperMm, language]);
  if (!receipt || !appInfo) return null;
  return (
    <div className="receipt-print" data-testid="receipt-print">
      <Receipt data={receipt} paperMm={appInfo.receiptPaperMm} agent={appInfo.agent} training={appInfo.training} />
    </div>
  );
}

const LABELS: Record<ReceiptTarget, { idle: string; busy: string }> = {
  printer: { idle: 'receipt.print', busy: 'receipt.printing' },
  pdf: { idle: 'receipt.savePdf', busy: 'receipt.savingPdf' },
};

/** "Print receipt" and "Save as PDF", with what happened to the last of them below. */
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
  const print = useKiosk((s) => s.print.printReceipt);
  const { state, to, error, path, anyBusy } = useKiosk(
    useShallow((s) => {
      const mine = s.print.printing?.key === source.clientRefId ? s.print.printing : null;
      return { state: mine?.state ?? null, to: mine?.to ?? null, error: mine?.error ?? null, path: mine?.path ?? null, anyBusy: s.print.printing?.state === 'printing' };
    }),
  );
  const button = (target: ReceiptTarget, icon: ReactNode) => {
    const busy = state === 'printing' && to === target;
    return (
      <button
        type="button"
        className={className}
        onClick={() => void print(source, target)}
        disabled={anyBusy}
        aria-busy={busy}
        aria-describedby={describedBy}
      >
        {icon}
        {t(busy ? LABELS[target].busy : LABELS[target].idle)}
      </button>
    );
  };
  return (
    <div className="receipt-action">
      <div className="receipt-buttons">
        {button('printer', <IconPrinter size={22} />)}
        {button('pdf', <IconFileDown size={22} />)}
      </div>
      {state === 'sent' && to === 'printer' && (
        <p className="receipt-sent" role="status">
          {t('receipt.sent')}
        </p>
      )}
      {state === 'sent' && to === 'pdf' && (
        <p className="receipt-sent" role="status">
          {t('receipt.savedPdf')} <span className="mono receipt-path" data-testid="receipt-pdf-path">{path}</span>
        </p>
      )}
      {state === 'failed' && error && to && (
        <ErrorNotice error={error} onRetry={() => void print(source, to)} retryLabel={t(LABELS[to].idle)} />
      )}
    </div>
  );
}
