/**
 * The operator PIN: stored only as a salted scrypt hash (`scrypt$N$r$p$salt$hash`),
 * checked in constant time, and guarded against guessing: 5 wrong tries lock the
 * settings for 5 minutes; every further lock before a right PIN lasts twice as long
 * (5, 10, 20, 40 … minutes, at most 24 hours). Only a right PIN resets the count, so
 * at most 45 PINs can be tried in any 24 hours (see the test). The lock and the count
 * are kept in <dataDir>/operator-lock.json, so restarting the app resets neither.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { KioskError } from '../../../app/contract';
import { writeFileAtomic } from './atomic-write';

const SCRYPT = { N: 16384, r: 8, p: 1, keyLen: 32 };
// A hand-edited hash must not make us allocate gigabytes.
const MAX_N = 1 << 20;

function scrypt(pin: string, salt: Buffer, N: number, r: number, p: number, keyLen: number): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    crypto.scrypt(pin, salt, keyLen, { N, r, p, maxmem: 256 * N * r + 1024 * 1024 }, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPin(pin: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(pin, salt, SCRYPT.N, SCRYPT.r, SCRYPT.p, SCRYPT.keyLen);
  return ['scrypt', SCRYPT.N, SCRYPT.r, SCRYPT.p, salt.toString('base64'), hash.toString('base64')].join('$');
}

/** True when `pin` matches `stored`. A malformed stored hash matches nothing. */
export async function verifyPin(pin: string, stored: string): Promise<boolean> {
  const parts = stored.split('$');
  if (parts.length !== 6 || parts[0] !== 'scrypt') return false;
  const [N, r, p] = parts.slice(1, 4).map(Number) as [number, number, number];
  const salt = Buffer.from(parts[4]!, 'base64');
  const expected = Buffer.from(parts[5]!, 'base64');
  const valid = (n: number) => Number.isInteger(n) && n > 0;
  if (!valid(N) || !valid(r) || !valid(p) || N > MAX_N || (N & (N - 1)) !== 0 || r * p > 64 || expected.length < 16 || salt.length < 8) return false;
  let actual: Buffer;
  try {
    actual = await scrypt(pin, salt, N, r, p, expected.length);
  } catch {
    return false;
  }
  return crypto.timingSafeEqual(actual, expected);
}

export const PIN_MAX_TRIES = 5;
/** The first lock; each further one (before a right PIN) doubles, up to PIN_MAX_LOCK_MS. */
export const PIN_LOCK_MS = 5 * 60_000;
export const PIN_MAX_LOCK_MS = 24 * 60 * 60_000;
export const LOCK_FILE_NAME = 'operator-lock.json';

export interface PinGuard {
  /** ISO time until which unlocking is refused, or null. */
  lockedUntil(): string | null;
  /** Checks the PIN against the hash, counting failures. Throws settings.locked or settings.pinWrong. */
  check(pin: string, storedHash: string): Promise<void>;
}

interface LockState {
  /** Wrong tries since the last lock ran out (or the last right PIN). */
  failures: number;
  /** Locks since the last right PIN: the next lock lasts lockMs × 2^lockouts. */
  lockouts: number;
  lockedUntil: number | null;
}

const FRESH: LockState = { failures: 0, lockouts: 0, lockedUntil: null };

/** How long the `lockout`-th lock (1, 2, …) lasts: lockMs, doubling, at most maxLockMs. */
export function pinLockDuration(lockout: number, lockMs = PIN_LOCK_MS, maxLockMs = PIN_MAX_LOCK_MS): number {
  const doublings = Math.min(Math.max(lockout - 1, 0), 40);
  return Math.min(maxLockMs, lockMs * 2 ** doublings);
}

export function createPinGuard(options: { dataDir: string; now?: () => number; maxTries?: number; lockMs?: number; maxLockMs?: number }): PinGuard {
  const now = options.now ?? Date.now;
  const maxTries = options.maxTries ?? PIN_MAX_TRIES;
  const lockMs = options.lockMs ?? PIN_LOCK_MS;
  const maxLockMs = Math.max(options.maxLockMs ?? PIN_MAX_LOCK_MS, lockMs);
  const file = path.join(options.dataDir, LOCK_FILE_NAME);
  let state = readState(file);
  // One check at a time: parallel guesses must not each see the same failure count.
  let queue: Promise<unknown> = Promise.resolve();

  function save(): void {
    try {
      writeFileAtomic(file, JSON.stringify(state));
    } catch {
      // The in-memory lock still holds for this run.
    }
  }

  function activeLock(): number | null {
    const until = state.lockedUntil;
    if (until === null) return null;
    const t = now();
    if (until > t) {
      // A PC clock set back (or a hand-edited file) must not lock for longer than this lock lasts.
      const longest = t + pinLockDuration(Math.max(state.lockouts, 1), lockMs, maxLockMs);
      if (until > longest) {
        state = { ...state, lockedUntil: longest };
        save();
        return longest;
      }
      return until;
    }
    // The lock ran out: a fresh set of tries, but the count of locks stays until a right PIN.
    state = { failures: 0, lockouts: state.lockouts, lockedUntil: null };
    save();
    return null;
  }

  function lockedError(until: number): KioskError {
    const minutes = String(Math.max(1, Math.ceil((until - now()) / 60_000)));
    return new KioskError('settings.locked', {
      detail: `operator PIN locked after wrong tries (lock ${state.lockouts} since the last right PIN)`,
      params: { minutes, until: new Date(until).toISOString() },
    });
  }

  async function check(pin: string, storedHash: string): Promise<void> {
    const locked = activeLock();
    if (locked !== null) throw lockedError(locked);
    if (await verifyPin(pin, storedHash)) {
      if (state.failures !== 0 || state.lockouts !== 0 || state.lockedUntil !== null) {
        state = { ...FRESH };
        save();
      }
      return;
    }
    state = { ...state, failures: state.failures + 1 };
    if (state.failures >= maxTries) {
      const lockouts = state.lockouts + 1;
      state = { failures: 0, lockouts, lockedUntil: now() + pinLockDuration(lockouts, lockMs, maxLockMs) };
      save();
      throw lockedError(state.lockedUntil!);
    }
    save();
    throw new KioskError('settings.pinWrong', { detail: `wrong operator PIN (${state.failures} of ${maxTries})`, params: { triesLeft: String(maxTries - state.failures) } });
  }

  return {
    lockedUntil: () => {
      const until = activeLock();
      return until === null ? null : new Date(until).toISOString();
    },
    check: (pin, storedHash) => {
      const run = queue.then(() => check(pin, storedHash));
      queue = run.catch(() => undefined);
      return run;
    },
  };
}

function readState(file: string): LockState {
  try {
    const json = JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<LockState>;
    const failures = Number.isInteger(json.failures) && json.failures! >= 0 ? json.failures! : 0;
    const lockedUntil = typeof json.lockedUntil === 'number' && Number.isFinite(json.lockedUntil) ? json.lockedUntil : null;
    // A file from before the growing lock has no count: a lock in it was the first.
    const counted = Number.isInteger(json.lockouts) && json.lockouts! >= 0 ? json.lockouts! : 0;
    return { failures, lockouts: lockedUntil !== null ? Math.max(counted, 1) : counted, lockedUntil };
  } catch {
    return { ...FRESH };
  }
}
