/**
 * Real answers of real RD services (test/fixtures/rd, see SOURCES.md), served byte for byte over
 * TCP to the real discovery / device-info / capture path. Where these tests and our code
 * disagree, the code is wrong: these are what scanners in the field send.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createRdService, type RdServiceHandle, type RdServiceOptions } from '../../../main/services/rd';
import { STARTING_PID } from '../../../main/simulators/rd';
import { rdFixture, rdFixtureText, type RdFixture } from '../../fixtures/rd';
import { closeFixtureServices, serveFixtures, serveFixturesPreferringPort, type FixtureRoutes, type FixtureService } from './fixture-server';
import { closeAll, recordingLogger, rig } from './helpers';
import { rejection as failure } from '../../support/kiosk-error';

const open: Array<{ stop(): Promise<void> }> = [];

afterEach(async () => {
  await Promise.all(open.splice(0).map((rd) => rd.stop()));
  await closeFixtureServices();
  await closeAll();
});

/** The real RD service of this PC, pointed at the fixture service's port only. */
function serviceFor(svc: FixtureService, options: RdServiceOptions = {}) {
  const { logger, lines } = recordingLogger();
  const rd = createRdService({ host: '127.0.0.1', ports: [svc.port], explicitPorts: true, captureTimeoutMs: 5000 }, logger, {
    probeTimeoutMs: 2000,
    rescanIntervalMs: 0,
    ...options,
  });
  open.push(rd);
  return { rd, lines };
}

/** A Mantra service as discovered in the field (mantra-rdservice-1.xml), answering CAPTURE with these files in turn. */
function mantraWith(captures: RdFixture[]): FixtureRoutes {
  return {
    rdservice: rdFixture('mantra-rdservice-1.xml'),
    deviceInfo: { path: '/rd/info', bodies: [rdFixture('mantra-deviceinfo-1.xml')] },
    capture: { path: '/rd/capture', bodies: captures.map(rdFixture) },
  };
}

/** The encrypted parts of a PID block: none may reach a log line. */
function secretsOf(pid: string): string[] {
  return [...pid.matchAll(/<(?:Skey|Hmac|Data)[^>]*>([^<]+)</g)].map((m) => m[1]!.trim().slice(0, 40));
}

/** The PID block behind the capture's one-time handle is the fixture's, byte for byte. */
function expectPidKept(rd: RdServiceHandle, handle: string, file: RdFixture) {
  expect(Buffer.from(rd.takeCapture(handle)!.pidXml, 'utf8').equals(rdFixture(file))).toBe(true);
}

/** One capture from a Mantra-discovered service whose CAPTURE answers `file`. */
async function captureFrom(file: RdFixture) {
  const { rd, lines } = serviceFor(await serveFixtures(mantraWith([file])));
  return { rd, lines, r: await rd.capture({}) };
}

describe('discovery and device info, as real services answer them', () => {
  it('Mantra (Windows): READY, DEVICEINFO listed first, paths kept; its DEVICEINFO read at /rd/info', async () => {
    const svc = await serveFixtures(mantraWith(['mantra-pid-ok-2.xml']));
    const { rd } = serviceFor(svc);
    const s = await rd.status();
    expect(s.state).toBe('ready');
    expect(s.selected).toEqual({
      port: svc.port,
      protocol: 'http',
      status: 'READY',
      info: 'Mantra Authentication Vendor Device Manager',
      capturePath: '/rd/capture',
      deviceInfoPath: '/rd/info',
    });
    expect(s.devices).toHaveLength(1);
    // mantra-deviceinfo-1.xml: an MFS100 with no device_type param, so no level.
    expect(s.deviceInfo).toEqual({ vendor: 'MANTRA.MSIPL', model: 'MFS100', rdsId: 'MANTRA.WIN.001', rdsVersion: '1.0.3', serial: '3567278', level: null });
    expect(svc.requests).toContainEqual({ method: 'DEVICEINFO', path: '/rd/info' });
  });

  it('Morpho: NOTREADY on its port, host:port paths without a scheme reduced to paths, device info at /getDeviceInfo', async () => {
    const svc = await serveFixturesPreferringPort({ rdservice: rdFixture('morpho-rdservice-1.xml') }, 11102);
    const { rd } = serviceFor(svc);
    const s = await rd.status();
    expect(s.state).toBe('notReady');
    expect(s.selected).toBeNull();
    expect(s.devices).toEqual([
      { port: svc.port, protocol: 'http', status: 'NOTREADY', info: 'Morpho_RD_Service', capturePath: '/capture', deviceInfoPath: '/getDeviceInfo' },
    ]);
    // Not ready: the capture asks the service again, but never asks for a finger.
    expect((await failure(rd.capture({}))).code).toBe('rd.notReady');
    expect(svc.count('CAPTURE')).toBe(0);
  });

  it('Morpho, the same answer once its scanner is ready: DEVICEINFO at /getDeviceInfo and CAPTURE at /capture on that port', async () => {
    // Derived from the real answer (status word only) to follow its paths; the PID is Morpho's real one.
    const ready = Buffer.from(rdFixtureText('morpho-rdservice-1.xml').replace('status="NOTREADY"', 'status="READY"'), 'utf8');
    const svc = await serveFixturesPreferringPort(
      {
        rdservice: ready,
        deviceInfo: { path: '/getDeviceInfo', bodies: [rdFixture('mantra-deviceinfo-1.xml')] },
        capture: { path: '/capture', bodies: [rdFixture('morpho-pid-ok-1.xml')] },
      },
      11102,
    );
    const { rd } = serviceFor(svc);
    expect((await rd.status()).state).toBe('ready');
    const r = await rd.capture({});
    expect(r.qScore).toBe(59);
    expect(svc.requests.filter((q) => q.method !== 'RDSERVICE')).toEqual([
      { method: 'DEVICEINFO', path: '/getDeviceInfo' },
      { method: 'CAPTURE', path: '/capture' },
    ]);
  });
});

