/**
 * A stand-in RD service that answers with recorded real answers, byte for byte, over real TCP
 * on 127.0.0.1: RDSERVICE (any path), DEVICEINFO and CAPTURE at the paths the fixture's
 * discovery answer names. Anything else gets 404, as a real service would.
 * HTTP is read by the simulator's raw-socket reader: Node's http server refuses the custom verbs.
 */
import net from 'node:net';
import { serveConnection } from '../../../main/simulators/rd/wire';

export interface FixtureRoute {
  path: string;
  /** The nth request gets bodies[n] (the last one once they run out). */
  bodies: Buffer[];
}

export interface FixtureRoutes {
  rdservice: Buffer;
  deviceInfo?: FixtureRoute;
  capture?: FixtureRoute;
}

export interface FixtureService {
  port: number;
  requests: Array<{ method: string; path: string }>;
  count(method: string): number;
  /** Resolves at the next request of this method. */
  next(method: string): Promise<void>;
  close(): Promise<void>;
}

const open = new Set<FixtureService>();

export async function serveFixtures(routes: FixtureRoutes, options: { port?: number } = {}): Promise<FixtureService> {
  const requests: Array<{ method: string; path: string }> = [];
  const waiters: Array<{ method: string; resolve: () => void }> = [];
  const served = new Map<string, number>();
  const sockets = new Set<net.Socket>();

  const pick = (method: string, route: FixtureRoute | undefined, path: string): Buffer | null => {
    if (!route || path.replace(/[?#].*$/, '') !== route.path) return null;
    const n = served.get(method) ?? 0;
    served.set(method, n + 1);
    return route.bodies[Math.min(n, route.bodies.length - 1)]!;
  };

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    serveConnection(socket, async (req) => {
      requests.push({ method: req.method, path: req.path });
      for (const w of waiters.splice(0)) {
        if (w.method === req.method) w.resolve();
        else waiters.push(w);
      }
      let body: Buffer | null = null;
      if (req.method === 'RDSERVICE') body = routes.rdservice;
      else if (req.method === 'DEVICEINFO') body = pick('DEVICEINFO', routes.deviceInfo, req.path);
      else if (req.method === 'CAPTURE') body = pick('CAPTURE', routes.capture, req.path);
      return body ? { status: 200, body } : { status: 404, reason: 'Not Found', body: '' };
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host: '127.0.0.1', port: options.port ?? 0, exclusive: true }, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const service: FixtureService = {
    port: (server.address() as net.AddressInfo).port,
    requests,
    count: (method) => requests.filter((r) => r.method === method).length,
    next: (method) => new Promise<void>((resolve) => waiters.push({ method, resolve })),
    close: async () => {
      open.delete(service);
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
  open.add(service);
  return service;
}

/** The port a real Morpho service used, when free here; any free one otherwise (the path's port is ignored by design). */
export async function serveFixturesPreferringPort(routes: FixtureRoutes, port: number): Promise<FixtureService> {
  try {
    return await serveFixtures(routes, { port });
  } catch {
    return serveFixtures(routes);
  }
}

export async function closeFixtureServices(): Promise<void> {
  await Promise.all([...open].map((s) => s.close()));
}
