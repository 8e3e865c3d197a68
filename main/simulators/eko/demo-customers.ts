/**
 * The sandbox's deterministic demo customers and demo agents (documented in ./README.md). Every
 * number is a Verhoeff-valid Aadhaar number that belongs to nobody; UI and end-to-end tests use
 * them. Any other valid Aadhaar number gets a success with a balance derived from its digits
 * (as a customer) or passes daily authentication (as an agent).
 *
 * Refusal texts are Eko's real ones (shared/reference/eko-real-world.md), and refusals come in
 * the three shapes real Eko answers were seen in (see RefusalShape).
 */
import type { RefusalReason } from '../../../app/contract';

/**
 * How a refusal is shaped, as in the corpus (shared/corpus/eko/):
 * - `fail1467`: transaction-fail-1.json: status 1467, response_type_id 1467, response_status_id 1, data {comment} only.
 * - `fail1464`: cash-withdrawal-fail-4.json: status 1464, a full transaction `data` with tx_status "1",
 *   customer_balance "0.00" and the reason in data.comment.
 * - `noStatus`: mini-statement-fail-2.json style: no `status` at all; response_status_id 1,
 *   response_type_id 1467, message, data {comment}.
 */
export type RefusalShape = 'fail1467' | 'fail1464' | 'noStatus';

export type DemoScenario =
  /** balance: the customer's bank balance ("" = the bank gave none: a blank customer_balance). */
  | { kind: 'success'; balance: string }
  /** clearsDailyAuth: the acquirer asks for daily authentication again (FP069). */
  | { kind: 'refused'; reason: RefusalReason; message: string; shape: RefusalShape; clearsDailyAuth?: boolean }
  /** Odd attempts (1st, 3rd, …; per sandbox process, per number) refused with `message`, even ones succeed. */
  | { kind: 'firstCaptureRefused'; reason: RefusalReason; message: string; shape: RefusalShape; balance: string }
  /** Linked to one bank only: success there, `message` (not linked) for any other bank. */
  | { kind: 'linkedOnly'; iin: string; ifsc: string; bankName: string; balance: string; reason: RefusalReason; message: string; shape: RefusalShape }
  | { kind: 'awaited' }
  | { kind: 'onHold' };

export interface DemoCustomer {
  aadhaar: string;
  label: string;
  scenario: DemoScenario;
}

/** Eko's words, as sent (the double space in notLinked is Eko's). */
export const DEMO_MESSAGES = {
  notLinked: 'Customer  Aadhaar number is not linked with Selected Bank. Please check with the bank or select another Aadhaar linked bank',
  bankUnavailable: 'Bank server timeout / balance unavailable. Please try again later',
  dailyAuthMissing: 'Please do 2fa before initiating transaction',
  biometricMismatch: 'Biometrics Did not Match at UIDAI. Please try again!',
  biometricAnotherFinger: 'Biometric did not match with Aadhaar, please try with another finger',
  duplicateBiometric: 'Duplicate Biometric data.',
  limitExhausted: 'Your transaction limit has been exhausted for selected Bank',
  accountFrozen: 'Customer Bank account is Frozen or Frozen Account',
  debitDisabled: 'AePS debit transactions are disabled by customer bank',
  insufficientFloat: 'Insufficient balance',
  riskThreshold: 'U16 - RISK THRESHOLD EXCEEDED',
  /** The acquirer wants today's daily authentication again. */
  fp069: 'FP069: Please do 2FA again',
  /** A bank_code that is not in the bank list (the sandbox's wording: Eko's is not known). */
  unknownBank: 'Invalid bank code. Please select a valid bank',
  invalidPid: 'UIDAI: Invalid PID XML (Data type must be X and DeviceInfo must carry mc)',
} as const;

const refused = (reason: RefusalReason, message: string, shape: RefusalShape): DemoScenario => ({ kind: 'refused', reason, message, shape });

