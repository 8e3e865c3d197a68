/**
 * The doctor: checks what the kiosk depends on and reports in words or JSON.
 * Each dependency is one member of the report, filled by its own check (rd now;
 * eko, journal later): add `member: await checkMember(config, hooks)` in runDoctor
 * and its lines in printDoctor.
 */
import type { RdService } from '../../../app/contract';
import type { KioskConfig } from '../config/config';
import { silentLogger, type Logger } from '../log/logger';
import { startRd } from '../rd/start';
import { NO_DEMO_PEERS, type DemoPeers } from '../demo-peers';
import { Stops } from '../stops';
import { appVersion } from '../../host/boot';
import fs from 'node:fs';
import { formatRupees } from '../../../app/domain/money';
import path from 'node:path';
import type { ConnectionTest } from '../../../app/contract';
import { checkEkoConnection } from '../eko';
import { startEko } from '../eko/start';
import { inspectJournal, JOURNAL_FILE_NAME, JOURNAL_SCHEMA_VERSION, type JournalInspection } from '../journal/journal';

interface RdDoctorReport {
  devices: RdService[];
  selected: { port: number; protocol: 'http' | 'https' } | null;
  /** Time of the full scan, ms. */
  ms: number;
}

export interface DoctorReport {
  version: string;
  profile: KioskConfig['profile'];
  dataDir: string;
  /** Things said along the way (e.g. that the built-in simulator was started). */
  notes: string[];
  rd: RdDoctorReport;
  /** The same connection check as Diagnostics and "Test connection". */
  eko: ConnectionTest;
  /** null when the app has made no journal in this data dir yet. */
  journal: {
    rows: number;
    unknown: number;
    fileBytes: number;
    schemaVersion: number;
    /** needsMigration: the app updates the file at its next start. newerApp: a newer app wrote it; this one refuses it. */
    state: JournalInspection['state'];
  } | null;
}

interface DoctorHooks {
  /** Progress in words, as it happens (each scanner the moment it answers). */
  onLine?: (line: string) => void;
  logger?: Logger;
  /** Per-probe deadline of the scan, ms (the app's default when omitted). */
  probeTimeoutMs?: number;
  /** The demo profile's simulated scanner and Eko sandbox (the doctor's CLI hands in the host layer's). */
  peers?: DemoPeers;
}

function describeService(s: RdService): string {
  const info = s.deviceInfoPath ? `device info ${s.deviceInfoPath}` : 'no device-info interface';
  return `${s.status} "${s.info || 'unnamed RD service'}" on ${s.protocol} port ${s.port} (capture ${s.capturePath}, ${info})`;
}

/** Scans for RD services the way the app does (starting the demo simulator when the app would). */
async function checkRd(config: KioskConfig, hooks: DoctorHooks = {}, notes: string[] = []): Promise<RdDoctorReport> {
  const say = (line: string) => hooks.onLine?.(line);
  const stops = new Stops();
  try {
    const { rd, simulated } = await startRd(config, hooks.logger ?? silentLogger, stops, { peers: hooks.peers ?? NO_DEMO_PEERS, probeTimeoutMs: hooks.probeTimeoutMs });
    const ports = simulated ?? config.rd.ports;
    if (simulated) {
      const note = `No scanner ports are configured (profile ${config.profile}): started the built-in RD-service simulator on port ${ports.join(', ')}, as the app does.`;
      notes.push(note);
      say(note);
    }
    say(`Scanner: looking on ${config.rd.host} ${describePorts(ports)} over http and https…`);
    const inventory = await rd.inventory((s) => say(`  found ${describeService(s)}`));
    if (inventory.selected) {
      const state = await rd.status();
      const d = state.deviceInfo;
      if (d) say(`  device: ${d.vendor} ${d.model}, RD service ${d.rdsId} ${d.rdsVersion}, serial ${d.serial ?? 'unknown'}, level ${d.level ?? 'not stated'}`);
    }
    return {
      devices: inventory.devices,
      selected: inventory.selected ? { port: inventory.selected.port, protocol: inventory.selected.protocol } : null,
      ms: inventory.ms,
    };
  } finally {
    await stops.stopAll();
  }
}

function describePorts(ports: readonly number[]): string {
  if (ports.length === 1) return `port ${ports[0]}`;
  const sorted = [...ports].sort((a, b) => a - b);
  const contiguous = sorted.every((p, i) => i === 0 || p === sorted[i - 1]! + 1);
  return contiguous ? `ports ${sorted[0]}–${sorted[sorted.length - 1]}` : `ports ${sorted.join(', ')}`;
}

