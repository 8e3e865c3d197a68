/**
 * The services behind the contract, started once per process by whichever
 * host runs (Electron or the web host). Services know neither host; what only
 * a host can do (silent printing) comes in through StartOptions.
 *
 * In the demo profile (and whenever no peer is configured explicitly) this also
 * starts the RD-service simulator and the Eko sandbox on loopback ports.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppInfo } from '../../app/contract';
import { parseBankList } from '../../app/domain/banks';
import type { KioskConfig } from './config/config';
import { describeConfig } from './config/config';
import type { Logger } from './log/logger';
import { JOURNAL_FILE_NAME, openJournal } from './journal/journal';
import { EXPORTS_DIR_NAME, keepRetention, RECEIPTS_DIR_NAME } from './journal/file-retention';
import { createHistory, inquiryToOutcome, type HistoryFacade } from './journal/history';
import { createEnquiryService } from './enquiry/enquiry-service';
import { createDailyAuthService, type DailyAuthFacade } from './daily-auth/daily-auth-service';
import { createOperationRunner } from './operations/runner';
import { createMiniStatementService, type MiniStatementFacade } from './enquiry/mini-statement-service';
import { createDiagnostics, type DiagnosticsFacade } from './diagnostics/diagnostics';
import { checkEkoConnection } from './eko';
import { startEko } from './eko/start';
import { startRd } from './rd/start';
import type { DemoPeers } from './demo-peers';
import { Stops } from './stops';
import type { RdFacade } from './rd/facade';
import type { EkoFacade } from './eko/facade';
import type { EnquiryFacade } from './enquiry/enquiry-service';
import type { ReceiptPrinter } from './receipt-printer';

export type { RdFacade, EkoFacade, EnquiryFacade, ReceiptPrinter };

export interface Services {
  config: KioskConfig;
  logger: Logger;
  appInfo(): AppInfo;
  rd: RdFacade;
  eko: EkoFacade;
  enquiry: EnquiryFacade;
  dailyAuth: DailyAuthFacade;
  miniStatement: MiniStatementFacade;
  history: HistoryFacade;
  diagnostics: DiagnosticsFacade;
  printer: ReceiptPrinter | null;
  stop(): Promise<void>;
}

interface StartOptions {
  config: KioskConfig;
  logger: Logger;
  host: AppInfo['host'];
  version: string;
  /** The assets folder (bank list): the project's assets/ in development, inside the app when packaged. */
  assetsDir: string;
  printer?: ReceiptPrinter;
  /** The demo profile's simulated scanner and Eko sandbox, handed in by the host layer. */
  peers: DemoPeers;
}

export async function startServices(options: StartOptions): Promise<Services> {
  const stops = new Stops();
  try {
    return await start(options, stops);
  } catch (err) {
    // Half started: stop what did start, newest first.
    await stops.stopAll();
    throw err;
  }
}

async function start(options: StartOptions, stops: Stops): Promise<Services> {
  const { config, logger, host, version } = options;
  logger.addSecrets(config.eko.accessKey, config.eko.developerKey);

  const { rd } = await startRd(config, logger, stops, { peers: options.peers });
  const { eko } = await startEko(config, logger, stops, { peers: options.peers, assetsDir: options.assetsDir });

  const journal = openJournal({
    file: path.join(config.dataDir, JOURNAL_FILE_NAME),
    retentionDays: config.journalRetentionDays,
    logger,
  });
  stops.add(() => journal.close());
  // Daily while the app runs, not only at start-up: a counter may stay up for weeks.
  stops.add(
    keepRetention({
      journal,
      dirs: [RECEIPTS_DIR_NAME, EXPORTS_DIR_NAME].map((name) => path.join(config.dataDir, name)),
      days: config.journalRetentionDays,
      logger,
    }),
  );
  const unresolved = journal.count({ outcome: 'unknownOrSent' });
  if (unresolved > 0) logger.warn('enquiries with an unknown result to follow up', { count: unresolved });

  const banks = parseBankList(fs.readFileSync(path.join(options.assetsDir, 'aeps-banks.tsv'), 'utf8'));
  // One runner: one billed operation at a time, whichever service starts it.
  const runner = createOperationRunner({ rd, eko, journal, profile: config.profile, logger });
  const enquiry = createEnquiryService({ runner, banks, logger });
  const dailyAuth = createDailyAuthService({ runner, journal, banks, profile: config.profile, logger });
  const miniStatement = createMiniStatementService({ runner, banks });
  const history = createHistory({
    journal,
    inquire: async (row) => inquiryToOutcome(row, await eko.transactionInquiry(row.clientRefId)),
    inFlightRef: () => enquiry.inFlightRef(),
    logger,
  });
  const secrets = () => [config.eko.accessKey, config.eko.developerKey];
  const diagnostics = createDiagnostics({
    version,
    profile: config.profile,
    dataDir: config.dataDir,
    host,
    deviceStatus: () => rd.status(),
    ekoCheck: () => checkEkoConnection(eko, secrets()),
    journalHealth: () => journal.health(),
    config: () => describeConfig(config),
    secrets,
    logger,
  });

  return {
    config,
    logger,
    appInfo: () => ({
      name: 'AePS Counter',
      version,
      profile: config.profile,
      training: config.profile === 'demo',
      dataDir: config.dataDir,
      host,
      agent: { userCode: config.eko.userCode, mobile: config.eko.agentMobile, shopName: config.eko.shopName || null, shopAddress: config.eko.shopAddress || null },
      receiptPaperMm: config.receiptPaperMm,
      captureTimeoutMs: config.rd.captureTimeoutMs,
      ekoRequestTimeoutMs: config.eko.requestTimeoutMs,
      ekoEnquiryTimeoutMs: config.eko.enquiryTimeoutMs,
      ekoEdition: config.eko.edition,
    }),
    rd,
    eko,
    enquiry,
    dailyAuth,
    miniStatement,
    history,
    diagnostics,
    printer: options.printer ?? null,
    stop: () => stops.stopAll(),
  };
}
