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
import type {
  AcknowledgeLastEnquiryInput,
  AppInfo,
  BalanceEnquiryInput,
  CaptureResult,
  DeviceState,
  EkoStatus,
  EnquiryOutcome,
  LastEnquiry,
  ReceiptPage,
  SaveReceiptPdfInput,
  SettlementAccounts,
  SettlementBalance,
} from '../../app/contract';
import { parseBankList } from '../../app/domain/banks';
import type { KioskConfig } from './config/config';
import { describeConfig } from './config/config';
import type { Logger } from './log/logger';
import { Journal, JOURNAL_FILE_NAME } from './journal/journal';
import { EXPORTS_DIR_NAME, pruneOldFiles, RECEIPTS_DIR_NAME } from './journal/file-retention';
import { createHistory, inquiryToOutcome, type HistoryFacade } from './journal/history';
import { createEnquiryService } from './enquiry/enquiry-service';
import { createDailyAuthService, type DailyAuthFacade } from './daily-auth/daily-auth-service';
import { createOperationRunner } from './operations/runner';
import { createDiagnostics, type DiagnosticsFacade } from './diagnostics/diagnostics';
import { checkEkoConnection, connectionTestOf } from './eko';
import { startEko } from './eko/start';
import { startRd } from './rd/start';

/** The scanner as the rest of the main side sees it. */
export interface RdFacade {
  status(): Promise<DeviceState>;
  scan(): Promise<DeviceState>;
  capture(input: { timeoutMs?: number }): Promise<CaptureResult>;
  cancelCapture(): boolean;
  /** Hands the PID block over once, for the request it was captured for, then forgets it. */
  takeCapture(handle: string): { pidXml: string; qScore: number } | null;
  stop(): Promise<void>;
}

/** Eko's API as the rest of the main side sees it. */
export interface EkoFacade {
  getSettlementBalance(): Promise<SettlementBalance>;
  getSettlementAccounts(): Promise<SettlementAccounts>;
  status(): EkoStatus;
  stop(): Promise<void>;
}

export interface EnquiryFacade {
  run(input: BalanceEnquiryInput): Promise<EnquiryOutcome>;
  /** What a window (re)opened now should tell the agent about. */
  last(): LastEnquiry;
  /** The reference of the enquiry waiting for Eko's answer now, if it is known yet (even when dismissed). */
  inFlightRef(): string | null;
  /** The renderer showed (or wiped) this enquiry: finished, it is forgotten; in flight, it will not be kept. */
  acknowledge(input: AcknowledgeLastEnquiryInput): boolean;
}

/** Silent receipt printing and saving it as a PDF file: only the Electron host can do them itself. */
export interface ReceiptPrinter {
  print(page: ReceiptPage): Promise<void>;
  /** Writes the receipt into <dataDir>/receipts, named after its reference; answers the file's path. */
  savePdf(request: SaveReceiptPdfInput, dataDir: string): Promise<string>;
}

export interface Services {
  config: KioskConfig;
  logger: Logger;
  appInfo(): AppInfo;
  rd: RdFacade;
  eko: EkoFacade;
  enquiry: EnquiryFacade;
  dailyAuth: DailyAuthFacade;
  history: HistoryFacade;
  diagnostics: DiagnosticsFacade;
  printer: ReceiptPrinter | null;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: KioskConfig;
  logger: Logger;
  host: AppInfo['host'];
  version: string;
  /** The assets folder (bank list): the project's assets/ in development, inside the app when packaged. */
  assetsDir: string;
  printer?: ReceiptPrinter;
}

export async function startServices(options: StartOptions): Promise<Services> {
  const { config, logger, host, version } = options;
  logger.addSecrets(config.eko.accessKey, config.eko.developerKey);
  const stops: Array<() => Promise<void> | void> = [];

  const { rd } = await startRd(config, logger);
  const eko = await startEko(config, logger, stops, { assetsDir: options.assetsDir });

  const journal = Journal.open({
    file: path.join(config.dataDir, JOURNAL_FILE_NAME),
    retentionDays: config.journalRetentionDays,
    logger,
  });
  stops.push(() => journal.close());
  pruneOldFiles(
    [RECEIPTS_DIR_NAME, EXPORTS_DIR_NAME].map((name) => path.join(config.dataDir, name)),
    config.journalRetentionDays,
    new Date(),
    logger,
  );
  const unresolved = journal.count({ outcome: 'unknownOrSent' });
  if (unresolved > 0) logger.warn('enquiries with an unknown result to follow up', { count: unresolved });

  const banks = parseBankList(fs.readFileSync(path.join(options.assetsDir, 'aeps-banks.tsv'), 'utf8'));
  // One runner: one billed operation at a time, whichever service starts it.
  const runner = createOperationRunner({ rd, eko, journal, profile: config.profile, logger });
  const enquiry = createEnquiryService({ runner, banks, logger });
  const dailyAuth = createDailyAuthService({ runner, journal, banks, profile: config.profile, logger });
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
    ekoCheck: async () => connectionTestOf(await checkEkoConnection(eko), secrets()),
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
      agent: { userCode: config.eko.userCode, mobile: config.eko.agentMobile },
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
    history,
    diagnostics,
    printer: options.printer ?? null,
    stop: async () => {
      await rd.stop().catch(() => undefined);
      for (const stop of stops.reverse()) await Promise.resolve(stop()).catch(() => undefined);
    },
  };
}