/** Eko: reachability, signature accepted, clock skew, wallet balance (the sandbox in the demo profile, as the app does). */
async function checkEko(config: KioskConfig, hooks: DoctorHooks = {}, notes: string[] = []): Promise<ConnectionTest> {
  const say = (line: string) => hooks.onLine?.(line);
  const stops = new Stops();
  try {
    if (config.eko.baseUrl === null) {
      const note = `No Eko server is configured (profile ${config.profile}): started the built-in Eko sandbox, as the app does.`;
      notes.push(note);
      say(note);
    }
    const { eko: client } = await startEko(config, hooks.logger ?? silentLogger, stops, { peers: hooks.peers ?? NO_DEMO_PEERS });
    say(`Eko: calling ${client.status().baseUrl}…`);
    return await checkEkoConnection(client, [config.eko.accessKey, config.eko.developerKey]);
  } finally {
    await stops.stopAll();
  }
}

/**
 * The journal's health, when the app has made one in this data dir. Read-only: the doctor may run
 * beside the app, and must neither migrate the file nor delete old rows (that is the app's start-up).
 */
export function checkJournal(config: KioskConfig): DoctorReport['journal'] {
  const file = path.join(config.dataDir, JOURNAL_FILE_NAME);
  if (!fs.existsSync(file)) return null;
  const { rows, unknown, fileBytes, schemaVersion, state } = inspectJournal(file);
  return { rows, unknown, fileBytes, schemaVersion, state };
}

export async function runDoctor(config: KioskConfig, hooks: DoctorHooks = {}): Promise<DoctorReport> {
  const notes: string[] = [];
  const [rd, eko] = await Promise.all([checkRd(config, hooks, notes), checkEko(config, hooks, notes)]);
  let journal: DoctorReport['journal'] = null;
  try {
    journal = checkJournal(config);
  } catch (err) {
    notes.push(`The journal could not be opened: ${(err as Error).message}`);
  }
  return { version: appVersion(), profile: config.profile, dataDir: config.dataDir, notes, rd, eko, journal };
}

/** The lines printed before the checks run. */
export function printDoctorHeader(config: KioskConfig, settings: Record<string, unknown>, print: (line: string) => void): void {
  print(`AePS Counter ${appVersion()} — profile ${config.profile}`);
  print(`Data folder: ${config.dataDir}`);
  print(`Settings: ${JSON.stringify(settings)}`);
}

/** The verdict, after the checks (their progress lines came through DoctorHooks.onLine). */
export function printDoctor(report: DoctorReport, print: (line: string) => void): void {
  const { rd } = report;
  const ready = rd.devices.filter((d) => d.status === 'READY').length;
  print(`Scanner scan: ${rd.devices.length} RD service(s) found, ${ready} ready, in ${rd.ms} ms.`);
  const chosen = rd.selected ? rd.devices.find((d) => d.port === rd.selected!.port && d.protocol === rd.selected!.protocol) : undefined;
  if (chosen) {
    print(`Scanner: ready — using "${chosen.info || 'unnamed RD service'}" on ${chosen.protocol} port ${chosen.port}.`);
  } else if (rd.devices.some((d) => d.status === 'USED')) {
    print('Scanner: none ready — the scanner is held by another application; close it and try again.');
  } else if (rd.devices.length > 0) {
    print("Scanner: none ready — the RD service runs but reports NOTREADY: check the scanner's cable and the vendor's RD service registration.");
  } else {
    print("Scanner: none found — no RD service answered; install or start the scanner vendor's RD service.");
  }
  const { eko } = report;
  if (eko.ok) {
    const skew = eko.clockSkewMs === null ? 'unknown' : `${Math.round(eko.clockSkewMs / 1000)} s`;
    print(`Eko: reachable at ${eko.baseUrl}, signature accepted, clock skew ${skew}, wallet balance ${eko.walletBalance === null ? 'unknown' : formatRupees(eko.walletBalance)}.`);
    if (eko.clockSkewMs !== null && Math.abs(eko.clockSkewMs) > 30_000) print("Eko: this PC's clock is more than 30 s off — set the date and time to automatic.");
  } else {
    print(`Eko: NOT OK at ${eko.baseUrl} — ${eko.error ? `${eko.error.code}: ${eko.error.detail}` : 'unknown error'}.`);
  }
  const { journal } = report;
  if (journal) {
    print(`Journal: ${journal.rows} enquiries, ${journal.unknown} with an unknown result to follow up, ${(journal.fileBytes / 1024).toFixed(0)} KB.`);
    if (journal.state === 'needsMigration') {
      print(`Journal: format ${journal.schemaVersion} is older than this app's ${JOURNAL_SCHEMA_VERSION}: the app updates it at its next start (the doctor changed nothing).`);
    } else if (journal.state === 'newerApp') {
      print(`Journal: written by a newer version of the app (format ${journal.schemaVersion}; this version knows up to ${JOURNAL_SCHEMA_VERSION}): update the app, or it will not start.`);
    }
  } else {
    print('Journal: none yet in this data folder.');
  }
}
