import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createDispatch } from '../../main/host/dispatch';
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

describe('web host', () => {
  it('binds loopback only and hands the secret in the fragment', () => {
    expect(host.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(host.launchUrl).toBe(`${host.url}#k=${host.token}`);
    expect(host.token.length).toBeGreaterThanOrEqual(32);
  });

  it('serves a call with the secret', async () => {
    const res = await call('getAppInfo', {});
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, value: { version: '9.9.9' } });
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

  it('serves the app with a strict CSP, and the app for unknown paths', async () => {
    const res = await fetch(`${host.url}history`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(await res.text()).toContain('<title>kiosk</title>');
    const escape = await fetch(`${host.url}..%2f..%2fetc%2fpasswd`);
    expect(await escape.text()).not.toContain('root:');
  });
});
