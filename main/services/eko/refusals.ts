/**
 * Eko's refusal messages (HTTP 200, non-zero status or tx_status 1) mapped to the
 * contract's REFUSAL_REASONS. Eko's wording varies between banks and releases, so
 * the patterns are loose; the message itself is always kept as serverMessage.
 * Order matters: the first match wins (a "2fa" message may also say "transaction").
 */
import type { RefusalReason } from '../../../app/contract';

const PATTERNS: ReadonlyArray<readonly [RegExp, RefusalReason]> = [
  [/\b2\s*fa\b|two[-\s]?factor|daily\s+auth|daily\s+kyc|\bFP0?69\b/i, 'dailyAuthMissing'],
  // Before the mismatch rule: "Duplicate Biometric data." is the same PID block sent twice, fixed by a new capture.
  [/duplicate\s+biometric/i, 'duplicateBiometric'],
  [/biometric|finger\s*print|did\s+not\s+match|mismatch/i, 'biometricMismatch'],
  [/not\s+(?:been\s+)?(?:linked|seeded|mapped)/i, 'notLinked'],
  [/limit\b.*\bexhausted|exhausted|limit\s+exceeded/i, 'limitExhausted'],
  [/frozen|freeze/i, 'accountFrozen'],
  [/debit\b.*\bdisabled|disabled\b.*\bdebit/i, 'debitDisabled'],
  [/insufficient/i, 'insufficientFloat'],
  [/time\s*-?\s*out|timed\s+out|unavailable|not\s+available|bank\s+server|\bcbs\b|issuer\s+(?:bank\s+)?down/i, 'bankUnavailable'],
];

export function refusalReason(message: string | null | undefined): RefusalReason {
  if (!message) return 'other';
  for (const [pattern, reason] of PATTERNS) if (pattern.test(message)) return reason;
  return 'other';
}
