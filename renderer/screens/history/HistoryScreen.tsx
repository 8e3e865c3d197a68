import { useState } from 'react';
import { shownBankName } from '../../banks';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { JOURNAL_OUTCOMES, OPERATION_KINDS, type HistoryRow } from '../../../app/contract';
import { formatRupees } from '../../../app/domain/money';
import { ErrorNotice } from '../../components/ErrorNotice';
import { IconArrowLeft, IconArrowRight, IconCheck, IconCross, IconQuestion, IconRefresh, IconSearch, IconWarning } from '../../components/Icons';
import { NumericKeypad } from '../../components/NumericKeypad';
import { PrintReceiptButton } from '../../components/receipt/ReceiptPrint';
import { Skeleton } from '../../components/Skeleton';
import { errorText } from '../../i18n';
import { isLoading, useKiosk } from '../../store';
import { localDate, shiftDate, type KindFilter, type OutcomeFilter } from '../../store';
import { formatDay, formatTime } from '../../i18n/format';

const FILTERS: OutcomeFilter[] = ['all', ...JOURNAL_OUTCOMES];
const KINDS: KindFilter[] = ['all', ...OPERATION_KINDS];

export function OutcomeIcon({ outcome, size = 26 }: { outcome: HistoryRow['outcome']; size?: number }) {
  const Icon = { success: IconCheck, refused: IconCross, unknown: IconQuestion, notSent: IconWarning }[outcome];
  return <Icon size={size} className="history-icon" />;
}

/** Why a row ended as it did, in words: a refusal, an unknown state, or why it was never sent. */
export function useReasonText(row: HistoryRow): string | null {
  const { t } = useTranslation();
  if (row.kind === 'dailyAuth' && row.outcome === 'refused') {
    return t(`dailyAuth.refusal.${row.reason ?? 'other'}.what`, { defaultValue: t('dailyAuth.refusal.other.what') });
  }
  if (row.outcome === 'refused') return t(`refusal.${row.reason ?? 'other'}.what`, { defaultValue: t('refusal.other.what') });
  if (row.outcome === 'unknown') {
    if (row.reason === 'inFlight') return t('history.inFlight');
    return t(`unknownReason.${row.reason ?? 'interrupted'}`, { defaultValue: t('result.unknownBody') });
  }
  if (row.outcome === 'notSent') return errorText({ messageKey: `errors.${row.errorCode ?? 'generic'}` }).what;
  return null;
}

function DateFilter() {
  const { t, i18n } = useTranslation();
  const date = useKiosk((s) => s.history.filters.date);
  const setFilters = useKiosk((s) => s.history.setFilters);
  const today = localDate();
  return (
    <div className="field history-date">
      <label htmlFor="history-date" className="field-label">
        {t('history.date')}
      </label>
      <div className="history-date-row">
        <button type="button" className="button button-icon" aria-label={t('history.prevDay')} title={t('history.prevDay')} onClick={() => setFilters({ date: shiftDate(date, -1) })}>
          <IconArrowLeft />
        </button>
        {/* The browser's date field writes the date in the browser's own order (12/02/2026 in en-US):
            the picker stays, its text is hidden, and the day shows in the app's one Indian format. */}
        <span className="history-date-wrap">
          <input
            id="history-date"
            type="date"
            className="input history-date-input"
            value={date}
            max={today}
            lang={i18n.language}
            onChange={(e) => setFilters({ date: e.target.value })}
            onClick={(e) => {
              try {
                e.currentTarget.showPicker();
              } catch {
                // Not allowed here (no user gesture): the field still takes the date.
              }
            }}
          />
          <span className="history-date-text" aria-hidden="true" data-testid="history-date-text">
            {date ? formatDay(`${date}T12:00:00`, i18n.language) : t('history.allDates')}
          </span>
        </span>
        <button
          type="button"
          className="button button-icon"
          aria-label={t('history.nextDay')}
          title={t('history.nextDay')}
          disabled={date === '' || date >= today}
          onClick={() => setFilters({ date: shiftDate(date, 1) })}
        >
          <IconArrowRight />
        </button>
        <button type="button" className="button button-secondary" aria-pressed={date === today} onClick={() => setFilters({ date: today })}>
          {t('history.today')}
        </button>
        <button type="button" className="button button-secondary" aria-pressed={date === ''} onClick={() => setFilters({ date: '' })}>
          {t('history.allDates')}
        </button>
      </div>
    </div>
  );
}

