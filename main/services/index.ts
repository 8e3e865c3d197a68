/**
 * The services behind the contract, started once per process by whichever
 * host runs (Electron or the web host). Services know neither host.
 *
 * In the demo profile (and whenever no peer is configured explicitly) this also
 * starts the RD-service simulator and the Eko sandbox on loopback ports.
 */
import type {
  AppInfo,
  BalanceEnquiryInput,
  CaptureResult,
  DeviceState,
  EkoStatus,
  EnquiryOutcome,
  LastEnquiry,
  SettlementAccounts,
  SettlementBalance,
} from '../../app/contract';
import { KioskError } from '../../app/contract';
import type { KioskConfig } from './config/config';
import type { Logger } from './log/logger';

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
  last(): LastEnquiry;
}

export interface Services {
  config: KioskConfig;
  logger: Logger;
  appInfo(): AppInfo;
  rd: RdFacade;
  eko: EkoFacade;
  enquiry: EnquiryFacade;
  stop(): Promise<void>;
}

export interface StartOptions {
  config: KioskConfig;
  logger: Logger;
  host: AppInfo['host'];
  version: string;
}

function notYet(what: string): never {
  throw new KioskError('internal', { detail: `${what} is not available in this build` });
}

export async function startServices(options: StartOptions): Promise<Services> {
  const { config, logger, host, version } = options;
  logger.addSecrets(config.eko.accessKey, config.eko.developerKey);

  const rd: RdFacade = {
    status: async () => notYet('scanner'),
    scan: async () => notYet('scanner'),
    capture: async () => notYet('scanner'),
    cancelCapture: () => false,
    takeCapture: () => null,
    stop: async () => {},
  };
  const eko: EkoFacade = {
    getSettlementBalance: async () => notYet('Eko client'),
    getSettlementAccounts: async () => notYet('Eko client'),
    status: () => ({ baseUrl: config.eko.baseUrl ?? 'sandbox', clockSkewMs: null, clockWarning: false }),
    stop: async () => {},
  };
  const enquiry: EnquiryFacade = { run: async () => notYet('balance enquiry'), last: () => ({ state: 'none' }) };

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
    }),
    rd,
    eko,
    enquiry,
    stop: async () => {
      await Promise.allSettled([rd.stop(), eko.stop()]);
    },
  };
}
