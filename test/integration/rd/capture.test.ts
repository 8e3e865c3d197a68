import { once } from 'node:events';
import { afterEach, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { KioskError, type ErrorCode } from '../../../app/contract';
import { createRdService } from '../../../main/services/rd';
import { startRdSimulator } from '../../../main/simulators/rd';
import { rejection as failure } from '../../support/kiosk-error';
import { closeAll, count, recordingLogger, rig } from './helpers';

afterEach(closeAll);

/** A whole, well-formed PID block as a service answers it (qScore 78). */
const SAMPLE_PID =
  '<?xml version="1.0"?><PidData><Resp errCode="0" errInfo="Success." fCount="1" fType="2" nmPoints="32" qScore="78"/>' +
  '<DeviceInfo dpId="M" rdsId="R" rdsVer="1" mi="X" mc="MIIEGDCCAwCgAwIBAgIE" dc="d"/><Skey ci="1">c2s=</Skey><Hmac>aG0=</Hmac><Data type="X">ZGF0YQ==</Data></PidData>';

describe('capture()', () => {
  it('sends AePS PidOptions and keeps the PID block, byte for byte, behind a one-time handle', async () => {
    const { rd, sim } = await rig([{ vendor: 'mantra', scenario: 'ready' }]);
    const result = await rd.capture({});
    const device = sim.devices[0]!;
    const opts = device.lastPidOptions!;
    for (const attr of ['fCount="1"', 'fType="2"', 'format="0"', 'pidVer="2.0"', 'posh="UNKNOWN"', 'env="P"', 'iCount="0"', 'pCount="0"', 'timeout="5000"']) {
      expect(opts).toContain(attr);
    }
    expect(opts).not.toMatch(/wadh/i);
    expect(result).toMatchObject({ quality: 'good', device: { vendor: 'MANTRA.MSIPL', model: 'MFS110' } });
    expect(result.qScore).toBeGreaterThanOrEqual(45);
    expect(result.nmPoints).toBeGreaterThan(0);
    expect(JSON.stringify(result)).not.toContain('PidData');
    const taken = rd.takeCapture(result.handle);
    expect(taken).toEqual({ pidXml: device.lastPid, qScore: result.qScore });
    expect(rd.takeCapture(result.handle)).toBeNull();
  });

  it("uses the call's timeout when given", async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }]);
    await rd.capture({ timeoutMs: 12000 });
    expect(sim.devices[0]!.lastPidOptions).toContain('timeout="12000"');
  });

  it('low quality (25–44) is returned as low; the agent decides', async () => {
    const { rd } = await rig([{ scenario: 'poorQuality' }]);
    const result = await rd.capture({});
    expect(result.quality).toBe('low');
    expect(result.qScore).toBeGreaterThanOrEqual(25);
    expect(result.qScore).toBeLessThan(45);
    expect(rd.takeCapture(result.handle)?.qScore).toBe(result.qScore);
  });

  // The thresholds at their exact values (app/contract QUALITY_MINIMUM 25, QUALITY_GOOD 45).
  it.each<[number, 'refused' | 'low' | 'good']>([
    [24, 'refused'],
    [25, 'low'],
    [44, 'low'],
    [45, 'good'],
  ])('qScore %i → %s', async (qScore, expected) => {
    const pid = SAMPLE_PID.replace('qScore="78"', `qScore="${qScore}"`);
    const { rd } = await rig([{ scenario: { custom: { capture: pid } } }]);
    if (expected === 'refused') {
      const e = await failure(rd.capture({}));
      expect(e.code).toBe('rd.poorQuality');
      expect(e.params).toEqual({ qScore: String(qScore) });
      return;
    }
    const result = await rd.capture({});
    expect(result).toMatchObject({ qScore, quality: expected });
    expect(rd.takeCapture(result.handle)?.pidXml).toBe(pid);
  });

  it('below 25 fails with rd.poorQuality and drops the PID (and any older one)', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }]);
    const older = await rd.capture({});
    sim.devices[0]!.setScenario('unusableQuality');
    const e = await failure(rd.capture({}));
    expect(e.code).toBe('rd.poorQuality');
    expect(Number(e.params?.qScore)).toBeLessThan(25);
    expect(rd.takeCapture(older.handle)).toBeNull();
  });

  it('a new capture replaces the older one', async () => {
    const { rd } = await rig([{ scenario: 'ready' }]);
    const a = await rd.capture({});
    const b = await rd.capture({});
    expect(rd.takeCapture(a.handle)).toBeNull();
    expect(rd.takeCapture(b.handle)).not.toBeNull();
  });

  it('captures expire after 3 minutes', async () => {
    let now = 5_000_000;
    const { rd } = await rig([{ scenario: 'ready' }], { now: () => now });
    const r = await rd.capture({});
    now += 3 * 60 * 1000 + 1;
    expect(rd.takeCapture(r.handle)).toBeNull();
  });

  it.each<[string, ErrorCode, Record<string, string> | undefined]>([
    ['700', 'rd.captureTimeout', undefined],
    ['710', 'rd.busy', undefined],
    ['720', 'rd.notReady', undefined],
    ['730', 'rd.captureFailed', undefined],
    ['740', 'rd.needsReinit', undefined],
    ['210', 'rd.unsupported', undefined],
    ['750', 'rd.unsupported', undefined],
    ['760', 'rd.unsupported', undefined],
    ['770', 'rd.addressRejected', undefined],
    ['999', 'rd.deviceError', { code: '999' }],
    ['-42', 'rd.deviceError', { code: '-42' }],
  ])('errCode %s → %s', async (errCode, code, params) => {
    const { rd } = await rig([{ scenario: { errCode } }]);
    const e = await failure(rd.capture({}));
    expect(e.code).toBe(code);
    expect(e.params).toEqual(params);
  });

  it.each<[Parameters<typeof rig>[0][0]['scenario'], ErrorCode]>([
    ['captureTimeout', 'rd.captureTimeout'],
    ['nonNumericError', 'rd.deviceError'],
    ['garbage', 'rd.badResponse'],
    ['truncated', 'rd.badResponse'],
    ['noMc', 'rd.badResponse'],
  ])('scenario %j → %s', async (scenario, code) => {
    const { rd } = await rig([{ scenario }]);
    await rd.status();
    expect((await failure(rd.capture({}))).code).toBe(code);
  });

  it('a non-numeric errCode carries the code for the message', async () => {
    const { rd } = await rig([{ scenario: 'nonNumericError' }]);
    expect((await failure(rd.capture({}))).params).toEqual({ code: 'DEVICE_ERR_01' });
  });

  it('the simulator times out when no finger comes within the PidOptions timeout', async () => {
    const { rd } = await rig([{ scenario: 'ready', captureDelayMs: 60_000 }]);
    const started = performance.now();
    expect((await failure(rd.capture({ timeoutMs: 3000 }))).code).toBe('rd.captureTimeout');
    expect(performance.now() - started).toBeGreaterThanOrEqual(2900);
  });

  it('no service → rd.notFound; NOTREADY → rd.notReady; USED → rd.busy', async () => {
    const none = await rig([], { extraPorts: [1] });
    expect((await failure(none.rd.capture({}))).code).toBe('rd.notFound');
    const notReady = await rig([{ scenario: 'notReady' }]);
    expect((await failure(notReady.rd.capture({}))).code).toBe('rd.notReady');
    const used = await rig([{ scenario: 'used' }]);
    expect((await failure(used.rd.capture({}))).code).toBe('rd.busy');
  });

  it('a device that stops answering mid-capture → rd.noResponse after the HTTP deadline', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }], { captureHttpMarginMs: 200, config: { captureTimeoutMs: 300 } });
    await rd.status();
    sim.devices[0]!.setScenario('hang');
    expect((await failure(rd.capture({}))).code).toBe('rd.noResponse');
  });

  it('the agent can cancel: rd.cancelled, the RD service sees the hang-up, and the state is busy meanwhile', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready', captureDelayMs: 10_000 }]);
    const device = sim.devices[0]!;
    await rd.status();
    const pending = failure(rd.capture({}));
    await once(device.events, 'request');
    expect((await rd.status()).state).toBe('busy');
    const hungUp = once(device.events, 'captureAborted');
    expect(rd.cancelCapture()).toBe(true);
    const e = await pending;
    expect(e.code).toBe('rd.cancelled');
    // The connection closed under the waiting capture: the service stopped it, answered nothing.
    await hungUp;
    expect(device.abortedCaptures).toBe(1);
    expect(device.lastPid).toBeNull();
    expect(rd.cancelCapture()).toBe(false);
    expect((await rd.status()).state).toBe('ready');
  });

  it('a second capture while one runs → rd.busy', async () => {
    const { rd } = await rig([{ scenario: 'ready', captureDelayMs: 300 }]);
    await rd.status();
    const first = rd.capture({});
    expect((await failure(rd.capture({}))).code).toBe('rd.busy');
    expect((await first).quality).toBe('good');
  });

  it('captures over https', async () => {
    const { rd, sim } = await rig([{ vendor: 'morpho', protocol: 'https', scenario: 'ready' }]);
    const r = await rd.capture({});
    expect(r.device?.vendor).toBe('Morpho');
    expect(rd.takeCapture(r.handle)?.pidXml).toBe(sim.devices[0]!.lastPid);
  });

  it('770 after the service changed its capture path: looks again and captures at the new path', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }]);
    const device = sim.devices[0]!;
    expect((await rd.status()).selected?.capturePath).toBe('/rd/capture');
    device.setCapturePath('/rd/v2/capture');
    const r = await rd.capture({});
    expect(r.quality).toBe('good');
    expect(device.captures).toBe(2);
    expect(device.requests.filter((q) => q.method === 'CAPTURE').map((q) => q.path)).toEqual(['/rd/capture', '/rd/v2/capture']);
    expect((await rd.status()).selected?.capturePath).toBe('/rd/v2/capture');
  });

  it('770 at the path the service still gives: rd.addressRejected after looking again, without a pointless second CAPTURE', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }], { rescanIntervalMs: 60_000 });
    await rd.status();
    sim.devices[0]!.setScenario({ errCode: '770', errInfo: 'Invalid URI' });
    const before = count(sim, 0, 'RDSERVICE');
    const e = await failure(rd.capture({}));
    expect(e.code).toBe('rd.addressRejected');
    expect(count(sim, 0, 'RDSERVICE')).toBeGreaterThan(before);
    expect(sim.devices[0]!.captures).toBe(1);
  });

  it('when the service moved since the last scan, looks again once and captures there', async () => {
    const a = await startRdSimulator({ devices: [{ scenario: 'ready', captureDelayMs: 10 }] });
    const b = await startRdSimulator({ devices: [{ scenario: 'notReady', captureDelayMs: 10 }] });
    const rd = createRdService({ host: '127.0.0.1', ports: [a.ports[0]!, b.ports[0]!], explicitPorts: true, captureTimeoutMs: 5000 }, recordingLogger().logger, {
      probeTimeoutMs: 400,
      rescanIntervalMs: 0,
    });
    try {
      expect((await rd.status()).selected?.port).toBe(a.ports[0]);
      await a.close();
      b.devices[0]!.setScenario('ready');
      const r = await rd.capture({});
      expect(r.quality).toBe('good');
      expect(b.devices[0]!.captures).toBe(1);
    } finally {
      await rd.stop();
      await b.close();
    }
  });
});

