import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { bankCodeEdition, bankCodeFor, parseBankList, searchBanks, searchKey } from '../../../app/domain/banks';

const banks = parseBankList(fs.readFileSync('assets/aeps-banks.tsv', 'utf8'));

describe('bank list', () => {
  it('parses every bank with a 6-digit IIN', () => {
    expect(banks.length).toBeGreaterThan(50);
    expect(banks.find((b) => b.short === 'SBI')).toMatchObject({ name: 'State Bank of India', short: 'SBI', iin: '607094', ifsc: 'SBIN', hindi: 'भारतीय स्टेट बैंक', popular: 1 });
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

describe('bank search for a counter', () => {
  const first = (q: string, recent: string[] = []) => searchBanks(banks, q, recent)[0]?.short;
  it('reads a list without the optional columns (hindi, aliases, popular)', () => {
    const old = parseBankList('name\tshort\tiin\tifsc\nState Bank of India\tSBI\t607094\tSBIN\n');
    expect(old).toEqual([{ name: 'State Bank of India', short: 'SBI', iin: '607094', ifsc: 'SBIN', hindi: '', aliases: [], popular: null }]);
    expect(searchBanks(old, 's.b.i')[0]?.iin).toBe('607094');
  });
  it('ignores dots, spaces and case', () => {
    expect(searchKey(' S.B.I ')).toBe('sbi');
    for (const q of ['S.B.I', 's b i', 'SBI', 'sbi', 'S. B. I.']) expect(first(q), q).toBe('SBI');
    expect(first('P.N.B')).toBe('PNB');
    expect(first('hdfc bank')).toBe('HDFC');
    expect(first('HDFCBANK')).toBe('HDFC');
    expect(first('icici')).toBe('ICICI');
  });
  it('knows each bank’s Hindi name (with or without the nukta) and common other names', () => {
    expect(first('स्टेट बैंक')).toBe('SBI');
    expect(first('भारतीय स्टेट')).toBe('SBI');
    expect(first('पंजाब नेशनल')).toBe('PNB');
    expect(first('पंजाब नैशनल')).toBe('PNB');
    expect(first('बैंक ऑफ बड़ौदा')).toBe('BOB'); // typed without the nukta of ऑफ़
    expect(first('State Bank')).toBe('SBI');
    expect(first('post office')).toBe('IPPB');
    expect(first('डाकघर')).toBe('IPPB');
    // Banks without a Hindi name are still found by their English name.
    expect(first('Saraswat')).toBe('SRCB');
  });
  it('an empty search: the counter’s recent banks, then the most used, then A–Z', () => {
    const all = searchBanks(banks, '');
    expect(all).toHaveLength(banks.length);
    expect(all.slice(0, 3).map((b) => b.short)).toEqual(['SBI', 'PNB', 'BOB']);
    const rest = all.filter((b) => b.popular == null).map((b) => b.name);
    expect(rest).toEqual([...rest].sort((a, b) => a.localeCompare(b, 'en')));
    expect(searchBanks(banks, '', ['608001']).slice(0, 2).map((b) => b.short)).toEqual(['FINO', 'SBI']);
  });
  it('one letter is an index: banks with a word starting with it, A–Z', () => {
    const k = searchBanks(banks, 'k').map((b) => b.name);
    expect(k.length).toBeGreaterThan(3);
    expect(k.every((n) => /(^|[\s&-])k/i.test(n) || banks.find((b) => b.name === n)!.short.toLowerCase().startsWith('k'))).toBe(true);
    expect(k).toContain('Kotak Mahindra Bank');
    expect(k).not.toContain('Bank of India'); // has a "k" but no word starts with one
  });
  it('a short name or a name that starts with the search comes before a name that only contains it', () => {
    expect(first('bank of')).toBe('BOB');
    expect(searchBanks(banks, 'india').map((b) => b.short).slice(0, 2)).toContain('IPPB');
    expect(searchBanks(banks, 'zzzz')).toEqual([]);
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

  it('the daily authentication sends the IFSC prefix on any counter; a customer’s operation, its counter’s edition’s code', () => {
    for (const counter of ['spec', 'current'] as const) {
      expect(bankCodeEdition('dailyAuth', counter)).toBe('current');
      expect(bankCodeEdition('enquiry', counter)).toBe(counter);
    }
  });
});
