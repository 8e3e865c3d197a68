/** Indian mobile numbers: 10 digits starting 6–9. */

export type MobileProblem = 'empty' | 'notDigits' | 'length' | 'firstDigit';

export function mobileDigits(input: string): string {
  return input.replace(/[\s-]/g, '');
}

export function mobileProblem(input: string): MobileProblem | null {
  const digits = mobileDigits(input);
  if (digits === '') return 'empty';
  if (!/^\d+$/.test(digits)) return 'notDigits';
  if (digits.length !== 10) return 'length';
  if (!/^[6-9]/.test(digits)) return 'firstDigit';
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
