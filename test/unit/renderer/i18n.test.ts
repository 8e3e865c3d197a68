import { describe, expect, it } from 'vitest';
import * as z from 'zod/mini';
import { ERROR_CODES, REFUSAL_REASONS, EnquiryOutcomeSchema, messageKeyFor } from '../../../app/contract';
import { en } from '../../../renderer/i18n/en';
import { hi } from '../../../renderer/i18n/hi';
import { placeholdersOf, translationEntries } from '../../support/translations';

const EN = translationEntries(en);
const HI = translationEntries(hi);
const placeholders = placeholdersOf;

describe('translations', () => {
  it('has every key in both languages, none empty', () => {
    expect([...EN.keys()].sort()).toEqual([...HI.keys()].sort());
    for (const [key, text] of [...EN, ...HI]) expect(text.trim(), key).not.toBe('');
  });

  it('uses the same placeholders in both languages', () => {
    for (const [key, text] of EN) expect(placeholders(HI.get(key)!), key).toEqual(placeholders(text));
  });

  it('really translates: no English sentence is left in hi.ts', () => {
    const same = [...HI].filter(([key, text]) => text === EN.get(key) && /\b[a-z]{3,}\b/.test(text.replace(/\{\{\w+\}\}/g, ""))).map(([k]) => k);
    expect(same).toEqual([]);
  });

  it('has a message (what happened, what to do) for every error code the contract can return', () => {
    for (const code of ERROR_CODES) {
      const key = messageKeyFor(code);
      for (const dict of [EN, HI]) {
        expect(dict.get(`${key}.what`), `${key}.what`).toBeTruthy();
        expect(dict.get(`${key}.todo`), `${key}.todo`).toBeTruthy();
      }
    }
  });

  it('has a plain fallback for every error message that needs a parameter', () => {
    for (const code of ERROR_CODES) {
      const key = messageKeyFor(code);
      if (placeholders(EN.get(`${key}.what`)!).length > 0) {
        expect(EN.get(`${key}.whatBare`), key).toBeTruthy();
        expect(HI.get(`${key}.whatBare`), key).toBeTruthy();
      }
    }
  });

  it('explains every refusal reason and every unknown reason in both languages', () => {
    for (const reason of REFUSAL_REASONS) {
      for (const dict of [EN, HI]) {
        expect(dict.get(`refusal.${reason}.what`), reason).toBeTruthy();
        expect(dict.get(`refusal.${reason}.todo`), reason).toBeTruthy();
      }
    }
    const reasons = z.getDiscriminatedOption(EnquiryOutcomeSchema, 'unknown').shape.reason.options;
    expect(reasons.length).toBeGreaterThan(3);
    for (const reason of reasons) {
      expect(EN.get(`unknownReason.${reason}`), reason).toBeTruthy();
      expect(HI.get(`unknownReason.${reason}`), reason).toBeTruthy();
    }
  });
});
