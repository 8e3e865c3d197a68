/**
 * The loopback web host: serves the built renderer and carries the contract as
 * JSON over HTTP (POST /api/<call>). Used in development and tests; the
 * Electron host carries the same contract over IPC.
 *
 * Guards: binds 127.0.0.1 only; every API call must carry the launch secret
 * (header x-kiosk-token); the Host header must name this server (DNS-rebinding)
 * and a cross-site Origin is refused. All of these are checked before a byte of the body is
 * read: a refused call is answered at once and its connection closed, and a body that
 * does not arrive in time is cut off (408). Refusals are logged at a bounded rate, so a
 * flood of them cannot fill the disk.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { KioskError, type Envelope } from '../../app/contract';
import type { Dispatch } from '../host/dispatch';
import { ConfigError } from '../services/config/config';
import type { Logger } from '../services/log/logger';
import { contentTypeOf, rendererHeaders } from '../host/static-files';

const TOKEN_HEADER = 'x-kiosk-token';
const LOOPBACK = '127.0.0.1';
const MAX_BODY_BYTES = 64 * 1024;
/** How long an accepted call's body may take to arrive. */
const BODY_TIMEOUT_MS = 10_000;
/** Refused requests logged per minute; the rest are counted in one summary line. */
export const REFUSALS_LOGGED_PER_MINUTE = 10;

interface WebHostOptions {
  dispatch: Dispatch;
  /** The built renderer (dist/renderer). */
  staticDir: string;
  port: number;
  logger: Logger;
  /** The launch secret; generated when not given. */
  token?: string;
  /** How long an accepted call's body may take to arrive (BODY_TIMEOUT_MS); tests make it short. */
  bodyTimeoutMs?: number;
  /** Refused requests logged per minute (REFUSALS_LOGGED_PER_MINUTE). */
  refusalsLoggedPerMinute?: number;
}

export interface WebHost {
  url: string;
  /** The address the server is bound to (always 127.0.0.1). */
  address: string;
  /** The URL to open: carries the secret in the fragment, which never reaches a server log. */
  launchUrl: string;
  token: string;
  port: number;
  close(): Promise<void>;
}

function generateToken(): string {
  return crypto.randomBytes(24).toString('base64url');
}

/** A port the web host cannot listen on, as one line naming the setting. */
function portError(err: NodeJS.ErrnoException, port: number): Error {
  if (err.code === 'EADDRINUSE') {
    return new ConfigError('KIOSK_WEB_PORT', `port ${port} is already in use (another kiosk or program): stop it, or set KIOSK_WEB_PORT to a free port`);
  }
  if (err.code === 'EACCES') {
    return new ConfigError('KIOSK_WEB_PORT', `port ${port} is not allowed for this user (ports below 1024 need administrator rights): set KIOSK_WEB_PORT to a port from 1024 to 65535`);
  }
  return err;
}

/** A percent-encoded path, decoded; null when it is not valid percent-encoding (e.g. "/%"). */
function decodePath(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/** The request target as a URL; null when it is not one. */
function parseUrl(target: string, host: string): URL | null {
  try {
    return new URL(target, `http://${host}`);
  } catch {
    return null;
  }
}

function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && crypto.timingSafeEqual(ab, bb);
}

/** An answer that is never cached (the app's page and every API answer). */
function replyTo(res: http.ServerResponse, status: number, body: Envelope | string, type = 'application/json', extra: Record<string, string> = {}): void {
  res.writeHead(status, { ...rendererHeaders(type), 'cache-control': 'no-store', ...extra });
  res.end(typeof body === 'string' ? body : JSON.stringify(body));
}

function refuseTo(res: http.ServerResponse, status: number, error: KioskError): void {
  replyTo(res, status, { ok: false, error: error.toWire() });
}

/**
 * A refusal whose request body is not (fully) read: answered, then the connection is closed
 * instead of reading the rest of the body to keep it alive.
 */
function cutOffTo(req: http.IncomingMessage, res: http.ServerResponse, status: number, error: KioskError): void {
  if (res.headersSent) {
    req.socket.destroy();
    return;
  }
  res.once('finish', () => req.socket.destroy());
  replyTo(res, status, { ok: false, error: error.toWire() }, 'application/json', { connection: 'close' });
}

