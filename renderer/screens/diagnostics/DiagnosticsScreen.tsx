import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import { KioskError, type Diagnostics } from '../../../app/contract';
import { formatRupees } from '../../../app/domain/money';
import { ErrorNotice } from '../../components/ErrorNotice';
import { IconBank, IconCheck, IconClock, IconCross, IconDownload, IconFingerprint, IconList, IconMonitor, IconRefresh, IconWarning } from '../../components/Icons';
import { Scanner } from '../../components/Illustrations';
import { Skeleton } from '../../components/Skeleton';
import { isLoading, useKiosk } from '../../store';

/** Over this the PC clock is too far off for Eko (its timestamp window is ±30 s). */
export const SKEW_WARN_MS = 30_000;

export function formatBytes(bytes: number): string {
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

/** "+2.4" seconds, signed, one decimal. */
export function formatSkewSeconds(ms: number): string {
  const s = Math.round(ms / 100) / 10;
  return `${s > 0 ? '+' : ''}${s.toFixed(1)}`;
}

/** label, value, test id, and whether the fact takes the whole width (long values). */
type Fact = [string, ReactNode, string?, 'wide'?];

function Facts({ rows, testId }: { rows: Fact[]; testId?: string }) {
  return (
    <dl className="facts diag-facts" data-testid={testId}>
      {rows.map(([k, v, id, wide]) => (
        <div key={k} className={wide ? 'fact diag-wide' : 'fact'}>
          <dt>{k}</dt>
          <dd data-testid={id}>{v}</dd>
        </div>
      ))}
    </dl>
  );
}

function Panel({ id, title, icon, children }: { id: string; title: string; icon: ReactNode; children: ReactNode }) {
  return (
    <section className="card panel diag-panel" aria-labelledby={`diag-${id}`} data-testid={`diag-${id}`}>
      <header className="panel-head">
        {icon}
        <h2 id={`diag-${id}`}>{title}</h2>
      </header>
      {children}
    </section>
  );
}

function ScannerPanel({ device }: { device: Diagnostics['device'] }) {
  const { t } = useTranslation();
  const none = t('diagnostics.none');
  const info = device.deviceInfo;
  return (
    <Panel id="scanner" title={t('diagnostics.scanner.title')} icon={<IconFingerprint className="panel-icon" />}>
      <div className="scanner-state-row">
        <p className={`device-state-line device-${device.state}`} data-testid="diag-scanner-state">
          <span className="device-dot" aria-hidden="true" /> {t(`device.state.${device.state}`)}
        </p>
        <Scanner missing={device.state === 'none'} />
      </div>
      <h3 className="diag-sub">{t('diagnostics.scanner.services')}</h3>
      {device.devices.length === 0 ? (
        <p className="muted">{t('diagnostics.scanner.noServices')}</p>
      ) : (
        <table className="diag-table" data-testid="diag-services">
          <thead>
            <tr>
              <th scope="col">{t('diagnostics.scanner.port')}</th>
              <th scope="col">{t('diagnostics.scanner.protocol')}</th>
              <th scope="col">{t('diagnostics.scanner.status')}</th>
              <th scope="col">{t('diagnostics.scanner.info')}</th>
            </tr>
          </thead>
          <tbody>
            {device.devices.map((d) => {
              const inUse = device.selected?.port === d.port && device.selected.protocol === d.protocol;
              return (
                <tr key={`${d.protocol}:${d.port}`}>
                  <td className="mono">{d.port}</td>
                  <td>{d.protocol.toUpperCase()}</td>
                  <td className={`diag-rd diag-rd-${d.status}`}>{t(`diagnostics.scanner.rdStatus.${d.status}`)}</td>
                  <td>
                    {d.info || none}
                    {inUse && <span className="tag diag-tag">{t('diagnostics.scanner.inUse')}</span>}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      <h3 className="diag-sub">{t('diagnostics.scanner.device')}</h3>
      <div data-testid="diag-device">
        <Facts
          rows={[
            [t('diagnostics.scanner.make'), info?.vendor || none],
            [t('diagnostics.scanner.model'), info?.model || none],
          ]}
        />
        <SupportFold>
          <Facts
            rows={[
              [t('device.rdsVersion'), info ? `${info.rdsId} ${info.rdsVersion}`.trim() : none, undefined, 'wide'],
              [t('device.serial'), info?.serial ?? none],
              [t('device.level'), info?.level ?? none],
            ]}
          />
        </SupportFold>
      </div>
    </Panel>
  );
}

/** Technical details for support (versions, serials, addresses), folded away from the agent's view. */
function SupportFold({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <details className="support-fold">
      <summary className="button button-ghost">{t('diagnostics.supportDetails')}</summary>
      {children}
    </details>
  );
}

function EkoPanel({ eko }: { eko: Diagnostics['eko'] }) {
  const { t } = useTranslation();
  const skewWarn = eko.clockSkewMs !== null && Math.abs(eko.clockSkewMs) > SKEW_WARN_MS;
  return (
    <Panel id="eko" title={t('diagnostics.eko.title')} icon={<IconBank className="panel-icon" />}>
      <p className={`diag-status ${eko.ok ? 'diag-ok' : 'diag-bad'}`} data-testid="diag-eko-status" data-ok={eko.ok}>
        {eko.ok ? <IconCheck size={24} /> : <IconCross size={24} />}
        {eko.ok ? t('diagnostics.eko.ok') : t('diagnostics.eko.notOk')}
      </p>
      <Facts
        rows={[
          [
            t('diagnostics.eko.skew'),
            eko.clockSkewMs === null ? t('diagnostics.none') : t('diagnostics.eko.seconds', { seconds: formatSkewSeconds(eko.clockSkewMs) }),
            'diag-skew',
          ],
          [t('diagnostics.eko.wallet'), eko.walletBalance === null ? t('diagnostics.none') : formatRupees(eko.walletBalance), 'diag-wallet'],
        ]}
      />
      {skewWarn && (
        <div className="notice notice-warn" role="alert" data-testid="diag-skew-warning">
          <IconClock className="notice-icon" />
          <p className="notice-what">{t('diagnostics.eko.skewWarn')}</p>
        </div>
      )}
      {eko.error && <EkoError error={eko.error} />}
      <SupportFold>
        <Facts rows={[[t('diagnostics.eko.baseUrl'), <span className="mono diag-path">{eko.baseUrl || t('diagnostics.none')}</span>, 'diag-baseurl', 'wide']]} />
      </SupportFold>
    </Panel>
  );
}

/** Why Eko failed in the agent's language (by error code, Eko's own words aside), with the raw detail small, for support. */
function EkoError({ error }: { error: NonNullable<Diagnostics['eko']['error']> }) {
  const { t } = useTranslation();
  return (
    <div className="diag-eko-error" data-testid="diag-eko-error" data-error-code={error.code}>
      <ErrorNotice error={KioskError.fromWire(error)} showCode>
        <p className="small muted">
          {t('diagnostics.eko.detail')}: <span className="mono">{error.detail}</span>
        </p>
      </ErrorNotice>
    </div>
  );
}

function JournalPanel({ journal }: { journal: Diagnostics['journal'] }) {
  const { t } = useTranslation();
  return (
    <Panel id="journal" title={t('diagnostics.journal.title')} icon={<IconList className="panel-icon" />}>
      {journal?.setAside && (
        <div className="notice notice-warn" role="alert" data-testid="journal-set-aside">
          <IconWarning className="notice-icon" />
          <p className="notice-what">{t('diagnostics.journal.setAside', { file: journal.setAside })}</p>
        </div>
      )}
      {journal ? (
        <Facts
          rows={[
            [t('diagnostics.journal.rows'), journal.rows, 'diag-rows'],
            [t('diagnostics.journal.unknown'), <span className={journal.unknown > 0 ? 'diag-warn-text' : undefined}>{journal.unknown}</span>, 'diag-unknown'],
            [t('diagnostics.journal.size'), formatBytes(journal.fileBytes), 'diag-size'],
            [t('diagnostics.journal.schema'), journal.schemaVersion],
          ]}
        />
      ) : (
        <div className="notice notice-error" role="alert">
          <IconWarning className="notice-icon" />
          <p className="notice-what">{t('diagnostics.journal.unavailable')}</p>
        </div>
      )}
    </Panel>
  );
}

function AppPanel({ d }: { d: Diagnostics }) {
  const { t } = useTranslation();
  const notUsed = t('diagnostics.app.notUsed');
  return (
    <Panel id="app" title={t('diagnostics.app.title')} icon={<IconMonitor className="panel-icon" />}>
      <Facts
        rows={[
          [t('diagnostics.app.version'), d.version, 'diag-version'],
          [t('diagnostics.app.profile'), t(`app.profiles.${d.profile}`)],
        ]}
      />
      <SupportFold>
        <Facts
          rows={[
            [t('diagnostics.app.host'), t(`app.host.${d.host}`)],
            [t('diagnostics.app.node'), d.runtime.node],
            [t('diagnostics.app.electron'), d.runtime.electron ?? notUsed],
            [t('diagnostics.app.chrome'), d.runtime.chrome ?? notUsed],
            [t('diagnostics.app.platform'), d.runtime.platform],
            [t('diagnostics.app.dataDir'), <span className="mono diag-path">{d.dataDir}</span>, 'diag-datadir', 'wide'],
          ]}
        />
      </SupportFold>
    </Panel>
  );
}

export function DiagnosticsScreen() {
  const { t } = useTranslation();
  const diag = useKiosk(useShallow((s) => s.diagnostics.report));
  const exp = useKiosk(useShallow((s) => s.diagnostics.export));
  const load = useKiosk((s) => s.diagnostics.load);
  const exportBundle = useKiosk((s) => s.diagnostics.exportBundle);
  const d = diag.data;
  return (
    <section className="screen diag" aria-labelledby="diag-title" data-testid="diagnostics">
      <div className="diag-head">
        <div>
          <h1 id="diag-title">{t('diagnostics.title')}</h1>
          <p className="muted">{t('diagnostics.subtitle')}</p>
        </div>
        <div className="actions">
          <button type="button" className="button button-secondary" onClick={() => void load()} disabled={isLoading(diag)} aria-busy={isLoading(diag)}>
            <IconRefresh size={20} className={isLoading(diag) ? 'spin' : undefined} />
            {isLoading(diag) ? t('common.refreshing') : t('diagnostics.refresh')}
          </button>
          <button type="button" className="button button-primary" onClick={() => void exportBundle()} disabled={exp.busy} aria-busy={exp.busy}>
            <IconDownload size={20} />
            {exp.busy ? t('diagnostics.exporting') : t('diagnostics.export')}
          </button>
          <button type="button" className="button button-secondary" onClick={() => void exportBundle('logs')} disabled={exp.busy}>
            <IconDownload size={20} />
            {t('diagnostics.exportLogs')}
          </button>
        </div>
      </div>
      {exp.path && (
        <div className="notice notice-ok" role="status" data-testid="diag-exported">
          <IconCheck className="notice-icon" />
          <div className="notice-body">
            <p className="notice-what">{t('diagnostics.exported')}</p>
            <p className="mono diag-path" data-testid="diag-export-path">
              {exp.path}
            </p>
            <p className="notice-todo">{t('diagnostics.exportedTodo')}</p>
          </div>
        </div>
      )}
      {/* The retry repeats the export that failed (the logs zip or the bundle). */}
      {exp.error && <ErrorNotice error={exp.error} onRetry={() => void exportBundle(exp.kind)} />}
      {diag.error && <ErrorNotice error={diag.error} onRetry={() => void load()} />}
      {!d && !diag.error && (
        <Skeleton variant="blocks" count={4} columns={2} lines={[{ width: 50, size: 'lg' }, { width: 80 }, { width: 60 }, { width: 70 }]} className="skeleton-diag" testId="diag-skeleton" />
      )}
      {d && (
        <div className="diag-grid">
          <div className="diag-col">
            <ScannerPanel device={d.device} />
            <JournalPanel journal={d.journal} />
          </div>
          <div className="diag-col">
            <EkoPanel eko={d.eko} />
            <AppPanel d={d} />
          </div>
        </div>
      )}
    </section>
  );
}
