/**
 * Release signing for self-updates (see README, "Signed updates").
 *
 *   npm run release:sign    [-- --key <private.pem>] [--dir release]
 *       Signs release/latest.yml together with the installer it names (file name, size,
 *       sha512, version) and writes release/latest.yml.sig. The private key comes from --key
 *       or KIOSK_UPDATE_SIGNING_KEY (a path to the PEM file). Refuses when latest.yml and the
 *       installer disagree, or when the key is not the one the app trusts
 *       (main/electron/update-signing-key.ts).
 *   npm run release:verify  [-- --dir release]
 *       Checks latest.yml.sig, latest.yml and the installer as a counter would.
 *   npm run release:keygen  [-- --out <private.pem>]
 *       Makes a new Ed25519 key pair: writes the private key (mode 600, never inside this
 *       repository; default ~/.aeps-kiosk/update-signing-key.pem) and prints the public key
 *       for update-signing-key.ts.
 *
 * Options for tests: --public-key <spki base64> trusts that key instead of the app's.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import { UPDATE_SIGNING_PUBLIC_KEYS } from '../main/electron/update-signing-key';
import {
  DEFAULT_METADATA_FILE,
  SIGNATURE_SUFFIX,
  createReleaseSignature,
  keyIdOf,
  publicKeyToBase64,
  sha512Base64,
  sha512FileBase64,
  updateInfoMismatch,
  verifyReleaseSignature,
  type SignedRelease,
} from '../main/electron/update-signature';

const root = path.resolve(import.meta.dirname, '..');
const require = createRequire(import.meta.url);
// js-yaml comes with electron-updater (the same parser the app's updater uses).
const yaml = createRequire(require.resolve('electron-updater'))('js-yaml') as { load(text: string): unknown };

const SIGNING_KEY_ENV = 'KIOSK_UPDATE_SIGNING_KEY';
const DEFAULT_KEY_PATH = path.join(os.homedir(), '.aeps-kiosk', 'update-signing-key.pem');

interface LatestYml {
  version?: unknown;
  files?: { url?: unknown; sha512?: unknown; size?: unknown }[];
  path?: unknown;
  sha512?: unknown;
}

function isInside(dir: string, file: string): boolean {
  const rel = path.relative(fs.realpathSync(dir), path.resolve(file));
  return rel === '' || (!rel.startsWith('..') && !path.isAbsolute(rel));
}

function realParent(file: string): string {
  let dir = path.dirname(path.resolve(file));
  while (!fs.existsSync(dir)) dir = path.dirname(dir);
  return path.join(fs.realpathSync(dir), path.relative(dir, path.dirname(path.resolve(file))), path.basename(file));
}

/** Reads latest.yml and its installer from `dir`; throws if they disagree. */
async function releaseFromDir(dir: string, metadataFile = DEFAULT_METADATA_FILE): Promise<{ metadata: Buffer; release: Omit<SignedRelease, 'keyId'> }> {
  const metadata = fs.readFileSync(path.join(dir, metadataFile));
  const info = yaml.load(metadata.toString('utf8')) as LatestYml | null;
  if (!info || typeof info.version !== 'string') throw new Error(`${metadataFile} has no version`);
  const files = Array.isArray(info.files) ? info.files : [];
  if (files.length !== 1) throw new Error(`${metadataFile} must list exactly one installer (it lists ${files.length})`);
  const entry = files[0]!;
  if (typeof entry.url !== 'string' || typeof entry.sha512 !== 'string' || typeof entry.size !== 'number') {
    throw new Error(`${metadataFile}: files[0] needs url, sha512 and size`);
  }
  const file = entry.url;
  if (file !== path.basename(file) || file.includes('\\')) throw new Error(`${metadataFile}: the installer url must be a plain file name (got ${file})`);
  const installer = path.join(dir, file);
  if (!fs.existsSync(installer)) throw new Error(`the installer ${file} named in ${metadataFile} is not in ${dir}`);
  const size = fs.statSync(installer).size;
  const sha512 = await sha512FileBase64(installer);
  if (sha512 !== entry.sha512) throw new Error(`${file} does not match the sha512 in ${metadataFile}`);
  if (size !== entry.size) throw new Error(`${file} has ${size} bytes, ${metadataFile} says ${entry.size}`);
  const release = {
    version: info.version,
    file,
    size,
    sha512,
    metadataFile,
    metadataSha512: sha512Base64(metadata),
  };
  const mismatch = updateInfoMismatch(
    {
      version: info.version,
      files: [{ url: file, sha512: entry.sha512, size: entry.size }],
      path: typeof info.path === 'string' ? info.path : undefined,
      sha512: typeof info.sha512 === 'string' ? info.sha512 : undefined,
    },
    { ...release, keyId: '' },
  );
  if (mismatch) throw new Error(`${metadataFile}: ${mismatch}`);
  return { metadata, release };
}

function readPrivateKey(file: string): crypto.KeyObject {
  const key = crypto.createPrivateKey(fs.readFileSync(file));
  if (key.asymmetricKeyType !== 'ed25519') throw new Error(`${file} is not an Ed25519 private key`);
  return key;
}

