/**
 * One request to an RD service: custom verbs (RDSERVICE, DEVICEINFO, CAPTURE) over
 * http or https on loopback, with a hard deadline, a size cap and cancellation.
 * Self-signed certificates are accepted, and only because the peer is this PC.
 */
import http from 'node:http';
import https from 'node:https';
import tls from 'node:tls';
import { isLoopbackHost } from '../config/config';
import { TransportError } from '../transport-error';

export type RdProtocol = 'http' | 'https';

interface RdRequest {
  host: string;
  port: number;
  protocol: RdProtocol;
  method: 'RDSERVICE' | 'DEVICEINFO' | 'CAPTURE';
  path: string;
  body?: string;
  /** Whole-exchange deadline (connect, send, answer), ms. */
  timeoutMs: number;
  signal?: AbortSignal;
  maxBytes?: number;
  /** Called once the TCP connection is open (something listens on the port), before any answer. */
  onConnect?: () => void;
}

interface RdAnswer {
  statusCode: number;
  body: Buffer;
}


/** Where to connect: RD services bind 127.0.0.1, and "localhost" may resolve to ::1 first. */
export function connectHost(host: string): string {
  return host.toLowerCase() === 'localhost' ? '127.0.0.1' : host.replace(/^\[|\]$/g, '');
}

// One TLS context for every probe: building one per connection (CA store and all) costs
// milliseconds of CPU each, and a scan opens 21 TLS connections at once.
// Old vendor services still speak TLS 1.0/1.1, which OpenSSL 3 only allows at security
// level 0. That level is set on this context alone, used for loopback only (rdRequest
// refuses anything else), where the certificate is not checked anyway: TLS here protects
// nothing a local process could not read, so refusing old TLS would only lose the scanner.
// Every other TLS connection of the app keeps the defaults.
let sharedTlsContext: tls.SecureContext | null = null;
function tlsContext(): tls.SecureContext {
  if (!sharedTlsContext) {
    try {
      sharedTlsContext = tls.createSecureContext({ minVersion: 'TLSv1', ciphers: 'DEFAULT:@SECLEVEL=0' });
    } catch {
      // Electron's BoringSSL has no security levels and refuses "@SECLEVEL"; it speaks old TLS once the minimum allows it.
      sharedTlsContext = tls.createSecureContext({ minVersion: 'TLSv1' });
    }
  }
  return sharedTlsContext;
}

export function rdRequest(req: RdRequest): Promise<RdAnswer> {
  return new Promise<RdAnswer>((resolve, reject) => {
    if (!isLoopbackHost(req.host)) {
      // Accepting self-signed certificates is only safe because the peer is this PC.
      reject(new TransportError('refused', `${req.host} is not a loopback host`));
      return;
    }
    if (req.signal?.aborted) {
      reject(new TransportError('aborted', 'cancelled before sending'));
      return;
    }
    const maxBytes = req.maxBytes ?? 1024 * 1024;
    const body = req.body === undefined ? undefined : Buffer.from(req.body, 'utf8');
    const headers: Record<string, string | number> = { Connection: 'close', Accept: 'text/xml, */*' };
    if (body) {
      headers['Content-Type'] = 'text/xml; charset=utf-8';
      headers['Content-Length'] = body.length;
    }
    const options: https.RequestOptions & { secureContext?: tls.SecureContext } = {
      host: connectHost(req.host),
      port: req.port,
      method: req.method,
      path: req.path,
      headers,
      agent: false,
    };
    if (req.protocol === 'https') {
      options.rejectUnauthorized = false;
      options.secureContext = tlsContext();
    }

    let settled = false;
    const finish = (err: TransportError | null, answer?: RdAnswer) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.signal?.removeEventListener('abort', onAbort);
      if (err) {
        request.destroy();
        reject(err);
      } else resolve(answer!);
    };
    const onAbort = () => finish(new TransportError('aborted', 'cancelled'));
    const timer = setTimeout(() => finish(new TransportError('timeout', `no answer in ${req.timeoutMs} ms`)), req.timeoutMs);

    const request = (req.protocol === 'https' ? https : http).request(options, (res) => {
      const chunks: Buffer[] = [];
      let size = 0;
      res.on('data', (chunk: Buffer) => {
        size += chunk.length;
        if (size > maxBytes) finish(new TransportError('tooLarge', `answer over ${maxBytes} bytes`));
        else chunks.push(chunk);
      });
      res.on('end', () => finish(null, { statusCode: res.statusCode ?? 0, body: Buffer.concat(chunks) }));
      res.on('error', (e) => finish(new TransportError('closed', e.message)));
      res.on('aborted', () => finish(new TransportError('closed', 'answer cut off')));
    });
    if (req.onConnect) {
      const onConnect = req.onConnect;
      request.once('socket', (socket) => {
        // A TLS socket's 'connect' is its TCP connection's; the handshake comes after.
        if (!socket.connecting) onConnect();
        else socket.once('connect', () => onConnect());
      });
    }
    request.on('error', (e: NodeJS.ErrnoException) => {
      finish(new TransportError(e.code === 'ECONNREFUSED' ? 'refused' : 'closed', e.code ?? e.message));
    });
    req.signal?.addEventListener('abort', onAbort, { once: true });
    request.end(body);
  });
}
