/**
 * The Indian calendar day (IST, UTC+05:30 all year, no daylight saving) an instant falls in,
 * whatever the PC's time zone: Eko's and NPCI's "once a day" is India's day.
 */
export const IST_OFFSET_MS = 330 * 60_000;
const DAY_MS = 86_400_000;

export interface IndianDay {
  /** YYYY-MM-DD */
  day: string;
  /** ISO instants: the day's start (inclusive) and the next day's start (exclusive). */
  from: string;
  to: string;
}

export function indianDay(at: Date): IndianDay {
  const shifted = new Date(at.getTime() + IST_OFFSET_MS);
  const start = Date.UTC(shifted.getUTCFullYear(), shifted.getUTCMonth(), shifted.getUTCDate()) - IST_OFFSET_MS;
  const pad = (n: number) => String(n).padStart(2, '0');
  return {
    day: `${shifted.getUTCFullYear()}-${pad(shifted.getUTCMonth() + 1)}-${pad(shifted.getUTCDate())}`,
    from: new Date(start).toISOString(),
    to: new Date(start + DAY_MS).toISOString(),
  };
}
