import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/host/dispatch';
import { ConfigError } from '../../main/services/config/config';
import { createLogger } from '../../main/services/log/logger';
import { startWebHost, type WebHost } from '../../main/web/server';
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
