/** The translation tables (renderer/i18n/en.ts, hi.ts) as the tests read them: every text by its dotted key. */
type Tree = { [k: string]: string | Tree };

/** Every text of a table or of a part of one, by its dotted key ("bank.unlisted.open"); `prefix`: the part's own key. */
export function translationEntries(table: unknown, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [k, v] of Object.entries(table as Tree)) {
    const key = prefix ? `${prefix}.${k}` : k;
    if (typeof v === 'string') out.set(key, v);
    else for (const [kk, vv] of translationEntries(v, key)) out.set(kk, vv);
  }
  return out;
}

/** A text's {{placeholders}}, sorted. */
export const placeholdersOf = (text: string): string[] => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]!).sort();
