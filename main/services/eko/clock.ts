/**
 * Eko checks secret-key-timestamp against its own clock, so a counter PC whose clock is
 * off fails every call with 403. We measure the skew from every response's Date header
 * (server − local) and, once it is beyond the tolerance, sign with the corrected time
 * and tell the operator to fix the PC clock.
 *
 * A skew beyond a day is not corrected: a PC that far off (a dead CMOS battery, a wrong
 * year) is wrong, not drifting, and a Date header that far off may not be Eko's to trust.
 * Then the clock signs with the PC's own time and pcClockWrong() says so, for the caller
 * to answer eko.clockSkew. A measurement is forgotten when the PC clock is changed after
 * it (the wall clock moves against the monotonic one), so fixing the clock takes effect
 * at once, without a restart.
 */

/** Beyond this the PC clock is called wrong: sign with the corrected time, warn the operator. */
export const CLOCK_TOLERANCE_MS = 30_000;
/** Beyond this the skew is not corrected at all: pcClockWrong(). */
export const CLOCK_MAX_CORRECTION_MS = 24 * 60 * 60_000;

interface EkoClock {
  /** This PC's time, ms. */
  local(): number;
  /**
   * The time to sign with and to stamp records with: corrected when the skew is beyond the
   * tolerance and at most CLOCK_MAX_CORRECTION_MS; the PC's own time otherwise.
   */
  now(): number;
  /** Records the Date header of a response received at local time `receivedAt`. Returns the skew, or null. */
  observe(dateHeader: unknown, sentAt: number, receivedAt: number): number | null;
  /** The last measured skew (server − local), or null: none yet, or the PC clock was changed since. */
  skewMs(): number | null;
  /** The skew is beyond the tolerance (corrected or not): tell the operator to fix the PC clock. */
  warning(): boolean;
  /** The skew is beyond CLOCK_MAX_CORRECTION_MS: nothing is corrected; the caller answers eko.clockSkew. */
  pcClockWrong(): boolean;
}

/**
 * `localNow`: the PC clock. `monotonic`: a clock the user cannot set, to notice the PC clock
 * being changed; by default performance.now() with the real clock, none with a given one
 * (a test's fake clock is never taken as changed unless it passes its own).
 */
export function createEkoClock(localNow: () => number = Date.now, monotonic: (() => number) | null = localNow === Date.now ? () => performance.now() : null): EkoClock {
  let skew: number | null = null;
  // localNow() − monotonic() when the skew was measured.
  let wallOffset: number | null = null;

  function current(): number | null {
    if (skew !== null && monotonic && wallOffset !== null && Math.abs(localNow() - monotonic() - wallOffset) > CLOCK_TOLERANCE_MS) {
      // The PC clock was set (or jumped) since the measurement: it no longer says anything.
      skew = null;
      wallOffset = null;
    }
    return skew;
  }
  const beyond = () => {
    const s = current();
    return s !== null && Math.abs(s) > CLOCK_TOLERANCE_MS;
  };
  const wrong = () => {
    const s = current();
    return s !== null && Math.abs(s) > CLOCK_MAX_CORRECTION_MS;
  };

  return {
    local: localNow,
    now: () => (beyond() && !wrong() ? localNow() + skew! : localNow()),
    observe(dateHeader, sentAt, receivedAt) {
      if (typeof dateHeader !== 'string' || dateHeader === '') return null;
      const serverMs = Date.parse(dateHeader);
      if (!Number.isFinite(serverMs)) return null;
      // The Date header is truncated to the second and stamped somewhere during the
      // round trip: compare its midpoint with the midpoint of our round trip.
      const measured = Math.round(serverMs + 500 - (sentAt + receivedAt) / 2);
      skew = measured;
      wallOffset = monotonic ? localNow() - monotonic() : null;
      return measured;
    },
    skewMs: current,
    warning: beyond,
    pcClockWrong: wrong,
  };
}
