import fs from 'node:fs';
import net from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import type { RdService } from '../../../app/contract';
import { createRdService } from '../../../main/services/rd';
import { silentLogger } from '../../../main/services/log/logger';
import { scanPorts } from '../../../main/services/rd/discovery';
import { rdRequest } from '../../../main/services/rd/transport';
import { SIM_REQUEST_LOG_LIMIT, startRdSimulator, type RdQuirk } from '../../../main/simulators/rd';
import { closeAll, closedPort, count, rig } from './helpers';

afterEach(closeAll);

describe('discovery over the network', () => {
  it('finds http and https services, one entry per port, with paths and status', async () => {
    const closed = await closedPort();
    const { rd, sim } = await rig(
      [
        { vendor: 'mantra', scenario: 'ready' },
        { vendor: 'morpho', protocol: 'https', scenario: 'ready' },
        { vendor: 'startek', scenario: 'notReady' },
        { scenario: 'used' },
      ],
      { extraPorts: [closed] },
    );
    const inv = await rd.inventory();
    const [mantra, morpho, startek, used] = sim.ports;
    expect(inv.devices).toHaveLength(4);
    const byPort = new Map(inv.devices.map((d) => [d.port, d]));
    expect(byPort.get(mantra!)).toEqual({
      port: mantra,
      protocol: 'http',
      status: 'READY',
      info: 'Mantra Authentication Vendor Device Manager',
      capturePath: '/rd/capture',
      deviceInfoPath: '/rd/info',
    });
    expect(byPort.get(morpho!)).toMatchObject({ protocol: 'https', status: 'READY', info: 'Morpho_RD_Service', capturePath: '/capture', deviceInfoPath: '/getDeviceInfo' });
    expect(byPort.get(startek!)).toMatchObject({ status: 'NOTREADY', info: 'Secure Startek RD Service' });
    expect(byPort.get(used!)).toMatchObject({ status: 'USED' });
    expect(byPort.has(closed)).toBe(false);
    expect(inv.selected?.status).toBe('READY');
  });

  it.each<[RdQuirk[], Partial<RdService>]>([
    [['singleQuotes'], { status: 'READY', capturePath: '/rd/capture' }],
    [['lowerCaseStatus'], { status: 'READY' }],
    [['xmlns'], { status: 'READY' }],
    [['hostPrefixPath'], { capturePath: '/rd/capture', deviceInfoPath: '/rd/info' }],
    [['spacedUrlPath'], { capturePath: '/rd/capture', deviceInfoPath: '/rd/info' }],
    [['localhostPath'], { capturePath: '/rd/capture', deviceInfoPath: '/rd/info' }],
    [['noDeviceInfo'], { capturePath: '/rd/capture', deviceInfoPath: null }],
    [['interfaceOrder'], { capturePath: '/rd/capture', deviceInfoPath: '/rd/info' }],
  ])('tolerates the quirk %j', async (quirks, expected) => {
    const { rd } = await rig([{ scenario: { quirks } }]);
    const state = await rd.status();
    expect(state.state).toBe('ready');
    expect(state.selected).toMatchObject(expected);
  });

  it.each(['mantra', 'morpho', 'startek'] as const)('the %s quirk set (all together) still captures', async (vendor) => {
    const { rd, sim } = await rig([{ vendor, scenario: 'quirks' }]);
    const s = await rd.status();
    expect(s.state).toBe('ready');
    const result = await rd.capture({});
    expect(result.quality).toBe('good');
    expect(sim.devices[0]!.captures).toBe(1);
  });

  it('refuses a service whose interfaces point at another machine', async () => {
    const { rd, sim } = await rig([{ scenario: { quirks: ['foreignHostPath'] } }]);
    const state = await rd.status();
    expect(state.state).toBe('none');
    expect(state.devices).toEqual([]);
    expect(count(sim, 0, 'CAPTURE')).toBe(0);
    await expect(rd.capture({})).rejects.toMatchObject({ code: 'rd.notFound' });
  });

  it('a hanging port costs one probe timeout, and the READY device is reported long before', async () => {
    const { rd, sim } = await rig([{ scenario: 'hang' }, { scenario: 'ready' }, { scenario: 'hang' }], { probeTimeoutMs: 500 });
    const started = performance.now();
    let firstReadyAt = -1;
    const inv = await rd.inventory((s) => {
      if (s.status === 'READY' && firstReadyAt < 0) firstReadyAt = performance.now() - started;
    });
    const total = performance.now() - started;
    expect(inv.devices.map((d) => d.port)).toEqual([sim.ports[1]]);
    expect(firstReadyAt).toBeGreaterThanOrEqual(0);
    expect(firstReadyAt).toBeLessThan(450); // heard before the hung probes' deadline
    // Every probe runs at once: the whole scan ends with the hung probes' single deadline
    // (one after the other, the two would take 1000 ms at least).
    expect(total).toBeGreaterThanOrEqual(480);
    expect(total).toBeLessThan(1000);
  });

  it('a slow service is found when it answers within the probe deadline, and not after it', async () => {
    const { rd, sim } = await rig([{ scenario: 'slow', answerDelayMs: 250 }], { probeTimeoutMs: 600 });
    expect((await rd.inventory()).devices.map((d) => d.port)).toEqual([sim.ports[0]]);
    sim.devices[0]!.setAnswerDelay(2_000);
    const started = performance.now();
    expect((await rd.inventory()).devices).toEqual([]);
    expect(performance.now() - started).toBeLessThan(1_500); // the 600 ms deadline, not the 2 s answer
  });

  it('onFound hears each service as it answers, before the scan ends', async () => {
    const sim = await startRdSimulator({ devices: [{ scenario: 'ready' }, { scenario: 'notReady', answerDelayMs: 200 }] });
    try {
      const heard: Array<{ port: number; at: number }> = [];
      const t0 = performance.now();
      const result = await scanPorts('127.0.0.1', sim.ports, { timeoutMs: 1000, onFound: (s) => heard.push({ port: s.port, at: performance.now() - t0 }) });
      expect(heard.map((h) => h.port)).toEqual([sim.ports[0], sim.ports[1]]);
      expect(heard[0]!.at).toBeLessThan(heard[1]!.at);
      expect(heard[1]!.at).toBeGreaterThanOrEqual(190);
      expect(result.devices).toHaveLength(2);
    } finally {
      await sim.close();
    }
  });

  it('a listener that throws does not end the scan', async () => {
    const { rd } = await rig([{ scenario: 'ready' }, { scenario: 'ready' }]);
    const inv = await rd.inventory(() => {
      throw new Error('listener bug');
    });
    expect(inv.devices).toHaveLength(2);
  });

  it('works with localhost as the configured host', async () => {
    const { rd } = await rig([{ scenario: 'ready' }], { config: { host: 'localhost' } });
    expect((await rd.status()).state).toBe('ready');
  });

  it('refuses a non-loopback host outright', async () => {
    await expect(rdRequest({ host: '10.0.0.1', port: 11100, protocol: 'https', method: 'RDSERVICE', path: '/', timeoutMs: 100 })).rejects.toMatchObject({ kind: 'refused' });
    expect(() => createRdService({ host: '192.168.1.5', ports: [11100], explicitPorts: true, captureTimeoutMs: 10000 }, silentLogger)).toThrow(
      expect.objectContaining({ code: 'config.invalid' }),
    );
  });

  it('the simulator speaks keep-alive HTTP: two requests on one connection, Content-Length bodies', async () => {
    const sim = await startRdSimulator({ devices: [{ scenario: 'ready' }] });
    try {
      const socket = net.connect(sim.ports[0]!, '127.0.0.1');
      let got = '';
      socket.on('data', (d) => (got += d.toString()));
      const body = 'abc';
      socket.write(`RDSERVICE / HTTP/1.1\r\nHost: x\r\nContent-Length: 0\r\n\r\nDEVICEINFO /rd/info HTTP/1.1\r\nHost: x\r\nContent-Length: ${body.length}\r\n\r\n${body}`);
      await new Promise<void>((resolve) => {
        const timer = setInterval(() => {
          if ((got.match(/HTTP\/1\.1 200/g) ?? []).length >= 2 && got.includes('</DeviceInfo>')) {
            clearInterval(timer);
            resolve();
          }
        }, 5);
      });
      expect(got).toMatch(/^HTTP\/1\.1 200 OK\r\n[\s\S]*<RDService[\s\S]*HTTP\/1\.1 200 OK[\s\S]*<DeviceInfo/);
      expect(got).toContain('Connection: keep-alive');
      socket.destroy();
    } finally {
      await sim.close();
    }
  });

  it.each(['TLSv1', 'TLSv1.1'] as const)('an old service speaking only %s on loopback is found and captures', async (tlsMaxVersion) => {
    const { rd, sim } = await rig([{ vendor: 'morpho', protocol: 'https', scenario: 'ready', tlsMaxVersion }]);
    expect((await rd.status()).selected).toMatchObject({ port: sim.ports[0], protocol: 'https', status: 'READY' });
    const r = await rd.capture({});
    expect(rd.takeCapture(r.handle)?.pidXml).toBe(sim.devices[0]!.lastPid);
  });

  it(`the simulator keeps only the last ${SIM_REQUEST_LOG_LIMIT} requests`, async () => {
    const sim = await startRdSimulator({ devices: [{ scenario: 'ready' }] });
    try {
      const total = SIM_REQUEST_LOG_LIMIT + 50;
      for (let i = 0; i < total; i += 25) {
        await Promise.all(
          Array.from({ length: 25 }, (_, j) => rdRequest({ host: '127.0.0.1', port: sim.ports[0]!, protocol: 'http', method: 'RDSERVICE', path: `/p${i + j}`, timeoutMs: 2000 })),
        );
      }
      // The newest ones (batches run one after another; within one, any order).
      const seen = sim.devices[0]!.requests.map((r) => Number(r.path.slice(2))).sort((a, b) => a - b);
      expect(seen).toEqual(Array.from({ length: SIM_REQUEST_LOG_LIMIT }, (_, k) => total - SIM_REQUEST_LOG_LIMIT + k));
    } finally {
      await sim.close();
    }
  });

  it('remembers where the device was in a small JSON file', async () => {
    const { rd, sim, stateFile } = await rig([{ scenario: 'ready' }]);
    await rd.status();
    expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toMatchObject({ port: sim.ports[0], protocol: 'http' });
  });
});
