/**
 * Serves the built renderer from app://kiosk/ (APP_ORIGIN) instead of file:// (so the UI has
 * a real origin, a CSP header, and no access to the file system).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import type { Protocol } from 'electron';
import { APP_HOST, APP_SCHEME } from '../../app/app-origin';
import { CONTENT_SECURITY_POLICY } from '../host/csp';
import { contentTypeOf, rendererHeaders } from '../host/static-files';

export const APP_SCHEME_PRIVILEGES = {
  scheme: APP_SCHEME,
  // codeCache: V8 keeps the compiled renderer between starts (off by default for custom schemes),
  // so every start after the first skips parsing and compiling the JS.
  privileges: { standard: true, secure: true, supportFetchAPI: false, corsEnabled: false, stream: false, codeCache: true },
} as const;

export function registerAppProtocol(protocol: Pick<Protocol, 'handle'>, rendererDir: string): void {
  const root = path.resolve(rendererDir);
  protocol.handle(APP_SCHEME, async (request) => {
    const url = new URL(request.url);
    if (url.host !== APP_HOST) return new Response('Not found', { status: 404 });
    const wanted = path.normalize(path.join(root, decodeURIComponent(url.pathname)));
    const file = wanted.startsWith(root + path.sep) && path.extname(wanted) ? wanted : path.join(root, 'index.html');
    try {
      const body = await fs.readFile(file);
      return new Response(body, {
        // The CSP on every response, not only the page: belt and braces for the desktop app.
        headers: { ...rendererHeaders(contentTypeOf(file)), 'content-security-policy': CONTENT_SECURITY_POLICY },
      });
    } catch {
      return new Response('Not found', { status: 404 });
    }
  });
}
