import fs from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { createRdService } from '../../../main/services/rd';
import { startRdSimulator } from '../../../main/simulators/rd';
import { makeTempDir } from '../../support/temp-dir';
import { closeAll, closedPort, count, recordingLogger, rig } from './helpers';

afterEach(closeAll);

describe('status(): what the indicator polls', () => {
  it('ready with device info, fetched once and cached', async () => {
    const { rd, sim } = await rig([{ vendor: 'mantra', scenario: 'ready' }]);
    const s = await rd.status();
    expect(s.state).toBe('ready');
    expect(s.selected?.port).toBe(sim.ports[0]);
    expect(s.deviceInfo).toMatchObject({ vendor: 'MANTRA.MSIPL', model: 'MFS110', rdsId: 'RENESAS.MANTRA.001', rdsVersion: '1.4.1', level: 'L1' });
    expect(s.deviceInfo?.serial).toMatch(/^\d{8}$/);
    expect(s.scannedAt).not.toBeNull();
    expect(typeof s.scanMs).toBe('number');
    await rd.status();
    await rd.status();
    expect(count(sim, 0, 'DEVICEINFO')).toBe(1);
  });

  it('"Find scanner" asks the device details again: a swapped scanner of the same model shows its own serial', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }]);
    const device = sim.devices[0]!;
    const before = device.serial;
    expect((await rd.status()).deviceInfo?.serial).toBe(before);
    device.replaceScanner();
    expect(device.serial).not.toBe(before);
    expect((await rd.scan()).deviceInfo?.serial).toBe(device.serial);
  });

  it('a scanner that goes away and comes back has its details asked again', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }]);
    const device = sim.devices[0]!;
    expect((await rd.status()).deviceInfo?.serial).toBe(device.serial);
    device.setScenario('notReady');
    expect((await rd.status()).deviceInfo).toBeNull();
    device.replaceScanner();
    device.setScenario('ready');
    expect((await rd.status()).deviceInfo?.serial).toBe(device.serial);
  });

  it.each([
    ['notReady', 'notReady'],
    ['used', 'busy'],
  ] as const)('a %s service shows %s, with nothing selected', async (scenario, state) => {
    const { rd } = await rig([{ scenario }]);
    const s = await rd.status();
    expect(s.state).toBe(state);
    expect(s.selected).toBeNull();
    expect(s.devices).toHaveLength(1);
  });

  it('none when nothing answers', async () => {
    const { rd } = await rig([], { extraPorts: [await closedPort(), await closedPort()] });
    const s = await rd.status();
    expect(s).toMatchObject({ state: 'none', selected: null, devices: [], deviceInfo: null });
  });

  it('searching while a scan with nothing known runs', async () => {
    const { rd } = await rig([{ scenario: 'hang' }], { probeTimeoutMs: 300 });
    const scanning = rd.scan();
    const during = await rd.status();
    expect(during.state).toBe('searching');
    expect((await scanning).state).toBe('none');
  });

  it('once a device is known, a poll asks only its port', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }, { scenario: 'notReady' }]);
    await rd.status();
    const before = [count(sim, 0, 'RDSERVICE'), count(sim, 1, 'RDSERVICE')];
    for (let i = 0; i < 5; i++) expect((await rd.status()).state).toBe('ready');
    expect(count(sim, 0, 'RDSERVICE')).toBe(before[0]! + 5);
    expect(count(sim, 1, 'RDSERVICE')).toBe(before[1]);
  });

  it('concurrent polls share one probe', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }]);
    await rd.status();
    const before = count(sim, 0, 'RDSERVICE');
    const results = await Promise.all(Array.from({ length: 8 }, () => rd.status()));
    expect(results.every((r) => r.state === 'ready')).toBe(true);
    expect(count(sim, 0, 'RDSERVICE')).toBe(before + 1);
  });

  it('scans again when the selected device stops answering, and moves to another READY one', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }, { scenario: 'ready' }]);
    const first = await rd.status();
    const other = first.selected!.port === sim.ports[0] ? 1 : 0;
    sim.devices[1 - other]!.setScenario('hang');
    const next = await rd.status();
    expect(next.state).toBe('ready');
    expect(next.selected?.port).toBe(sim.ports[other]);
  });

  it('follows a device that becomes ready or is taken by another application', async () => {
    const { rd, sim } = await rig([{ scenario: 'notReady' }]);
    expect((await rd.status()).state).toBe('notReady');
    sim.devices[0]!.setScenario('ready');
    expect((await rd.status()).state).toBe('ready');
    sim.devices[0]!.setScenario('used');
    expect((await rd.status()).state).toBe('busy');
  });

  it('rate-limits full scans while nothing is selected', async () => {
    const { rd, sim } = await rig([{ scenario: 'notReady' }], { rescanIntervalMs: 60_000 });
    await rd.status();
    await rd.status();
    await rd.status();
    expect(count(sim, 0, 'RDSERVICE')).toBe(1);
    // The agent's "find scanner" always scans.
    await rd.scan();
    expect(count(sim, 0, 'RDSERVICE')).toBe(2);
  });
});

