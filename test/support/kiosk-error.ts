/** The KioskError a call throws or a promise rejects with; anything else, or no failure, fails the test. */
import { KioskError } from '../../app/contract';

export function kioskErrorOf(fn: () => unknown): KioskError {
  try {
    fn();
  } catch (err) {
    if (err instanceof KioskError) return err;
    throw err;
  }
  throw new Error('expected a KioskError');
}

export async function rejection(p: Promise<unknown>): Promise<KioskError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof KioskError) return err;
    throw err;
  }
  throw new Error('expected a KioskError');
}
