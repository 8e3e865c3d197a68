/** Table tests: one function, many inputs, each with the answer it must give. */
import { expect } from 'vitest';

/** `fn(input)` equals `expected` for every `input: expected` of the table; a failure names the input. */
export function expectEachMaps<K extends string, T>(fn: (input: K) => T, table: Readonly<Partial<Record<K, T>>>): void {
  for (const [input, expected] of Object.entries(table) as Array<[K, T]>) expect(fn(input), JSON.stringify(input)).toEqual(expected);
}
