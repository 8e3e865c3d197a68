// The counter's zone (IST, UTC+5:30): the figures below do not depend on the machine running the tests.
process.env.TZ = 'Asia/Kolkata';
import { describe, expect, it } from 'vitest';
import { formatDateTime, formatTime } from '../../../renderer/i18n/format';

/** 1 Jan 2025 at hh:05:09 in India. */
const at = (hh: number) => new Date(Date.UTC(2025, 0, 1, hh, 5, 9) - 330 * 60_000);
const HINDI_DAY_PARTS = ['सुबह', 'दोपहर', 'शाम', 'रात'];

describe('one clock in both languages', () => {
  it('13:05 is "1:05 pm" in English and "दोपहर 1:05" in Hindi: the same 12-hour figure with a day-part', () => {
    expect(formatTime(at(13), 'en')).toBe('1:05 pm');
    expect(formatTime(at(13), 'hi')).toBe('दोपहर 1:05');
    expect(formatDateTime(at(13), 'en', { seconds: true })).toMatch(/, 1:05:09 pm$/);
    expect(formatDateTime(at(13), 'hi', { seconds: true })).toMatch(/, दोपहर 1:05:09$/);
  });

  it('every hour of the day shows the same 12-hour figure in both languages, never a 24-hour one', () => {
    for (let hh = 0; hh < 24; hh++) {
      const h12 = String(hh % 12 === 0 ? 12 : hh % 12);
      const en = formatTime(at(hh), 'en');
      const hi = formatTime(at(hh), 'hi');
      expect(en, `${hh}:05 en`).toBe(`${h12}:05 ${hh < 12 ? 'am' : 'pm'}`);
      const [part, figure, ...rest] = hi.split(' ');
      expect(rest, `${hh}:05 hi: "${hi}"`).toEqual([]);
      expect(figure, `${hh}:05 hi`).toBe(`${h12}:05`);
      expect(HINDI_DAY_PARTS, `${hh}:05 hi: "${hi}"`).toContain(part);
      // The receipts and the result screen (date and time) say the same.
      expect(formatDateTime(at(hh), 'en')).toMatch(new RegExp(`, ${h12}:05 (am|pm)$`));
      expect(formatDateTime(at(hh), 'hi')).toMatch(new RegExp(`, ${part} ${h12}:05$`));
    }
  });

  it('the Hindi day-part tells morning from evening: no two hours of the day read the same', () => {
    const shown = Array.from({ length: 24 }, (_, hh) => formatTime(at(hh), 'hi'));
    expect(new Set(shown).size).toBe(24);
    expect(formatTime(at(0), 'hi')).toBe('रात 12:05');
    expect(formatTime(at(9), 'hi')).toBe('सुबह 9:05');
    expect(formatTime(at(12), 'hi')).toBe('दोपहर 12:05');
    expect(formatTime(at(18), 'hi')).toBe('शाम 6:05');
  });
});