describe('capture() looks for the scanner itself instead of trusting the last poll', () => {
  // Full scans are rate-limited between polls (here: one a minute); a capture must not wait for the next one.
  it.each([
    ['notReady', 'notReady'],
    ['used', 'busy'],
  ] as const)('%s at the last poll and ready now: the capture goes through, asking the known port first', async (scenario, shown) => {
    const { rd, sim } = await rig([{ scenario }, { scenario: 'hang' }], { rescanIntervalMs: 60_000, probeTimeoutMs: 3_000 });
    expect((await rd.status()).state).toBe(shown);
    sim.devices[0]!.setScenario('ready');
    const started = performance.now();
    const r = await rd.capture({});
    expect(r.quality).toBe('good');
    expect(sim.devices[0]!.captures).toBe(1);
    // Not a full scan: that would wait the whole probe deadline on the port that never answers.
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it('looks everywhere when no known port is ready, and captures where the scanner is now', async () => {
    const { rd, sim } = await rig([{ scenario: 'notReady' }, { scenario: 'hang' }], { rescanIntervalMs: 60_000 });
    expect((await rd.status()).state).toBe('notReady');
    sim.devices[1]!.setScenario('ready');
    const r = await rd.capture({});
    expect(r.quality).toBe('good');
    expect(sim.devices[1]!.captures).toBe(1);
    expect(sim.devices[0]!.captures).toBe(0);
  });

  it('still not ready when asked again: rd.notReady, after asking the service', async () => {
    const { rd, sim } = await rig([{ scenario: 'notReady' }], { rescanIntervalMs: 60_000 });
    await rd.status();
    const before = count(sim, 0, 'RDSERVICE');
    expect((await failure(rd.capture({}))).code).toBe('rd.notReady');
    expect(count(sim, 0, 'RDSERVICE')).toBeGreaterThan(before);
    expect(sim.devices[0]!.captures).toBe(0);
  });
});

describe('privacy', () => {
  it('the PID block never reaches the log, the results or the device state', async () => {
    const { rd, sim, lines } = await rig([{ scenario: 'ready' }]);
    const seen: string[] = [];
    const ok = await rd.capture({});
    seen.push(JSON.stringify(ok), JSON.stringify(await rd.status()));
    const pid = sim.devices[0]!.lastPid!;
    sim.devices[0]!.setScenario('unusableQuality');
    await failure(rd.capture({}));
    const poorPid = sim.devices[0]!.lastPid!;
    sim.devices[0]!.setScenario('truncated');
    await failure(rd.capture({}));
    const cutPid = sim.devices[0]!.lastPid!;
    expect(lines.length).toBeGreaterThan(3);
    const everything = [...lines, ...seen].join('\n');
    for (const block of [pid, poorPid, cutPid]) {
      for (const part of block.match(/<(Skey|Hmac|Data)[^>]*>([^<]+)/g) ?? []) {
        const secret = part.replace(/^<[^>]*>/, '');
        expect(secret.length).toBeGreaterThan(10);
        expect(everything).not.toContain(secret.slice(0, 40));
      }
    }
    expect(everything).not.toMatch(/PidData|<Skey|<Hmac|<Data/);
    expect(sim.devices[0]!.lastPid).toBeTruthy();
  });
});

describe('fuzz: whatever an RD service answers, the service gives a result or a KioskError', () => {
  const OK = SAMPLE_PID;
  const body = fc.oneof(
    fc.string({ maxLength: 200 }),
    fc.integer({ min: 0, max: OK.length }).map((n) => OK.slice(0, n)),
    fc.tuple(fc.integer({ min: 0, max: OK.length }), fc.string({ maxLength: 20 })).map(([n, s]) => OK.slice(0, n) + s + OK.slice(n)),
    fc.constantFrom('', '<PidData/>', '<PidData><Resp errCode=""/></PidData>', OK.replace('78', '-5'), OK.replace('78', '1e400')),
  );

  it('capture()', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready', captureDelayMs: 0 }]);
    await rd.status();
    await fc.assert(
      fc.asyncProperty(body, async (capture) => {
        sim.devices[0]!.setScenario({ custom: { capture } });
        try {
          const r = await rd.capture({});
          expect(['good', 'low']).toContain(r.quality);
          expect(rd.takeCapture(r.handle)?.pidXml).toBe(capture);
        } catch (err) {
          expect(err).toBeInstanceOf(KioskError);
          expect((err as KioskError).code).toMatch(/^rd\./);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('status() with random discovery and device-info answers', async () => {
    const { rd, sim } = await rig([{ scenario: 'ready' }]);
    const rdservice = fc.oneof(
      fc.string({ maxLength: 200 }),
      fc.tuple(fc.constantFrom('READY', 'ready', 'x', ''), fc.string({ maxLength: 40 })).map(([s, p]) => `<RDService status="${s}"><Interface id="CAPTURE" path="${p.replace(/"/g, '')}"/><Interface id="DEVICEINFO" path="/i"/></RDService>`),
    );
    await fc.assert(
      fc.asyncProperty(rdservice, fc.string({ maxLength: 200 }), async (r, d) => {
        sim.devices[0]!.setScenario({ custom: { rdservice: r, deviceinfo: d } });
        const s = await rd.scan();
        expect(['ready', 'notReady', 'busy', 'none']).toContain(s.state);
      }),
      { numRuns: 60 },
    );
  });
});
