/**
 * Eko through the PC's proxy (HTTPS_PROXY): a proxy that refuses the CONNECT (407, 502) or cannot be
 * reached means the request never reached Eko: "not sent" (the agent may try again), never "sent,
 * result unknown". A tunnel the proxy opens carries TLS end to end, and NO_PROXY is honoured.
 */
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KioskError } from '../../../app/contract';
import { createEkoClient } from '../../../main/services/eko/client';
import { balanceEnquiryOperation } from '../../../main/services/eko/operations';
import { ProxyRefusedError, TunnelingAgent, proxyFor } from '../../../main/services/eko/proxy-tunnel';
import { startEkoSandbox, type EkoSandbox } from '../../../main/simulators/eko/sandbox';
import { selfSignedLoopbackCert } from '../../../main/simulators/rd/cert';
import { SAMPLE_PID, recordingLogger } from '../../unit/eko/helpers';

let proxy: http.Server;
let proxyUrl: string;
let answer: number | 'tunnel' = 502;
const connects: string[] = [];
/** CONNECT sockets leave the server's bookkeeping: closed by hand. */
const tunnels: net.Socket[] = [];
let keys: EkoSandbox;

beforeAll(async () => {
  keys = await startEkoSandbox();
  proxy = http.createServer((_req, res) => res.writeHead(400).end());
  proxy.on('connect', (req: http.IncomingMessage, socket: net.Socket) => {
    connects.push(req.url ?? '');
    tunnels.push(socket);
    if (answer === 'tunnel') {
      // Tunnel to this machine whatever was asked (the test server), as a proxy would to the named host.
      const [, port] = (req.url ?? '').split(':');
      const upstream = net.connect(Number(port), '127.0.0.1', () => {
        tunnels.push(upstream);
        socket.write('HTTP/1.1 200 Connection Established\r\n\r\n');
        upstream.pipe(socket).pipe(upstream);
      });
      upstream.on('error', () => socket.destroy());
      return;
    }
    socket.end(`HTTP/1.1 ${answer} Refused\r\nContent-Length: 0\r\n\r\n`);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));
  proxyUrl = `http://127.0.0.1:${(proxy.address() as AddressInfo).port}`;
});
afterEach(() => {
  delete process.env.HTTPS_PROXY;
  delete process.env.NO_PROXY;
});
afterAll(async () => {
  await keys.close();
  for (const socket of tunnels) socket.destroy();
  await new Promise<void>((resolve) => {
    proxy.close(() => resolve());
    proxy.closeAllConnections();
  });
});

function liveClient() {
  // Eko's own production host: with the proxy refusing, nothing ever leaves this machine.
  return createEkoClient(
    { ...keys.clientCredentials(), baseUrl: 'https://api.eko.in:25002/ekoicici/v3', agentMobile: '9962981729', latlong: '28.6139,77.2090', requestTimeoutMs: 3000, enquiryTimeoutMs: 3000 },
    recordingLogger([]),
  );
}

describe('a proxy that refuses the tunnel: the enquiry was not sent', () => {
  for (const status of [407, 502] as const) {
    it(`CONNECT answered ${status} → eko.offline (not sent), not an unknown result`, async () => {
      process.env.HTTPS_PROXY = proxyUrl;
      answer = status;
      const client = liveClient();
      const before = connects.length;
      const err = await client
        .send(client.prepare(balanceEnquiryOperation, { customerMobile: '9876543210', aadhaar: '234567890124', bank: { iin: '607094', ifsc: 'SBIN', name: 'SBI' }, pidXml: SAMPLE_PID }))
        .catch((e: unknown) => e);
      await client.stop();
      expect(err).toBeInstanceOf(KioskError);
      expect((err as KioskError).code).toBe('eko.offline');
      expect((err as KioskError).detail).toContain('EPROXYREFUSED');
      expect(connects.slice(before)).toEqual(['api.eko.in:25002']);
    });
  }

  it('NO_PROXY for Eko’s host: no proxy is used for it (and none for a sandbox on this PC)', () => {
    process.env.HTTPS_PROXY = proxyUrl;
    expect(proxyFor('https://api.eko.in:25002/ekoicici/v3')?.href).toBe(`${proxyUrl}/`);
    process.env.NO_PROXY = 'api.eko.in';
    expect(proxyFor('https://api.eko.in:25002/ekoicici/v3')).toBeNull();
  });
});

describe('the tunnel itself', () => {
  it('carries TLS end to end to the server the CONNECT named', async () => {
    const { key, cert } = selfSignedLoopbackCert();
    const server = https.createServer({ key, cert }, (_req, res) => res.end('through the tunnel'));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    answer = 'tunnel';
    const agent = new TunnelingAgent(new URL(proxyUrl), { ca: cert, keepAlive: false });
    const body = await new Promise<string>((resolve, reject) => {
      https
        .get({ host: '127.0.0.1', port, path: '/', agent, servername: 'localhost' }, (res) => {
          let text = '';
          res.on('data', (c: Buffer) => (text += c.toString()));
          res.on('end', () => resolve(text));
        })
        .on('error', reject);
    });
    expect(body).toBe('through the tunnel');
    expect(connects.at(-1)).toBe(`127.0.0.1:${port}`);
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeAllConnections();
    });
  });

  it('a refused CONNECT fails the connection before the request is written', async () => {
    answer = 407;
    const agent = new TunnelingAgent(new URL(proxyUrl), { keepAlive: false });
    const err = await new Promise<unknown>((resolve) => {
      const req = https.request({ host: 'api.eko.in', port: 443, method: 'POST', path: '/', agent }, () => resolve(null));
      req.on('finish', () => resolve('finished: the body was written'));
      req.on('error', resolve);
      req.end('{"piddata":"secret"}');
    });
    expect(err).toBeInstanceOf(ProxyRefusedError);
    expect((err as ProxyRefusedError).status).toBe(407);
  });
});
