/**
 * The home slice: the agent's settlement wallet and settlement accounts, and
 * Eko's status (the PC-clock warning). Each panel loads and fails on its own.
 * (Today's daily authentication, also on home, is the daily-auth slice's.)
 */
import { api } from '../bridge';
import { idleLoadable, sliceLoader } from './loadable';
import type { HomeSlice, SliceApi } from './types';

export function createHomeSlice({ set, get }: SliceApi<'home'>): HomeSlice {
  const wallet = sliceLoader(() => get().home, set, 'wallet');
  const accounts = sliceLoader(() => get().home, set, 'accounts');
  return {
    wallet: idleLoadable(),
    accounts: idleLoadable(),
    ekoStatus: null,
    async load() {
      await Promise.all([get().home.refreshWallet(), get().home.refreshAccounts(), get().dailyAuth.loadStatus()]);
      // Eko's status reflects the clock skew seen on the calls just made.
      await get().home.refreshEkoStatus();
    },
    async refreshWallet() {
      await wallet.load(() => api().getSettlementBalance({}));
    },
    async refreshAccounts() {
      await accounts.load(() => api().getSettlementAccounts({}));
    },
    async refreshEkoStatus() {
      try {
        set({ ekoStatus: await api().getEkoStatus({}) });
      } catch {
        // The clock warning is advisory: without a status there is nothing to warn about.
      }
    },
  };
}