function SearchFilter() {
  const { t } = useTranslation();
  const last4 = useKiosk((s) => s.history.filters.last4);
  const setFilters = useKiosk((s) => s.history.setFilters);
  const [keypad, setKeypad] = useState(false);
  const incomplete = last4.length > 0 && last4.length < 4;
  return (
    <div
      className="field history-search"
      onKeyDown={(e) => {
        if (e.key === 'Escape') setKeypad(false);
      }}
    >
      <label htmlFor="history-last4" className="field-label">
        {t('history.search')}
      </label>
      <div className="history-search-row">
        <div className="search-wrap history-search-wrap">
          <IconSearch className="search-icon" />
          <input
            id="history-last4"
            className="input input-search history-last4"
            inputMode="numeric"
            autoComplete="off"
            maxLength={4}
            value={last4}
            aria-describedby="history-last4-hint"
            aria-invalid={incomplete}
            onChange={(e) => setFilters({ last4: e.target.value })}
          />
        </div>
        <button type="button" className="button button-secondary" aria-expanded={keypad} aria-controls="history-keypad" onClick={() => setKeypad((k) => !k)}>
          {t('history.keypad')}
        </button>
        {last4 && (
          <button type="button" className="button button-icon" aria-label={t('history.clearSearch')} title={t('history.clearSearch')} onClick={() => setFilters({ last4: '' })}>
            <IconCross size={22} />
          </button>
        )}
        {keypad && (
          <div id="history-keypad" className="history-keypad">
            <NumericKeypad
              controls="history-last4"
              onDigit={(d) => setFilters({ last4: (last4 + d).slice(0, 4) })}
              onBackspace={() => setFilters({ last4: last4.slice(0, -1) })}
              onClear={() => setFilters({ last4: '' })}
            />
          </div>
        )}
      </div>
      <p id="history-last4-hint" className={incomplete ? 'field-hint history-hint-warn' : 'field-hint'} aria-live="polite">
        {incomplete ? t('history.searchIncomplete', { count: last4.length }) : t('history.searchHint')}
      </p>
    </div>
  );
}

