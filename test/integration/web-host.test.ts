import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/host/dispatch';
import { ConfigError } from '../../main/services/config/config';
import { createLogger } from '../../main/services/log/logger';
import { REFUSALS_LOGGED_PER_MINUTE, startWebHost, type WebHost } from '../../main/web/server';
import { recordingHandlers } from '../support/services';
import { makeTempDir } from '../support/temp-dir';

let host: WebHost;
const services = recordingHandlers();

beforeAll(async () => {
  const staticDir = makeTempDir();
  fs.writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  host = await startWebHost({ dispatch: createDispatch(services, createLogger({ dir: null })), staticDir, port: 0, logger: createLogger({ dir: null }) });
});
afterAll(() => host.close());

function call(name: string, body: unknown, headers: Record<string, string> = {}) {
  return fetch(`${host.url}api/${name}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'x-kiosk-token': host.token, ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
}

/** Sends one request with the target exactly as given (no URL parsing on this side), as any client might. */
function rawRequest(method: string, target: string, options: { headers?: Record<string, string>; body?: string; port?: number } = {}): Promise<{ status: number; body: string }> {
  const port = options.port ?? host.port;
  return new Promise((resolve, reject) => {
    const req = http.request({ host: '127.0.0.1', port, method, path: target, agent: false, headers: { host: `127.0.0.1:${port}`, ...options.headers } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on('error', reject);
    req.end(options.body);
  });
}

/**
 * Opens a raw connection, sends `head` (request line and headers), then `body` parts spaced by
 * `everyMs` (or one part every `everyMs` forever when `forever` is set, as a flood), until the
 * server answers and closes. Reports the answer's status, the bytes of body written, and when
 * the server closed the connection.
 */
function rawExchange(
  port: number,
  head: string,
  options: { parts?: string[]; everyMs?: number; flood?: number } = {},
): Promise<{ status: number; text: string; closedAfterMs: number; bodyBytesWritten: number }> {
  return new Promise((resolve, reject) => {
    const started = performance.now();
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let written = 0;
    let closed = false;
    let timer: NodeJS.Timeout | null = null;
    const parts = [...(options.parts ?? [])];
    const finish = () => {
      if (closed) return;
      closed = true;
      if (timer) clearInterval(timer);
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      resolve({ status, text, closedAfterMs: performance.now() - started, bodyBytesWritten: written });
    };
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (text += chunk));
    socket.on('end', finish);
    socket.on('close', finish);
    // A reset after the server closed is expected while we are still sending.
    socket.on('error', () => finish());
    socket.on('connect', () => {
      socket.write(head);
      const sendNext = () => {
        if (closed || socket.destroyed) return;
        if (options.flood !== undefined) {
          // As fast as the socket takes it.
          const chunk = Buffer.alloc(options.flood, 0x20);
          while (!socket.destroyed && socket.write(chunk)) written += chunk.length;
          written += chunk.length;
          return;
        }
        const part = parts.shift();
        if (part === undefined) return;
        socket.write(part);
        written += Buffer.byteLength(part);
      };
      sendNext();
      if (options.flood !== undefined) socket.on('drain', sendNext);
      else if (options.everyMs !== undefined) timer = setInterval(sendNext, options.everyMs);
    });
    setTimeout(() => {
      if (!closed) {
        socket.destroy();
        reject(new Error(`no close within 20 s; got ${JSON.stringify(text.slice(0, 200))}`));
      }
    }, 20_000).unref();
  });
}

function requestHead(port: number, headers: Record<string, string>, target = '/api/getAppInfo'): string {
  const all = { host: `127.0.0.1:${port}`, 'content-type': 'application/json', ...headers };
  return `POST ${target} HTTP/1.1\r\n${Object.entries(all)
    .map(([k, v]) => `${k}: ${v}\r\n`)
    .join('')}\r\n`;
}

/** The server still serves the app and a contract call. */
async function stillServing(): Promise<void> {
  expect((await fetch(host.url)).status).toBe(200);
  expect(await (await call('getAppInfo', {})).json()).toMatchObject({ ok: true });
}

describe('web host', () => {
  it('binds loopback only and hands the secret in the fragment', () => {
    // The address the socket is really bound to, not a string the server wrote itself.
    expect(host.address).toBe('127.0.0.1');
    expect(host.url).toBe(`http://127.0.0.1:${host.port}/`);
    expect(host.launchUrl).toBe(`${host.url}#k=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves a call with the secret', async () => {
    const res = await call('getAppInfo', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { version: '9.9.9' } });
    // The main side's own time, for the renderer bench (Server-Timing).
    expect(res.headers.get('server-timing')).toMatch(/^dispatch;dur=\d+\.\d{2}$/);
  });

  it('refuses calls without or with a wrong secret, before any service runs', async () => {
    services.calls.mockClear();
    const none = await fetch(`${host.url}api/getAppInfo`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(none.status).toBe(401);
    expect(await none.json()).toMatchObject({ ok: false, error: { code: 'host.unauthorized' } });
    const wrong = await call('getAppInfo', {}, { 'x-kiosk-token': 'guess' });
    expect(wrong.status).toBe(401);
    expect(services.calls).not.toHaveBeenCalled();
  });

  it('refuses malformed input without calling a service', async () => {
    services.calls.mockClear();
    expect(await (await call('getAppInfo', '{not json')).json()).toMatchObject({ ok: false, error: { code: 'input.invalid', params: { field: 'body' } } });
    expect(await (await call('balanceEnquiry', { customerMobile: 'x' })).json()).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(await (await call('nope', {})).json()).toMatchObject({ ok: false, error: { code: 'input.invalid', params: { field: 'call' } } });
    const textPlain = await call('getAppInfo', '{}', { 'content-type': 'text/plain' });
    expect(textPlain.status).toBe(415);
    const big = await call('getAppInfo', JSON.stringify({ pad: 'x'.repeat(70_000) }));
    expect(big.status).toBe(413);
    expect(services.calls).not.toHaveBeenCalled();
  });

  it('refuses another site (Origin) and another host name (DNS rebinding)', async () => {
    const cross = await call('getAppInfo', {}, { origin: 'https://evil.example' });
    expect(cross.status).toBe(403);
    const rebinding = await new Promise<number>((resolve, reject) => {
      import('node:http').then(({ request }) => {
        const req = request(`${host.url}api/getAppInfo`, { method: 'POST', headers: { host: 'evil.example', 'content-type': 'application/json', 'x-kiosk-token': host.token } }, (res) => resolve(res.statusCode ?? 0));
        req.on('error', reject);
        req.end('{}');
      }, reject);
    });
    expect(rebinding).toBe(421);
  });

  it('a path that is not valid percent-encoding is refused (400), and the server keeps serving', async () => {
    const res = await rawRequest('GET', '/%');
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'input.invalid', params: { field: 'url' } } });
    await stillServing();
  });

  it('a call name that is not valid percent-encoding is refused (400) before any service, and the server keeps serving', async () => {
    services.calls.mockClear();
    const res = await rawRequest('POST', '/api/%ZZ', { headers: { 'content-type': 'application/json', 'x-kiosk-token': host.token }, body: '{}' });
    expect(res.status).toBe(400);
    expect(JSON.parse(res.body)).toMatchObject({ ok: false, error: { code: 'input.invalid' } });
    expect(services.calls).not.toHaveBeenCalled();
    await stillServing();
  });

  it('an absolute-form target that is no URL is refused (400), and the server keeps serving', async () => {
    // The request line is "GET http://a:b/ HTTP/1.1" (a port that is no number), with a valid Host header.
    const res = await rawRequest('GET', 'http://a:b/');
    expect(res.status).toBe(400);
    await stillServing();
  });

  it('whatever throws while answering is a 500 internal error and is logged; the server keeps serving', async () => {
    const lines: string[] = [];
    const throwing = await startWebHost({
      dispatch: () => {
        throw new TypeError('boom');
      },
      staticDir: makeTempDir(),
      port: 0,
      logger: createLogger({ dir: null, onLine: (l) => lines.push(l) }),
    });
    try {
      const post = (port: number) =>
        rawRequest('POST', '/api/getAppInfo', { port, headers: { 'content-type': 'application/json', 'x-kiosk-token': throwing.token }, body: '{}' });
      for (let i = 0; i < 2; i++) {
        const res = await post(throwing.port);
        expect(res.status).toBe(500);
        expect(JSON.parse(res.body)).toEqual({ ok: false, error: { code: 'internal', messageKey: 'errors.internal' } });
      }
      expect(lines.some((l) => l.includes('web request failed') && l.includes('boom'))).toBe(true);
    } finally {
      await throwing.close();
    }
  });

  it('a port in use is one line naming KIOSK_WEB_PORT', async () => {
    const second = startWebHost({ dispatch: createDispatch(services, createLogger({ dir: null })), staticDir: makeTempDir(), port: host.port, logger: createLogger({ dir: null }) });
    const err = await second.then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toBeInstanceOf(ConfigError);
    expect((err as ConfigError).setting).toBe('KIOSK_WEB_PORT');
    expect((err as ConfigError).message).toMatch(new RegExp(`^Configuration error in KIOSK_WEB_PORT: port ${host.port} is already in use .*set KIOSK_WEB_PORT to a free port$`));
  });

  it('serves the app with a strict CSP, and the app for unknown paths', async () => {
    const res = await fetch(`${host.url}history`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>kiosk</title>');
    const escape = await fetch(`${host.url}..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});

describe('web host under abuse', () => {
  it('a flood of 1000 refused requests writes a bounded number of log lines, then one summary', async () => {
    const lines: string[] = [];
    const flooded = await startWebHost({ dispatch: createDispatch(services, createLogger({ dir: null })), staticDir: makeTempDir(), port: 0, logger: createLogger({ dir: null, onLine: (l) => lines.push(l) }) });
    services.calls.mockClear();
    const statuses = new Map<number, number>();
    try {
      const kinds: { headers: Record<string, string>; host: string | undefined }[] = [
        { headers: { 'content-type': 'application/json' }, host: undefined },
        { headers: { 'content-type': 'application/json', 'x-kiosk-token': 'guess' }, host: undefined },
        { headers: { 'content-type': 'application/json', 'x-kiosk-token': flooded.token, origin: 'https://evil.example' }, host: undefined },
        { headers: { 'content-type': 'application/json', 'x-kiosk-token': flooded.token }, host: 'evil.example' },
      ];
      let next = 0;
      const worker = async () => {
        while (next < 1000) {
          const kind = kinds[next++ % kinds.length]!;
          const res = await rawRequest('POST', '/api/getAppInfo', { port: flooded.port, headers: { ...kind.headers, ...(kind.host ? { host: kind.host } : {}) }, body: '{}' });
          statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        }
      };
      await Promise.all(Array.from({ length: 16 }, worker));
    } finally {
      await flooded.close();
    }
    expect(Object.fromEntries(statuses)).toEqual({ 401: 500, 403: 250, 421: 250 });
    expect(services.calls).not.toHaveBeenCalled();
    const refusedLines = lines.filter((l) => l.includes('refused'));
    expect(refusedLines.length).toBeLessThanOrEqual(REFUSALS_LOGGED_PER_MINUTE + 1);
    const summary = refusedLines.map((l) => JSON.parse(l) as Record<string, unknown>).find((r) => r['event'] === 'refused requests not logged');
    expect(summary).toMatchObject({ level: 'warn', scope: 'web', suppressed: 1000 - REFUSALS_LOGGED_PER_MINUTE });
  });

  it('an unauthenticated call is answered at once without its body being read, and the connection is closed', async () => {
    // Headers announcing 1 GB, and no body at all: the answer cannot have waited for it.
    for (const [headers, status] of [
      [{ 'content-length': '1000000000' }, 401],
      [{ 'content-length': '1000000000', 'x-kiosk-token': 'guess' }, 401],
      [{ 'content-length': '1000000000', 'x-kiosk-token': host.token, origin: 'https://evil.example' }, 403],
      [{ 'content-length': '1000000000', 'x-kiosk-token': host.token, host: 'evil.example' }, 421],
    ] as const) {
      const res = await rawExchange(host.port, requestHead(host.port, headers));
      expect(res.status).toBe(status);
      expect(res.text.toLowerCase()).toContain('connection: close');
      expect(res.closedAfterMs).toBeLessThan(2_000);
    }
    // A client that keeps pushing its 1 GB body: the server closes long before taking it.
    const pushing = await rawExchange(host.port, requestHead(host.port, { 'content-length': '1000000000' }), { flood: 64 * 1024 });
    expect(pushing.status).toBe(401);
    expect(pushing.bodyBytesWritten).toBeLessThan(64 * 1024 * 1024);
    await stillServing();
  });

  it('a body that arrives too slowly (slow loris) is cut off with 408 in bounded time; no service runs', async () => {
    const lines: string[] = [];
    const slow = await startWebHost({ dispatch: createDispatch(services, createLogger({ dir: null })), staticDir: makeTempDir(), port: 0, logger: createLogger({ dir: null, onLine: (l) => lines.push(l) }), bodyTimeoutMs: 300 });
    services.calls.mockClear();
    try {
      const head = requestHead(slow.port, { 'x-kiosk-token': slow.token, 'content-length': '100' });
      // One byte every 50 ms: it would take 5 s.
      const dripping = await rawExchange(slow.port, head, { parts: Array.from({ length: 100 }, () => ' '), everyMs: 50 });
      // No body at all.
      const silent = await rawExchange(slow.port, head);
      for (const res of [dripping, silent]) {
        expect(res.status).toBe(408);
        expect(res.text).toContain('"code":"input.invalid"');
        expect(res.closedAfterMs).toBeGreaterThanOrEqual(250);
        expect(res.closedAfterMs).toBeLessThan(3_000);
      }
      expect(dripping.bodyBytesWritten).toBeLessThan(100);
      expect(services.calls).not.toHaveBeenCalled();
      expect(lines.some((l) => l.includes('call body too slow'))).toBe(true);
      // A body that arrives in time is served as before.
      const quick = await rawExchange(slow.port, requestHead(slow.port, { 'x-kiosk-token': slow.token, 'content-length': '2', connection: 'close' }), { parts: ['{', '}'], everyMs: 20 });
      expect(quick.status).toBe(200);
    } finally {
      await slow.close();
    }
  });
});
