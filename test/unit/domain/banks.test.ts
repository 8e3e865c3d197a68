import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseBankList, searchBanks } from '../../../app/domain/banks';

const banks = parseBankList(fs.readFileSync('assets/aeps-banks.tsv', 'utf8'));

describe('bank list', () => {
  it('parses every bank with a 6-digit IIN', () => {
    expect(banks.length).toBeGreaterThan(50);
    expect(banks.find((b) => b.short === 'SBI')).toEqual({ name: 'State Bank of India', short: 'SBI', iin: '607094' });
    expect(banks.every((b) => /^\d{6}$/.test(b.iin))).toBe(true);
  });
  it('searches by name, short name and IIN, recent first', () => {
    expect(searchBanks(banks, 'punjab').map((b) => b.short)).toContain('PNB');
    expect(searchBanks(banks, 'sbi')[0]!.iin).toBe('607094');
    expect(searchBanks(banks, '6070')[0]!.iin.startsWith('6070')).toBe(true);
    const recent = searchBanks(banks, '', ['607027', '607094']);
    expect(recent.slice(0, 2).map((b) => b.iin)).toEqual(['607027', '607094']);
  });
});
