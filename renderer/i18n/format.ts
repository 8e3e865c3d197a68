/**
 * Dates and times in the agent's language, in the PC's local time zone. One place, so the
 * result screen, history, receipts and settings all read the same way, and one clock for both
 * languages: 12-hour with a day-part ("4:05 pm" / "शाम 4:05").
 */
type When = string | Date;

const localeOf = (lang: string) => (lang === 'hi' ? 'hi-IN' : 'en-IN');
// 12-hour as Indian screens and receipts show it; Hindi names the day-part as it is spoken (सुबह/दोपहर/शाम/रात 4:05), not hi-IN's Latin "am/pm" inside Devanagari.
const clockOf = (lang: string): Intl.DateTimeFormatOptions => (lang === 'hi' ? { hourCycle: 'h12', dayPeriod: 'short' } : { hourCycle: 'h12' });

function toDate(when: When): Date | null {
  const d = typeof when === 'string' ? new Date(when) : when;
  return Number.isNaN(d.getTime()) ? null : d;
}

/** "29 Nov 2026, 8:21:50 am" / "29 नव॰ 2026, सुबह 8:21:50" (seconds: the result screen; without: receipts). */
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

/** "8:21 am" / "सुबह 8:21"; "1:05 pm" / "दोपहर 1:05". */
export function formatTime(when: When, lang: string): string {
  const d = toDate(when);
  return d ? d.toLocaleTimeString(localeOf(lang), { hour: 'numeric', minute: '2-digit', ...clockOf(lang) }) : '';
}

/** "29 Nov 2026" / "29 नव॰ 2026". */
export function formatDay(when: When, lang: string): string {
  const d = toDate(when);
  return d ? d.toLocaleDateString(localeOf(lang), { day: 'numeric', month: 'short', year: 'numeric' }) : '';
}
