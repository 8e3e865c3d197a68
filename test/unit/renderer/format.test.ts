// The counter's zone (IST, UTC+5:30): the figures below do not depend on the machine running the tests.
process.env.TZ = 'Asia/Kolkata';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatDay, formatTime } from '../../../renderer/i18n/format';

const AT = '2025-01-01T15:04:05.000Z'; // 20:34:05 in India

describe('dates and times in the agent’s language', () => {
  it('Hindi is on the same 12-hour clock everywhere, with the spoken day-part and without Latin am/pm', () => {
    for (const text of [formatDateTime(AT, 'hi', { seconds: true }), formatDateTime(AT, 'hi'), formatTime(AT, 'hi')]) {
      expect(text).not.toMatch(/am|pm/i);
      expect(text).not.toMatch(/20:34/);
      expect(text).toMatch(/रात 8:34/);
    }
    expect(formatDateTime(AT, 'hi', { seconds: true })).toMatch(/रात 8:34:05$/);
    expect(formatDateTime(AT, 'hi')).not.toMatch(/:05$/);
    expect(formatTime(AT, 'hi')).toBe('रात 8:34');
  });

  it('English uses am/pm; seconds only where asked', () => {
    expect(formatDateTime(AT, 'en', { seconds: true })).toMatch(/\b8:34:05\s?pm/i);
    expect(formatDateTime(AT, 'en')).not.toMatch(/:05/);
    expect(formatTime(AT, 'en')).toMatch(/\b8:34\s?pm/i);
  });

  it('days carry the year; a bad time is never "Invalid Date"', () => {
    expect(formatDay(AT, 'en')).toMatch(/2025/);
    expect(formatDay('nonsense', 'hi')).toBe('');
    expect(formatTime('nonsense', 'en')).toBe('');
    expect(formatDateTime('nonsense', 'en')).toBe('nonsense');
  });
});