interface RefusalLog {
  refused(event: string, fields: Record<string, unknown>): void;
  /** Writes the summary of what is still unlogged. */
  close(): void;
}

/** At most `perMinute` refusal lines a minute; then one line "suppressed K" when the minute ends. */
function createRefusalLog(log: Logger, perMinute: number, now: () => number = Date.now): RefusalLog {
  const WINDOW_MS = 60_000;
  let windowStart = -Infinity;
  let logged = 0;
  let suppressed = 0;
  let timer: NodeJS.Timeout | null = null;
  const flush = () => {
    if (timer) clearTimeout(timer);
    timer = null;
    if (suppressed === 0) return;
    log.warn('refused requests not logged', { suppressed, perMinute });
    suppressed = 0;
  };
  return {
    refused(event, fields) {
      const t = now();
      if (t - windowStart >= WINDOW_MS) {
        flush();
        windowStart = t;
        logged = 0;
      }
      if (logged < perMinute) {
        logged++;
        log.warn(event, fields);
        return;
      }
      suppressed++;
      if (!timer) {
        timer = setTimeout(flush, Math.max(0, windowStart + WINDOW_MS - t));
        timer.unref();
      }
    },
    close: flush,
  };
}

export async function startWebHost(options: WebHostOptions): Promise<WebHost> {
  const token = options.token ?? generateToken();
  const log = options.logger.child('web');
  const bodyTimeoutMs = options.bodyTimeoutMs ?? BODY_TIMEOUT_MS;
  const refusals = createRefusalLog(log, options.refusalsLoggedPerMinute ?? REFUSALS_LOGGED_PER_MINUTE);
  const staticRoot = path.resolve(options.staticDir);
  let port = options.port;

  /** The request's handling, in steps that may throw: the server's guard answers 500 for any of them. */
  function serve(req: http.IncomingMessage, res: http.ServerResponse, guard: (step: () => void) => void): void {
    const reply = (status: number, body: Envelope | string, type?: string, extra?: Record<string, string>) => replyTo(res, status, body, type, extra);
    // Every refusal before the body is read closes the connection: the body is never read.
    const refuse = (status: number, error: KioskError) => cutOffTo(req, res, status, error);
    const badUrl = () => refuse(400, new KioskError('input.invalid', { params: { field: 'url' } }));

    // Only this server's own names: a page on another site resolving to 127.0.0.1 is refused.
    const host = req.headers.host ?? '';
    if (host !== `127.0.0.1:${port}` && host !== `localhost:${port}`) {
      refusals.refused('request for another host name refused', { host: host.slice(0, 64) });
      return refuse(421, new KioskError('host.unauthorized', { detail: `host header ${host.slice(0, 64)}` }));
    }
    // An absolute-form target (GET http://a:b/ …) may not be a URL at all.
    const url = parseUrl(req.url ?? '/', host);
    if (!url) return badUrl();

    if (url.pathname.startsWith('/api/')) {
      const origin = req.headers.origin;
      if (origin !== undefined && origin !== `http://127.0.0.1:${port}` && origin !== `http://localhost:${port}`) {
        refusals.refused('cross-origin call refused', { origin: origin.slice(0, 64), path: url.pathname.slice(0, 64) });
        return refuse(403, new KioskError('host.unauthorized', { detail: 'cross-origin call' }));
      }
      if (req.method !== 'POST') return refuse(405, new KioskError('input.invalid', { params: { field: 'method' } }));
      const given = req.headers[TOKEN_HEADER];
      if (typeof given !== 'string' || !safeEqual(given, token)) {
        refusals.refused('call without the launch secret refused', { path: url.pathname.slice(0, 64) });
        return refuse(401, new KioskError('host.unauthorized'));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return refuse(415, new KioskError('input.invalid', { params: { field: 'content-type' } }));
      }
      const name = decodePath(url.pathname.slice('/api/'.length));
      if (name === null) return badUrl();
      // Only now, with the caller known, is the body read: all of it within bodyTimeoutMs.
      const chunks: Buffer[] = [];
      let size = 0;
      const bodyTimer = setTimeout(
        () =>
          guard(() => {
            log.warn('call body too slow: cut off', { path: url.pathname.slice(0, 64), bytes: size, ms: bodyTimeoutMs });
            refuse(408, new KioskError('input.invalid', { detail: `body not received in ${bodyTimeoutMs} ms`, params: { field: 'body' } }));
          }),
        bodyTimeoutMs,
      );
      const stopTimer = () => clearTimeout(bodyTimer);
      req.once('close', stopTimer);
      res.once('close', stopTimer);
      req.on('data', (chunk: Buffer) =>
        guard(() => {
          if (res.headersSent) return;
          size += chunk.length;
          if (size > MAX_BODY_BYTES) {
            stopTimer();
            refuse(413, new KioskError('input.invalid', { params: { field: 'body' } }));
            return;
          }
          chunks.push(chunk);
        }),
      );
      req.on('end', () =>
        guard(() => {
          stopTimer();
          if (res.headersSent) return;
          let input: unknown;
          try {
            const text = Buffer.concat(chunks).toString('utf8');
            input = text === '' ? {} : JSON.parse(text);
          } catch {
            return refuse(400, new KioskError('input.invalid', { params: { field: 'body' } }));
          }
          const started = performance.now();
          options.dispatch(name, input).then(
            // Server-Timing: how long the main side took, so the renderer bench can tell this
            // app's time from the browser's HTTP round trip (IPC in the desktop app).
            (envelope) => guard(() => reply(200, envelope, 'application/json', { 'server-timing': `dispatch;dur=${(performance.now() - started).toFixed(2)}` })),
            (err: unknown) => guard(() => {
              log.error('dispatch threw', { error: err });
              refuse(500, new KioskError('internal'));
            }),
          );
        }),
      );
      return;
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') {
      // Its body is not read either.
      res.once('finish', () => req.socket.destroy());
      return reply(405, 'Method not allowed', 'text/plain', { connection: 'close' });
    }
    const pathname = decodePath(url.pathname);
    if (pathname === null) return badUrl();
    // Static files; anything that is not a file is the app (one page).
    const wanted = path.normalize(path.join(staticRoot, pathname));
    const inside = wanted.startsWith(staticRoot + path.sep);
    const file = inside && fs.existsSync(wanted) && fs.statSync(wanted).isFile() ? wanted : path.join(staticRoot, 'index.html');
    fs.readFile(file, (err, data) =>
      guard(() => {
        if (err) {
          return reply(503, 'The app is not built yet: run "npm run build".', 'text/plain; charset=utf-8');
        }
        res.writeHead(200, {
          ...rendererHeaders(contentTypeOf(file)),
          // Asset names carry a content hash; the page itself must always be fresh.
          'cache-control': file.endsWith('index.html') ? 'no-store' : 'public, max-age=31536000, immutable',
        });
        res.end(req.method === 'HEAD' ? undefined : data);
      }),
    );
  }

  // Nothing a client sends may stop the kiosk: whatever throws is logged and answered 500.
  // Node's own limits close connections whose headers (10 s) or whole request (headers and
  // body, not the answer: 30 s) are too slow, checked every 2 s; an accepted call's body
  // has its own, shorter deadline (bodyTimeoutMs) above.
  const server = http.createServer({ headersTimeout: 10_000, requestTimeout: 30_000, connectionsCheckingInterval: 2_000 }, (req, res) => {
    const guard = (step: () => void) => {
      try {
        step();
      } catch (err) {
        log.error('web request failed', { error: err, method: req.method, path: String(req.url).slice(0, 64) });
        if (res.headersSent) res.destroy();
        else refuseTo(res, 500, new KioskError('internal'));
      }
    };
    guard(() => serve(req, res, guard));
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', (err: NodeJS.ErrnoException) => reject(portError(err, options.port)));
    server.listen(options.port, LOOPBACK, () => {
      server.removeAllListeners('error');
      resolve();
    });
  });
  // After listen an 'error' would otherwise be unhandled and stop the process.
  server.on('error', (err) => log.error('web host error', { error: err }));
  const bound = server.address() as AddressInfo;
  port = bound.port;
  // Built from what the socket is really bound to, so a wrong bind cannot hide behind the text.
  const url = `http://${bound.address}:${port}/`;
  log.info('web host listening', { url });
  return {
    url,
    address: bound.address,
    launchUrl: `${url}#k=${token}`,
    token,
    port,
    close: () =>
      new Promise<void>((resolve) => {
        refusals.close();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