export async function signRelease(options: {
  dir: string;
  keyFile: string;
  trustedKeys?: readonly string[];
  metadataFile?: string;
}): Promise<{ signatureFile: string; release: SignedRelease }> {
  const privateKey = readPrivateKey(options.keyFile);
  const publicKey = publicKeyToBase64(crypto.createPublicKey(privateKey));
  const trusted = options.trustedKeys ?? UPDATE_SIGNING_PUBLIC_KEYS;
  if (!trusted.includes(publicKey)) {
    throw new Error(
      `this private key's public key (${publicKey}) is not in main/electron/update-signing-key.ts: ` +
        'counters would refuse this release. Sign with the release key, or add this key to the app first.',
    );
  }
  const { metadata, release } = await releaseFromDir(options.dir, options.metadataFile);
  const text = createReleaseSignature(release, privateKey);
  // Check what we made exactly as a counter will.
  const verified = verifyReleaseSignature({ metadata, signature: text, publicKeys: trusted, metadataFile: release.metadataFile });
  const signatureFile = path.join(options.dir, release.metadataFile + SIGNATURE_SUFFIX);
  fs.writeFileSync(signatureFile, text);
  return { signatureFile, release: verified };
}

export async function verifyRelease(options: { dir: string; trustedKeys?: readonly string[]; metadataFile?: string }): Promise<SignedRelease> {
  const metadataFile = options.metadataFile ?? DEFAULT_METADATA_FILE;
  const trusted = options.trustedKeys ?? UPDATE_SIGNING_PUBLIC_KEYS;
  const { metadata, release } = await releaseFromDir(options.dir, metadataFile);
  const signature = fs.readFileSync(path.join(options.dir, metadataFile + SIGNATURE_SUFFIX));
  const signed = verifyReleaseSignature({ metadata, signature, publicKeys: trusted, metadataFile });
  const mismatch = updateInfoMismatch({ version: release.version, files: [{ url: release.file, sha512: release.sha512, size: release.size }] }, signed);
  if (mismatch) throw new Error(mismatch);
  return signed;
}

function generateKeyPair(outFile: string): { publicKey: string; keyId: string } {
  if (isInside(root, realParent(outFile))) throw new Error(`refusing to write the private key inside the repository (${outFile}): keep it outside`);
  if (fs.existsSync(outFile)) throw new Error(`${outFile} exists; not overwriting a signing key`);
  const pair = crypto.generateKeyPairSync('ed25519');
  fs.mkdirSync(path.dirname(outFile), { recursive: true, mode: 0o700 });
  fs.writeFileSync(outFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }), { mode: 0o600, flag: 'wx' });
  const publicKey = publicKeyToBase64(pair.publicKey);
  return { publicKey, keyId: keyIdOf(publicKey) };
}

// ---------------------------------------------------------------------------

function arg(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  if (i < 0) return undefined;
  const value = args[i + 1];
  if (!value || value.startsWith('--')) throw new Error(`${name} needs a value`);
  return value;
}

async function main(argv: string[]): Promise<void> {
  const command = argv[0] && !argv[0].startsWith('--') ? argv[0] : 'sign';
  const args = command === argv[0] ? argv.slice(1) : argv;
  const dir = path.resolve(arg(args, '--dir') ?? path.join(root, 'release'));
  const publicKeyArg = arg(args, '--public-key');
  const trustedKeys = publicKeyArg ? [publicKeyArg] : undefined;

  if (command === 'keygen') {
    const out = path.resolve(arg(args, '--out') ?? DEFAULT_KEY_PATH);
    const { publicKey, keyId } = generateKeyPair(out);
    console.log(`release:keygen: private key written to ${out} (keep it offline or in the release machine's secret store; never commit it)`);
    console.log(`release:keygen: key id ${keyId}; public key (add to UPDATE_SIGNING_PUBLIC_KEYS in main/electron/update-signing-key.ts):`);
    console.log(`  '${publicKey}',`);
    return;
  }
  if (command === 'verify') {
    const r = await verifyRelease({ dir, trustedKeys });
    console.log(`release:verify: ok: ${r.metadataFile} and ${r.file} (${r.version}, ${r.size} bytes) are signed by key ${r.keyId}`);
    return;
  }
  if (command === 'sign') {
    const keyFile = arg(args, '--key') ?? process.env[SIGNING_KEY_ENV];
    if (!keyFile) throw new Error(`no private key: pass --key <file> or set ${SIGNING_KEY_ENV} to its path`);
    if (isInside(root, realParent(keyFile))) console.warn(`release:sign: warning: the private key ${keyFile} is inside the repository; move it out`);
    const { signatureFile, release } = await signRelease({ dir, keyFile: path.resolve(keyFile), trustedKeys });
    console.log(`release:sign: ${signatureFile} signs ${release.metadataFile} and ${release.file} (${release.version}) with key ${release.keyId}`);
    console.log('release:sign: upload the installer (and .blockmap) first, then latest.yml.sig, then latest.yml');
    return;
  }
  throw new Error(`unknown command "${command}" (sign, verify or keygen)`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(import.meta.filename)) {
  main(process.argv.slice(2)).catch((err: unknown) => {
    console.error(`release: ${(err as Error).message}`);
    process.exit(1);
  });
}
