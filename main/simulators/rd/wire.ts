/**
 * HTTP/1.x spoken by hand on a raw socket. Node's http server answers unknown verbs
 * (RDSERVICE, DEVICEINFO, CAPTURE) with 400 before any handler runs, so an RD service
 * simulator has to read requests itself: request line, headers, Content-Length body,
 * keep-alive with requests handled one after another.
 */
import type { Socket } from 'node:net';

export interface WireRequest {
  method: string;
  path: string;
  version: string;
  headers: Record<string, string>;
  body: Buffer;
}

export interface WireResponse {
  status: number;
  reason?: string;
  headers?: Record<string, string>;
  body: string | Buffer;
}

/** 'hang': never answer (the socket stays open until the peer or close() ends it). */
type Handler = (req: WireRequest, signal: AbortSignal) => Promise<WireResponse | 'hang'>;

const MAX_HEAD = 16 * 1024;
const MAX_BODY = 1024 * 1024;
const IDLE_MS = 60_000;

export function serveConnection(socket: Socket, handler: Handler): void {
  let buf = Buffer.alloc(0);
  let busy = false;
  let closed = false;
  const lifetime = new AbortController();
  socket.setTimeout(IDLE_MS, () => socket.destroy());
  socket.on('error', () => socket.destroy());
  socket.on('close', () => {
    closed = true;
    lifetime.abort();
  });
  socket.on('data', (chunk: Buffer) => {
    buf = Buffer.concat([buf, chunk]);
    void pump();
  });

  function fail(status: number, reason: string): void {
    busy = true;
    write({ status, reason, body: `${reason}\n` }, false);
  }

  function write(res: WireResponse, keepAlive: boolean): void {
    if (closed) return;
    const body = typeof res.body === 'string' ? Buffer.from(res.body, 'utf8') : res.body;
    const headers: Record<string, string> = {
      'Content-Type': 'text/xml',
      'Access-Control-Allow-Origin': '*',
      ...res.headers,
      'Content-Length': String(body.length),
      Connection: keepAlive ? 'keep-alive' : 'close',
    };
    const head = `HTTP/1.1 ${res.status} ${res.reason ?? 'OK'}\r\n${Object.entries(headers).map(([k, v]) => `${k}: ${v}\r\n`).join('')}\r\n`;
    socket.write(Buffer.concat([Buffer.from(head, 'latin1'), body]));
    if (!keepAlive) socket.end();
  }

  async function pump(): Promise<void> {
    while (!busy && !closed) {
      const crlf = buf.indexOf('\r\n\r\n');
      const lf = buf.indexOf('\n\n');
      const end = crlf >= 0 && (lf < 0 || crlf < lf) ? crlf + 4 : lf >= 0 ? lf + 2 : -1;
      if (end < 0) {
        // Not HTTP (a TLS hello on a plain port): say so now, as real servers do, instead of waiting.
        const lineEnd = buf.indexOf('\n');
        if (/[^\x20-\x7e\r\t]/.test(buf.subarray(0, lineEnd < 0 ? buf.length : lineEnd).toString('latin1'))) return fail(400, 'Bad Request');
        if (buf.length > MAX_HEAD) fail(431, 'Request Header Fields Too Large');
        return;
      }
      if (end > MAX_HEAD) return fail(431, 'Request Header Fields Too Large');
      const lines = buf.subarray(0, end).toString('latin1').split(/\r?\n/).filter((l) => l !== '');
      const first = /^([A-Za-z]+) (\S+) HTTP\/(1\.[01])$/.exec(lines[0] ?? '');
      if (!first) return fail(400, 'Bad Request');
      const headers: Record<string, string> = {};
      for (const line of lines.slice(1)) {
        const i = line.indexOf(':');
        if (i <= 0) return fail(400, 'Bad Request');
        headers[line.slice(0, i).trim().toLowerCase()] = line.slice(i + 1).trim();
      }
      if (headers['transfer-encoding']) return fail(411, 'Length Required');
      const lengthText = headers['content-length'] ?? '0';
      if (!/^\d+$/.test(lengthText)) return fail(400, 'Bad Request');
      const length = Number(lengthText);
      if (length > MAX_BODY) return fail(413, 'Payload Too Large');
      if (buf.length < end + length) return;
      const body = buf.subarray(end, end + length);
      buf = buf.subarray(end + length);
      const version = first[3]!;
      const connection = (headers.connection ?? '').toLowerCase();
      const keepAlive = version === '1.1' ? connection !== 'close' : connection === 'keep-alive';
      busy = true;
      let res: WireResponse | 'hang';
      try {
        res = await handler({ method: first[1]!.toUpperCase(), path: first[2]!, version, headers, body }, lifetime.signal);
      } catch {
        res = { status: 500, reason: 'Internal Server Error', body: 'Internal Server Error\n' };
      }
      if (res === 'hang') return;
      write(res, keepAlive);
      if (!keepAlive) return;
      busy = false;
    }
  }
}
