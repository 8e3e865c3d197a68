import { describe, expect, it } from 'vitest';
import { maskNumbersInText } from '../../../app/domain/privacy';

describe('numbers quoted in free text', () => {
  it('cuts every run of 10+ digits to its last 4, spaced or hyphenated or not', () => {
    expect(maskNumbersInText('Customer Aadhaar number 2341 2341 2346 is not linked')).toBe('Customer Aadhaar number …2346 is not linked');
    expect(maskNumbersInText('mobile 9876543210, account 9989-8343-9275-2938')).toBe('mobile …3210, account …2938');
  });

  it('leaves short numbers alone (amounts, codes, dates)', () => {
    for (const text of ['Limit of 10000 reached', 'error 463', 'on 2026-11-29', 'IFSC PUNB0309300']) expect(maskNumbersInText(text)).toBe(text);
  });
});
