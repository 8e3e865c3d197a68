/**
 * Shared set-up for the Eko tests: a sandbox on loopback, a client for it, and everything the
 * client hands its logger, captured BEFORE any redaction (the privacy checks test the client,
 * not the redactor).
 */
import http from 'node:http';
import net from 'node:net';
import { createEkoClient, type EkoClient, type EkoClientConfig, type EkoClientOptions } from '../../../main/services/eko/client';
import { EnvelopeSchema } from '../../../main/services/eko/responses';
import type { Logger } from '../../../main/services/log/logger';
import { startEkoSandbox, type EkoSandbox, type EkoSandboxOptions } from '../../../main/simulators/eko/sandbox';

/** A PID block shaped like a real RD service's (Data type X, DeviceInfo mc), with recognisable markers. */
export const SAMPLE_PID =
  '<?xml version="1.0"?><PidData><Resp errCode="0" errInfo="Success" fCount="1" fType="2" nmPoints="38" qScore="81"/>' +
  '<DeviceInfo dpId="MANTRA.MSIPL" rdsId="MANTRA.WIN.001" rdsVer="1.0.8" mi="MFS100" mc="MIIEGDCCAwCgAwIBAgIEAQIDBDANBgkqhkiG9w0BAQsFADCB"/>' +
  '<Skey ci="20250101">PIDSKEYMARKERqwertyuiopasdfghjkl</Skey><Hmac>PIDHMACMARKERzxcvbnm</Hmac>' +
  '<Data type="X">PIDDATAMARKERmnbvcxzlkjhgfdsapoiuytrewq</Data></PidData>';

export const PID_MARKERS = ['PIDSKEYMARKER', 'PIDHMACMARKER', 'PIDDATAMARKER', '<PidData'];

/** An answer of Eko's as the client first reads it: its envelope (status, message, data...). */
export const envelope = (value: unknown) => EnvelopeSchema.parse(value);

export const CUSTOMER_MOBILE = '9876543210';

export function clientConfig(sandbox: EkoSandbox, overrides: Partial<EkoClientConfig> = {}): EkoClientConfig {
  return {
    ...sandbox.clientCredentials(),
    agentMobile: '9962981729',
    latlong: '28.6139,77.2090',
    requestTimeoutMs: 3000,
    enquiryTimeoutMs: 3000,
    ...overrides,
  };
}

/** Every value an Error carries, so a secret hidden in a message, detail or cause is seen. */
function replacer(_key: string, value: unknown): unknown {
  if (value instanceof Error) {
    const e = value as Error & { code?: unknown; detail?: unknown; params?: unknown; cause?: unknown };
    return { name: e.name, message: e.message, stack: e.stack, code: e.code, detail: e.detail, params: e.params, cause: e.cause };
  }
  if (Buffer.isBuffer(value)) return value.toString('latin1');
  if (typeof value === 'bigint') return value.toString();
  return value;
}

/**
 * A Logger that records each call exactly as made, as one JSON line, with no redaction at all.
 * addSecrets is not logging: it records nothing.
 */
export function recordingLogger(lines: string[], scope?: string): Logger {
  const record = (level: string) => (event: string, fields?: Record<string, unknown>) => {
    lines.push(JSON.stringify({ level, scope, event, ...fields }, replacer));
  };
  return {
    debug: record('debug'),
    info: record('info'),
    warn: record('warn'),
    error: record('error'),
    child: (s) => recordingLogger(lines, scope ? `${scope}.${s}` : s),
    addSecrets: () => undefined,
  };
}

export interface Fixture {
  sandbox: EkoSandbox;
  logger: Logger;
  /** Everything the client logged, unredacted. */
  lines: string[];
  client(overrides?: Partial<EkoClientConfig>, options?: EkoClientOptions): EkoClient;
  close(): Promise<void>;
}

export async function startFixture(options: EkoSandboxOptions = {}): Promise<Fixture> {
  // Client tests are not about the agent's daily authentication, and they send SAMPLE_PID again and
  // again: the sandbox keeps neither check unless a test asks for it.
  const sandbox = await startEkoSandbox({ dailyAuthDone: true, refuseDuplicatePid: false, ...options });
  const lines: string[] = [];
  // Every level, before redaction: the scan must see everything the client could ever write.
  const logger = recordingLogger(lines);
  const clients: EkoClient[] = [];
  return {
    sandbox,
    logger,
    lines,
    client(overrides = {}, clientOptions = {}) {
      const client = createEkoClient(clientConfig(sandbox, overrides), logger.child('eko'), clientOptions);
      clients.push(client);
      return client;
    },
    async close() {
      await Promise.all(clients.map((c) => c.stop()));
      await sandbox.close();
    },
  };
}

/** A loopback port with nothing listening on it. */
export async function deadPort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

/** Everything that must never reach the logger (unredacted: the client must not hand it over at all). */
export function forbiddenInLogs(fixture: Fixture, aadhaarNumbers: readonly string[], encrypted: readonly string[] = []): string[] {
  const found: string[] = [];
  const text = fixture.lines.join('\n');
  for (const number of aadhaarNumbers) {
    if (text.includes(number)) found.push(`aadhaar ${number.slice(-4)}`);
    const grouped = number.replace(/(\d{4})(\d{4})(\d{4})/, '$1 $2 $3');
    if (text.includes(grouped)) found.push(`grouped aadhaar ${number.slice(-4)}`);
  }
  for (const marker of PID_MARKERS) if (text.includes(marker)) found.push(`pid ${marker}`);
  if (text.includes(fixture.sandbox.accessKey)) found.push('access key');
  if (text.includes(fixture.sandbox.developerKey)) found.push('developer key');
  for (const value of encrypted) if (value && text.includes(value.slice(0, 40))) found.push('encrypted aadhaar');
  if (/secret-key"?\s*[:=]\s*"?[A-Za-z0-9+/]{20,}/.test(text)) found.push('secret-key header');
  return found;
}

export interface FixedAnswer {
  status: number;
  contentType?: string;
  body: string;
}

/**
 * A loopback server that answers every request with one fixed HTTP answer: for peers that
 * misbehave in ways the sandbox does not (a JSON 4xx, odd envelopes). Checks no signature.
 */
export async function fixedAnswerServer(initial: FixedAnswer): Promise<{ baseUrl: string; answer(next: FixedAnswer): void; requests: number; close(): Promise<void> }> {
  let current = initial;
  const state = { requests: 0 };
  const server = http.createServer((req, res) => {
    state.requests++;
    req.resume();
    req.on('end', () => {
      res.writeHead(current.status, { 'content-type': current.contentType ?? 'application/json', date: new Date().toUTCString() });
      res.end(current.body);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as net.AddressInfo;
  return {
    baseUrl: `http://127.0.0.1:${port}/ekoapi/v3`,
    answer(next) {
      current = next;
    },
    get requests() {
      return state.requests;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
