/**
 * The home slice: the agent's settlement wallet and settlement accounts, and
 * Eko's status (the PC-clock warning). Each panel loads and fails on its own.
 * (Today's daily authentication, also on home, is the daily-auth slice's.)
 */
import type { StateCreator } from 'zustand';
import { toKioskError, type EkoStatus, type KioskError, type SettlementAccounts, type SettlementBalance } from '../../app/contract';
import { api } from '../bridge';
import type { KioskState } from '.';

export interface Loadable<T> {
  data: T | null;
  error: KioskError | null;
  loading: boolean;
}

const empty = <T>(): Loadable<T> => ({ data: null, error: null, loading: false });

export interface HomeSlice {
  wallet: Loadable<SettlementBalance>;
  accounts: Loadable<SettlementAccounts>;
  ekoStatus: EkoStatus | null;
  loadHome(): Promise<void>;
  refreshWallet(): Promise<void>;
  refreshAccounts(): Promise<void>;
  refreshEkoStatus(): Promise<void>;
}

export const createHomeSlice: StateCreator<KioskState, [], [], HomeSlice> = (set, get) => ({
  wallet: empty(),
  accounts: empty(),
  ekoStatus: null,
  async loadHome() {
    await Promise.all([get().refreshWallet(), get().refreshAccounts(), get().loadDailyAuthStatus()]);
    // Eko's status reflects the clock skew seen on the calls just made.
    await get().refreshEkoStatus();
  },
  async refreshWallet() {
    set((s) => ({ wallet: { ...s.wallet, loading: true } }));
    try {
      const data = await api().getSettlementBalance({});
      set({ wallet: { data, error: null, loading: false } });
    } catch (err) {
      set((s) => ({ wallet: { data: s.wallet.data, error: toKioskError(err), loading: false } }));
    }
  },
  async refreshAccounts() {
    set((s) => ({ accounts: { ...s.accounts, loading: true } }));
    try {
      const data = await api().getSettlementAccounts({});
      set({ accounts: { data, error: null, loading: false } });
    } catch (err) {
      set((s) => ({ accounts: { data: s.accounts.data, error: toKioskError(err), loading: false } }));
    }
  },
  async refreshEkoStatus() {
    try {
      set({ ekoStatus: await api().getEkoStatus({}) });
    } catch {
      // The clock warning is advisory: without a status there is nothing to warn about.
    }
  },
});
