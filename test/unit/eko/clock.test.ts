import { describe, expect, it } from 'vitest';
import { CLOCK_TOLERANCE_MS, createEkoClock } from '../../../main/services/eko/clock';

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
});
