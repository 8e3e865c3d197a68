/**
 * Eko checks secret-key-timestamp against its own clock, so a counter PC whose clock is
 * off fails every call with 403. We measure the skew from every response's Date header
 * (server − local) and, once it is beyond the tolerance, sign with the corrected time
 * and tell the operator to fix the PC clock.
 */

/** Beyond this the PC clock is called wrong: sign with the corrected time, warn the operator. */
export const CLOCK_TOLERANCE_MS = 30_000;

export interface EkoClock {
  /** This PC's time, ms. */
  local(): number;
  /** The time to sign with and to stamp records with: corrected when the skew is beyond the tolerance. */
  now(): number;
  /** Records the Date header of a response received at local time `receivedAt`. Returns the skew, or null. */
  observe(dateHeader: unknown, sentAt: number, receivedAt: number): number | null;
  skewMs(): number | null;
  warning(): boolean;
}

export function createEkoClock(localNow: () => number = Date.now): EkoClock {
  let skew: number | null = null;
  const beyond = () => skew !== null && Math.abs(skew) > CLOCK_TOLERANCE_MS;
  return {
    local: localNow,
    now: () => (beyond() ? localNow() + skew! : localNow()),
    observe(dateHeader, sentAt, receivedAt) {
      if (typeof dateHeader !== 'string' || dateHeader === '') return null;
      const serverMs = Date.parse(dateHeader);
      if (!Number.isFinite(serverMs)) return null;
      // The Date header is truncated to the second and stamped somewhere during the
      // round trip: compare its midpoint with the midpoint of our round trip.
      const measured = Math.round(serverMs + 500 - (sentAt + receivedAt) / 2);
      skew = measured;
      return measured;
    },
    skewMs: () => skew,
    warning: beyond,
  };
}
