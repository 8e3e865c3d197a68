/** The AePS bank list (assets/aeps-banks.tsv): name, short name, IIN, IFSC bank prefix. */

export interface Bank {
  name: string;
  short: string;
  /** The AePS IIN: the spec edition's bank_code. */
  iin: string;
  /**
   * The bank's IFSC prefix (SBIN, HDFC): the current edition's bank_code. null for regional rural
   * banks, whose IFSCs carry the sponsor bank's prefix: Eko's code for them is not known, and a
   * guess would name another bank.
   */
  ifsc: string | null;
}

/** Parses the TSV (comment lines start with #, first data line is the header). */
export function parseBankList(tsv: string): Bank[] {
  const rows = tsv
    .split(/\r?\n/)
    .filter((line) => line.trim() !== '' && !line.startsWith('#'))
    .map((line) => line.split('\t').map((cell) => cell.trim()));
  const [header, ...data] = rows;
  if (!header) return [];
  const col = (name: string) => header.indexOf(name);
  const [iName, iShort, iIin, iIfsc] = [col('name'), col('short'), col('iin'), col('ifsc')];
  return data
    .map((cells) => {
      const ifsc = (cells[iIfsc] ?? '').toUpperCase();
      return { name: cells[iName] ?? '', short: cells[iShort] ?? '', iin: cells[iIin] ?? '', ifsc: /^[A-Z]{4}$/.test(ifsc) ? ifsc : null };
    })
    .filter((bank) => bank.name !== '' && /^\d{6}$/.test(bank.iin));
}

/** Case-insensitive search by name, short name or IIN; recent IINs first, then alphabetical order kept. */
export function searchBanks(banks: readonly Bank[], query: string, recentIins: readonly string[] = []): Bank[] {
  const q = query.trim().toLowerCase();
  const matches = q === ''
    ? [...banks]
    : banks.filter(
        (b) => b.name.toLowerCase().includes(q) || b.short.toLowerCase().includes(q) || b.iin.startsWith(q),
      );
  const rank = (b: Bank) => {
    const i = recentIins.indexOf(b.iin);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  return matches
    .map((bank, index) => ({ bank, index }))
    .sort((a, b) => rank(a.bank) - rank(b.bank) || a.index - b.index)
    .map(({ bank }) => bank);
}

/** The bank_code a request edition sends for this bank; null when the edition has no code for it. */
export function bankCodeFor(bank: Bank, edition: 'spec' | 'current'): string | null {
  return edition === 'spec' ? bank.iin : bank.ifsc;
}
