/**
 * `npm run bench`: prints the speed figures the issues set goals for.
 * Each bench prints its own lines; none of them fails a build.
 */
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { buildRenderer } from './build';
import { benchEko } from './bench/eko';
import { benchRd } from './bench/rd';

async function rendererSize(): Promise<void> {
  const { outDir, files } = await buildRenderer();
  const js = files.filter((f) => f.endsWith('.js'));
  const gz = js.reduce((sum, f) => sum + zlib.gzipSync(fs.readFileSync(path.join(outDir, f)), { level: 9 }).length, 0);
  console.log(`renderer initial JS: ${(gz / 1024).toFixed(1)} KB gzip (goal < 150 KB)`);
}

async function main(): Promise<void> {
  await rendererSize();
  await benchEko((line) => console.log(line));
  await benchRd((line) => console.log(line));
}

void main();
