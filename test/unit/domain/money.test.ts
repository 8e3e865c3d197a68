import { describe, expect, it } from 'vitest';
import { formatRupees, groupIndian, normalizeDecimal } from '../../../app/domain/money';
import { expectEachMaps } from '../../support/table';

describe('normalizeDecimal', () => {
  it('expands E-notation exactly', () => {
    expectEachMaps(normalizeDecimal, { '2.20834002375E9': '2208340023.75', '1.5e-3': '0.0015', '6.1E3': '6100' });
  });
  it('keeps plain decimals exact and canonical', () => {
    expectEachMaps(normalizeDecimal, { '5500.75': '5500.75', '6100.0': '6100', '000190000': '190000', '-0.50': '-0.5', '0.00': '0', '.5': '0.5' });
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
    expectEachMaps(formatRupees, {
      '2.20834002375E9': '₹2,20,83,40,023.75',
      '5500.75': '₹5,500.75',
      '190000': '₹1,90,000',
      '999': '₹999',
      '0': '₹0',
      '100000.5': '₹1,00,000.50',
      '-1234.5': '-₹1,234.50',
    });
  });
  it('rounds paise half-up on the digits', () => {
    expectEachMaps(formatRupees, { '9.995': '₹10', '99999.999': '₹1,00,000', '1.234': '₹1.23' });
  });
  it('groupIndian', () => {
    expectEachMaps(groupIndian, { '12345678': '1,23,45,678', '1000': '1,000' });
  });
});
