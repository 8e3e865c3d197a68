import { describe, expect, it } from 'vitest';
import { CLOCK_MAX_CORRECTION_MS, CLOCK_TOLERANCE_MS, createEkoClock } from '../../../main/services/eko/clock';

describe('Eko clock', () => {
  it('knows nothing before a response', () => {
    const clock = createEkoClock(() => 1_700_000_000_000);
    expect(clock.skewMs()).toBeNull();
    expect(clock.warning()).toBe(false);
    expect(clock.now()).toBe(1_700_000_000_000);
  });

  it('measures server minus local from the Date header, and ignores a missing or bad one', () => {
    let local = Date.parse('2024-01-01T10:00:00.000Z');
    const clock = createEkoClock(() => local);
    // Server says 10:05:00 while we are at 10:00:00.000–10:00:00.100.
    const skew = clock.observe('Mon, 01 Jan 2024 10:05:00 GMT', local, local + 100);
    expect(skew).toBeGreaterThan(300_000 - 1000);
    expect(skew).toBeLessThan(300_000 + 1000);
    expect(clock.observe(undefined, local, local)).toBeNull();
    expect(clock.observe('not a date', local, local)).toBeNull();
    expect(clock.skewMs()).toBe(skew);
    local += 1000;
    // Beyond the tolerance: sign with the corrected time, and warn.
    expect(clock.warning()).toBe(true);
    expect(clock.now()).toBe(local + skew!);
  });

  it('does not correct or warn within the tolerance', () => {
    const local = Date.parse('2024-01-01T10:00:00.000Z');
    const clock = createEkoClock(() => local);
    clock.observe(new Date(local + CLOCK_TOLERANCE_MS - 5000).toUTCString(), local, local);
    expect(clock.warning()).toBe(false);
    expect(clock.now()).toBe(local);
    clock.observe(new Date(local - CLOCK_TOLERANCE_MS - 5000).toUTCString(), local, local);
    expect(clock.warning()).toBe(true);
    expect(clock.now()).toBeLessThan(local - CLOCK_TOLERANCE_MS);
  });

  it('a skew beyond one day is not used for signing: the PC clock is reported wrong', () => {
    const HOUR = 3_600_000;
    const local = Date.parse('2024-01-01T10:00:00.000Z');
    const clock = createEkoClock(() => local);
    // Just under a day: still corrected.
    clock.observe(new Date(local + CLOCK_MAX_CORRECTION_MS - HOUR).toUTCString(), local, local);
    expect(clock.pcClockWrong()).toBe(false);
    expect(clock.now()).toBeGreaterThan(local + CLOCK_MAX_CORRECTION_MS - 2 * HOUR);
    // Eko says it is two days later, or 25 hours earlier: sign with the PC's own time, and say the clock is wrong.
    for (const offset of [48 * HOUR, -25 * HOUR]) {
      const skew = clock.observe(new Date(local + offset).toUTCString(), local, local);
      expect(Math.abs(skew! - offset)).toBeLessThan(1000);
      expect(clock.skewMs()).toBe(skew);
      expect(clock.warning()).toBe(true);
      expect(clock.pcClockWrong()).toBe(true);
      expect(clock.now()).toBe(local);
    }
    // A later answer within the tolerance clears it.
    clock.observe(new Date(local).toUTCString(), local, local);
    expect(clock.pcClockWrong()).toBe(false);
    expect(clock.warning()).toBe(false);
    expect(clock.now()).toBe(local);
  });

  it('forgets a measurement once the PC clock is changed, so fixing the clock works without a restart', () => {
    let local = Date.parse('2020-01-01T10:00:00.000Z');
    let mono = 5_000;
    const clock = createEkoClock(
      () => local,
      () => mono,
    );
    const eko = Date.parse('2024-01-01T10:00:00.000Z');
    clock.observe(new Date(eko).toUTCString(), local, local);
    expect(clock.pcClockWrong()).toBe(true);
    // Time passes on both clocks: the measurement stands.
    local += 60_000;
    mono += 60_000;
    expect(clock.pcClockWrong()).toBe(true);
    // The operator sets the date: the wall clock jumps, the monotonic one does not.
    local = eko + 61_000;
    mono += 1_000;
    expect(clock.skewMs()).toBeNull();
    expect(clock.pcClockWrong()).toBe(false);
    expect(clock.warning()).toBe(false);
    expect(clock.now()).toBe(local);
  });

  it('with the real clock, a Date header two days ahead reports the PC clock wrong and signs with the PC time', () => {
    const clock = createEkoClock();
    const sent = Date.now();
    clock.observe(new Date(sent + 2 * CLOCK_MAX_CORRECTION_MS).toUTCString(), sent, sent);
    expect(clock.pcClockWrong()).toBe(true);
    expect(Math.abs(clock.now() - Date.now())).toBeLessThan(5_000);
  });
});
