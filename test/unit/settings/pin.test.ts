import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperatorPinSchema, type KioskError } from '../../../app/contract';
import { createPinGuard, hashPin, LOCK_FILE_NAME, PIN_MAX_LOCK_MS, pinLockDuration, verifyPin } from '../../../main/services/settings/pin';
import { makeTempDir } from '../../support/temp-dir';

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; params?: Record<string, string> }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as KioskError).code, params: (err as KioskError).params };
  }
  throw new Error('expected a rejection');
}

/** A hash of `pin` in the stored format with a cheap scrypt cost: many guesses stay fast. */
function cheapHash(pin: string): string {
  const salt = crypto.randomBytes(16);
  return ['scrypt', 1024, 8, 1, salt.toString('base64'), crypto.scryptSync(pin, salt, 32, { N: 1024, r: 8, p: 1 }).toString('base64')].join('$');
}

describe('operator PIN hashing', () => {
  it('stores scrypt with its parameters and a random salt, and verifies', async () => {
    const a = await hashPin('2580');
    const b = await hashPin('2580');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[A-Za-z0-9+/=]+\$[A-Za-z0-9+/=]+$/);
    expect(a).not.toBe(b);
    expect(a).not.toContain('2580');
    expect(await verifyPin('2580', a)).toBe(true);
    expect(await verifyPin('2581', a)).toBe(false);
    expect(await verifyPin('25800', a)).toBe(false);
  });

  it('a malformed or hostile stored hash matches nothing (and allocates nothing huge)', async () => {
    const good = await hashPin('2580');
    const [, , r, p, salt, hash] = good.split('$');
    for (const bad of ['', 'plain2580', `bcrypt$16384$${r}$${p}$${salt}$${hash}`, `scrypt$1073741824$${r}$${p}$${salt}$${hash}`, `scrypt$1000$${r}$${p}$${salt}$${hash}`, `scrypt$16384$${r}$${p}$${salt}$`]) {
      expect(await verifyPin('2580', bad), bad).toBe(false);
    }
  });

  it('PIN format: 4–8 digits, not trivially guessable', () => {
    for (const ok of ['2580', '9173', '13579', '20240817']) expect(OperatorPinSchema.safeParse(ok).success, ok).toBe(true);
    for (const bad of ['123', '123456789', '12a4', '0000', '1111', '1234', '4321', '98765', '', ' 2580']) expect(OperatorPinSchema.safeParse(bad).success, bad).toBe(false);
  });
});

