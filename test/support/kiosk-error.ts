/** The error a call throws or a promise rejects with; an error of another class, or no failure, fails the test. */
import { KioskError } from '../../app/contract';

type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

/** The `type` error `fn` throws (`thrownBy(ConfigError, () => load(...))`). */
export function thrownBy<E extends Error>(type: ErrorClass<E>, fn: () => unknown): E {
  try {
    fn();
  } catch (err) {
    if (err instanceof type) return err;
    throw err;
  }
  throw new Error(`expected a ${type.name}`);
}

export const kioskErrorOf = (fn: () => unknown): KioskError => thrownBy(KioskError, fn);

/** The KioskError `p` rejects with (its failure, if any, replayed through thrownBy). */
export async function rejection(p: Promise<unknown>): Promise<KioskError> {
  const failure = await p.then(
    () => null,
    (err: unknown) => ({ err }),
  );
  return thrownBy(KioskError, () => {
    if (failure) throw failure.err;
  });
}
