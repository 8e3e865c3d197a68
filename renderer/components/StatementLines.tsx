/**
 * A mini statement's lines, on screen (the result) and the helpers the receipt shares: the
 * date in the app's one day format, money in or out with a sign AND words (and, on screen, an
 * arrow and a colour), the exact amount in Indian grouping, the bank's narration.
 * The lines are the customer's private data: shown from memory, never stored.
 */
import { useTranslation } from 'react-i18next';
import type { StatementLine } from '../../app/contract';
import { formatRupees } from '../../app/domain/money';
import { formatDay } from '../i18n/format';
import { IconMoneyIn, IconMoneyOut } from './Icons';

/** The statement's "YYYY-MM-DD" as "29 Nov 2026" / "29 नव॰ 2026" (a calendar day: read at local noon, never shifted by a time zone). */
export function statementDate(date: string, lang: string): string {
  return formatDay(`${date}T12:00:00`, lang) || date;
}

/** "+ ₹1,000.00" for money in, "− ₹250.50" for money out (a real minus sign). */
export function signedAmount(line: Pick<StatementLine, 'direction' | 'amount'>): string {
  return `${line.direction === 'credit' ? '+' : '\u2212'} ${formatRupees(line.amount)}`;
}

/** The statement's lines, newest first, as a table (or "No transactions in this statement"). */
export function StatementTable({ lines }: { lines: StatementLine[] }) {
  const { t, i18n } = useTranslation();
  if (lines.length === 0) {
    return (
      <p className="statement-empty" data-testid="statement-empty">
        {t('statement.empty')}
      </p>
    );
  }
  return (
    <div className="statement-wrap">
      <table className="statement-table" data-testid="statement-lines">
        <caption className="statement-caption">{t('statement.caption', { count: lines.length })}</caption>
        <thead>
          <tr>
            <th scope="col">{t('statement.date')}</th>
            <th scope="col">{t('statement.direction')}</th>
            <th scope="col" className="statement-amount-head">
              {t('statement.amount')}
            </th>
            <th scope="col">{t('statement.narration')}</th>
          </tr>
        </thead>
        <tbody>
          {lines.map((line, i) => (
            <tr key={i} className={`statement-line is-${line.direction}`} data-testid="statement-line" data-direction={line.direction} data-date={line.date}>
              <td className="statement-date nowrap" data-testid="line-date">
                {statementDate(line.date, i18n.language)}
              </td>
              <td className="statement-direction" data-testid="line-direction">
                <span className="statement-badge">
                  {line.direction === 'credit' ? <IconMoneyIn size={20} /> : <IconMoneyOut size={20} />}
                  {t(line.direction === 'credit' ? 'statement.in' : 'statement.out')}
                </span>
              </td>
              <td className="statement-amount nowrap" data-testid="line-amount">
                {signedAmount(line)}
              </td>
              <td className="statement-narration" data-testid="line-narration">
                {line.narration || t('result.none')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
