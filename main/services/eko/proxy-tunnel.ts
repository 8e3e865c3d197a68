/**
 * HTTPS to Eko through the PC's proxy (HTTPS_PROXY / NO_PROXY, read by proxy-from-env like axios
 * does), as a CONNECT tunnel this client controls. Why not axios's own: its tunnel replays a
 * proxy's refusal of the CONNECT (407, 502) as if it were Eko's HTTP answer, so an enquiry that
 * never left the shop's network read as "sent, result unknown". Here a refused CONNECT fails the
 * connection before a byte of the request is written: "not sent", and the agent may try again.
 * TLS runs end to end to Eko inside the tunnel; the proxy sees only the host name.
 */
import http from 'node:http';
import https from 'node:https';
import type net from 'node:net';
import type { Duplex } from 'node:stream';
import tls from 'node:tls';
import { getProxyForUrl } from 'proxy-from-env';

/** The proxy answered the CONNECT with something other than 200: the request never reached Eko. */
export class ProxyRefusedError extends Error {
  readonly code = 'EPROXYREFUSED';
  constructor(readonly status: number) {
    super(`the proxy refused the tunnel to Eko (HTTP ${status})`);
  }
}

/** The proxy to reach this URL through, or null (none set, or NO_PROXY lists the host). */
export function proxyFor(url: string): URL | null {
  const proxy = getProxyForUrl(url);
  if (!proxy) return null;
  try {
    return new URL(proxy);
  } catch {
    return null;
  }
}

export class TunnelingAgent extends https.Agent {
  constructor(
    private readonly proxy: URL,
    options: https.AgentOptions,
  ) {
    super(options);
  }

  override createConnection(options: http.ClientRequestArgs & tls.ConnectionOptions, callback?: (err: Error | null, stream: Duplex) => void): Duplex | null | undefined {
    const host = options.host ?? options.hostname ?? 'localhost';
    const target = `${host}:${options.port ?? 443}`;
    const auth = this.proxy.username ? `${decodeURIComponent(this.proxy.username)}:${decodeURIComponent(this.proxy.password)}` : null;
    const connect = (this.proxy.protocol === 'https:' ? https : http).request({
      host: this.proxy.hostname,
      port: this.proxy.port || (this.proxy.protocol === 'https:' ? 443 : 80),
      method: 'CONNECT',
      path: target,
      headers: { host: target, ...(auth ? { 'proxy-authorization': `Basic ${Buffer.from(auth).toString('base64')}` } : {}) },
      agent: false,
    });
    let done = false;
    const finish = (err: Error | null, stream?: Duplex) => {
      if (done) return;
      done = true;
      callback?.(err, stream as Duplex);
    };
    connect.once('connect', (res: http.IncomingMessage, socket: net.Socket) => {
      if (res.statusCode !== 200) {
        socket.destroy();
        finish(new ProxyRefusedError(res.statusCode ?? 0));
        return;
      }
      const secure = tls.connect({ ...options, socket, servername: options.servername ?? (host.replace(/^\[|\]$/g, '')) });
      finish(null, secure);
    });
    // A proxy that cannot be reached, or closes without answering the CONNECT: nothing was sent either.
    connect.once('error', (err) => finish(err));
    connect.once('close', () => finish(Object.assign(new Error('the proxy closed the connection before the tunnel opened'), { code: 'EPROXYCLOSED' })));
    connect.end();
    return undefined;
  }
}
