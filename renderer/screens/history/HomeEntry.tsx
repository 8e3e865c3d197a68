import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { IconHistory, IconPulse, IconQuestion } from '../../components/Icons';
import { useKiosk } from '../../store';

/** The home screen's doors to History and Diagnostics. */
export function HomeLinks() {
  const { t } = useTranslation();
  const openHistory = useKiosk((s) => s.nav.openHistory);
  const openDiagnostics = useKiosk((s) => s.nav.openDiagnostics);
  return (
    <nav className="home-links" aria-label={`${t('history.open')} · ${t('diagnostics.open')}`}>
      <button type="button" className="button button-secondary" onClick={() => openHistory()}>
        <IconHistory size={22} />
        {t('history.open')}
      </button>
      <button type="button" className="button button-secondary" onClick={openDiagnostics}>
        <IconPulse size={22} />
        {t('diagnostics.open')}
      </button>
    </nav>
  );
}

/** After a crash or a lost connection: "N enquiries have an unknown result — check them in History". */
export function UnknownResultsNotice() {
  const { t } = useTranslation();
  const count = useKiosk((s) => s.history.unknownCount);
  const countUnknown = useKiosk((s) => s.history.countUnknown);
  const openHistory = useKiosk((s) => s.nav.openHistory);
  const kind = useKiosk((s) => s.history.unknownKind);
  useEffect(() => {
    void countUnknown();
  }, [countUnknown]);
  if (count === 0) return null;
  return (
    <div className="notice notice-warn history-notice" role="status" data-testid="unknown-results">
      <IconQuestion className="notice-icon" />
      <div className="notice-body">
        <p className="notice-what">{t('history.unknownNotice', { count })}</p>
      </div>
      <button type="button" className="button button-ghost-dark" onClick={() => openHistory({ date: '', outcome: 'unknown', kind })}>
        {t('history.unknownNoticeOpen')}
      </button>
    </div>
  );
}
