/**
 * Signed updates: the release signature file (latest.yml.sig), its Ed25519 check, and the
 * feed rules. Pure Node (no Electron), shared by the app (updater.ts) and
 * `npm run release:sign` (scripts/release-sign.ts).
 *
 * latest.yml.sig is a few `key: value` lines, the last one the signature over every byte
 * before it:
 *
 *   format: aeps-kiosk-update-signature/1
 *   key: <key id: sha256 of the public key, base64url, 16 chars>
 *   version: 0.2.0
 *   file: AePS-Counter-Setup-0.2.0.exe
 *   size: 84123456
 *   sha512: <base64 sha512 of the installer>
 *   metadata: latest.yml
 *   metadata-sha512: <base64 sha512 of latest.yml, byte for byte>
 *   signature: <base64 Ed25519 signature>
 *
 * So one signature binds the metadata electron-updater reads to the installer's name, size,
 * hash and version: a signature of another release (an old one replayed next to a new
 * latest.yml, or next to a swapped installer) does not verify.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';

const SIGNATURE_FORMAT = 'aeps-kiosk-update-signature/1';
export const SIGNATURE_SUFFIX = '.sig';
/** The channel file electron-updater's generic provider reads on Windows. */
export const DEFAULT_METADATA_FILE = 'latest.yml';

const FIELDS = ['format', 'key', 'version', 'file', 'size', 'sha512', 'metadata', 'metadata-sha512'] as const;
const MAX_METADATA_BYTES = 64 * 1024;
const MAX_SIGNATURE_BYTES = 8 * 1024;

/** What a signature vouches for. */
export interface SignedRelease {
  keyId: string;
  version: string;
  /** The installer's file name on the feed (latest.yml `files[].url` / `path`). */
  file: string;
  size: number;
  /** base64, as in latest.yml. */
  sha512: string;
  metadataFile: string;
  metadataSha512: string;
}

/** An update that must not be installed (bad, missing or replayed signature; mismatching metadata or file). */
export class UpdateRefusedError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UpdateRefusedError';
  }
}

export function sha512Base64(data: Buffer | string): string {
  return crypto.createHash('sha512').update(data).digest('base64');
}

/** sha512 (base64) of a file, streamed. */
export function sha512FileBase64(file: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const hash = crypto.createHash('sha512');
    fs.createReadStream(file)
      .on('error', reject)
      .on('data', (chunk) => hash.update(chunk))
      .on('end', () => resolve(hash.digest('base64')));
  });
}

export function publicKeyFromBase64(spkiBase64: string): crypto.KeyObject {
  const key = crypto.createPublicKey({ key: Buffer.from(spkiBase64, 'base64'), format: 'der', type: 'spki' });
  if (key.asymmetricKeyType !== 'ed25519') throw new Error('the update signing key is not an Ed25519 key');
  return key;
}

export function publicKeyToBase64(key: crypto.KeyObject): string {
  return key.export({ format: 'der', type: 'spki' }).toString('base64');
}

/** A short, stable name for a public key (sha256 of its SPKI DER, base64url, 16 characters). */
export function keyIdOf(spkiBase64: string): string {
  return crypto.createHash('sha256').update(Buffer.from(spkiBase64, 'base64')).digest('base64url').slice(0, 16);
}

function checkValue(name: string, value: string): void {
  if (!value || /[\r\n]/.test(value) || value !== value.trim()) throw new Error(`bad ${name} "${value}"`);
}

function payloadOf(release: SignedRelease): string {
  const values: Record<(typeof FIELDS)[number], string> = {
    format: SIGNATURE_FORMAT,
    key: release.keyId,
    version: release.version,
    file: release.file,
    size: String(release.size),
    sha512: release.sha512,
    metadata: release.metadataFile,
    'metadata-sha512': release.metadataSha512,
  };
  return FIELDS.map((f) => {
    checkValue(f, values[f]);
    return `${f}: ${values[f]}\n`;
  }).join('');
}

/** The text of latest.yml.sig for `release`, signed with the Ed25519 private key. */
export function createReleaseSignature(release: Omit<SignedRelease, 'keyId'>, privateKey: crypto.KeyObject): string {
  if (privateKey.asymmetricKeyType !== 'ed25519') throw new Error('the signing key is not an Ed25519 private key');
  const keyId = keyIdOf(publicKeyToBase64(crypto.createPublicKey(privateKey)));
  const payload = payloadOf({ ...release, keyId });
  const signature = crypto.sign(null, Buffer.from(payload, 'utf8'), privateKey).toString('base64');
  return `${payload}signature: ${signature}\n`;
}

/** The `version:` of a latest.yml (null if none). */
function metadataVersion(metadata: Buffer | string): string | null {
  const m = /^version:[ \t]*['"]?([^'"\s]+)['"]?[ \t]*$/m.exec(metadata.toString());
  return m ? m[1]! : null;
}

/**
 * Checks latest.yml.sig against latest.yml and the trusted keys; answers what it vouches for.
 * Throws UpdateRefusedError when anything is off.
 */
