/** The AePS bank list (bundled) and the few banks this counter used last (not customer data). */
import banksTsv from '../assets/aeps-banks.tsv';
import { parseBankList, type Bank } from '../app/domain/banks';

export const BANKS: readonly Bank[] = parseBankList(banksTsv);

export const RECENT_BANKS_KEY = 'kiosk.recentBanks';
export const RECENT_BANKS_MAX = 5;

export function bankByIin(iin: string | null | undefined): Bank | null {
  if (!iin) return null;
  return BANKS.find((b) => b.iin === iin) ?? null;
}

export function recentBankIins(): string[] {
  try {
    const raw = JSON.parse(localStorage.getItem(RECENT_BANKS_KEY) ?? '[]') as unknown;
    return Array.isArray(raw) ? raw.filter((x): x is string => typeof x === 'string' && /^\d{6}$/.test(x)).slice(0, RECENT_BANKS_MAX) : [];
  } catch {
    return [];
  }
}

/** Most recent first, no duplicates, at most RECENT_BANKS_MAX. */
export function rememberBank(iin: string): string[] {
  const next = [iin, ...recentBankIins().filter((x) => x !== iin)].slice(0, RECENT_BANKS_MAX);
  try {
    localStorage.setItem(RECENT_BANKS_KEY, JSON.stringify(next));
  } catch {
    // Storage may be disabled: the list just is not remembered.
  }
  return next;
}
