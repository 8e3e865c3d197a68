/**
 * Builds everything with esbuild:
 *   dist/renderer/   the React app (hashed file names, index.html pointing at them)
 *   dist/main/       the Electron main process (electron.cjs) and the sandboxed preload (preload.cjs)
 * Usage: tsx scripts/build.ts [renderer|electron|all] [--dev]
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { build, type BuildOptions } from 'esbuild';

const root = path.resolve(import.meta.dirname, '..');
const dist = path.join(root, 'dist');
const pkg = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8')) as { dependencies: Record<string, string> };

export async function buildRenderer(options: { dev?: boolean; outDir?: string } = {}): Promise<{ outDir: string; files: string[] }> {
  const outDir = options.outDir ?? path.join(dist, 'renderer');
  fs.rmSync(outDir, { recursive: true, force: true });
  const result = await build({
    absWorkingDir: root,
    entryPoints: { app: 'renderer/main.tsx' },
    bundle: true,
    format: 'esm',
    platform: 'browser',
    target: ['chrome120'],
    outdir: path.join(outDir, 'assets'),
    entryNames: '[name]-[hash]',
    chunkNames: 'chunk-[hash]',
    assetNames: '[name]-[hash]',
    // Screens other than home are import()ed on demand (renderer/lazy-screens.tsx).
    splitting: true,
    minify: !options.dev,
    sourcemap: options.dev ? 'inline' : false,
    jsx: 'automatic',
    loader: { '.tsv': 'text', '.svg': 'dataurl', '.png': 'file', '.woff2': 'file' },
    define: { 'process.env.NODE_ENV': JSON.stringify(options.dev ? 'development' : 'production') },
    metafile: true,
    // Hindi strings as UTF-8, not \uXXXX escapes: half the bytes.
    charset: 'utf8',
    legalComments: 'none',
    logLevel: 'warning',
  } satisfies BuildOptions);
  const outputs = Object.keys(result.metafile.outputs).map((f) => path.relative(outDir, path.resolve(root, f)));
  const rel = (f: string) => path.relative(outDir, path.resolve(root, f)).replace(/\\/g, '/');
  // The page names only the entry; the chunks it imports statically are preloaded in parallel,
  // and the lazily imported screens are left to load after start-up.
  const entry = Object.entries(result.metafile.outputs).find(([, o]) => o.entryPoint === 'renderer/main.tsx')!;
  const staticChunks = entry[1].imports.filter((i) => i.kind === 'import-statement' && !i.external).map((i) => rel(i.path));
  const css = outputs.filter((f) => f.endsWith('.css')).map((f) => f.replace(/\\/g, '/'));
  const template = fs.readFileSync(path.join(root, 'renderer', 'index.html'), 'utf8');
  const html = template
    .replace(
      '<!--styles-->',
      [...css.map((f) => `<link rel="stylesheet" href="/${f}" />`), ...staticChunks.map((f) => `<link rel="modulepreload" href="/${f}" />`)].join('\n    '),
    )
    .replace('<!--scripts-->', `<script type="module" src="/${rel(entry[0])}"></script>`);
  fs.writeFileSync(path.join(outDir, 'index.html'), html);
  return { outDir, files: outputs };
}

/**
 * The app icon (assets/icons/icon.ico and icon.png) is drawn by generate-icons.mjs, so it is a
 * build output like dist/: made here when missing, never committed.
 */
function ensureIcons(): void {
  const icons = path.join(root, 'assets', 'icons');
  if (fs.existsSync(path.join(icons, 'icon.ico')) && fs.existsSync(path.join(icons, 'icon.png'))) return;
  execFileSync(process.execPath, [path.join(icons, 'generate-icons.mjs')], { stdio: 'ignore' });
}

export async function buildElectron(options: { dev?: boolean; outDir?: string } = {}): Promise<void> {
  ensureIcons();
  const outDir = options.outDir ?? path.join(dist, 'main');
  fs.mkdirSync(outDir, { recursive: true });
  const common: BuildOptions = {
    absWorkingDir: root,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: ['node22'],
    sourcemap: options.dev ? 'inline' : false,
    minify: false,
    legalComments: 'none',
    logLevel: 'warning',
  };
  await Promise.all([
    build({
      ...common,
      entryPoints: ['main/electron/main.ts'],
      outfile: path.join(outDir, 'electron.cjs'),
      // Production dependencies ship in the asar's node_modules (native ones rebuilt for Electron by `npm run dist`).
      external: ['electron', ...Object.keys(pkg.dependencies)],
    }),
    build({
      ...common,
      entryPoints: ['main/electron/preload.ts'],
      outfile: path.join(outDir, 'preload.cjs'),
      // A sandboxed preload may require only 'electron': everything else is bundled in.
      external: ['electron'],
    }),
  ]);
}

async function main(): Promise<void> {
  const what = process.argv[2] ?? 'all';
  const dev = process.argv.includes('--dev');
  const started = Date.now();
  if (what === 'renderer' || what === 'all') await buildRenderer({ dev });
  if (what === 'electron' || what === 'all') await buildElectron({ dev });
  console.log(`built ${what} in ${Date.now() - started} ms`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main().catch((err: unknown) => {
    console.error(err);
    process.exit(1);
  });
}
