/**
 * The sandbox's deterministic demo customers (documented in ./README.md). Every number is a
 * Verhoeff-valid Aadhaar number that belongs to nobody; UI and end-to-end tests use them.
 * Any other valid Aadhaar number gets a success with a balance derived from its digits.
 */
import type { RefusalReason } from '../../../app/contract';

export type DemoScenario =
  | { kind: 'success'; balance: string }
  | { kind: 'refused'; reason: RefusalReason; message: string; style: 'status' | 'txFail' }
  | { kind: 'awaited' }
  | { kind: 'onHold' };

export interface DemoCustomer {
  aadhaar: string;
  label: string;
  scenario: DemoScenario;
}

export const DEMO_MESSAGES = {
  notLinked: 'Customer Aadhaar number is not linked with Selected Bank',
  bankUnavailable: 'Bank server timeout / balance unavailable. Please try again later',
  dailyAuthMissing: 'Please do 2fa before initiating transaction',
  biometricMismatch: 'Biometrics Did not Match at UIDAI',
  limitExhausted: 'Your transaction limit has been exhausted for selected Bank',
  accountFrozen: 'Customer Bank account is Frozen',
  debitDisabled: 'AePS debit transactions are disabled by customer bank',
  insufficientFloat: 'Insufficient balance',
  invalidPid: 'UIDAI: Invalid PID XML (Data type must be X and DeviceInfo must carry mc)',
} as const;

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { aadhaar: '234567890124', label: 'success, ₹5,500.75', scenario: { kind: 'success', balance: '5500.75' } },
  { aadhaar: '345678901238', label: 'success, large balance sent in E-notation (₹2,20,83,40,023.75)', scenario: { kind: 'success', balance: '2.20834002375E9' } },
  { aadhaar: '456789012341', label: 'success, ₹125.50', scenario: { kind: 'success', balance: '125.5' } },
  { aadhaar: '523456789015', label: 'Aadhaar not linked to the bank', scenario: { kind: 'refused', reason: 'notLinked', message: DEMO_MESSAGES.notLinked, style: 'status' } },
  { aadhaar: '623456789016', label: 'bank server timeout / balance unavailable', scenario: { kind: 'refused', reason: 'bankUnavailable', message: DEMO_MESSAGES.bankUnavailable, style: 'txFail' } },
  { aadhaar: '723456789011', label: 'awaited (tx_status 2): resolves to success on inquiry', scenario: { kind: 'awaited' } },
  { aadhaar: '823456789017', label: 'agent has not done daily authentication (2fa)', scenario: { kind: 'refused', reason: 'dailyAuthMissing', message: DEMO_MESSAGES.dailyAuthMissing, style: 'status' } },
  { aadhaar: '923456789013', label: 'biometrics did not match', scenario: { kind: 'refused', reason: 'biometricMismatch', message: DEMO_MESSAGES.biometricMismatch, style: 'txFail' } },
  { aadhaar: '534567890121', label: 'transaction limit exhausted', scenario: { kind: 'refused', reason: 'limitExhausted', message: DEMO_MESSAGES.limitExhausted, style: 'status' } },
  { aadhaar: '634567890122', label: 'bank account frozen', scenario: { kind: 'refused', reason: 'accountFrozen', message: DEMO_MESSAGES.accountFrozen, style: 'status' } },
  { aadhaar: '734567890125', label: 'AePS debit disabled by the bank', scenario: { kind: 'refused', reason: 'debitDisabled', message: DEMO_MESSAGES.debitDisabled, style: 'status' } },
  { aadhaar: '834567890123', label: "partner's float empty (insufficient balance)", scenario: { kind: 'refused', reason: 'insufficientFloat', message: DEMO_MESSAGES.insufficientFloat, style: 'status' } },
  { aadhaar: '934567890127', label: 'on hold (tx_status 5): resolves to success on inquiry', scenario: { kind: 'onHold' } },
];

const BY_NUMBER = new Map(DEMO_CUSTOMERS.map((c) => [c.aadhaar, c]));

/** A balance for any other valid number: digits 5–9 are rupees, 10–11 paise ("5234 5678 9015" → "67890.1"). */
export function derivedBalance(aadhaar: string): string {
  const rupees = String(Number(aadhaar.slice(4, 9)));
  const paise = aadhaar.slice(9, 11).replace(/0+$/, '');
  return paise ? `${rupees}.${paise}` : rupees;
}

export function scenarioFor(aadhaar: string): DemoScenario {
  return BY_NUMBER.get(aadhaar)?.scenario ?? { kind: 'success', balance: derivedBalance(aadhaar) };
}

/** The demo customer with this scenario label (tests: `demoAadhaar('notLinked')`). */
export function demoAadhaar(key: RefusalReason | 'success' | 'successLarge' | 'successSmall' | 'awaited' | 'onHold'): string {
  const pick = (pred: (c: DemoCustomer) => boolean) => {
    const found = DEMO_CUSTOMERS.find(pred);
    if (!found) throw new Error(`no demo customer for "${key}"`);
    return found.aadhaar;
  };
  switch (key) {
    case 'success':
      return DEMO_CUSTOMERS[0]!.aadhaar;
    case 'successLarge':
      return DEMO_CUSTOMERS[1]!.aadhaar;
    case 'successSmall':
      return DEMO_CUSTOMERS[2]!.aadhaar;
    case 'awaited':
      return pick((c) => c.scenario.kind === 'awaited');
    case 'onHold':
      return pick((c) => c.scenario.kind === 'onHold');
    default:
      return pick((c) => c.scenario.kind === 'refused' && c.scenario.reason === key);
  }
}