export const DEMO_CUSTOMERS: readonly DemoCustomer[] = [
  { aadhaar: '234567890124', label: 'success, ₹5,500.75', scenario: { kind: 'success', balance: '5500.75' } },
  { aadhaar: '345678901238', label: 'success, large balance sent in E-notation (₹9,87,65,432.15)', scenario: { kind: 'success', balance: '9.876543215E7' } },
  { aadhaar: '456789012341', label: 'success, ₹125.50', scenario: { kind: 'success', balance: '125.5' } },
  { aadhaar: '523456789015', label: 'Aadhaar not linked to the bank', scenario: refused('notLinked', DEMO_MESSAGES.notLinked, 'fail1464') },
  { aadhaar: '623456789016', label: 'bank server timeout / balance unavailable', scenario: refused('bankUnavailable', DEMO_MESSAGES.bankUnavailable, 'fail1467') },
  { aadhaar: '723456789011', label: 'awaited (tx_status 2): resolves to success on inquiry', scenario: { kind: 'awaited' } },
  { aadhaar: '823456789017', label: 'agent has not done daily authentication (2fa), even when it has', scenario: refused('dailyAuthMissing', DEMO_MESSAGES.dailyAuthMissing, 'fail1467') },
  { aadhaar: '923456789013', label: 'biometrics did not match at UIDAI', scenario: refused('biometricMismatch', DEMO_MESSAGES.biometricMismatch, 'noStatus') },
  { aadhaar: '534567890121', label: 'transaction limit exhausted', scenario: refused('limitExhausted', DEMO_MESSAGES.limitExhausted, 'fail1464') },
  { aadhaar: '634567890122', label: 'bank account frozen', scenario: refused('accountFrozen', DEMO_MESSAGES.accountFrozen, 'noStatus') },
  { aadhaar: '734567890125', label: 'AePS debit disabled by the bank', scenario: refused('debitDisabled', DEMO_MESSAGES.debitDisabled, 'noStatus') },
  { aadhaar: '834567890123', label: "agent's float empty (insufficient balance)", scenario: refused('insufficientFloat', DEMO_MESSAGES.insufficientFloat, 'fail1467') },
  { aadhaar: '934567890127', label: 'on hold (tx_status 5): resolves to success on inquiry', scenario: { kind: 'onHold' } },
  {
    aadhaar: '245678901232',
    label: 'biometric mismatch on the first capture, success (₹842.10) on the next (alternates)',
    scenario: { kind: 'firstCaptureRefused', reason: 'biometricMismatch', message: DEMO_MESSAGES.biometricAnotherFinger, shape: 'fail1464', balance: '842.1' },
  },
  {
    aadhaar: '256789012340',
    label: 'linked only to State Bank of India (₹3,120.40 there), not linked for any other bank',
    scenario: { kind: 'linkedOnly', iin: '607094', ifsc: 'SBIN', bankName: 'State Bank of India', balance: '3120.4', reason: 'notLinked', message: DEMO_MESSAGES.notLinked, shape: 'fail1464' },
  },
  {
    aadhaar: '267890123456',
    label: 'FP069: the acquirer asks for daily authentication again (clears today’s)',
    scenario: { kind: 'refused', reason: 'dailyAuthMissing', message: DEMO_MESSAGES.fp069, shape: 'fail1467', clearsDailyAuth: true },
  },
  { aadhaar: '278901234562', label: 'success, but the bank gave no balance (blank customer_balance)', scenario: { kind: 'success', balance: '' } },
  { aadhaar: '289012345675', label: 'U16 - risk threshold exceeded', scenario: refused('other', DEMO_MESSAGES.riskThreshold, 'noStatus') },
  { aadhaar: '290123456780', label: 'success (₹40.00); a mini statement with no transactions', scenario: { kind: 'success', balance: '40' } },
];

/** The demo customer whose mini statement has no lines. */
const EMPTY_STATEMENT = '290123456780';
/** Banks whose statements carry the year (DD/MM/YYYY); the others send only DD/MM, as real banks differ. */
const YEAR_IN_STATEMENT = new Set(['607094', '607027', '607152', 'SBIN', 'PUNB', 'HDFC']);
/** What the demo statements' lines say (the privacy scan looks for them in every data dir). */
export const STATEMENT_NARRATIONS = [' UPI IN/4390665', ' Loan Rec:23116', ' ATM WDL/CHN', ' UPIOUT/8466555', ' NEFT IN SALARY', ' AEPS CW/3572', ' SBINT:29-03-20', ' IMPS IN/91027', ' POS/KIRANA', ' CASH DEP'];

/**
 * A customer's mini statement as a bank sends it through Eko, newest first: up to 10 lines (the
 * large-balance customer gets 10, the rest 7, one customer none), dates DD/MM/YYYY or DD/MM by bank,
 * narrations space-padded, Dr/Cr. Derived from the number's digits, so the same every time.
 */
export function statementFor(aadhaar: string, bankCode: string, atMs: number): Array<{ date: string; amount: string; txnType: 'Dr' | 'Cr'; narration: string }> {
  if (aadhaar === EMPTY_STATEMENT) return [];
  const count = aadhaar === '345678901238' ? 10 : 7;
  const withYear = YEAR_IN_STATEMENT.has(bankCode);
  const lines = [];
  for (let i = 0; i < count; i++) {
    const digit = Number(aadhaar[i % 12]);
    const day = new Date(atMs + 330 * 60_000 - (1 + i * 4 + digit) * 86_400_000);
    const dd = String(day.getUTCDate()).padStart(2, '0');
    const mm = String(day.getUTCMonth() + 1).padStart(2, '0');
    const rupees = (digit + 1) * (i % 3 === 0 ? 100 : 15) + i;
    lines.push({
      date: withYear ? `${dd}/${mm}/${day.getUTCFullYear()}` : `${dd}/${mm}`,
      amount: i % 4 === 1 ? `${rupees}.50` : `${rupees}.0`,
      txnType: i % 3 === 1 ? ('Cr' as const) : ('Dr' as const),
      narration: `${STATEMENT_NARRATIONS[(digit + i) % STATEMENT_NARRATIONS.length]}${i % 2 === 0 ? '   ' : ''}`,
    });
  }
  return lines;
}

