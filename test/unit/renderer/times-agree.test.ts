/** The times the counter keeps, as the manual and the screens say them, agree with the code. */
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { PIN_LOCK_MS, PIN_MAX_LOCK_MS, PIN_MAX_TRIES } from '../../../main/services/settings/pin';
import { SETTINGS_TOKEN_TTL_MS } from '../../../main/services/settings/settings-service';
import { en } from '../../../renderer/i18n/en';
import { hi } from '../../../renderer/i18n/hi';
import { DEFAULT_TIMINGS } from '../../../renderer/timings';

const manual = fs.readFileSync('docs/manual.md', 'utf8').replace(/\s+/g, ' ');
const minutes = (ms: number) => ms / 60_000;

describe('times that agree', () => {
  it('the manual names the idle-wipe and settings-lock times the code uses', () => {
    expect(manual).toContain(`after **${DEFAULT_TIMINGS.idleResultMs / 1000} seconds** on a result`);
    expect(manual).toContain(`after **${minutes(DEFAULT_TIMINGS.idleFlowMs)} minutes** anywhere else`);
    expect(manual).toContain(`**${minutes(DEFAULT_TIMINGS.idleWaitMaxMs)} minutes** at most`);
    expect(manual).toContain(`lock again after **${minutes(DEFAULT_TIMINGS.idleFlowMs)} minutes** without input`);
    expect(manual).toContain(`**${minutes(SETTINGS_TOKEN_TTL_MS)} minutes** after the PIN at the latest`);
    expect(manual).toContain(`after ${PIN_MAX_TRIES} the settings lock for **${minutes(PIN_LOCK_MS)} minutes**, then ${minutes(PIN_LOCK_MS * 2)}, ${minutes(PIN_LOCK_MS * 4)}`);
    expect(PIN_MAX_LOCK_MS).toBe(24 * 60 * 60_000); // "up to a day"
  });

  it('the screens name no settings-lock time of their own, and describe the growing PIN lock-out', () => {
    // The expiry message names no number that could differ from the note shown when unlocked.
    expect(en.errors.settings.tokenExpired.what).not.toMatch(/\d/);
    expect(hi.errors.settings.tokenExpired.what).not.toMatch(/\d/);
    expect(en.settings.unlockedNote).toContain('{{minutes}}');
    const wrong = en.errors.settings.pinWrong.todo;
    expect(wrong).toContain(`After ${PIN_MAX_TRIES} wrong tries`);
    expect(wrong).toContain(`${minutes(PIN_LOCK_MS)} minutes the first time, then ${minutes(PIN_LOCK_MS * 2)}, ${minutes(PIN_LOCK_MS * 4)}`);
    expect(wrong).toContain('up to a day');
    expect(hi.errors.settings.pinWrong.todo).toContain(`पहली बार ${minutes(PIN_LOCK_MS)} मिनट, फिर हर बार ${minutes(PIN_LOCK_MS * 2)}, ${minutes(PIN_LOCK_MS * 4)}`);
  });
});