export function verifyReleaseSignature(options: {
  metadata: Buffer;
  signature: Buffer | string;
  publicKeys: readonly string[];
  metadataFile?: string;
}): SignedRelease {
  const text = options.signature.toString();
  const at = text.lastIndexOf('signature: ');
  if (at <= 0 || text[at - 1] !== '\n') throw new UpdateRefusedError('the signature file is malformed (no signature line)');
  const payload = text.slice(0, at);
  const signatureB64 = text.slice(at + 'signature: '.length).trim();
  const lines = payload.split('\n');
  lines.pop(); // the payload ends with a newline
  if (lines.length !== FIELDS.length) throw new UpdateRefusedError('the signature file is malformed (wrong fields)');
  const values: Partial<Record<(typeof FIELDS)[number], string>> = {};
  lines.forEach((line, i) => {
    const field = FIELDS[i]!;
    if (!line.startsWith(`${field}: `)) throw new UpdateRefusedError(`the signature file is malformed (expected "${field}")`);
    values[field] = line.slice(field.length + 2);
  });
  if (values.format !== SIGNATURE_FORMAT) throw new UpdateRefusedError(`unknown signature format "${values.format}"`);

  const key = options.publicKeys.find((k) => keyIdOf(k) === values.key);
  if (!key) throw new UpdateRefusedError(`the signature is by an unknown key (${values.key})`);
  const signature = Buffer.from(signatureB64, 'base64');
  let good = false;
  try {
    good = signature.length === 64 && crypto.verify(null, Buffer.from(payload, 'utf8'), publicKeyFromBase64(key), signature);
  } catch {
    good = false;
  }
  if (!good) throw new UpdateRefusedError('the signature does not verify');

  const release: SignedRelease = {
    keyId: values.key!,
    version: values.version!,
    file: values.file!,
    size: Number(values.size),
    sha512: values.sha512!,
    metadataFile: values.metadata!,
    metadataSha512: values['metadata-sha512']!,
  };
  const wantedFile = options.metadataFile ?? DEFAULT_METADATA_FILE;
  if (release.metadataFile !== wantedFile) throw new UpdateRefusedError(`the signature is for ${release.metadataFile}, not ${wantedFile}`);
  if (sha512Base64(options.metadata) !== release.metadataSha512) {
    const offered = metadataVersion(options.metadata);
    throw new UpdateRefusedError(
      offered && offered !== release.version
        ? `the signature is for version ${release.version} but ${wantedFile} offers ${offered} (an old signature replayed?)`
        : `${wantedFile} is not the one that was signed`,
    );
  }
  if (metadataVersion(options.metadata) !== release.version) throw new UpdateRefusedError(`${wantedFile} does not offer the signed version ${release.version}`);
  if (!Number.isSafeInteger(release.size) || release.size <= 0) throw new UpdateRefusedError('the signature has no valid installer size');
  if (release.file.includes('/') || release.file.includes('\\')) throw new UpdateRefusedError('the signed installer name is not a plain file name');
  return release;
}

// ---------------------------------------------------------------------------
// Versions

function parseVersion(v: string): { nums: number[]; pre: string | null } | null {
  const m = /^v?(\d+)\.(\d+)\.(\d+)(?:-([0-9A-Za-z.-]+))?(?:\+[0-9A-Za-z.-]+)?$/.exec(v.trim());
  return m ? { nums: [Number(m[1]), Number(m[2]), Number(m[3])], pre: m[4] ?? null } : null;
}

/** a > b (semver; a pre-release sorts before its release; pre-release tags compared as text). */
export function isNewerVersion(a: string, b: string): boolean {
  const x = parseVersion(a);
  const y = parseVersion(b);
  if (!x || !y) return false;
  for (let i = 0; i < 3; i++) if (x.nums[i] !== y.nums[i]) return x.nums[i]! > y.nums[i]!;
  if (x.pre === y.pre) return false;
  if (x.pre === null) return true;
  if (y.pre === null) return false;
  return x.pre.localeCompare(y.pre, 'en', { numeric: true }) > 0;
}

// ---------------------------------------------------------------------------
// What electron-updater read against what was signed

interface UpdateInfoLike {
  version: string;
  files?: readonly { url: string; sha512: string; size?: number }[];
  path?: string;
  sha512?: string;
}

function fileName(url: string): string {
  try {
    return decodeURIComponent(new URL(url, 'https://feed.invalid/').pathname.split('/').pop() ?? '');
  } catch {
    return url;
  }
}

/** Null when electron-updater's update info is exactly the signed release; otherwise why not. */
export function updateInfoMismatch(info: UpdateInfoLike | null | undefined, release: SignedRelease): string | null {
  if (!info) return 'no update info';
  if (info.version !== release.version) return `the feed offers ${info.version}, the signature is for ${release.version}`;
  const files = info.files ?? [];
  if (files.length === 0) return 'the update info lists no installer';
  for (const f of files) {
    if (fileName(f.url) !== release.file) return `the update info lists ${fileName(f.url)}, the signature is for ${release.file}`;
    if (f.sha512 !== release.sha512) return `the sha512 of ${release.file} in the update info is not the signed one`;
    if (f.size !== undefined && f.size !== release.size) return `the size of ${release.file} in the update info is not the signed one`;
  }
  if (info.path !== undefined && fileName(info.path) !== release.file) return 'the update info path is not the signed installer';
  if (info.sha512 !== undefined && info.sha512 !== release.sha512) return 'the update info sha512 is not the signed one';
  return null;
}

