/** Hindi that reads naturally at a busy counter: the literal or bookish words found in review stay out. */
import { describe, expect, it } from 'vitest';
import { BANKS, bankName } from '../../../renderer/banks';
import { en } from '../../../renderer/i18n/en';
import { hi } from '../../../renderer/i18n/hi';
import { translationEntries } from '../../support/translations';

const HI = [...translationEntries(hi)];

/** Word (or spelling) → what the agent reads instead. */
const AVOID: Record<string, string> = {
  नकली: 'डेमो (the training scanner and Eko are demo ones, not "fake")',
  'कुंजियाँ स्वीकार': 'Eko की कुंजियाँ सही हैं',
  स्वीकार: 'माना / मना किया',
  अज्ञात: 'पता नहीं',
  त्रुटि: 'एरर / गड़बड़ी',
  अनुरोध: 'रिक्वेस्ट',
  प्रारूप: 'फ़ॉर्मेट',
  शुल्क: 'चार्ज',
  संदर्भ: 'रेफ़रेंस',
  संस्करण: 'वर्ज़न',
  सहेज: 'सेव',
  स्वचालित: '“ऑटोमैटिक”',
  वैकल्पिक: 'ज़रूरी नहीं',
  गुणवत्ता: 'क्वालिटी',
  प्रशिक्षण: 'ट्रेनिंग',
  'RD सेवा': 'RD सर्विस',
  फ़िंगरप्रिंट: 'फिंगरप्रिंट (one spelling)',
  उँगली: 'उंगली (one spelling)',
  पिन: 'PIN (as on the ATM, one spelling)',
  '(consent)': 'सहमति alone',
};

describe('Hindi terms', () => {
  it.each(Object.entries(AVOID))('does not say “%s” (say: %s)', (word) => {
    expect(HI.filter(([, text]) => text.includes(word)).map(([key]) => key)).toEqual([]);
  });

  /** The step bar's labels (not its own name or its "current"/"done" words), of both flows. */
  const stepLabels = (table: typeof en) =>
    [...Object.entries(table.steps), ...Object.entries(table.dailyAuth.steps)].filter(([k]) => !['label', 'current', 'done'].includes(k));

  it('keeps the step bar labels short: the longest is “फिंगरप्रिंट”, no “आपका …”', () => {
    for (const [key, text] of stepLabels(hi)) {
      expect([...text].length, `${key}: ${text}`).toBeLessThanOrEqual([...'फिंगरप्रिंट'].length);
      expect(text, key).not.toMatch(/^आपका|^अपना/);
    }
  });

  it('keeps the English step bar labels as short: at most “Fingerprint” (the step bar cuts longer ones at 1280 px)', () => {
    for (const [key, text] of stepLabels(en)) expect(text.length, `${key}: ${text}`).toBeLessThanOrEqual('Fingerprint'.length);
  });

  it('reads the consent as one plain statement for every customer, with the bank in it', () => {
    for (const text of [hi.consent.text, hi.consent.statementText]) {
      expect(text).toMatch(/^मैं, आधार नंबर धारक, इस एजेंट को अपना आधार नंबर और फिंगरप्रिंट देने के लिए सहमत हूँ/);
      expect(text).toContain('{{bank}} में मेरे खाते');
      expect(text).toContain('UIDAI');
      expect(text).toContain('मेरे खाते से कोई पैसा नहीं कटेगा।');
      expect(text).not.toContain('/'); // no देता/देती to choose while reading aloud
    }
    expect(hi.consent.statementText).toContain('बैलेंस और पिछले लेन-देन');
  });

  it('says a clock time as it is spoken: “{{time}} बजे”', () => {
    const withTime = HI.filter(([, text]) => text.includes('{{time}}'));
    expect(withTime.length).toBeGreaterThan(3);
    for (const [key, text] of withTime) expect(text, key).toContain('{{time}} बजे');
  });

  it('names a bank in Hindi where the list has a Hindi name, with the English name beside it', () => {
    const sbi = BANKS.find((b) => b.short === 'SBI')!;
    expect(bankName(sbi, 'hi')).toEqual({ name: 'भारतीय स्टेट बैंक', other: 'State Bank of India' });
    expect(bankName(sbi, 'en')).toEqual({ name: 'State Bank of India', other: null });
    const noHindi = { ...sbi, hindi: '' };
    expect(bankName(noHindi, 'hi')).toEqual({ name: 'State Bank of India', other: null });
    // Every most-used bank (the first screen of the list) has its Hindi name.
    for (const bank of BANKS.filter((b) => b.popular)) expect(bank.hindi, bank.name).toBeTruthy();
  });

  it('English keeps am/pm words out of its time sentences too (one clock: the formatter adds them)', () => {
    for (const [key, text] of translationEntries(en)) if (text.includes('{{time}}')) expect(text, key).not.toMatch(/\b(am|pm|o’clock)\b/i);
  });
});