describe('several devices: the one used last is preferred and remembered', () => {
  it('asks the remembered port first at start-up and selects it without a scan', async () => {
    const sim = await startRdSimulator({ devices: [{ scenario: 'ready' }, { scenario: 'ready' }, { scenario: 'ready' }] });
    try {
      const stateFile = path.join(makeTempDir('kiosk-rd-'), 'rd-device.json');
      fs.writeFileSync(stateFile, JSON.stringify({ port: sim.ports[2], protocol: 'http' }));
      const rd = createRdService({ host: '127.0.0.1', ports: sim.ports, explicitPorts: true, captureTimeoutMs: 5000 }, recordingLogger().logger, { stateFile, probeTimeoutMs: 400 });
      const s = await rd.status();
      expect(s.selected?.port).toBe(sim.ports[2]);
      expect(sim.devices[0]!.requests).toHaveLength(0);
      expect(sim.devices[1]!.requests).toHaveLength(0);
      // A full scan keeps the preference even though lower ports are READY too.
      const inv = await rd.inventory();
      expect(inv.devices).toHaveLength(3);
      expect(inv.selected?.port).toBe(sim.ports[2]);
      await rd.stop();
    } finally {
      await sim.close();
    }
  });

  it('the remembered one gone: uses another, remembers it once a fingerprint is captured with it, and the next start uses it', async () => {
    const sim = await startRdSimulator({ devices: [{ scenario: 'notReady' }, { scenario: 'ready', captureDelayMs: 20 }] });
    try {
      const stateFile = path.join(makeTempDir('kiosk-rd-'), 'rd-device.json');
      fs.writeFileSync(stateFile, JSON.stringify({ port: sim.ports[0], protocol: 'http' }));
      const config = { host: '127.0.0.1', ports: sim.ports, explicitPorts: true, captureTimeoutMs: 5000 };
      const rd = createRdService(config, recordingLogger().logger, { stateFile, probeTimeoutMs: 400 });
      expect((await rd.status()).selected?.port).toBe(sim.ports[1]);
      // Standing in is not being used.
      expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toMatchObject({ port: sim.ports[0] });
      await rd.capture({});
      expect(JSON.parse(fs.readFileSync(stateFile, 'utf8'))).toMatchObject({ port: sim.ports[1], protocol: 'http' });
      await rd.stop();
      const before = sim.devices[0]!.requests.length;
      const again = createRdService(config, recordingLogger().logger, { stateFile, probeTimeoutMs: 400 });
      expect((await again.status()).selected?.port).toBe(sim.ports[1]);
      expect(sim.devices[0]!.requests.length).toBe(before);
      await again.stop();
    } finally {
      await sim.close();
    }
  });

  it('a one-poll dropout of the device used last neither rewrites the preference nor keeps the stand-in', async () => {
    // A generous recheck deadline: the switch back must not hang on a busy machine's 250 ms.
    const { rd, sim, stateFile } = await rig([{ scenario: 'notReady' }, { scenario: 'ready' }], { usualRecheckTimeoutMs: 2_000 });
    const [first, usual] = [sim.devices[0]!, sim.devices[1]!];
    const stored = () => (JSON.parse(fs.readFileSync(stateFile, 'utf8')) as { port: number }).port;
    // A fingerprint is taken with the second device: from now on it is the one used last.
    await rd.capture({});
    expect(usual.captures).toBe(1);
    first.setScenario('ready');
    expect((await rd.status()).selected?.port).toBe(usual.port);
    // Unplugged for one poll: the other READY device stands in, but the preference stays.
    usual.setScenario('notReady');
    expect((await rd.status()).selected?.port).toBe(first.port);
    expect(stored()).toBe(usual.port);
    // Back: the next poll returns to it, and so does the next capture.
    usual.setScenario('ready');
    expect((await rd.status()).selected?.port).toBe(usual.port);
    await rd.capture({});
    expect(usual.captures).toBe(2);
    expect(first.captures).toBe(0);
    expect(stored()).toBe(usual.port);
  });

  it('a device used last that hangs does not hold up every poll by a full probe timeout', async () => {
    const { rd, sim } = await rig([{ scenario: 'notReady' }, { scenario: 'ready' }], { probeTimeoutMs: 2000 });
    const [first, usual] = [sim.devices[0]!, sim.devices[1]!];
    await rd.capture({}); // the second one is now the device used last
    first.setScenario('ready');
    usual.setScenario('hang');
    expect((await rd.status()).selected?.port).toBe(first.port); // found the stand-in (after the hung one timed out)
    const started = performance.now();
    expect((await rd.status()).selected?.port).toBe(first.port);
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('ignores a corrupt state file and a remembered port outside the configured ones', async () => {
    const { rd } = await rig([{ scenario: 'ready' }], { stateFile: writeTemp('{"port":"x"') });
    expect((await rd.status()).state).toBe('ready');
    const other = await rig([{ scenario: 'ready' }], { stateFile: writeTemp(JSON.stringify({ port: 1, protocol: 'http' })) });
    expect((await other.rd.status()).state).toBe('ready');
  });
});

function writeTemp(text: string): string {
  const file = path.join(makeTempDir('kiosk-rd-'), 'rd-device.json');
  fs.writeFileSync(file, text);
  return file;
}
