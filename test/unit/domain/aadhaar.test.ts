import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  aadhaarProblem,
  groupAadhaar,
  maskAadhaar,
  verhoeffCheckDigit,
  verhoeffValid,
} from '../../../app/domain/aadhaar';
import { maskMobile, mobileProblem } from '../../../app/domain/mobile';

/** Builds a valid Aadhaar number from 11 digits (first 2–9) by appending the Verhoeff digit. */
export function withCheckDigit(first11: string): string {
  return first11 + String(verhoeffCheckDigit(first11));
}

describe('Verhoeff', () => {
  it('accepts known-good numbers and rejects a changed digit', () => {
    expect(verhoeffValid('2363')).toBe(true); // textbook example: 236 → check digit 3
    expect(verhoeffCheckDigit('236')).toBe(3);
    expect(verhoeffValid('2364')).toBe(false);
  });
  it('catches every single-digit error and adjacent transposition', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[2-9]\d{10}$/), fc.integer({ min: 0, max: 10 }), fc.integer({ min: 1, max: 9 }), (body, pos, delta) => {
        const good = withCheckDigit(body);
        expect(verhoeffValid(good)).toBe(true);
        const digits = good.split('');
        digits[pos] = String((Number(digits[pos]) + delta) % 10);
        expect(verhoeffValid(digits.join(''))).toBe(false);
        const swapped = good.split('');
        if (swapped[pos] !== swapped[pos + 1]) {
          [swapped[pos], swapped[pos + 1]] = [swapped[pos + 1]!, swapped[pos]!];
          expect(verhoeffValid(swapped.join(''))).toBe(false);
        }
      }),
    );
  });
});

describe('aadhaarProblem', () => {
  const valid = withCheckDigit('23412341234');
  it('accepts a valid number, grouped or not', () => {
    expect(aadhaarProblem(valid)).toBeNull();
    expect(aadhaarProblem(groupAadhaar(valid))).toBeNull();
  });
  it('says what is wrong', () => {
    expect(aadhaarProblem('')).toBe('empty');
    expect(aadhaarProblem('2341a2341234')).toBe('notDigits');
    expect(aadhaarProblem('23412341')).toBe('length');
    expect(aadhaarProblem('1341')).toBe('firstDigit'); // shown while typing, before the number is complete
    expect(aadhaarProblem(withCheckDigit('13412341234'))).toBe('firstDigit');
    expect(aadhaarProblem(valid.slice(0, 11) + String((Number(valid[11]) + 1) % 10))).toBe('checksum');
  });
  it('refuses palindromes', () => {
    // Find a Verhoeff-valid 12-digit palindrome and check it is refused as such.
    for (let n = 200000; n < 999999; n++) {
      const half = String(n);
      const candidate = half + half.split('').reverse().join('');
      if (verhoeffValid(candidate)) {
        expect(aadhaarProblem(candidate)).toBe('palindrome');
        return;
      }
    }
    throw new Error('no palindrome found');
  });
});

describe('display', () => {
  it('groups while typing and masks after', () => {
    expect(groupAadhaar('2341')).toBe('2341');
    expect(groupAadhaar('23412')).toBe('2341 2');
    expect(groupAadhaar('234123412346')).toBe('2341 2341 2346');
    expect(maskAadhaar('234123412346')).toBe('XXXX XXXX 2346');
    expect(maskAadhaar('2341 2341 2346')).toBe('XXXX XXXX 2346');
  });
  it('mobile rules and mask', () => {
    expect(mobileProblem('9876543210')).toBeNull();
    expect(mobileProblem('5876543210')).toBe('firstDigit');
    expect(mobileProblem('98765')).toBe('length');
    // In the order the agent sees them while typing: too many digits, then a wrong first digit, then too few.
    expect(mobileProblem('98765432101')).toBe('tooLong');
    expect(mobileProblem('58765')).toBe('firstDigit');
    expect(mobileProblem('')).toBe('empty');
    expect(maskMobile('9876543210')).toBe('XXXXXX3210');
  });
});
