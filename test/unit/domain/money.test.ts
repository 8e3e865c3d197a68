import { describe, expect, it } from 'vitest';
import { formatRupees, groupIndian, normalizeDecimal } from '../../../app/domain/money';

describe('normalizeDecimal', () => {
  it('expands E-notation exactly', () => {
    expect(normalizeDecimal('2.20834002375E9')).toBe('2208340023.75');
    expect(normalizeDecimal('1.5e-3')).toBe('0.0015');
    expect(normalizeDecimal('6.1E3')).toBe('6100');
  });
  it('keeps plain decimals exact and canonical', () => {
    expect(normalizeDecimal('5500.75')).toBe('5500.75');
    expect(normalizeDecimal('6100.0')).toBe('6100');
    expect(normalizeDecimal('000190000')).toBe('190000');
    expect(normalizeDecimal('-0.50')).toBe('-0.5');
    expect(normalizeDecimal('0.00')).toBe('0');
    expect(normalizeDecimal('.5')).toBe('0.5');
  });
  it('keeps digits a float would lose', () => {
    expect(normalizeDecimal('12345678901234567890.12')).toBe('12345678901234567890.12');
  });
  it('refuses what is not a number', () => {
    for (const bad of ['', 'abc', '1.2.3', 'NaN', '1e', '--1', 'Infinity']) expect(normalizeDecimal(bad)).toBeNull();
  });
});

describe('formatRupees', () => {
  it('groups the Indian way', () => {
    expect(formatRupees('2.20834002375E9')).toBe('₹2,20,83,40,023.75');
    expect(formatRupees('5500.75')).toBe('₹5,500.75');
    expect(formatRupees('190000')).toBe('₹1,90,000');
    expect(formatRupees('999')).toBe('₹999');
    expect(formatRupees('0')).toBe('₹0');
    expect(formatRupees('100000.5')).toBe('₹1,00,000.50');
    expect(formatRupees('-1234.5')).toBe('-₹1,234.50');
  });
  it('rounds paise half-up on the digits', () => {
    expect(formatRupees('9.995')).toBe('₹10');
    expect(formatRupees('99999.999')).toBe('₹1,00,000');
    expect(formatRupees('1.234')).toBe('₹1.23');
  });
  it('groupIndian', () => {
    expect(groupIndian('12345678')).toBe('1,23,45,678');
    expect(groupIndian('1000')).toBe('1,000');
  });
});