describe('captures, as real services answer them', () => {
  it('Mantra MFS110 L1, fType 2: a ~14.5 KB PID block, kept byte for byte', async () => {
    const pid = rdFixture('mantra-pid-ok-2.xml');
    expect(pid.length).toBeGreaterThan(14_000);
    const { rd, lines, r } = await captureFrom('mantra-pid-ok-2.xml');
    expect(r).toMatchObject({
      qScore: 76,
      nmPoints: 29,
      quality: 'good',
      device: { vendor: 'MANTRA.MSIPL', model: 'MFS110', rdsId: 'RENESAS.MANTRA.001', rdsVersion: '1.5.1', serial: '7784312', level: 'L1' },
    });
    expectPidKept(rd, r.handle, 'mantra-pid-ok-2.xml');
    // The device that took the finger is the one shown, with its own details.
    expect((await rd.status()).deviceInfo).toMatchObject({ model: 'MFS110', level: 'L1' });
    const log = lines.join('\n');
    for (const secret of secretsOf(pid.toString('utf8'))) expect(log).not.toContain(secret);
    expect(log).not.toMatch(/PidData|<Skey|<Data/);
  });

  it('Morpho MSO1300 E2 (L0): errInfo="" is success, and the line break inside qScore is read as 59', async () => {
    expect(rdFixtureText('morpho-pid-ok-1.xml')).toContain('qScore="59\n"');
    const { rd, r } = await captureFrom('morpho-pid-ok-1.xml');
    expect(r).toMatchObject({
      qScore: 59,
      nmPoints: 42,
      quality: 'good',
      device: { vendor: 'Morpho.SmartChip', model: 'MSO1300E2L0SW', rdsId: 'SCPL.WIN.001', rdsVersion: '1.0.1', serial: null, level: null },
    });
    expectPidKept(rd, r.handle, 'morpho-pid-ok-1.xml');
  });

  it('Startek FM220U: xmlns attributes, a ts attribute and a certificate OpenSSL 3 refuses change nothing', async () => {
    const { rd, r } = await captureFrom('startek-pid-ok-1.xml');
    expect(r).toMatchObject({
      qScore: 80,
      nmPoints: 27,
      quality: 'good',
      device: { vendor: 'STARTEK.ACPL', model: 'FM220U', rdsId: 'ACPL.WIN.001', rdsVersion: '1.0.3', serial: 'B4663185' },
    });
    expectPidKept(rd, r.handle, 'startek-pid-ok-1.xml');
    const s = await rd.status();
    expect(s.state).toBe('ready');
    expect(s.deviceInfo?.vendor).toBe('STARTEK.ACPL');
  });
});

