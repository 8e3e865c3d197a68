/** The AePS bank list (bundled) and the few banks this counter used last (not customer data). */
import banksTsv from '../assets/aeps-banks.tsv';
import type { EkoEdition } from '../app/contract';
import { bankCodeFor, findBank, parseBankList, type Bank } from '../app/domain/banks';

export const BANKS: readonly Bank[] = parseBankList(banksTsv);

export const RECENT_BANKS_KEY = 'kiosk.recentBanks';
export const RECENT_BANKS_MAX = 5;

/** The listed bank, or an unlisted one for any other 6-digit IIN (entered at the counter). */
export function bankByIin(iin: string | null | undefined): Bank | null {
  return findBank(BANKS, iin);
}

/**
 * The bank's name in the agent's language: in Hindi its Hindi name where the list has one
 * (भारतीय स्टेट बैंक), else its English name; `other` is the name in the other script, or null
 * (for a second, smaller line, so the name on the passbook can still be matched).
 */
export function bankName(bank: Bank, lang: string): { name: string; other: string | null } {
  return lang === 'hi' && bank.hindi ? { name: bank.hindi, other: bank.name } : { name: bank.name, other: null };
}

/**
 * An answer's bank as the agent reads it: in Hindi, the listed bank's Hindi name; otherwise the
 * name the record carries (Eko's spelling, or "IIN …" for a bank entered by its IIN).
 */
export function shownBankName(record: { bankName: string; bankIin?: string }, lang: string): string {
  return (lang === 'hi' && bankByIin(record.bankIin)?.hindi) || record.bankName;
}

/** Whether the counter's request edition has a bank_code for this bank (in "current", regional rural banks have none). */
export function bankSelectable(bank: Bank | null, edition: EkoEdition | undefined): boolean {
  return bank !== null && bankCodeFor(bank, edition ?? 'spec') !== null;
}

/** The bank linked to the agent's own Aadhaar (daily authentication): its IIN only, never the number. */
export const AGENT_BANK_KEY = 'kiosk.agentBank';

export function agentBankIin(): string | null {
  try {
    const iin = localStorage.getItem(AGENT_BANK_KEY);
    return iin && /^\d{6}$/.test(iin) ? iin : null;
  } catch {
    return null;
  }
}

export function rememberAgentBank(iin: string): void {
  try {
    localStorage.setItem(AGENT_BANK_KEY, iin);
  } catch {
    // Storage may be disabled: the bank is just not preselected next time.
  }
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
  // A bank typed by its IIN is not in the list the recent banks are picked from: it would only push a listed one out.
  if (bankByIin(iin)?.unlisted) return recentBankIins();
  const next = [iin, ...recentBankIins().filter((x) => x !== iin)].slice(0, RECENT_BANKS_MAX);
  try {
    localStorage.setItem(RECENT_BANKS_KEY, JSON.stringify(next));
  } catch {
    // Storage may be disabled: the list just is not remembered.
  }
  return next;
}
