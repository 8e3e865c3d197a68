import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { OperatorPinSchema, type KioskError } from '../../../app/contract';
import { createPinGuard, hashPin, LOCK_FILE_NAME, verifyPin } from '../../../main/services/settings/pin';
import { makeTempDir } from '../../support/temp-dir';

async function codeOf(promise: Promise<unknown>): Promise<{ code: string; params?: Record<string, string> }> {
  try {
    await promise;
  } catch (err) {
    return { code: (err as KioskError).code, params: (err as KioskError).params };
  }
  throw new Error('expected a rejection');
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
});
