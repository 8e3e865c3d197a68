/**
 * `npm run bench`: prints the speed figures the issues set goals for.
 * Each bench prints its own lines; none of them fails a build.
 */
import { benchEko } from './bench/eko';
import { benchRd } from './bench/rd';
import { benchRenderer } from './bench/renderer';

async function main(): Promise<void> {
  // Initial JS size, start-up, capture → balance, heap: scripts/bench/renderer.ts.
  await benchRenderer((line) => console.log(line));
  await benchEko((line) => console.log(line));
  await benchRd((line) => console.log(line));
}

void main();