const BY_NUMBER = new Map(DEMO_CUSTOMERS.map((c) => [c.aadhaar, c]));

/** A balance for any other valid number: digits 5–9 are rupees, 10–11 paise ("5234 5678 9015" → "56789.01"). */
export function derivedBalance(aadhaar: string): string {
  const rupees = String(Number(aadhaar.slice(4, 9)));
  const paise = aadhaar.slice(9, 11).replace(/0+$/, '');
  return paise ? `${rupees}.${paise}` : rupees;
}

export function scenarioFor(aadhaar: string): DemoScenario {
  return BY_NUMBER.get(aadhaar)?.scenario ?? { kind: 'success', balance: derivedBalance(aadhaar) };
}

export type DemoCustomerKey =
  | RefusalReason
  | 'success'
  | 'successLarge'
  | 'successSmall'
  | 'awaited'
  | 'onHold'
  /** Biometric mismatch on odd attempts, success on even ones. */
  | 'mismatchThenSuccess'
  /** Linked only to State Bank of India. */
  | 'sbiOnly'
  /** FP069: daily authentication asked again. */
  | 'fp069'
  /** Success with a blank customer_balance. */
  | 'blankBalance'
  /** U16 - RISK THRESHOLD EXCEEDED. */
  | 'riskThreshold'
  /** A mini statement with no transactions. */
  | 'emptyStatement';

/** The demo customer for a meaning (tests: `demoAadhaar('notLinked')`, `demoAadhaar('sbiOnly')`). */
export function demoAadhaar(key: DemoCustomerKey): string {
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
    case 'mismatchThenSuccess':
      return pick((c) => c.scenario.kind === 'firstCaptureRefused');
    case 'sbiOnly':
      return pick((c) => c.scenario.kind === 'linkedOnly');
    case 'fp069':
      return pick((c) => c.scenario.kind === 'refused' && c.scenario.clearsDailyAuth === true);
    case 'blankBalance':
      return pick((c) => c.scenario.kind === 'success' && c.scenario.balance === '');
    case 'riskThreshold':
      return pick((c) => c.scenario.kind === 'refused' && c.scenario.message === DEMO_MESSAGES.riskThreshold);
    case 'emptyStatement':
      return EMPTY_STATEMENT;
    default:
      return pick((c) => c.scenario.kind === 'refused' && c.scenario.reason === key && !c.scenario.clearsDailyAuth);
  }
}

// ---------------------------------------------------------------------------
// Demo agents: the agent's own Aadhaar in daily authentication (PUT …/kyc/biometric/daily).

/** The reason in data.reason of a 1714 "KYC Fail" (shared/corpus/eko/daily-kyc-fail-1..3.json). */
export const DAILY_AUTH_REASONS = {
  notCompleted: 'Transaction Not Completed',
  invalidBiometric: 'Authentication Failed. Invalid Biometric data.',
  ekycNotDone: 'Please complete bank eKYC to process the transaction.',
} as const;

export type DemoAgentScenario = { kind: 'success' } | { kind: 'refused'; reason: keyof typeof DAILY_AUTH_REASONS };

export interface DemoAgent {
  aadhaar: string;
  label: string;
  scenario: DemoAgentScenario;
}

export const DEMO_AGENTS: readonly DemoAgent[] = [
  { aadhaar: '356789012345', label: 'daily authentication passes (KYC sucess, 1713)', scenario: { kind: 'success' } },
  { aadhaar: '367890123454', label: 'finger not matched: "Authentication Failed. Invalid Biometric data."', scenario: { kind: 'refused', reason: 'invalidBiometric' } },
  { aadhaar: '312345678909', label: 'one-time bank eKYC not done: "Please complete bank eKYC to process the transaction."', scenario: { kind: 'refused', reason: 'ekycNotDone' } },
  { aadhaar: '323456789012', label: '"Transaction Not Completed"', scenario: { kind: 'refused', reason: 'notCompleted' } },
];

const AGENT_BY_NUMBER = new Map(DEMO_AGENTS.map((a) => [a.aadhaar, a]));

export function agentScenarioFor(aadhaar: string): DemoAgentScenario {
  return AGENT_BY_NUMBER.get(aadhaar)?.scenario ?? { kind: 'success' };
}

/** The demo agent for a meaning (tests: `demoAgentAadhaar('ekycNotDone')`). */
export function demoAgentAadhaar(key: 'success' | keyof typeof DAILY_AUTH_REASONS): string {
  const found = DEMO_AGENTS.find((a) => (key === 'success' ? a.scenario.kind === 'success' : a.scenario.kind === 'refused' && a.scenario.reason === key));
  if (!found) throw new Error(`no demo agent for "${key}"`);
  return found.aadhaar;
}