// ---------------------------------------------------------------------------
// Feeds

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

function isLoopbackUrl(url: string): boolean {
  try {
    const u = new URL(url);
    return (u.protocol === 'http:' || u.protocol === 'https:') && LOOPBACK_HOSTS.has(u.hostname);
  } catch {
    return false;
  }
}

/** A feed a release build may use: HTTPS, or loopback (development and tests). */
export function isAcceptableFeedUrl(url: string): boolean {
  try {
    const u = new URL(url);
    if (u.username || u.password) return false;
    return u.protocol === 'https:' || isLoopbackUrl(url);
  } catch {
    return false;
  }
}

function withSlash(url: string): string {
  const u = new URL(url);
  if (!u.pathname.endsWith('/')) u.pathname += '/';
  u.search = '';
  u.hash = '';
  return u.toString();
}

/**
 * The feed to use: the override (KIOSK_UPDATE_URL) only if it is loopback, else the one built
 * into app-update.yml, only if it is HTTPS (or loopback). `problems` says what was refused.
 */
export function resolveUpdateFeed(options: { override?: string | null; built?: string | null }): { url: string | null; problems: string[] } {
  const problems: string[] = [];
  if (options.override) {
    if (isLoopbackUrl(options.override)) return { url: withSlash(options.override), problems };
    problems.push(`KIOSK_UPDATE_URL is ignored: only a loopback feed (http://127.0.0.1, http://localhost) may override the built-in one`);
  }
  if (options.built) {
    if (isAcceptableFeedUrl(options.built)) return { url: withSlash(options.built), problems };
    problems.push(`the built-in update feed is not HTTPS; updates are off`);
  } else {
    problems.push('no update feed');
  }
  return { url: null, problems };
}

/** GETs a small file; rejects on a non-200 answer, a timeout, or more than maxBytes. */
export type FetchBytes = (url: string, options: { timeoutMs: number; maxBytes: number }) => Promise<Buffer>;

export class FeedFileMissingError extends Error {}

/** FetchBytes over a fetch implementation: Node's global fetch, or Electron's net.fetch (system proxy). */
export function createFetchBytes(fetchImpl: typeof fetch = (...args) => fetch(...args)): FetchBytes {
  return (url, options) => fetchBytesWith(fetchImpl, url, options);
}

async function fetchBytesWith(fetchImpl: typeof fetch, url: string, { timeoutMs, maxBytes }: { timeoutMs: number; maxBytes: number }): Promise<Buffer> {
  const res = await fetchImpl(url, { signal: AbortSignal.timeout(timeoutMs), headers: { 'cache-control': 'no-cache' }, redirect: 'follow' });
  if (!isAcceptableFeedUrl(res.url || url)) {
    await res.body?.cancel();
    throw new UpdateRefusedError(`the feed redirected to ${new URL(res.url).origin}, which is not HTTPS`);
  }
  if (res.status === 404) {
    await res.body?.cancel();
    throw new FeedFileMissingError(`${url} not found (404)`);
  }
  if (res.status !== 200) {
    await res.body?.cancel();
    throw new Error(`${url} answered ${res.status}`);
  }
  const chunks: Buffer[] = [];
  let total = 0;
  if (res.body) {
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      total += chunk.length;
      if (total > maxBytes) throw new UpdateRefusedError(`${url} is larger than ${maxBytes} bytes`);
      chunks.push(Buffer.from(chunk));
    }
  }
  return Buffer.concat(chunks);
}

const fetchBytes: FetchBytes = createFetchBytes();

/**
 * Fetches latest.yml and latest.yml.sig from the feed and verifies them. Network trouble
 * rejects with an ordinary Error; a missing or bad signature with UpdateRefusedError.
 */
export async function fetchSignedRelease(options: {
  feedUrl: string;
  publicKeys: readonly string[];
  metadataFile?: string;
  timeoutMs?: number;
  fetch?: FetchBytes;
}): Promise<SignedRelease> {
  const get = options.fetch ?? fetchBytes;
  const metadataFile = options.metadataFile ?? DEFAULT_METADATA_FILE;
  const timeoutMs = options.timeoutMs ?? 30_000;
  const base = withSlash(options.feedUrl);
  const [metadata, signature] = await Promise.all([
    get(new URL(metadataFile, base).toString(), { timeoutMs, maxBytes: MAX_METADATA_BYTES }),
    get(new URL(metadataFile + SIGNATURE_SUFFIX, base).toString(), { timeoutMs, maxBytes: MAX_SIGNATURE_BYTES }).catch((err: unknown) => {
      if (err instanceof FeedFileMissingError) throw new UpdateRefusedError(`the feed has no ${metadataFile}${SIGNATURE_SUFFIX}: unsigned release`);
      throw err;
    }),
  ]);
  return verifyReleaseSignature({ metadata, signature, publicKeys: options.publicKeys, metadataFile });
}