describe('-1509: a Mantra L1 service still starting', () => {
  it('is asked again, then fails with rd.starting once the (here short) wait is over', async () => {
    const svc = await serveFixtures(mantraWith(['mantra-pid-error-1.xml']));
    const { rd, lines } = serviceFor(svc, { startingWaitMs: 600, startingPollMs: 100 });
    await rd.status();
    const started = performance.now();
    const e = await failure(rd.capture({}));
    const ms = performance.now() - started;
    expect(e.code).toBe('rd.starting');
    expect(e.params).toBeUndefined();
    // Asked about every 100 ms for 600 ms: several times, and bounded.
    expect(svc.count('CAPTURE')).toBeGreaterThanOrEqual(4);
    expect(svc.count('CAPTURE')).toBeLessThanOrEqual(7);
    expect(ms).toBeGreaterThanOrEqual(450);
    expect(ms).toBeLessThan(5_000);
    expect(lines.some((l) => l.includes('rd.capture.starting'))).toBe(true);
    // It is still the scanner to use: nothing was forgotten.
    expect((await rd.status()).state).toBe('ready');
  });

  it('answers -1509 twice, then a real PID block: the capture succeeds with that block', async () => {
    const svc = await serveFixtures(mantraWith(['mantra-pid-error-1.xml', 'mantra-pid-error-1.xml', 'mantra-pid-ok-2.xml']));
    const { rd } = serviceFor(svc, { startingWaitMs: 10_000, startingPollMs: 100 });
    const r = await rd.capture({});
    expect(r).toMatchObject({ qScore: 76, quality: 'good' });
    expect(svc.count('CAPTURE')).toBe(3);
    expect(svc.requests.filter((q) => q.method === 'CAPTURE').every((q) => q.path === '/rd/capture')).toBe(true);
    expectPidKept(rd, r.handle, 'mantra-pid-ok-2.xml');
  });

  it('the agent can cancel while it waits: rd.cancelled at once, nothing asked again', async () => {
    const svc = await serveFixtures(mantraWith(['mantra-pid-error-1.xml']));
    const { rd } = serviceFor(svc, { startingWaitMs: 60_000, startingPollMs: 20_000 });
    await rd.status();
    const firstCapture = svc.next('CAPTURE');
    const pending = failure(rd.capture({}));
    await firstCapture;
    // Let the -1509 answer arrive and the wait begin.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect((await rd.status()).state).toBe('busy');
    const started = performance.now();
    expect(rd.cancelCapture()).toBe(true);
    expect((await pending).code).toBe('rd.cancelled');
    expect(performance.now() - started).toBeLessThan(1_000);
    expect(svc.count('CAPTURE')).toBe(1);
    expect((await rd.status()).state).toBe('ready');
  });

  it('DEVICEINFO answered with -1509: asked again at a poll after the short interval, not 10 s later', async () => {
    const svc = await serveFixtures({
      rdservice: rdFixture('mantra-rdservice-1.xml'),
      deviceInfo: { path: '/rd/info', bodies: [rdFixture('mantra-pid-error-1.xml'), rdFixture('mantra-deviceinfo-1.xml')] },
    });
    const { rd, lines } = serviceFor(svc, { startingPollMs: 100 });
    const first = await rd.status();
    expect(first.state).toBe('ready');
    expect(first.deviceInfo).toBeNull();
    expect(lines.some((l) => l.includes('rd.deviceInfo.starting'))).toBe(true);
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await rd.status()).deviceInfo).toMatchObject({ vendor: 'MANTRA.MSIPL', serial: '3567278' });
    expect(svc.count('DEVICEINFO')).toBe(2);
  });
});

describe('the simulator answers like a starting Mantra service', () => {
  it('its -1509 answer is the real one, byte for byte', async () => {
    expect(Buffer.from(STARTING_PID, 'utf8').equals(rdFixture('mantra-pid-error-1.xml'))).toBe(true);
    const { rd, sim } = await rig([{ scenario: { starting: { captures: 50 } } }], { startingWaitMs: 300, startingPollMs: 100 });
    expect((await failure(rd.capture({}))).code).toBe('rd.starting');
    expect(sim.devices[0]!.lastPid).toBe(rdFixtureText('mantra-pid-error-1.xml'));
  });

  it('the first N captures answer -1509, then it works', async () => {
    const { rd, sim } = await rig([{ scenario: { starting: { captures: 2 } } }], { startingWaitMs: 10_000, startingPollMs: 100 });
    const r = await rd.capture({});
    expect(r.quality).toBe('good');
    expect(sim.devices[0]!.captures).toBe(3);
    expect(rd.takeCapture(r.handle)?.pidXml).toBe(sim.devices[0]!.lastPid);
  });

  it('for the first X ms, CAPTURE and DEVICEINFO answer -1509, then it works', async () => {
    const { rd, sim } = await rig([{ scenario: { starting: { ms: 400 } } }], { startingWaitMs: 10_000, startingPollMs: 100 });
    const s = await rd.status();
    expect(s.state).toBe('ready');
    expect(s.deviceInfo).toBeNull();
    const r = await rd.capture({});
    expect(r.quality).toBe('good');
    expect(sim.devices[0]!.captures).toBeGreaterThanOrEqual(2);
    expect((await rd.status()).deviceInfo?.model).toBe('MFS110');
  });

  it('setScenario starts the count again', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }], { startingWaitMs: 10_000, startingPollMs: 50 });
    await rd.capture({});
    sim.devices[0]!.setScenario({ starting: { captures: 1 } });
    await rd.capture({});
    expect(sim.devices[0]!.captures).toBe(3);
  });
});
