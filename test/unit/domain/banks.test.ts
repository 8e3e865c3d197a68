import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankCodeFor, parseBankList, searchBanks } from '../../../app/domain/banks';

const banks = parseBankList(fs.readFileSync('assets/aeps-banks.tsv', 'utf8'));

describe('bank list', () => {
  it('parses every bank with a 6-digit IIN', () => {
    expect(banks.length).toBeGreaterThan(50);
    expect(banks.find((b) => b.short === 'SBI')).toEqual({ name: 'State Bank of India', short: 'SBI', iin: '607094', ifsc: 'SBIN' });
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

describe('each bank’s code per request edition', () => {
  it('every bank has its IIN; every bank but the regional rural banks has a 4-letter IFSC prefix, never a guessed one', () => {
    expect(banks.every((b) => /^\d{6}$/.test(b.iin))).toBe(true);
    for (const b of banks) if (b.ifsc !== null) expect(b.ifsc).toMatch(/^[A-Z]{4}$/);
    expect(banks.filter((b) => b.ifsc !== null).length).toBeGreaterThan(30);
    const hdfc = banks.find((b) => b.short === 'HDFC')!;
    expect([bankCodeFor(hdfc, 'spec'), bankCodeFor(hdfc, 'current')]).toEqual([hdfc.iin, 'HDFC']);
    // Baroda UP Bank's IFSCs carry its sponsor's prefix (BARB): no code for it in the current edition.
    expect(bankCodeFor(banks.find((b) => b.iin === '606993')!, 'current')).toBeNull();
  });
});
