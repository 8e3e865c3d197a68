import { describe, expect, it } from 'vitest';
import { KioskError } from '../../../app/contract';
import { abortableSleep, askWhileStarting, STARTING_POLL_MS, STARTING_WAIT_MS } from '../../../main/services/rd/starting';
import { parseDeviceInfoXml, parsePidData } from '../../../main/services/rd/xml';
import { STARTING_PID } from '../../../main/simulators/rd';
import { rdFixture, rdFixtureText } from '../../fixtures/rd';
import { kioskErrorOf, rejection } from '../../support/kiosk-error';

const starting = () => new KioskError('rd.starting', { detail: 'errCode -1509' });

/** A fake clock that only moves when the fake sleep is called: the retry loop without waiting. */
function fakeTime() {
  let t = 1_000;
  const sleeps: number[] = [];
  return {
    now: () => t,
    sleep: (ms: number, signal: AbortSignal) => {
      sleeps.push(ms);
      if (signal.aborted) return Promise.reject(new KioskError('rd.cancelled'));
      t += ms;
      return Promise.resolve();
    },
    advance: (ms: number) => {
      t += ms;
    },
    sleeps,
  };
}

/** askWhileStarting (polls of 1.5 s on the fake clock) over a service that only ever answers "starting". */
function askAlwaysStarting(time: ReturnType<typeof fakeTime>, waitMs: number, onAsk: () => void = () => {}) {
  let calls = 0;
  const error = rejection(
    askWhileStarting(
      async () => {
        calls++;
        onAsk();
        throw starting();
      },
      { waitMs, pollMs: 1_500, signal: new AbortController().signal, sleep: time.sleep, now: time.now },
    ),
  );
  return { error, calls: () => calls };
}

describe('-1509: the RD service is still starting', () => {
  it('the real Mantra answer maps to rd.starting, not to a device error', () => {
    const e = kioskErrorOf(() => parsePidData(rdFixtureText('mantra-pid-error-1.xml')));
    expect(e.code).toBe('rd.starting');
    expect(e.messageKey).toBe('errors.rd.starting');
    expect(e.params).toBeUndefined();
    // The vendor's words go to the log only.
    expect(e.detail).toContain('System is still checking status');
    expect(e.toWire()).toEqual({ code: 'rd.starting', messageKey: 'errors.rd.starting' });
  });

  it.each(['-1509', ' -1509 ', '-01509'])('errCode %j is still -1509', (code) => {
    const xml = `<PidData><Resp errCode="${code}" errInfo="System is still checking status" /></PidData>`;
    expect(kioskErrorOf(() => parsePidData(xml)).code).toBe('rd.starting');
  });

  it.each(['-1508', '1509', '-15090'])('errCode %s stays a device error', (code) => {
    const e = kioskErrorOf(() => parsePidData(`<PidData><Resp errCode="${code}" errInfo="x" /></PidData>`));
    expect(e.code).toBe('rd.deviceError');
    expect(e.params).toEqual({ code: String(Number(code)) });
  });

  it('a DEVICEINFO answered with the -1509 Resp is rd.starting too; other non-DeviceInfo answers stay rd.badResponse', () => {
    expect(kioskErrorOf(() => parseDeviceInfoXml(rdFixtureText('mantra-pid-error-1.xml'))).code).toBe('rd.starting');
    expect(kioskErrorOf(() => parseDeviceInfoXml('<PidData><Resp errCode="720" errInfo="x"/></PidData>')).code).toBe('rd.badResponse');
  });

  it("the simulator's starting answer is the real one, byte for byte", () => {
    expect(Buffer.from(STARTING_PID, 'utf8').equals(rdFixture('mantra-pid-error-1.xml'))).toBe(true);
  });
});