/** Customer enquiries, the agent's daily authentications, or both. */
function KindFilterGroup() {
  const { t } = useTranslation();
  const kind = useKiosk((s) => s.history.filters.kind);
  const setFilters = useKiosk((s) => s.history.setFilters);
  return (
    <fieldset className="history-outcomes history-kinds" data-testid="history-kind">
      <legend className="field-label">{t('history.kindLabel')}</legend>
      <div className="history-chips">
        {KINDS.map((k) => (
          <label key={k} className={`history-chip${kind === k ? ' is-checked' : ''}`} data-kind={k}>
            <input type="radio" name="history-kind" value={k} checked={kind === k} onChange={() => setFilters({ kind: k })} />
            <span className="history-chip-label">{t(`history.kind.${k}`)}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}

/** The outcome filter, which also shows the day's totals. */
function OutcomeFilterGroup() {
  const { t, i18n } = useTranslation();
  const { outcome, date } = useKiosk(useShallow((s) => ({ outcome: s.history.filters.outcome, date: s.history.filters.date })));
  const totals = useKiosk((s) => s.history.list.data?.totals ?? null);
  const agentRefused = useKiosk((s) => s.history.list.data?.agentRefused ?? 0);
  const setFilters = useKiosk((s) => s.history.setFilters);
  const count = (f: OutcomeFilter) => (totals ? (f === 'all' ? JOURNAL_OUTCOMES.reduce((n, o) => n + (totals[o] ?? 0), 0) : (totals[f] ?? 0)) : null);
  const day = date ? formatDay(`${date}T12:00:00`, i18n.language) : '';
  return (
    <fieldset className="history-outcomes" data-testid="history-totals">
      <legend className="field-label">
        {t('history.outcomeLabel')} <span className="history-totals-caption">· {date ? t('history.totalsDay', { day }) : t('history.totalsAll')}</span>
      </legend>
      <div className="history-chips">
        {FILTERS.map((f) => {
          const n = count(f);
          return (
            <label key={f} className={`history-chip history-chip-${f}${outcome === f ? ' is-checked' : ''}`} data-outcome={f}>
              <input type="radio" name="history-outcome" value={f} checked={outcome === f} onChange={() => setFilters({ outcome: f })} />
              {f !== 'all' && <OutcomeIcon outcome={f} size={20} />}
              <span className="history-chip-label">{f === 'all' ? t('history.outcome.all') : t(`history.outcome.${f}`)}</span>
              <span className="history-chip-count" data-testid={`total-${f}`}>
                {n ?? '…'}
              </span>
            </label>
          );
        })}
      </div>
      {agentRefused > 0 && (
        <p className="muted small history-agent-refused" data-testid="agent-refused">
          {t('history.agentRefused', { count: agentRefused })}
        </p>
      )}
    </fieldset>
  );
}

function HistoryItem({ row, showDate }: { row: HistoryRow; showDate: boolean }) {
  const { t, i18n } = useTranslation();
  const check = useKiosk((s) => s.history.rowChecks[row.clientRefId]);
  const checkAgain = useKiosk((s) => s.history.checkResultAgain);
  const reason = useReasonText(row);
  const [open, setOpen] = useState(false);
  const time = formatTime(row.time, i18n.language);
  const headId = `h-${row.clientRefId}`;
  // The agent's daily authentication: the agent's own masked Aadhaar, no customer, no receipt, no "check again".
  const daily = row.kind === 'dailyAuth';
  const statement = row.kind === 'miniStatement';
  // One reference on the row (ours, the one the agent quotes); Eko's, the bank's and UIDAI's on demand.
  const moreRefs: [string, string | null, string][] = daily
    ? []
    : [
        [t('result.fields.tid'), row.tid, 'tid'],
        [t('result.fields.rrn'), row.bankRef, 'rrn'],
        [t('result.fields.uidai'), row.uidaiRef, 'uidai'],
      ];
  const detailsId = `d-${row.clientRefId}`;
  return (
    <li
      className={`history-row history-${row.outcome}${daily ? ' history-dailyAuth' : ''}`}
      data-testid="history-row"
      data-ref={row.clientRefId}
      data-outcome={row.outcome}
      data-kind={row.kind}
    >
      <p className="history-time" id={headId}>
        {showDate && <span className="history-day">{formatDay(row.time, i18n.language)}</span>}
        <time dateTime={row.time}>{time}</time>
      </p>
      <div className="history-status" aria-live="polite">
        {/* Every row says what it was: a balance enquiry, a mini statement, the agent's daily authentication. */}
        <p className="history-kind" data-testid="row-kind">
          {daily ? t('history.dailyAuthRow') : t(`history.rowKind.${row.kind}`)}
        </p>
        <p className="history-outcome" data-testid="row-outcome">
          <OutcomeIcon outcome={row.outcome} />
          <span>{t(`history.outcome.${row.outcome}`)}</span>
          {!daily && row.outcome === 'success' && (
            <span className="history-balance" data-testid="row-balance">
              {row.balance !== null ? formatRupees(row.balance) : t('history.balanceMissing')}
            </span>
          )}
          {statement && row.outcome === 'success' && typeof row.lines === 'number' && (
            <span className="history-lines" data-testid="row-lines">
              {t('statement.lineCount', { count: row.lines })}
            </span>
          )}
        </p>
        {/* The lines themselves are never kept: a settled statement cannot show them again. */}
        {statement && row.outcome === 'success' && (
          <p className="muted small history-not-kept" data-testid="row-not-kept">
            {t('statement.notKept')}
          </p>
        )}
        {reason && <p className="history-reason">{reason}</p>}
        {check?.stillUnknown && (
          <p className="history-still" role="status">
            {t('history.stillUnknown')}
          </p>
        )}
      </div>
      <dl className="history-who">
        {!daily && (
          <div>
            <dt>{t('result.fields.mobile')}</dt>
            <dd className="mono" data-testid="row-mobile">{row.maskedMobile}</dd>
          </div>
        )}
        <div>
          <dt>{daily ? t('history.agentAadhaar') : t('result.fields.aadhaar')}</dt>
          <dd className="mono" data-testid="row-aadhaar">{row.maskedAadhaar}</dd>
        </div>
        <div className="history-bank">
          <dt>{t('result.fields.bank')}</dt>
          <dd>{shownBankName(row, i18n.language)}</dd>
        </div>
      </dl>
      <div className="history-refs">
        <dl className="history-ref-main">
          <div>
            <dt>{t('result.fields.ref')}</dt>
            <dd className="mono" data-testid="row-ref">{row.clientRefId}</dd>
          </div>
        </dl>
        {moreRefs.length > 0 && (
          <button type="button" className="button button-secondary history-more" aria-expanded={open} aria-controls={detailsId} onClick={() => setOpen((o) => !o)}>
            {open ? t('history.lessDetails') : t('history.moreDetails')}
          </button>
        )}
        {open && (
          <dl className="history-ref-more" id={detailsId}>
            {moreRefs.map(([label, value, id]) => (
              <div key={id}>
                <dt>{label}</dt>
                <dd className="mono" data-testid={`row-${id}`}>{value || t('result.none')}</dd>
              </div>
            ))}
          </dl>
        )}
      </div>
      <div className="history-actions">
        {!daily && row.outcome === 'unknown' && row.reason !== 'inFlight' && (
          <button
            type="button"
            className="button button-primary"
            onClick={() => void checkAgain(row.clientRefId)}
            disabled={check?.busy}
            aria-busy={check?.busy}
            aria-describedby={headId}
          >
            <IconRefresh size={20} className={check?.busy ? 'spin' : undefined} />
            {check?.busy ? t('history.checking') : t('history.checkAgain')}
          </button>
        )}
        {!daily && <PrintReceiptButton source={row} describedBy={headId} />}
      </div>
      {check?.error && (
        <div className="history-error">
          <ErrorNotice error={check.error} onRetry={() => void checkAgain(row.clientRefId)} retryLabel={t('history.checkAgain')} />
        </div>
      )}
    </li>
  );
}

export function HistoryScreen() {
  const { t } = useTranslation();
  const history = useKiosk(useShallow((s) => s.history.list));
  const showDate = useKiosk((s) => s.history.filters.date === '');
  const load = useKiosk((s) => s.history.load);
  const rows = history.data?.rows ?? null;
  return (
    <section className="screen history" aria-labelledby="history-title" data-testid="history">
      <div className="history-head">
        <div>
          <h1 id="history-title">{t('history.title')}</h1>
          <p className="muted">{t('history.subtitle')}</p>
        </div>
        <button type="button" className="button button-secondary" onClick={() => void load()} disabled={isLoading(history)} aria-busy={isLoading(history)}>
          <IconRefresh size={20} className={isLoading(history) ? 'spin' : undefined} />
          {t('history.refresh')}
        </button>
      </div>
      <div className="card history-filters">
        <DateFilter />
        <SearchFilter />
        <KindFilterGroup />
        <OutcomeFilterGroup />
      </div>
      {history.error && <ErrorNotice error={history.error} onRetry={() => void load()} />}
      {rows === null && !history.error && (
        <Skeleton variant="blocks" count={3} lines={[{ width: 30, size: 'lg' }, { width: 70 }, { width: 50, size: 'sm' }]} className="skeleton-history" testId="history-skeleton" />
      )}
      {rows && (
        <>
          <p className="muted history-count" role="status" data-testid="history-count">
            {t('history.count', { count: rows.length })}
          </p>
          {/* The list holds the newest rows only: never let the agent think that was all. */}
          {history.data?.matching !== undefined && history.data.matching > rows.length && (
            <div className="notice notice-warn history-limited" role="status">
              <IconWarning className="notice-icon" />
              <p className="notice-what" data-testid="history-limited">
                {t('history.limited', { shown: rows.length, total: history.data.matching })}
              </p>
            </div>
          )}
          {rows.length === 0 ? (
            <p className="card history-empty">{t('history.empty')}</p>
          ) : (
            <ol className="history-list" aria-label={t('history.title')}>
              {rows.map((row) => (
                <HistoryItem key={row.clientRefId} row={row} showDate={showDate} />
              ))}
            </ol>
          )}
        </>
      )}
    </section>
  );
}
