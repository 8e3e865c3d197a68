/** Eko's API as the rest of the main side sees it: implemented by ./client.ts. */
import type { EkoStatus, SettlementAccounts, SettlementBalance } from '../../../app/contract';

export interface EkoFacade {
  getSettlementBalance(): Promise<SettlementBalance>;
  getSettlementAccounts(): Promise<SettlementAccounts>;
  status(): EkoStatus;
  stop(): Promise<void>;
}

