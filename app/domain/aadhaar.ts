/**
 * Aadhaar number rules (UIDAI): 12 digits, first digit 2–9, last digit a
 * Verhoeff check digit. Once entered it is only ever shown masked.
 */

// Verhoeff tables: multiplication in the dihedral group D5, a permutation, and the inverse.
const D = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 2, 3, 4, 0, 6, 7, 8, 9, 5],
  [2, 3, 4, 0, 1, 7, 8, 9, 5, 6],
  [3, 4, 0, 1, 2, 8, 9, 5, 6, 7],
  [4, 0, 1, 2, 3, 9, 5, 6, 7, 8],
  [5, 9, 8, 7, 6, 0, 4, 3, 2, 1],
  [6, 5, 9, 8, 7, 1, 0, 4, 3, 2],
  [7, 6, 5, 9, 8, 2, 1, 0, 4, 3],
  [8, 7, 6, 5, 9, 3, 2, 1, 0, 4],
  [9, 8, 7, 6, 5, 4, 3, 2, 1, 0],
] as const;
const P = [
  [0, 1, 2, 3, 4, 5, 6, 7, 8, 9],
  [1, 5, 7, 6, 2, 8, 3, 0, 9, 4],
  [5, 8, 0, 3, 7, 9, 6, 1, 4, 2],
  [8, 9, 1, 6, 0, 4, 3, 5, 2, 7],
  [9, 4, 5, 3, 1, 2, 6, 8, 7, 0],
  [4, 2, 8, 6, 5, 7, 3, 9, 0, 1],
  [2, 7, 9, 3, 8, 0, 6, 4, 1, 5],
  [7, 0, 4, 6, 9, 1, 3, 2, 5, 8],
] as const;
const INV = [0, 4, 3, 2, 1, 5, 6, 7, 8, 9] as const;

/** True when the digit string (check digit last) passes Verhoeff. */
export function verhoeffValid(digits: string): boolean {
  if (!/^\d+$/.test(digits)) return false;
  let c = 0;
  const reversed = digits.split('').reverse();
  for (let i = 0; i < reversed.length; i++) {
    c = D[c]![P[i % 8]![Number(reversed[i])]!]!;
  }
  return c === 0;
}

/** The Verhoeff check digit for a digit string (without its check digit). */
export function verhoeffCheckDigit(digits: string): number {
  let c = 0;
  const reversed = digits.split('').reverse();
  for (let i = 0; i < reversed.length; i++) {
    c = D[c]![P[(i + 1) % 8]![Number(reversed[i])]!]!;
  }
  return INV[c]!;
}

export type AadhaarProblem = 'empty' | 'notDigits' | 'length' | 'firstDigit' | 'palindrome' | 'checksum';

/** Digits only: spaces and dashes the agent or the keypad put in are dropped. */
export function aadhaarDigits(input: string): string {
  return input.replace(/[\s-]/g, '');
}

/** Why a typed Aadhaar number is not valid, or null when it is. */
export function aadhaarProblem(input: string): AadhaarProblem | null {
  const digits = aadhaarDigits(input);
  if (digits === '') return 'empty';
  if (!/^\d+$/.test(digits)) return 'notDigits';
  // A wrong first digit shows while typing, before the number is complete.
  if (!/^[2-9]/.test(digits)) return 'firstDigit';
  if (digits.length !== 12) return 'length';
  if (digits === digits.split('').reverse().join('')) return 'palindrome';
  if (!verhoeffValid(digits)) return 'checksum';
  return null;
}

export function isValidAadhaar(input: string): boolean {
  return aadhaarProblem(input) === null;
}

/** "234123412346" → "2341 2341 2346" (partial input grouped as typed). */
export function groupAadhaar(input: string): string {
  const digits = aadhaarDigits(input).slice(0, 12);
  return digits.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** "234123412346" → "XXXX XXXX 2346". The only form shown or stored after entry. */
export function maskAadhaar(input: string): string {
  const digits = aadhaarDigits(input);
  return `XXXX XXXX ${digits.slice(-4)}`;
}

/** Last four digits only, for journals and receipts. */
export function aadhaarLast4(input: string): string {
  return aadhaarDigits(input).slice(-4);
}