describe('askWhileStarting', () => {
  it('defaults: about 15 s, asking every 1.5–2 s', () => {
    expect(STARTING_WAIT_MS).toBe(15_000);
    expect(STARTING_POLL_MS).toBeGreaterThanOrEqual(1_500);
    expect(STARTING_POLL_MS).toBeLessThanOrEqual(2_000);
  });

  it('asks again every pollMs while the service is starting, and returns the first real answer', async () => {
    const time = fakeTime();
    let calls = 0;
    const retries: number[] = [];
    const result = await askWhileStarting(
      async () => {
        calls++;
        if (calls <= 2) throw starting();
        return 'pid';
      },
      { waitMs: 15_000, pollMs: 1_500, signal: new AbortController().signal, sleep: time.sleep, now: time.now, onRetry: (n) => retries.push(n) },
    );
    expect(result).toBe('pid');
    expect(calls).toBe(3);
    expect(time.sleeps).toEqual([1_500, 1_500]);
    expect(retries).toEqual([1, 2]);
  });

  it('gives up with rd.starting once the bound is reached, never sleeping past it', async () => {
    const time = fakeTime();
    const asked = askAlwaysStarting(time, 15_000);
    expect((await asked.error).code).toBe('rd.starting');
    // Asked at 0, 1.5, …, 15 s: eleven times, ten waits, 15 s in all.
    expect(asked.calls()).toBe(11);
    expect(time.sleeps.reduce((a, b) => a + b, 0)).toBe(15_000);
  });

  it('counts the time the asks themselves take', async () => {
    const time = fakeTime();
    const asked = askAlwaysStarting(time, 10_000, () => time.advance(1_000)); // a slow service
    await asked.error;
    // 0 → 1 s first answer; then every 2.5 s: waited 0, 2.5, 5, 7.5 → retried; 10 + 1.5 > 10 → stop.
    expect(asked.calls()).toBe(5);
  });

  it('any other failure, or success, ends it at once', async () => {
    const time = fakeTime();
    const e = await rejection(
      askWhileStarting(
        async () => {
          throw new KioskError('rd.notReady');
        },
        { waitMs: 15_000, pollMs: 1_500, signal: new AbortController().signal, sleep: time.sleep, now: time.now },
      ),
    );
    expect(e.code).toBe('rd.notReady');
    expect(time.sleeps).toEqual([]);
    let calls = 0;
    const fails = await rejection(
      askWhileStarting(
        async () => {
          calls++;
          throw calls === 1 ? starting() : new KioskError('rd.captureTimeout');
        },
        { waitMs: 15_000, pollMs: 1_500, signal: new AbortController().signal, sleep: time.sleep, now: time.now },
      ),
    );
    expect(fails.code).toBe('rd.captureTimeout');
    expect(calls).toBe(2);
  });

  it('a bound shorter than one poll: asked once, rd.starting', async () => {
    const asked = askAlwaysStarting(fakeTime(), 0);
    expect((await asked.error).code).toBe('rd.starting');
    expect(asked.calls()).toBe(1);
  });

  it('cancelling during the wait ends it with rd.cancelled, without asking again', async () => {
    const controller = new AbortController();
    let calls = 0;
    const started = performance.now();
    const pending = rejection(
      askWhileStarting(
        async () => {
          calls++;
          throw starting();
        },
        { waitMs: 60_000, pollMs: 30_000, signal: controller.signal },
      ),
    );
    setTimeout(() => controller.abort(), 50);
    const e = await pending;
    expect(e.code).toBe('rd.cancelled');
    expect(calls).toBe(1);
    expect(performance.now() - started).toBeLessThan(5_000);
  });

  it('abortableSleep waits, and rejects at once when already aborted', async () => {
    const started = performance.now();
    await abortableSleep(30, new AbortController().signal);
    expect(performance.now() - started).toBeGreaterThanOrEqual(25);
    const aborted = new AbortController();
    aborted.abort();
    expect((await rejection(abortableSleep(60_000, aborted.signal))).code).toBe('rd.cancelled');
  });
});
