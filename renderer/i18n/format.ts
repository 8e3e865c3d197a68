/**
 * Dates and times in the agent's language, in the PC's local time zone. One place, so the
 * result screen, history, receipts and settings all read the same way. Hindi uses the 24-hour
 * clock: hi-IN's am/pm come out in Latin letters in the middle of Devanagari text.
 */
type When = string | Date;

const localeOf = (lang: string) => (lang === 'hi' ? 'hi-IN' : 'en-IN');
const clockOf = (lang: string): Intl.DateTimeFormatOptions => (lang === 'hi' ? { hourCycle: 'h23' } : { hour12: true });

function toDate(when: When): Date | null {
  const d = typeof when === 'string' ? new Date(when) : when;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "29 Nov 2026, 8:21:50 am" / "29 नव॰ 2026, 08:21:50" (seconds: the result screen; without: receipts). */
export function formatDateTime(when: When, lang: string, options: { seconds?: boolean } = {}): string {
  const d = toDate(when);
  if (!d) return typeof when === 'string' ? when : '';
  return d.toLocaleString(localeOf(lang), {
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    ...(options.seconds ? { second: '2-digit' } : {}),
    ...clockOf(lang),
  });
}

/** "8:21 am" / "08:21". */
export function formatTime(when: When, lang: string): string {
  const d = toDate(when);
  return d ? d.toLocaleTimeString(localeOf(lang), { hour: 'numeric', minute: '2-digit', ...clockOf(lang) }) : '';
}

/** "29 Nov 2026" / "29 नव॰ 2026". */
export function formatDay(when: When, lang: string): string {
  const d = toDate(when);
  return d ? d.toLocaleDateString(localeOf(lang), { day: 'numeric', month: 'short', year: 'numeric' }) : '';
}
