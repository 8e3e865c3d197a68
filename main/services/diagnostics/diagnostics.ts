/**
 * The diagnostics screen's data and the support bundle: scanner inventory,
 * Eko reachability and clock skew, journal health, versions, data dir.
 * The bundle is redacted as it is written (and the logs were redacted already).
 */
import fs from 'node:fs';
import path from 'node:path';
import type { Diagnostics, DeviceState } from '../../../app/contract';
import { LOG_FILE_NAME, type Logger } from '../log/logger';
import { redactValue } from '../log/redact';
import { exportLogs, redactLogText } from '../log/export';
import type { JournalHealth } from '../journal/journal';
import { EXPORTS_DIR_NAME } from '../journal/file-retention';
import { connectionError } from '../eko/doctor';
import { OWNER_DIR, OWNER_FILE } from '../owner-only';

type EkoCheck = () => Promise<Diagnostics['eko']>;

interface DiagnosticsDeps {
  version: string;
  profile: Diagnostics['profile'];
  dataDir: string;
  host: Diagnostics['host'];
  deviceStatus: () => Promise<DeviceState>;
  ekoCheck: EkoCheck;
  journalHealth: () => JournalHealth | null;
  config: () => Record<string, unknown>;
  /** Values to redact wherever they appear in exported logs (the Eko keys). */
  secrets: () => readonly string[];
  logger: Logger;
  now?: () => Date;
}

export interface DiagnosticsFacade {
  get(): Promise<Diagnostics>;
  /** Writes the redacted bundle into <dataDir>/exports and returns its path. */
  exportBundle(): Promise<{ path: string }>;
  /** Zips the redacted log files into <dataDir>/exports. */
  exportLogs(): Promise<{ path: string; files: number; lines: number }>;
}

const NO_DEVICE: DeviceState = { state: 'none', selected: null, devices: [], deviceInfo: null, scannedAt: null, scanMs: null };

export function createDiagnostics(deps: DiagnosticsDeps): DiagnosticsFacade {
  const now = deps.now ?? (() => new Date());
  async function get(): Promise<Diagnostics> {
    const [device, eko] = await Promise.all([
      deps.deviceStatus().catch(() => NO_DEVICE),
      deps.ekoCheck().catch((err: unknown) => ({ ok: false, baseUrl: '', clockSkewMs: null, walletBalance: null, error: connectionError(err, deps.secrets()) })),
    ]);
    let journal: Diagnostics['journal'] = null;
    try {
      const h = deps.journalHealth();
      journal = h ? { rows: h.rows, unknown: h.unknown, fileBytes: h.fileBytes, schemaVersion: h.schemaVersion, setAside: h.setAside ? path.basename(h.setAside) : null } : null;
    } catch {
      journal = null;
    }
    const versions = process.versions as NodeJS.ProcessVersions & { electron?: string; chrome?: string };
    return {
      version: deps.version,
      profile: deps.profile,
      dataDir: deps.dataDir,
      host: deps.host,
      runtime: { node: versions.node, electron: versions.electron ?? null, chrome: versions.chrome ?? null, platform: `${process.platform}-${process.arch}` },
      device,
      eko,
      journal,
    };
  }

  async function exportBundle(): Promise<{ path: string }> {
    const diagnostics = await get();
    const logsDir = path.join(deps.dataDir, 'logs');
    const logs: Record<string, string[]> = {};
    for (const name of fs.existsSync(logsDir) ? fs.readdirSync(logsDir) : []) {
      if (!name.startsWith(LOG_FILE_NAME)) continue;
      // Redact again, with the configured keys too: a support bundle leaves the PC.
      const { text } = redactLogText(fs.readFileSync(path.join(logsDir, name), 'utf8'), deps.secrets());
      logs[name] = text.split('\n').filter(Boolean).slice(-5000);
    }
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const dir = path.join(deps.dataDir, EXPORTS_DIR_NAME);
    fs.mkdirSync(dir, { recursive: true, mode: OWNER_DIR });
    const file = path.join(dir, `diagnostics-${stamp}.json`);
    const bundle = { createdAt: now().toISOString(), diagnostics, config: deps.config(), logs };
    fs.writeFileSync(file, JSON.stringify(redactValue(bundle, deps.secrets()), null, 2), { mode: OWNER_FILE });
    deps.logger.info('diagnostics exported', { file });
    return { path: file };
  }

  async function exportLogsZip(): Promise<{ path: string; files: number; lines: number }> {
    const stamp = now().toISOString().replace(/[:.]/g, '-');
    const result = await exportLogs({
      logDir: path.join(deps.dataDir, 'logs'),
      destination: path.join(deps.dataDir, EXPORTS_DIR_NAME, `logs-${stamp}.zip`),
      secrets: deps.secrets(),
    });
    deps.logger.info('logs exported', { file: result.path, files: result.files.length });
    return { path: result.path, files: result.files.length, lines: result.lines };
  }

  return { get, exportBundle, exportLogs: exportLogsZip };
}
