import { useEffect, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { formatRupees } from '../../app/domain/money';
import { ErrorNotice } from '../components/ErrorNotice';
import { IconArrowRight, IconBank, IconCheck, IconClock, IconFingerprint, IconRefresh, IconRupee, IconStatement, IconWallet, IconWarning } from '../components/Icons';
import { Scanner } from '../components/Illustrations';
import { Skeleton } from '../components/Skeleton';
import { formatTime } from '../i18n/format';
import { DeviceDetails, FindScannerButton, useIndicatorState } from '../components/Device';
import { isLoading, useKiosk } from '../store';
import { HomeLinks, UnknownResultsNotice } from './history/HomeEntry';
import { SettingsEntryButton } from './settings/SettingsGate';

function RefreshButton({ label, busy, onClick }: { label: string; busy: boolean; onClick(): void }) {
  return (
    <button type="button" className="button button-icon" aria-label={label} title={label} onClick={onClick} disabled={busy} aria-busy={busy}>
      <IconRefresh size={22} className={busy ? 'spin' : undefined} />
    </button>
  );
}

function WalletPanel() {
  const { t, i18n } = useTranslation();
  const wallet = useKiosk(useShallow((s) => s.home.wallet));
  const refresh = useKiosk((s) => s.home.refreshWallet);
  return (
    <section className="card panel" aria-labelledby="wallet-title" data-testid="wallet">
      <header className="panel-head">
        <IconWallet className="panel-icon" />
        <h2 id="wallet-title">{t('home.wallet.title')}</h2>
        <RefreshButton label={t('home.wallet.refresh')} busy={isLoading(wallet)} onClick={() => void refresh()} />
      </header>
      {wallet.data && (
        <div className="wallet-amount">
          <span className="muted small">{t('home.wallet.balance')}</span>
          <span className="amount" data-testid="wallet-balance">
            {formatRupees(wallet.data.balance)}
          </span>
          {wallet.at && (
            <span className={wallet.error ? 'wallet-stale notice-warn small' : 'muted small'} data-testid="wallet-when" data-stale={wallet.error ? 'true' : undefined}>
              {wallet.error ? t('home.wallet.stale', { time: formatTime(new Date(wallet.at), i18n.language) }) : t('home.wallet.updated', { time: formatTime(new Date(wallet.at), i18n.language) })}
            </span>
          )}
        </div>
      )}
      {!wallet.data && !wallet.error && (
        <Skeleton variant="lines" lines={[{ width: 40, size: 'sm' }, { width: 70, size: 'xl' }, { width: 60, size: 'sm' }]} testId="wallet-skeleton" />
      )}
      {wallet.error && <ErrorNotice error={wallet.error} onRetry={() => void refresh()} />}
    </section>
  );
}

function AccountsPanel() {
  const { t } = useTranslation();
  const accounts = useKiosk(useShallow((s) => s.home.accounts));
  const refresh = useKiosk((s) => s.home.refreshAccounts);
  const data = accounts.data;
  return (
    <section className="card panel" aria-labelledby="accounts-title" data-testid="accounts">
      <header className="panel-head">
        <IconBank className="panel-icon" />
        <h2 id="accounts-title">{t('home.accounts.title')}</h2>
        <RefreshButton label={t('home.accounts.refresh')} busy={isLoading(accounts)} onClick={() => void refresh()} />
      </header>
      {data && (
        <>
          <dl className="facts facts-row">
            <div className="fact">
              <dt>{t('home.accounts.unsettled')}</dt>
              <dd className="money" data-testid="unsettled">{data.unsettledFund === null ? t('home.accounts.notGiven') : formatRupees(data.unsettledFund)}</dd>
            </div>
            <div className="fact">
              <dt>{t('home.accounts.remaining')}</dt>
              <dd className="money" data-testid="remaining">{data.remainingLimit === null ? t('home.accounts.notGiven') : formatRupees(data.remainingLimit)}</dd>
            </div>
          </dl>
          {data.recipients.length === 0 ? (
            <p className="muted">{t('home.accounts.none')}</p>
          ) : (
            <ul className="recipients">
              {data.recipients.map((r) => (
                <li key={r.recipientId} className="recipient">
                  <span className="recipient-name">{r.name}</span>
                  <span className="recipient-meta">
                    {/* Each label stays with its value when the line wraps. */}
                    <span className="nowrap">
                      {t('home.accounts.account')} <span className="mono" data-testid="recipient-account">{r.accountMasked}</span>
                    </span>{' '}
                    ·{' '}
                    <span className="nowrap" data-testid="recipient-ifsc">
                      {t('home.accounts.ifsc')} <span className="mono">{r.ifsc}</span>
                    </span>
                  </span>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
      {!data && !accounts.error && (
        <Skeleton variant="blocks" count={2} lines={[{ width: 60 }, { width: 90, size: 'sm' }]} className="skeleton-accounts" testId="accounts-skeleton" />
      )}
      {accounts.error && <ErrorNotice error={accounts.error} onRetry={() => void refresh()} />}
    </section>
  );
}

/**
 * Today's daily authentication: done (at what time), or not done (or asked again by Eko) with
 * the button that does it. Never started by itself: Eko charges for it.
 */
function DailyAuthPanel() {
  const { t, i18n } = useTranslation();
  const { data, error, state: loadState } = useKiosk(useShallow((s) => s.dailyAuth.status));
  const loading = loadState === 'loading';
  const refresh = useKiosk((s) => s.dailyAuth.loadStatus);
  const open = useKiosk((s) => s.nav.openDailyAuth);
  const state = data?.state ?? 'unknown';
  return (
    <section className={`card daily-status is-${state}`} aria-labelledby="daily-title" data-testid="daily-auth-status" data-state={state}>
      {/* While still asking, no warning sign: nothing is known to be wrong. */}
      {data?.state === 'done' ? <IconCheck className="ok-icon" size={30} /> : (data || error) && <IconWarning className="warn-icon" size={30} />}
      <div className="daily-status-text">
        <h2 id="daily-title" className="small muted">
          {t('home.dailyAuth.title')}
        </h2>
        {data && (
          <p className="daily-status-line" data-testid="daily-auth-line">
            {data.state === 'done' && data.doneAt
              ? t('home.dailyAuth.done', { time: formatTime(data.doneAt, i18n.language) })
              : data.askedAgain
                ? `${t('home.dailyAuth.notDone')} · ${t('home.dailyAuth.askedAgain')}`
                : t('home.dailyAuth.notDone')}
          </p>
        )}
        {data?.state === 'notDone' && <p className="muted">{t(data.askedAgain ? 'home.dailyAuth.askedAgainWhy' : 'home.dailyAuth.why')}</p>}
        {!data && !error && <Skeleton variant="lines" lines={[{ width: 70, size: 'lg' }]} label={t('home.dailyAuth.checking')} testId="daily-auth-skeleton" />}
        {error && <ErrorNotice error={error} onRetry={() => void refresh()} />}
      </div>
      {data?.state === 'notDone' && (
        <button type="button" className="button button-primary button-big" onClick={open}>
          <IconFingerprint size={26} />
          {t('home.dailyAuth.button')}
        </button>
      )}
      <RefreshButton label={t('home.dailyAuth.refresh')} busy={loading} onClick={() => void refresh()} />
    </section>
  );
}

function ScannerPanel() {
  const { t } = useTranslation();
  const state = useIndicatorState();
  const deviceError = useKiosk((s) => s.device.error);
  const refresh = useKiosk((s) => s.device.refresh);
  return (
    <section className="card panel" aria-labelledby="scanner-title" data-testid="scanner">
      <header className="panel-head">
        <IconFingerprint className="panel-icon" />
        <h2 id="scanner-title">{t('device.details')}</h2>
      </header>
      <div className="scanner-state-row">
        <p className={`device-state-line device-${state}`}>
          <span className="device-dot" aria-hidden="true" /> {t(`device.state.${state}`)}
        </p>
        {/* No scanner found: the picture shows what to look for and plug in. */}
        {state === 'none' && <Scanner missing />}
      </div>
      <DeviceDetails />
      {deviceError && <ErrorNotice error={deviceError} onRetry={() => void refresh()} />}
      <div className="actions">
        <FindScannerButton />
      </div>
    </section>
  );
}

/** One of the home screen's two big start buttons: an operation, its icon and a line on what it does. */
function StartAction({ id, icon, title, hint, onClick, autoFocus, testId }: { id: string; icon: ReactNode; title: string; hint: string; onClick(): void; autoFocus?: boolean; testId?: string }) {
  return (
    <button type="button" className="start-enquiry" onClick={onClick} autoFocus={autoFocus} aria-labelledby={`${id}-title`} aria-describedby={`${id}-hint`} data-testid={testId}>
      {icon}
      <span className="start-text">
        <span className="start-title" id={`${id}-title`}>
          {title}
        </span>
        <span className="start-hint" id={`${id}-hint`}>
          {hint}
        </span>
      </span>
      <IconArrowRight size={32} />
    </button>
  );
}

export function HomeScreen() {
  const { t } = useTranslation();
  const appInfo = useKiosk((s) => s.session.appInfo);
  const clockWarning = useKiosk((s) => s.home.ekoStatus?.clockWarning === true);
  const wiped = useKiosk((s) => s.enquiry.wiped);
  const loadHome = useKiosk((s) => s.home.load);
  const openFlow = useKiosk((s) => s.nav.openFlow);
  const dismissWipeNotice = useKiosk((s) => s.enquiry.dismissWipeNotice);

  useEffect(() => {
    void loadHome();
  }, [loadHome]);

  if (!appInfo) return null;
  return (
    <section className="screen home" aria-labelledby="home-title">
      <div className="home-head">
        <div>
          <h1 id="home-title">{t('home.title')}</h1>
          <p className="muted" data-testid="agent">
            {t('home.agent', { userCode: appInfo.agent.userCode, mobile: appInfo.agent.mobile })}
          </p>
        </div>
        <HomeLinks />
        <SettingsEntryButton />
      </div>
      <UnknownResultsNotice />
      {clockWarning && (
        <div className="notice notice-warn" role="alert" data-testid="clock-warning">
          <IconClock className="notice-icon" />
          <div className="notice-body">
            <p className="notice-what">{t('home.clockWarning.title')}</p>
            <p className="notice-todo">{t('home.clockWarning.body')}</p>
          </div>
        </div>
      )}
      {wiped === 'idle' && (
        <div className="notice notice-info" role="status" data-testid="wiped">
          <div className="notice-body">
            <p className="notice-what">{t('home.wiped')}</p>
          </div>
          <button type="button" className="button button-ghost-dark" onClick={dismissWipeNotice}>
            {t('common.close')}
          </button>
        </div>
      )}
      <DailyAuthPanel />
      {/* The two customer operations, equally prominent: the same steps, another result. */}
      <div className="start-actions">
        <StartAction id="start" icon={<IconRupee size={44} className="start-icon" />} title={t('home.startEnquiry')} hint={t('home.startHint')} onClick={() => openFlow('balance')} autoFocus />
        <StartAction
          id="statement"
          icon={<IconStatement size={44} className="start-icon" />}
          title={t('home.startStatement')}
          hint={t('home.statementHint')}
          onClick={() => openFlow('miniStatement')}
          testId="start-statement"
        />
      </div>
      <div className="home-grid">
        <WalletPanel />
        <AccountsPanel />
        <ScannerPanel />
      </div>
    </section>
  );
}
