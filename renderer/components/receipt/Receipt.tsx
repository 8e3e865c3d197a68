import { Fragment } from 'react';
import { shownBankName } from '../../banks';
import { useTranslation } from 'react-i18next';
import { isAgentRefusal, type AppInfo, type PaperWidth } from '../../../app/contract';
import { formatRupees } from '../../../app/domain/money';
import { errorText } from '../../i18n';
import { type ReceiptData } from './receipt-data';
import { formatDateTime } from '../../i18n/format';
import { signedAmount, statementDate } from '../StatementLines';

/** A mini statement's lines on paper (no colour: the sign and the words say in or out), or why there are none. */
function ReceiptStatement({ data }: { data: ReceiptData }) {
  const { t, i18n } = useTranslation();
  if (data.kind !== 'miniStatement' || data.status !== 'success') return null;
  return (
    <>
      <hr className="receipt-rule" />
      <p className="receipt-tx-title">{t('receipt.transactions')}</p>
      {data.lines === null ? (
        // A reprint from history: the lines were never kept.
        <p className="receipt-tx-none" data-testid="rc-lines-not-kept">
          {data.lineCount !== null ? `${t('statement.lineCount', { count: data.lineCount })}. ` : ''}
          {t('statement.notKept')}
        </p>
      ) : data.lines.length === 0 ? (
        <p className="receipt-tx-none" data-testid="rc-lines-empty">
          {t('statement.empty')}
        </p>
      ) : (
        <ol className="receipt-tx-list" data-testid="rc-lines">
          {data.lines.map((line, i) => (
            <li key={i} className="receipt-tx" data-testid="rc-line" data-direction={line.direction}>
              <div className="receipt-tx-head">
                <span>{statementDate(line.date, i18n.language)}</span>
                <span className="receipt-tx-amount">{signedAmount(line)}</span>
              </div>
              <div className="receipt-tx-detail">
                <span className="receipt-tx-dir">{t(line.direction === 'credit' ? 'statement.inShort' : 'statement.outShort')}</span>
                {line.narration ? ` · ${line.narration}` : ''}
              </div>
            </li>
          ))}
        </ol>
      )}
    </>
  );
}

/** "Failed: <why>" for a refusal or an enquiry that was never sent; the other statuses in words. */
function useStatusText(data: ReceiptData): string {
  const { t } = useTranslation();
  if (data.status === 'success') return t('receipt.status.success');
  if (data.status === 'unknown') return t('receipt.status.unknown');
  // The receipt is the customer's: the agent's own problems are named as the agent's, not "your".
  const why =
    data.status === 'refused' && isAgentRefusal(data.reason)
      ? t(`receipt.agentReason.${data.reason}`)
      : data.status === 'refused'
      ? t(`refusal.${data.reason ?? 'other'}.what`, { defaultValue: t('refusal.other.what') })
      : errorText({ messageKey: `errors.${data.reason ?? 'generic'}` }).what;
  return t('receipt.status.failed', { reason: why });
}

/**
 * The customer's receipt, in the agent's language, for 58 or 80 mm thermal paper:
 * black on white, no backgrounds, every line readable on a narrow roll.
 */
export function Receipt({
  data,
  paperMm,
  agent,
  training = false,
}: {
  data: ReceiptData;
  paperMm: PaperWidth;
  agent: AppInfo['agent'];
  training?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const status = useStatusText(data);
  const groups: [string, string, string | null][][] = [
    [
      ['agent', t('receipt.agent'), agent.userCode],
      ['agentMobile', t('receipt.agentMobile'), agent.mobile],
      ['time', t('receipt.time'), formatDateTime(data.at, i18n.language)],
    ],
    [
      ['bank', t('receipt.bank'), shownBankName(data, i18n.language)],
      ['aadhaar', t('receipt.aadhaar'), data.maskedAadhaar],
      ['mobile', t('receipt.mobile'), data.maskedMobile],
    ],
    [
      ['status', t('receipt.statusLabel'), status],
      // A success without a balance says so: never a figure the bank did not give.
      ...(data.status === 'success'
        ? [['balance', t('receipt.balance'), data.balance ? formatRupees(data.balance) : t('receipt.balanceMissing')] as [string, string, string]]
        : []),
    ],
    [
      ['tid', t('receipt.tid'), data.tid],
      ['rrn', t('receipt.rrn'), data.bankRef],
      // A mini statement carries no UIDAI reference.
      ...(data.kind === 'miniStatement' ? [] : [['uidai', t('receipt.uidai'), data.uidaiRef] as [string, string, string | null]]),
      ['ref', t('receipt.ref'), data.clientRefId],
    ],
  ];
  return (
    <article
      className={`receipt receipt-${paperMm}`}
      data-testid="receipt"
      data-paper={paperMm}
      data-status={data.status}
      data-kind={data.kind}
      lang={i18n.language}
      aria-label={t(data.kind === 'miniStatement' ? 'receipt.statementTitle' : 'receipt.title')}
    >
      {/* The shop's own name and address (operator settings) head the receipt; the app's name otherwise. */}
      <p className="receipt-shop" data-testid="rc-shop">{agent.shopName || t('app.name')}</p>
      {agent.shopAddress && <p className="receipt-address" data-testid="rc-shop-address">{agent.shopAddress}</p>}
      <p className="receipt-title">{t(data.kind === 'miniStatement' ? 'receipt.statementTitle' : 'receipt.title')}</p>
      {training && <p className="receipt-training">{t('receipt.training')}</p>}
      {groups.map((rows, i) => (
        <Fragment key={i}>
          <hr className="receipt-rule" />
          <dl className="receipt-lines">
            {rows.map(([id, label, value]) => (
              <div key={id} className={`receipt-line receipt-line-${id}`}>
                <dt>{label}</dt>
                <dd data-testid={`rc-${id}`}>{value || t('result.none')}</dd>
              </div>
            ))}
          </dl>
          {/* A statement's lines follow its status and balance. */}
          {i === 2 && <ReceiptStatement data={data} />}
        </Fragment>
      ))}
      <hr className="receipt-rule" />
      {data.status === 'unknown' && <p className="receipt-note">{t('receipt.unknownNote')}</p>}
      <p className="receipt-foot">{t('receipt.thanks')}</p>
    </article>
  );
}