describe('PIN guard (rate limit)', () => {
  it('5 wrong tries lock for 5 minutes, even the right PIN; the lock survives a restart and then lifts', async () => {
    const dir = makeTempDir();
    let t = 1_700_000_000_000;
    const now = () => t;
    const hash = await hashPin('2580');
    const guard = createPinGuard({ dataDir: dir, now });
    for (let i = 1; i <= 4; i++) {
      expect(await codeOf(guard.check('1111', hash))).toEqual({ code: 'settings.pinWrong', params: { triesLeft: String(5 - i) } });
    }
    const locked = await codeOf(guard.check('1111', hash));
    expect(locked.code).toBe('settings.locked');
    expect(locked.params).toMatchObject({ minutes: '5', until: new Date(t + 300_000).toISOString() });
    expect(guard.lockedUntil()).toBe(new Date(t + 300_000).toISOString());
    expect((await codeOf(guard.check('2580', hash))).code).toBe('settings.locked');

    // A restart (a new guard on the same data dir) keeps the lock.
    const restarted = createPinGuard({ dataDir: dir, now });
    expect(restarted.lockedUntil()).not.toBeNull();
    expect((await codeOf(restarted.check('2580', hash))).code).toBe('settings.locked');
    expect(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8')).not.toContain('2580');

    t += 299_000;
    expect((await codeOf(restarted.check('2580', hash))).code).toBe('settings.locked');
    t += 2_000;
    expect(restarted.lockedUntil()).toBeNull();
    await expect(restarted.check('2580', hash)).resolves.toBeUndefined();
  });

  it('a right PIN resets the count; parallel guesses are counted one by one', async () => {
    const dir = makeTempDir();
    const hash = await hashPin('2580');
    const guard = createPinGuard({ dataDir: dir });
    for (let i = 0; i < 4; i++) await codeOf(guard.check('1111', hash));
    await guard.check('2580', hash);
    expect((await codeOf(guard.check('1111', hash))).params).toEqual({ triesLeft: '4' });
    const results = await Promise.allSettled(Array.from({ length: 8 }, () => guard.check('9999', hash)));
    const codes = results.map((r) => (r.status === 'rejected' ? (r.reason as KioskError).code : 'ok'));
    expect(codes.filter((c) => c === 'settings.pinWrong')).toHaveLength(3);
    expect(codes.filter((c) => c === 'settings.locked')).toHaveLength(5);
  });

  it('each further lock before a right PIN lasts twice as long, up to 24 hours; a restart keeps the count; lockedUntil tells the truth', async () => {
    const dir = makeTempDir();
    let t = 1_700_000_000_000;
    const now = () => t;
    const hash = cheapHash('2580');
    let guard = createPinGuard({ dataDir: dir, now });
    const minutes: number[] = [];
    for (let round = 1; round <= 11; round++) {
      for (let i = 1; i <= 4; i++) expect((await codeOf(guard.check('1111', hash))).code).toBe('settings.pinWrong');
      const locked = await codeOf(guard.check('1111', hash));
      expect(locked.code).toBe('settings.locked');
      const until = Date.parse(locked.params!.until!);
      minutes.push((until - t) / 60_000);
      // The Settings answer's lockedUntil is the same instant.
      expect(guard.lockedUntil()).toBe(new Date(until).toISOString());
      expect(locked.params!.minutes).toBe(String(Math.ceil((until - t) / 60_000)));
      // A restart in the middle of the lock keeps both the lock and the count.
      guard = createPinGuard({ dataDir: dir, now });
      expect(guard.lockedUntil()).toBe(new Date(until).toISOString());
      t = until - 1;
      expect((await codeOf(guard.check('2580', hash))).code).toBe('settings.locked');
      t = until;
      expect(guard.lockedUntil()).toBeNull();
    }
    expect(minutes).toEqual([5, 10, 20, 40, 80, 160, 320, 640, 1280, 1440, 1440]);
    expect(pinLockDuration(1000)).toBe(PIN_MAX_LOCK_MS);

    // Only a right PIN resets the count: the next lock is 5 minutes again.
    await guard.check('2580', hash);
    for (let i = 1; i <= 4; i++) await codeOf(guard.check('1111', hash));
    const again = await codeOf(guard.check('1111', hash));
    expect(Date.parse(again.params!.until!) - t).toBe(5 * 60_000);
    expect(JSON.parse(fs.readFileSync(path.join(dir, LOCK_FILE_NAME), 'utf8'))).toEqual({ failures: 0, lockouts: 1, lockedUntil: t + 5 * 60_000 });
  });

  it('at most 45 PINs can be tried in any 24 hours (it was about 1,440), even across restarts', async () => {
    const dir = makeTempDir();
    const start = 1_700_000_000_000;
    let t = start;
    const now = () => t;
    // Any hash: the guesser never finds the PIN.
    const hash = cheapHash('2580');
    const tried: number[] = [];
    let guard = createPinGuard({ dataDir: dir, now });
    // A patient guesser tries whenever allowed for a week, restarting the app after every lock.
    while (t < start + 7 * 24 * 3_600_000) {
      const until = guard.lockedUntil();
      if (until !== null) {
        t = Date.parse(until);
        guard = createPinGuard({ dataDir: dir, now });
        continue;
      }
      tried.push(t);
      const code = (await codeOf(guard.check('0000', hash))).code;
      expect(['settings.pinWrong', 'settings.locked']).toContain(code);
      t += 1;
    }
    const day = 24 * 3_600_000;
    const most = Math.max(...tried.map((from) => tried.filter((at) => at >= from && at < from + day).length));
    expect(most).toBe(45);
    expect(most).toBeLessThan(50);
    // Once the lock is at its cap: 5 tries a day.
    const lastDay = tried.filter((at) => at >= t - day).length;
    expect(lastDay).toBeLessThanOrEqual(10);
  });

  it('a PC clock set back does not lock for longer than the lock lasts; an old lock file counts as one lock', async () => {
    const dir = makeTempDir();
    let t = 1_700_000_000_000;
    fs.writeFileSync(path.join(dir, LOCK_FILE_NAME), JSON.stringify({ failures: 5, lockedUntil: t + 60_000 }));
    const guard = createPinGuard({ dataDir: dir, now: () => t });
    expect(guard.lockedUntil()).toBe(new Date(t + 60_000).toISOString());
    // The clock jumps back a year: the lock still ends at most 5 minutes (the first lock) from now.
    t -= 365 * 24 * 3_600_000;
    expect(guard.lockedUntil()).toBe(new Date(t + 5 * 60_000).toISOString());
    t += 5 * 60_000;
    expect(guard.lockedUntil()).toBeNull();
    const hash = cheapHash('2580');
    for (let i = 1; i <= 4; i++) await codeOf(guard.check('1111', hash));
    // The old file's lock was the first: this is the second, 10 minutes.
    const locked = await codeOf(guard.check('1111', hash));
    expect(Date.parse(locked.params!.until!) - t).toBe(10 * 60_000);
  });
});
