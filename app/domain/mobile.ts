/** Indian mobile numbers: 10 digits starting 6–9. */

export type MobileProblem = 'empty' | 'notDigits' | 'tooLong' | 'firstDigit' | 'length';

export function mobileDigits(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function mobileProblem(input: string): MobileProblem | null {
  const digits = mobileDigits(input);
  if (digits === '') return 'empty';
  if (!/^\d+$/.test(digits)) return 'notDigits';
  // Checked in the order the agent can see them while typing: too many digits, a wrong first digit, too few.
  if (digits.length > 10) return 'tooLong';
  if (!/^[6-9]/.test(digits)) return 'firstDigit';
  if (digits.length !== 10) return 'length';
  return null;
}

export function isValidMobile(input: string): boolean {
  return mobileProblem(input) === null;
}

/** "9876543210" → "XXXXXX3210": the form kept in journals and printed on receipts. */
export function maskMobile(input: string): string {
  const digits = mobileDigits(input);
  return `${'X'.repeat(Math.max(0, digits.length - 4))}${digits.slice(-4)}`;
}
