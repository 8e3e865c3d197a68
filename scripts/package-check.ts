/**
 * `npm run package:check`: builds the app exactly as `npm run dist` packages it, but offline
 * and unpacked, then checks what a counter PC would receive.
 *
 * Why this way: the real Electron binary, NSIS and wine cannot be downloaded here. But
 * electron-builder 26 edits Windows executables in pure JS (resedit), so the Windows x64
 * `dir` target — the very app folder the NSIS installer wraps — can be assembled from a
 * stand-in Electron distribution: a minimal but valid PE `electron.exe` (made here with
 * resedit) that carries Electron's fuse sentinel, plus a locales folder. electron-builder
 * then runs its real steps on it: file filtering, node_modules collection, asar packing and
 * unpacking of native files, the asar-integrity resource, language trimming, the release
 * fuses, the icon and version resources. Only the native-module rebuild (it needs Electron's
 * headers) and the installer itself are left to `npm run dist`.
 *
 * Usage: tsx scripts/package-check.ts [--keep]   (--keep leaves the output folder for a look)
 */
import { spawnSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import { builtinModules, createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import * as asar from '@electron/asar';
import { BRIDGE_GLOBAL, CALL_NAMES } from '../app/contract/calls';
import { CONTENT_SECURITY_POLICY } from '../main/host/csp';
import { assertPreloadExposesOnly, probePreload } from '../test/electron/preload-probe';
import { buildElectron, buildRenderer } from './build';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// resedit and js-yaml come with electron-builder (app-builder-lib); resolve them from there.
const fromBuilder = createRequire(require.resolve('app-builder-lib/package.json'));
const resedit = fromBuilder('resedit') as typeof import('resedit');
const yaml = fromBuilder('js-yaml') as { load(text: string): unknown };

const FUSE_SENTINEL = 'dL7pKGdnNz796PbbjQWNKmHXBZaB9tsX';
/** Fuse order of wire version 1 (@electron/fuses FuseV1Options). */
const FUSES = [
  'runAsNode',
  'enableCookieEncryption',
  'enableNodeOptionsEnvironmentVariable',
  'enableNodeCliInspectArguments',
  'enableEmbeddedAsarIntegrityValidation',
  'onlyLoadAppFromAsar',
  'loadBrowserProcessSpecificV8Snapshot',
  'grantFileProtocolExtraPrivileges',
] as const;
/** What the release build must have, whatever electron-builder.yml says. */
const REQUIRED_FUSES: Partial<Record<(typeof FUSES)[number], boolean>> = {
  runAsNode: false,
  enableNodeOptionsEnvironmentVariable: false,
  enableNodeCliInspectArguments: false,
  enableEmbeddedAsarIntegrityValidation: true,
  onlyLoadAppFromAsar: true,
};
/** Electron's own defaults (the stand-in starts from these, like a real binary). */
const ELECTRON_DEFAULT_WIRE = '10110001';
const MAX_ASAR_BYTES = 12 * 1024 * 1024;

interface Pkg {
  name: string;
  version: string;
  main?: string;
  dependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const problems: string[] = [];
function check(ok: unknown, problem: string): void {
  if (!ok) problems.push(problem);
}
function step(text: string): void {
  console.log(`package:check: ${text}`);
}

// ---------------------------------------------------------------------------
// The stand-in Electron distribution

function standInElectronExe(): Buffer {
  const { NtExecutable, NtExecutableResource, Resource } = resedit;
  const exe = NtExecutable.createEmpty(false, false);
  const res = NtExecutableResource.from(exe);
  const version = Resource.VersionInfo.createEmpty();
  version.lang = 1033;
  version.setStringValues({ lang: 1033, codepage: 1200 }, { ProductName: 'Electron', FileDescription: 'package:check stand-in for electron.exe' });
  version.setFileVersion(1, 0, 0, 0);
  version.outputToResourceEntries(res.entries);
  // The fuse wire where @electron/fuses looks for it: sentinel, wire version 1, length, states.
  const wire = Buffer.concat([Buffer.from(FUSE_SENTINEL, 'ascii'), Buffer.from([1, FUSES.length]), Buffer.from(ELECTRON_DEFAULT_WIRE, 'ascii')]);
  res.entries.push({ type: 'STANDIN', id: 'FUSES', lang: 1033, codepage: 1200, bin: wire.buffer.slice(wire.byteOffset, wire.byteOffset + wire.length) as ArrayBuffer });
  res.outputResource(exe);
  return Buffer.from(exe.generate());
}

function makeStandInDist(dir: string): void {
  fs.mkdirSync(path.join(dir, 'resources'), { recursive: true });
  fs.mkdirSync(path.join(dir, 'locales'), { recursive: true });
  fs.writeFileSync(path.join(dir, 'electron.exe'), standInElectronExe());
  for (const locale of ['en-US', 'en-GB', 'hi', 'fr', 'de']) fs.writeFileSync(path.join(dir, 'locales', `${locale}.pak`), locale);
  fs.writeFileSync(path.join(dir, 'LICENSE'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'LICENSES.chromium.html'), 'stand-in');
  fs.writeFileSync(path.join(dir, 'version'), readPkg(path.join(root, 'node_modules', 'electron', 'package.json')).version);
}

// ---------------------------------------------------------------------------
// Helpers

function readPkg(file: string): Pkg {
  return JSON.parse(fs.readFileSync(file, 'utf8')) as Pkg;
}

/** Package names in a node_modules path list: /node_modules/a/…, /node_modules/@s/b/…, nested too. */
function packagesIn(files: readonly string[]): Set<string> {
  const names = new Set<string>();
  for (const file of files) {
    const parts = file.split('/');
    for (let i = 0; i < parts.length - 1; i++) {
      if (parts[i] !== 'node_modules' || !parts[i + 1]) continue;
      names.add(parts[i + 1]!.startsWith('@') && parts[i + 2] ? `${parts[i + 1]}/${parts[i + 2]}` : parts[i + 1]!);
    }
  }
  return names;
}

/** The production closure: the root's dependencies and theirs, as installed. */
/**
 * Dependencies a production package declares only to install itself, never loaded by the app:
 * better-sqlite3 fetches its prebuilt binary with prebuild-install. They and what only they need
 * stay out of the asar (electron-builder.yml's files list).
 */
const INSTALL_ONLY: ReadonlySet<string> = new Set(['prebuild-install']);

/** Exactly the packages the installer ships: what main's two runtime dependencies load, nothing more. */
const EXPECTED_PACKAGES = [
  'argparse', 'better-sqlite3', 'bindings', 'builder-util-runtime', 'debug', 'electron-updater', 'file-uri-to-path', 'fs-extra', 'graceful-fs',
  'js-yaml', 'jsonfile', 'lazy-val', 'lodash.escaperegexp', 'lodash.isequal', 'ms', 'sax', 'semver', 'tiny-typed-emitter', 'universalify',
];

function productionClosure(pkg: Pkg): Set<string> {
  const seen = new Set<string>();
  const queue: { name: string; from: string }[] = Object.keys(pkg.dependencies ?? {}).map((name) => ({ name, from: root }));
  while (queue.length) {
    const { name, from } = queue.shift()!;
    let dir = from;
    let found: string | null = null;
    for (;;) {
      const candidate = path.join(dir, 'node_modules', name, 'package.json');
      if (fs.existsSync(candidate)) {
        found = candidate;
        break;
      }
      const up = path.dirname(dir);
      if (up === dir) break;
      dir = up;
    }
    if (!found) continue; // an optional dependency not installed on this platform
    const key = `${name}@${found}`;
    if (seen.has(key)) continue;
    seen.add(key);
    const dep = readPkg(found);
    for (const child of [...Object.keys(dep.dependencies ?? {}), ...Object.keys(dep.optionalDependencies ?? {})]) {
      if (!INSTALL_ONLY.has(child)) queue.push({ name: child, from: path.dirname(found) });
    }
  }
  return new Set([...seen].map((k) => k.slice(0, k.lastIndexOf('@'))));
}

/** Can `name` be required from `fromDir` inside the asar (Node's lookup, walking up)? */
function resolvesInAsar(files: ReadonlySet<string>, fromDir: string, name: string): boolean {
  let dir = fromDir;
  for (;;) {
    const base = `${dir === '/' ? '' : dir}/node_modules/${name}`;
    if (files.has(`${base}/package.json`) || files.has(`${base}/index.js`)) return true;
    if (dir === '/' || dir === '') return false;
    dir = path.posix.dirname(dir);
  }
}

// ---------------------------------------------------------------------------

async function main(): Promise<void> {
  const started = Date.now();
  const keep = process.argv.includes('--keep');
  const pkg = readPkg(path.join(root, 'package.json'));
  const config = yaml.load(fs.readFileSync(path.join(root, 'electron-builder.yml'), 'utf8')) as Record<string, unknown> & {
    productName: string;
    electronFuses: Record<string, boolean>;
    nsis: Record<string, unknown>;
    publish: Record<string, unknown>;
    asarUnpack: string[];
    electronLanguages: string[];
    win: Record<string, unknown>;
  };

  step('building renderer and main (production)');
  await Promise.all([buildRenderer(), buildElectron()]);

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'aeps-package-check-'));
  const electronDist = path.join(work, 'electron-dist');
  const out = path.join(work, 'release');
  makeStandInDist(electronDist);

  step('packaging the Windows x64 app folder with electron-builder (offline, stand-in Electron)');
  const builder = path.join(root, 'node_modules', '.bin', process.platform === 'win32' ? 'electron-builder.cmd' : 'electron-builder');
  const result = spawnSync(
    builder,
    [
      '--config', 'electron-builder.yml',
      '--win', 'dir', '--x64',
      '--publish', 'never',
      `-c.electronDist=${electronDist}`,
      `-c.directories.output=${out}`,
      // Rebuilding better-sqlite3 for Electron needs Electron's headers: `npm run dist` does it.
      '-c.npmRebuild=false',
    ],
    {
      cwd: root,
      encoding: 'utf8',
      shell: process.platform === 'win32',
      timeout: 170_000,
      env: {
        ...process.env,
        // The publish URL is a macro; the dir target does not publish, any value does.
        KIOSK_UPDATE_URL: process.env.KIOSK_UPDATE_URL || 'https://updates.example.invalid/aeps-counter/',
        // Never reach for the network: no download mirror, no signing.
        ELECTRON_BUILDER_OFFLINE: 'true',
        CSC_IDENTITY_AUTO_DISCOVERY: 'false',
        WIN_CSC_LINK: '',
        CSC_LINK: '',
      },
    },
  );
  if (result.status !== 0) {
    console.error(result.stdout, result.stderr);
    throw new Error(`electron-builder failed (exit ${result.status}${result.error ? `, ${result.error.message}` : ''})`);
  }

  const appDir = path.join(out, 'win-unpacked');
  const exePath = path.join(appDir, `${config.productName}.exe`);
  const asarPath = path.join(appDir, 'resources', 'app.asar');
  const unpackedDir = `${asarPath}.unpacked`;
  check(fs.existsSync(exePath), `no "${config.productName}.exe" in the app folder`);
  check(fs.existsSync(asarPath), 'no resources/app.asar');
  check(!fs.existsSync(path.join(appDir, 'resources', 'app')), 'an unpacked resources/app folder exists (asar must be on)');

  step('reading app.asar');
  const files = new Set(asar.listPackage(asarPath, { isPack: false }).map((f) => f.replace(/\\/g, '/')));
  const read = (file: string) => asar.extractFile(asarPath, file.replace(/^\//, '')).toString('utf8');

  // The build.
  for (const file of ['/package.json', '/dist/main/electron.cjs', '/dist/main/preload.cjs', '/dist/renderer/index.html', '/assets/aeps-banks.tsv']) {
    check(files.has(file), `app.asar lacks ${file}`);
  }
  const asarPkg = JSON.parse(read('/package.json')) as Pkg;
  const mainEntry = `/${path.posix.normalize(asarPkg.main ?? 'index.js')}`;
  check(files.has(mainEntry), `package.json main "${asarPkg.main}" does not resolve inside the asar`);
  check(asarPkg.version === pkg.version, 'the packaged package.json has another version');
  const index = read('/dist/renderer/index.html');
  const referenced = [...index.matchAll(/(?:src|href)="\/([^"]+)"/g)].map((m) => `/dist/renderer/${m[1]}`);
  check(referenced.some((f) => f.endsWith('.js')), 'index.html references no script');
  for (const file of referenced) check(files.has(file), `index.html references ${file}, which is not in the asar`);

  // The CSP: served as a header by the app:// handler and the session (both in main's bundle).
  const mainCode = read('/dist/main/electron.cjs');
  for (const directive of CONTENT_SECURITY_POLICY.split('; ')) check(mainCode.includes(directive), `the main bundle lacks the CSP directive ${directive}`);
  check(/content-security-policy/i.test(mainCode), 'the main bundle sets no Content-Security-Policy header');
  check(mainCode.includes("script-src 'self'") && !CONTENT_SECURITY_POLICY.includes('unsafe-'), 'the CSP is not strict');

  // The preload exposes exactly the contract.
  try {
    assertPreloadExposesOnly(probePreload(read('/dist/main/preload.cjs')), BRIDGE_GLOBAL, CALL_NAMES);
  } catch (err) {
    problems.push(`preload: ${(err as Error).message}`);
  }

  // The bundled main evaluates and reaches the shell's start (a stand-in electron; the single-instance
  // lock is refused so it quits at once): catches a bundle that breaks at load time.
  const stub = path.join(work, 'electron-stub.cjs');
  fs.writeFileSync(
    stub,
    `const Module = require('module');
const noop = () => {};
const any = new Proxy(function () {}, { get: (t, k) => (k === 'then' ? undefined : any), apply: () => any, construct: () => any });
const app = new Proxy({ isPackaged: true, requestSingleInstanceLock: () => false, whenReady: () => new Promise(noop), on: noop, setAppUserModelId: noop, getPath: () => require('os').tmpdir(),
  commandLine: { hasSwitch: () => false },
  quit: () => { console.log('SHELL_STARTED'); process.exit(0); } }, { get: (t, k) => (k in t ? t[k] : any) });
const electron = new Proxy({ app }, { get: (t, k) => (k in t ? t[k] : any) });
const load = Module._load;
Module._load = function (request, parent, isMain) { return request === 'electron' ? electron : load.call(this, request, parent, isMain); };
`,
  );
  const extracted = path.join(work, 'main-bundle');
  fs.mkdirSync(path.join(extracted, 'dist', 'main'), { recursive: true });
  fs.writeFileSync(path.join(extracted, 'dist', 'main', 'electron.cjs'), mainCode);
  const load = spawnSync(process.execPath, ['-r', stub, path.join(extracted, 'dist', 'main', 'electron.cjs')], {
    cwd: extracted,
    encoding: 'utf8',
    timeout: 30_000,
    // Packages come from the project (the asar's tree is checked above); the bundle is the asar's.
    env: { ...process.env, NODE_PATH: path.join(root, 'node_modules') },
  });
  check(load.stdout.includes('SHELL_STARTED'), `the packaged main bundle does not load: ${(load.stderr || load.stdout).slice(0, 600)}`);

  // Nothing that must not ship.
  const forbidden: [RegExp, string][] = [
    [/\.map$/, 'a source map'],
    [/(^|\/)\.env(\.|$)/, 'a .env file'],
    [/\.(ts|tsx|mts|cts)$/, 'TypeScript source'],
    [/\.(pem|key|p12|pfx|crt)$/i, 'a key or certificate file'],
    [/^\/(app|main|renderer|scripts|test|tests|src|release|\.kiosk-data|\.git|\.ci)(\/|$)/, 'a source, test or data folder'],
    // From assets/ only the bank list ships (main reads it at start-up); icons go into the .exe.
    [/^\/assets\/(?!aeps-banks\.tsv$)./, 'an asset the app does not read'],
    [/(^|\/)(test|tests|__tests__)\//, 'a test folder'],
    [/\.(c|cc|cpp|h|hpp|gyp|gypi|o|obj|pdb)$/, 'native build sources or leftovers'],
    [/(^|\/)(config\.json|kiosk\.log)$/, 'a kiosk data file'],
  ];
  for (const file of files) {
    for (const [pattern, what] of forbidden) if (pattern.test(file)) problems.push(`app.asar holds ${what}: ${file}`);
  }
  // Secrets in any text file we ship.
  for (const file of files) {
    if (!/\.(c?js|mjs|json|html|css|ya?ml|txt)$/.test(file) || 'files' in asar.statFile(asarPath, file.slice(1))) continue;
    let text: string;
    try {
      text = read(file);
    } catch {
      continue;
    }
    if (/-----BEGIN (?:RSA |EC |ENCRYPTED )?PRIVATE KEY-----/.test(text)) problems.push(`${file} holds a private key`);
    if (/KIOSK_EKO_(?:ACCESS|DEVELOPER)_KEY\s*=\s*\S/.test(text)) problems.push(`${file} holds an Eko key assignment`);
  }

  // Production dependencies: all there, nothing else.
  const shipped = packagesIn([...files]);
  const closure = productionClosure(pkg);
  for (const dep of Object.keys(pkg.dependencies ?? {})) check(shipped.has(dep), `production dependency ${dep} is not in the asar`);
  for (const name of shipped) check(closure.has(name), `app.asar holds ${name}, which no production dependency needs at run time`);
  // The exact list: a new package in the installer is a decision, made here and in electron-builder.yml.
  check(
    JSON.stringify([...shipped].sort()) === JSON.stringify(EXPECTED_PACKAGES),
    `app.asar ships [${[...shipped].sort().join(', ')}], expected exactly [${EXPECTED_PACKAGES.join(', ')}]`,
  );
  for (const dev of Object.keys(pkg.devDependencies ?? {})) {
    if (!closure.has(dev)) check(!shipped.has(dev), `app.asar holds the dev dependency ${dev}`);
  }
  for (const name of ['electron', 'electron-builder', 'typescript', 'esbuild', 'vitest', 'react', '@playwright/test']) {
    check(!shipped.has(name), `app.asar holds ${name}`);
  }
  // Every module main requires at run time loads from the asar.
  const externals = [...mainCode.matchAll(/require\("([^"]+)"\)/g)]
    .map((m) => m[1]!)
    .filter((id) => !id.startsWith('node:') && !builtinModules.includes(id.split('/')[0]!) && id !== 'electron' && !id.startsWith('.'));
  for (const id of new Set(externals)) {
    const name = id.startsWith('@') ? id.split('/').slice(0, 2).join('/') : id.split('/')[0]!;
    check(resolvesInAsar(files, '/dist/main', name), `main requires "${id}", which the asar cannot resolve`);
  }
  // And each shipped package's own dependencies resolve from where it sits.
  for (const file of files) {
    if (!/\/node_modules\/(?:@[^/]+\/)?[^/]+\/package\.json$/.test(file)) continue;
    const dep = JSON.parse(read(file)) as Pkg;
    for (const child of Object.keys(dep.dependencies ?? {})) {
      if (INSTALL_ONLY.has(child)) continue;
      check(resolvesInAsar(files, path.posix.dirname(file), child), `${dep.name} needs ${child}, missing from the asar`);
    }
  }

  // Native addons: unpacked next to the asar, none left inside it.
  const nativeFiles = [...files].filter((f) => f.endsWith('.node'));
  check(nativeFiles.length > 0 || !Object.keys(pkg.dependencies ?? {}).includes('better-sqlite3'), 'no native .node file was packed (better-sqlite3)');
  for (const file of nativeFiles) {
    const stat = asar.statFile(asarPath, file.slice(1)) as { unpacked?: boolean };
    check(stat.unpacked === true, `${file} is inside the asar (must be unpacked)`);
    check(fs.existsSync(path.join(unpackedDir, file)), `${file} is missing from app.asar.unpacked`);
  }
  check(config.asarUnpack.includes('**/*.node'), 'asarUnpack does not cover **/*.node');

  // The executable: fuses, asar integrity, version resources.
  const exe = fs.readFileSync(exePath);
  const at = exe.indexOf(FUSE_SENTINEL);
  check(at >= 0, 'no fuse wire in the executable');
  if (at >= 0) {
    const length = exe[at + FUSE_SENTINEL.length + 1]!;
    const wire = exe.subarray(at + FUSE_SENTINEL.length + 2, at + FUSE_SENTINEL.length + 2 + length).toString('ascii');
    FUSES.forEach((fuse, i) => {
      const wanted = config.electronFuses[fuse];
      if (wanted !== undefined) check(wire[i] === (wanted ? '1' : '0'), `fuse ${fuse} is ${wire[i]} (electron-builder.yml says ${wanted})`);
      const required = REQUIRED_FUSES[fuse];
      if (required !== undefined) check(wire[i] === (required ? '1' : '0'), `release fuse ${fuse} must be ${required}`);
    });
  }
  const pe = resedit.NtExecutable.from(exe);
  const resources = resedit.NtExecutableResource.from(pe);
  const integrity = resources.entries.find((e) => e.type === 'INTEGRITY' && e.id === 'ELECTRONASAR');
  check(integrity, 'no embedded asar integrity resource');
  if (integrity) {
    const list = JSON.parse(Buffer.from(integrity.bin).toString('utf8')) as { file: string; alg: string; value: string }[];
    const headerHash = crypto.createHash('sha256').update(asar.getRawHeader(asarPath).headerString).digest('hex');
    check(list.some((e) => e.file.toLowerCase() === 'resources\\app.asar' && e.alg === 'SHA256' && e.value === headerHash), 'the embedded asar integrity does not match app.asar');
  }
  const [versionInfo] = resedit.Resource.VersionInfo.fromEntries(resources.entries);
  const strings = versionInfo?.getStringValues({ lang: 1033, codepage: 1200 }) ?? {};
  check(strings.ProductName === config.productName, `exe ProductName is "${strings.ProductName}"`);
  check(strings.ProductVersion?.startsWith(pkg.version), `exe ProductVersion is "${strings.ProductVersion}"`);
  check(resources.entries.some((e) => e.type === 14), 'no icon in the executable');

  // Locales trimmed to the languages the app speaks.
  const locales = fs.readdirSync(path.join(appDir, 'locales')).sort();
  check(JSON.stringify(locales) === JSON.stringify(['en-US.pak', 'hi.pak']), `locales are ${locales.join(', ')}`);

  // Installer and update settings (the installer itself is built by `npm run dist`).
  check(config.nsis.oneClick === true && config.nsis.perMachine === false, 'the installer must be per-user one-click (silent updates)');
  check(config.nsis.createDesktopShortcut && config.nsis.createStartMenuShortcut, 'shortcuts are not created');
  check(config.publish.provider === 'generic' && String(config.publish.url).includes('${env.KIOSK_UPDATE_URL}'), 'publish is not the generic feed from KIOSK_UPDATE_URL');
  check(fs.existsSync(path.join(root, String(config.win.icon))), 'the Windows icon is missing');

  const asarBytes = fs.statSync(asarPath).size;
  check(asarBytes < MAX_ASAR_BYTES, `app.asar is ${asarBytes} bytes (budget ${MAX_ASAR_BYTES})`);

  const seconds = ((Date.now() - started) / 1000).toFixed(1);
  if (!keep) fs.rmSync(work, { recursive: true, force: true });
  if (problems.length) {
    console.error(`package:check: FAILED (${problems.length}):\n  - ${problems.join('\n  - ')}`);
    if (keep) console.error(`output kept in ${out}`);
    process.exit(1);
  }
  step(
    `ok in ${seconds} s: ${files.size} entries, app.asar ${(asarBytes / 1024 / 1024).toFixed(1)} MB, ` +
      `${shipped.size} packages (${[...Object.keys(pkg.dependencies ?? {})].join(', ')} and theirs), ${nativeFiles.length} native file(s) unpacked, ` +
      `fuses and asar integrity set${keep ? `; output in ${out}` : ''}`,
  );
}

main().catch((err: unknown) => {
  console.error(`package:check: ${(err as Error).stack ?? String(err)}`);
  process.exit(1);
});
