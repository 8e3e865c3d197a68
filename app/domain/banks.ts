/** The AePS bank list (assets/aeps-banks.tsv): name, short name, IIN, IFSC bank prefix, Hindi name, other names, rank among the most used. */

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
  /** The bank's name in Hindi (Devanagari), '' where not known (the English name is shown then). */
  hindi?: string;
  /** Other names customers use for it (a short form, an older name): search finds them too. */
  aliases?: string[];
  /** Its place among the most used banks (1 first), null for the rest (they follow A–Z). */
  popular?: number | null;
  /** Not in the list: entered by its IIN at the counter (see unlistedBank). */
  unlisted?: boolean;
}

/**
 * A bank that is not in the list, entered by its 6-digit AePS IIN: named by its IIN, with no IFSC
 * prefix (so only the spec edition, whose bank_code is the IIN, can send it). Its bank decides: a
 * wrong IIN is refused by Eko, never guessed into another bank.
 */
export function unlistedBank(iin: string): Bank {
  return { name: `IIN ${iin}`, short: '', iin, ifsc: null, hindi: '', aliases: [], popular: null, unlisted: true };
}

/** Whether `text` can be an AePS IIN: six digits, the first not 0. */
export function isIin(text: string): boolean {
  return /^[1-9]\d{5}$/.test(text);
}

/** The bank an IIN names: the listed one, else an unlisted bank for any 6-digit IIN, else null. */
export function findBank(banks: readonly Bank[], iin: string | null | undefined): Bank | null {
  if (!iin) return null;
  return banks.find((b) => b.iin === iin) ?? (isIin(iin) ? unlistedBank(iin) : null);
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
  const [iName, iShort, iIin, iIfsc, iHindi, iAliases, iPopular] = ['name', 'short', 'iin', 'ifsc', 'hindi', 'aliases', 'popular'].map(col) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  // Optional columns (hindi, aliases, popular) may be missing: cells[-1] is undefined.
  return data
    .map((cells): Bank => {
      const ifsc = (cells[iIfsc] ?? '').toUpperCase();
      const popular = Number.parseInt(cells[iPopular] ?? '', 10);
      return {
        name: cells[iName] ?? '',
        short: cells[iShort] ?? '',
        iin: cells[iIin] ?? '',
        ifsc: /^[A-Z]{4}$/.test(ifsc) ? ifsc : null,
        hindi: cells[iHindi] ?? '',
        aliases: (cells[iAliases] ?? '')
          .split('|')
          .map((a) => a.trim())
          .filter((a) => a !== ''),
        popular: Number.isInteger(popular) && popular > 0 ? popular : null,
      };
    })
    .filter((bank) => bank.name !== '' && /^\d{6}$/.test(bank.iin));
}

/**
 * A name as search compares it: lower case, without dots, spaces, hyphens, ampersands, commas,
 * apostrophes or brackets ("S.B.I" = "sbi"), and without the Devanagari nukta ("ऑफ़" = "ऑफ").
 */
export function searchKey(text: string): string {
  return text
    .normalize('NFD')
    .replace(/\u093C/g, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(/[\s.\-&'’,()/]+/g, '');
}

/** How well `bank` matches the search key `q` (lower is better), or null when it does not. */
function matchRank(bank: Bank, q: string): number | null {
  if (/^\d+$/.test(q)) return bank.iin.startsWith(q) ? 0 : null;
  const aliases = bank.aliases ?? [];
  const names = [bank.name, bank.short, bank.hindi ?? '', ...aliases].filter((n) => n !== '');
  const keys = names.map(searchKey);
  if (searchKey(bank.short) === q || aliases.some((a) => searchKey(a) === q)) return 0;
  if (keys.some((k) => k.startsWith(q))) return 1;
  // A word of a name that starts with it ("bihar" in "Dakshin Bihar Gramin Bank").
  const words = names.flatMap((n) => n.split(/[\s\-&/]+/)).map(searchKey);
  if (words.some((w) => w.startsWith(q))) return 2;
  // One letter finds names by their words' first letters only (an index, not "every bank with an a").
  if (q.length < 2) return null;
  return keys.some((k) => k.includes(q)) ? 3 : null;
}

/**
 * Search by name (English or Hindi), short name, a common other name or IIN, ignoring case,
 * dots and spaces. An empty query lists the counter's recent banks first, then the most used
 * banks, then the rest A–Z. A query lists the best matches first (a short name or a name that
 * starts with it), recent banks first among equals, then A–Z.
 */
export function searchBanks(banks: readonly Bank[], query: string, recentIins: readonly string[] = []): Bank[] {
  const q = searchKey(query);
  const recent = (b: Bank) => {
    const i = recentIins.indexOf(b.iin);
    return i === -1 ? Number.MAX_SAFE_INTEGER : i;
  };
  const byName = (a: Bank, b: Bank) => a.name.localeCompare(b.name, 'en');
  if (q === '') {
    const popular = (b: Bank) => b.popular ?? Number.MAX_SAFE_INTEGER;
    return [...banks].sort((a, b) => recent(a) - recent(b) || popular(a) - popular(b) || byName(a, b));
  }
  return banks
    .map((bank) => ({ bank, rank: matchRank(bank, q) }))
    .filter((m): m is { bank: Bank; rank: number } => m.rank !== null)
    .sort((a, b) => a.rank - b.rank || recent(a.bank) - recent(b.bank) || byName(a.bank, b.bank))
    .map(({ bank }) => bank);
}

/**
 * Which edition's bank_code a call sends: a customer's operation (`enquiry`: balance enquiry, mini
 * statement), the counter's; Eko's daily authentication, the IFSC bank prefix (the current
 * edition's code) whatever the counter's edition.
 */
export function bankCodeEdition(call: 'enquiry' | 'dailyAuth', counter: 'spec' | 'current'): 'spec' | 'current' {
  return call === 'dailyAuth' ? 'current' : counter;
}

/** The bank_code a request edition sends for this bank; null when the edition has no code for it. */
export function bankCodeFor(bank: Bank, edition: 'spec' | 'current'): string | null {
  return edition === 'spec' ? bank.iin : bank.ifsc;
}
