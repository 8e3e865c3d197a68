/**
 * The fingerprint scanner, through the vendor's RD service on this PC.
 *
 * - Discovery: every configured port × {http, https} at once (discovery.ts); the device
 *   used last (the last one a fingerprint was captured with) is asked first and preferred;
 *   where it is is kept in a small JSON file.
 * - status() is what the renderer polls: it re-asks only the selected port (and the
 *   remembered one while another is selected), and scans everything again only when
 *   nothing is selected (at most every rescanIntervalMs). Concurrent calls share one round.
 * - capture(): CAPTURE with AePS PidOptions; the PID block stays here behind a one-time
 *   handle (captures.ts). It is never logged, stored or returned. With nothing selected it
 *   looks for the scanner there and then rather than trusting the last poll. A service that
 *   is still starting (Mantra's errCode -1509) is asked again for up to ~15 s (starting.ts).
 */
import {
  CAPTURE_HTTP_MARGIN_MS,
  KioskError,
  QUALITY_GOOD,
  QUALITY_MINIMUM,
  type CaptureResult,
  type DeviceInfo,
  type DeviceState,
  type RdService,
} from '../../../app/contract';
import { isLoopbackHost, type RdConfig } from '../config/config';
import type { RdFacade } from './facade';
import type { Logger } from '../log/logger';
import { CaptureStore, CAPTURE_TTL_MS } from './captures';
import { probe, scanPorts, type ProbeOutcome } from './discovery';
import { readLastDevice, writeLastDevice, type LastDevice } from './last-device';
import { abortableSleep, askWhileStarting, isStarting, STARTING_POLL_MS, STARTING_WAIT_MS, type Sleep } from './starting';
import { rdRequest } from './transport';
import { TransportError } from '../transport-error';
import { parseDeviceInfoXml, parsePidData, type ParsedPid } from './xml';

export { LAST_DEVICE_FILE } from './last-device';

export interface RdServiceOptions {
  /** JSON file remembering the last device (data dir/rd-device.json). Omitted: nothing is remembered. */
  stateFile?: string;
  /** Deadline of one RDSERVICE/DEVICEINFO probe, ms (default 1500). A full scan never takes longer. */
  probeTimeoutMs?: number;
  /**
   * How long a poll asks the device used last while another stands in (ms). Short: a local RD
   * service that is back answers in milliseconds, and a hung one must not hold up every poll,
   * nor a capture waiting for the poll, by a full probe timeout.
   */
  usualRecheckTimeoutMs?: number;
  /** Least time between two full scans by polls while nothing is selected, ms (default 3000). A capture never waits for it. */
  rescanIntervalMs?: number;
  /** How much longer than the finger timeout the CAPTURE HTTP call may take, ms (default CAPTURE_HTTP_MARGIN_MS). */
  captureHttpMarginMs?: number;
  /** How long an unused capture is kept, ms (default 3 minutes). */
  captureTtlMs?: number;
  /** Clock for capture expiry (tests). */
  now?: () => number;
  /**
   * A service still starting (errCode -1509) is asked again every startingPollMs (default 1.5 s)
   * for at most startingWaitMs (default 15 s) before the capture fails with rd.starting.
   */
  startingWaitMs?: number;
  startingPollMs?: number;
  /** How the wait between two such asks is slept (tests); must reject when the signal aborts. */
  sleep?: Sleep;
}

export interface RdInventory {
  devices: RdService[];
  selected: RdService | null;
  ms: number;
}

export type RdServiceHandle = RdFacade & {
  /** A full scan; onFound hears each service the moment it answers. */
  inventory(onFound?: (s: RdService) => void): Promise<RdInventory>;
};

/** PidOptions for an AePS transaction: one finger, FMR+FIR, XML, production, no wadh. */
export function aepsPidOptions(timeoutMs: number): string {
  return (
    '<?xml version="1.0"?><PidOptions ver="1.0"><Opts fCount="1" fType="2" iCount="0" pCount="0" format="0" ' +
    `pidVer="2.0" timeout="${Math.round(timeoutMs)}" posh="UNKNOWN" env="P" /></PidOptions>`
  );
}

interface ActiveScan {
  promise: Promise<RdInventory>;
  found: RdService[];
  listeners: Set<(s: RdService) => void>;
}

const DEVICE_INFO_RETRY_MS = 10_000;

export function createRdService(config: RdConfig, logger: Logger, options: RdServiceOptions = {}): RdServiceHandle {
  if (!isLoopbackHost(config.host)) {
    throw new KioskError('config.invalid', { params: { setting: 'KIOSK_RD_HOST', problem: 'not loopback' }, detail: `RD host ${config.host} is not loopback` });
  }
  const log = logger.child('rd');
  const host = config.host;
  const probeTimeoutMs = options.probeTimeoutMs ?? 1500;
  const usualRecheckTimeoutMs = Math.min(options.usualRecheckTimeoutMs ?? 250, probeTimeoutMs);
  const rescanIntervalMs = options.rescanIntervalMs ?? 3000;
  const captureMarginMs = options.captureHttpMarginMs ?? CAPTURE_HTTP_MARGIN_MS;
  const store = new CaptureStore(options.captureTtlMs ?? CAPTURE_TTL_MS, options.now ?? Date.now);
  const startingWaitMs = options.startingWaitMs ?? STARTING_WAIT_MS;
  const startingPollMs = options.startingPollMs ?? STARTING_POLL_MS;
  const sleep = options.sleep ?? abortableSleep;

  let devices: RdService[] = [];
  let selected: RdService | null = null;
  let scannedAt: string | null = null;
  let scanMs: number | null = null;
  let lastFullScan = -Infinity;
  // The device used last: asked first at start-up and preferred when several are READY.
  // Changed only by a successful capture (or the first device ever found), never by a failover.
  let remembered: LastDevice | null = readLastDevice(options.stateFile, log);
  if (remembered && !config.ports.includes(remembered.port)) remembered = null;
  let rememberedTried = false;
  let activeScan: ActiveScan | null = null;
  let refreshing: Promise<void> | null = null;
  let capturing: AbortController | null = null;
  let stopped = false;
  const infoCache = new Map<string, DeviceInfo>();
  const infoTried = new Map<string, number>();

  const keyOf = (s: RdService) => `${s.protocol}:${s.port}:${s.info}`;
  const same = (a: { port: number; protocol: string } | null, b: { port: number; protocol: string } | null) =>
    !!a && !!b && a.port === b.port && a.protocol === b.protocol;

  function putDevice(s: RdService): void {
    devices = [...devices.filter((d) => d.port !== s.port), s].sort((a, b) => a.port - b.port);
  }

  /** What a probe of one port says about the device list: its new entry, or none there any more. */
  function record(target: { port: number; protocol: string }, out: ProbeOutcome): void {
    if (out.kind === 'found') putDevice(out.service);
    else devices = devices.filter((d) => !same(d, target));
  }

  function forgetDeviceInfo(s: RdService): void {
    infoCache.delete(keyOf(s));
    infoTried.delete(keyOf(s));
  }

  function select(s: RdService | null): void {
    if (same(s, selected)) {
      selected = s;
      return;
    }
    // A scanner that went away may come back as another unit: ask its details again then.
    if (selected) forgetDeviceInfo(selected);
    selected = s;
    if (s) {
      log.info('rd.selected', { port: s.port, protocol: s.protocol, info: s.info });
      // The very first device found is where to look first next start, until one is used.
      if (!remembered) remember(s);
    }
  }

  function remember(s: RdService): void {
    remembered = { port: s.port, protocol: s.protocol, info: s.info, at: new Date().toISOString() };
    writeLastDevice(options.stateFile, remembered, log);
  }

  function choose(list: RdService[]): RdService | null {
    const ready = list.filter((d) => d.status === 'READY');
    return ready.find((d) => same(d, remembered)) ?? ready.find((d) => same(d, selected)) ?? ready[0] ?? null;
  }

  function fullScan(onFound?: (s: RdService) => void): Promise<RdInventory> {
    if (activeScan) {
      if (onFound) {
        // Join the running scan: hear what it already found, then the rest.
        for (const s of activeScan.found) safeCall(onFound, s);
        activeScan.listeners.add(onFound);
      }
      return activeScan.promise;
    }
    const scan: ActiveScan = { promise: Promise.resolve(null as never), found: [], listeners: new Set(onFound ? [onFound] : []) };
    activeScan = scan;
    scan.promise = (async () => {
      try {
        const result = await scanPorts(host, config.ports, {
          timeoutMs: probeTimeoutMs,
          logger: log,
          onFound: (s) => {
            scan.found.push(s);
            for (const l of scan.listeners) safeCall(l, s);
          },
        });
        devices = result.devices;
        scannedAt = new Date().toISOString();
        scanMs = result.ms;
        lastFullScan = performance.now();
        select(choose(devices));
        log.info('rd.scan', {
          ms: result.ms,
          ports: config.ports.length,
          found: devices.map((d) => `${d.protocol}:${d.port}:${d.status}`),
          selected: selected ? `${selected.protocol}:${selected.port}` : null,
        });
        return { devices: [...devices], selected, ms: result.ms };
      } finally {
        activeScan = null;
      }
    })();
    return scan.promise;
  }

  function safeCall(listener: (s: RdService) => void, s: RdService): void {
    try {
      listener(s);
    } catch (err) {
      log.warn('rd.scan.listenerFailed', { error: err });
    }
  }

  /** One round of "where is the scanner": cheap when a device is known. */
  async function refresh(): Promise<void> {
    if (selected) {
      const current = selected;
      // While another device stands in for the one used last, ask that one too, so a dropout of
      // a single poll does not switch scanners for good.
      const usual = remembered && !same(current, remembered) ? remembered : null;
      const [out, back] = await Promise.all([
        probe({ host, port: current.port, protocol: current.protocol }, probeTimeoutMs, log),
        usual ? probe({ host, port: usual.port, protocol: usual.protocol }, usualRecheckTimeoutMs, log) : null,
      ]);
      record(current, out);
      if (usual && back) record(usual, back);
      if (back?.kind === 'found' && back.service.status === 'READY') {
        select(back.service);
        await ensureDeviceInfo(back.service);
        return;
      }
      if (out.kind === 'found' && out.service.status === 'READY') {
        select(out.service);
        await ensureDeviceInfo(out.service);
        return;
      }
      log.info('rd.selected.lost', { port: current.port, protocol: current.protocol, now: out.kind === 'found' ? out.service.status : out.why });
      select(null);
      // Look everywhere now rather than after the interval: the agent is waiting.
      lastFullScan = -Infinity;
    } else if (remembered && !rememberedTried) {
      rememberedTried = true;
      const out = await probe({ host, port: remembered.port, protocol: remembered.protocol }, probeTimeoutMs, log);
      if (out.kind === 'found' && out.service.status === 'READY') {
        putDevice(out.service);
        select(out.service);
        await ensureDeviceInfo(out.service);
        return;
      }
    }
    if (activeScan) return;
    if (performance.now() - lastFullScan >= rescanIntervalMs) {
      await fullScan();
      await ensureDeviceInfo(selected);
    }
  }

  function refreshShared(): Promise<void> {
    if (!refreshing) {
      refreshing = refresh()
        .catch((err: unknown) => log.error('rd.refresh.failed', { error: err }))
        .finally(() => {
          refreshing = null;
        });
    }
    return refreshing;
  }

  async function ensureDeviceInfo(s: RdService | null): Promise<void> {
    if (!s || !s.deviceInfoPath) return;
    const key = keyOf(s);
    if (infoCache.has(key) || performance.now() - (infoTried.get(key) ?? -Infinity) < DEVICE_INFO_RETRY_MS) return;
    infoTried.set(key, performance.now());
    try {
      const answer = await rdRequest({ host, port: s.port, protocol: s.protocol, method: 'DEVICEINFO', path: s.deviceInfoPath, timeoutMs: probeTimeoutMs, maxBytes: 256 * 1024 });
      infoCache.set(key, parseDeviceInfoXml(answer.body.toString('utf8')));
    } catch (err) {
      if (isStarting(err)) {
        // Ready in seconds: ask again at a poll after startingPollMs rather than DEVICE_INFO_RETRY_MS.
        infoTried.set(key, performance.now() - DEVICE_INFO_RETRY_MS + startingPollMs);
        log.info('rd.deviceInfo.starting', { port: s.port });
        return;
      }
      log.warn('rd.deviceInfo.failed', { port: s.port, error: err instanceof KioskError ? err.code : err });
    }
  }

  function snapshot(): DeviceState {
    let state: DeviceState['state'];
    if (capturing) state = 'busy';
    else if (selected) state = 'ready';
    else if (devices.some((d) => d.status === 'USED')) state = 'busy';
    else if (devices.some((d) => d.status === 'NOTREADY')) state = 'notReady';
    else state = activeScan ? 'searching' : 'none';
    return {
      state,
      selected,
      devices: [...devices],
      deviceInfo: selected ? (infoCache.get(keyOf(selected)) ?? null) : null,
      scannedAt,
      scanMs,
    };
  }

  /** Asks every port where a service answered before, and the remembered one, at once; selects a READY device. */
  async function probeKnownPorts(): Promise<void> {
    const targets = new Map<string, { port: number; protocol: RdService['protocol'] }>();
    for (const d of remembered ? [...devices, remembered] : devices) targets.set(`${d.protocol}:${d.port}`, { port: d.port, protocol: d.protocol });
    if (targets.size === 0) return;
    await Promise.all(
      [...targets.values()].map(async (t) => record(t, await probe({ host, ...t }, probeTimeoutMs, log))),
    );
    select(choose(devices));
  }

  /**
   * The device to capture with; throws why there is none. With nothing selected it looks
   * now, whatever the poll interval: the scanner may have been plugged in a second ago and
   * the agent is waiting. Known ports first (one quick round), then everywhere.
   */
  async function resolveDevice(signal: AbortSignal): Promise<RdService> {
    // A poll or a scan may be finding it right now.
    await refreshing;
    await activeScan?.promise.catch(() => undefined);
    if (!selected && !signal.aborted) await probeKnownPorts();
    if (!selected && !signal.aborted) await fullScan().catch((err: unknown) => log.error('rd.scan.failed', { error: err }));
    if (signal.aborted) throw new KioskError('rd.cancelled');
    if (selected) return selected;
    if (devices.some((d) => d.status === 'USED')) throw new KioskError('rd.busy', { detail: 'scanner held by another application' });
    if (devices.some((d) => d.status === 'NOTREADY')) throw new KioskError('rd.notReady');
    throw new KioskError('rd.notFound', { detail: `no RD service on ${host} ports ${config.ports[0]}…${config.ports[config.ports.length - 1]}` });
  }

  /**
   * CAPTURE at one device and the checks every answer must pass; throws why it is unusable.
   * A service still starting (-1509) answers at once without asking for a finger, so the
   * CAPTURE is simply sent again until it is up or the wait is over (then rd.starting).
   */
  function captureAt(device: RdService, timeoutMs: number, signal: AbortSignal): Promise<{ pidXml: string; parsed: ParsedPid }> {
    return askWhileStarting(() => captureOnce(device, timeoutMs, signal), {
      waitMs: startingWaitMs,
      pollMs: startingPollMs,
      signal,
      sleep,
      onRetry: (attempt, waitedMs) => log.info('rd.capture.starting', { port: device.port, attempt, waitedMs }),
    });
  }

  async function captureOnce(device: RdService, timeoutMs: number, signal: AbortSignal): Promise<{ pidXml: string; parsed: ParsedPid }> {
    const answer = await sendCapture(device, timeoutMs, signal);
    if (signal.aborted) throw new KioskError('rd.cancelled');
    const pidXml = answer.body.toString('utf8');
    // The PID block travels as received: refuse bytes that would not survive as text.
    if (!Buffer.from(pidXml, 'utf8').equals(answer.body)) throw new KioskError('rd.badResponse', { detail: 'CAPTURE answer is not UTF-8' });
    return { pidXml, parsed: parsePidData(pidXml) };
  }

  function sendCapture(device: RdService, timeoutMs: number, signal: AbortSignal) {
    return rdRequest({
      host,
      port: device.port,
      protocol: device.protocol,
      method: 'CAPTURE',
      path: device.capturePath,
      body: aepsPidOptions(timeoutMs),
      // A person is placing a finger: the HTTP call must outlast the scanner's own timeout.
      timeoutMs: timeoutMs + captureMarginMs,
      signal,
      maxBytes: 1024 * 1024,
    });
  }

  function transportToKiosk(err: unknown): KioskError {
    if (err instanceof KioskError) return err;
    if (err instanceof TransportError) {
      switch (err.kind) {
        case 'aborted':
          return new KioskError('rd.cancelled');
        case 'refused':
          return new KioskError('rd.notFound', { detail: err.message });
        case 'tooLarge':
          return new KioskError('rd.badResponse', { detail: err.message });
        default:
          return new KioskError('rd.noResponse', { detail: err.message });
      }
    }
    return new KioskError('internal', { detail: err instanceof Error ? err.message : String(err), cause: err });
  }

  async function capture(input: { timeoutMs?: number }): Promise<CaptureResult> {
    if (stopped) throw new KioskError('internal', { detail: 'scanner service stopped' });
    if (capturing) throw new KioskError('rd.busy', { detail: 'a capture is already running' });
    const controller = new AbortController();
    capturing = controller;
    // A new capture replaces any PID block still waiting.
    store.clear();
    const timeoutMs = input.timeoutMs ?? config.captureTimeoutMs;
    const started = performance.now();
    let device: RdService | null = null;
    try {
      device = selected ?? (await resolveDevice(controller.signal));
      let pidXml: string;
      let parsed: ParsedPid;
      try {
        ({ pidXml, parsed } = await captureAt(device, timeoutMs, controller.signal));
      } catch (err) {
        // Nothing listens where the device was (service restarted elsewhere), or the service no
        // longer takes the capture path it gave (updated, reconfigured): look again, once.
        // Neither answer means a finger was asked for, so a second CAPTURE is safe.
        const moved = err instanceof TransportError && err.kind === 'refused';
        const staleAddress = err instanceof KioskError && err.code === 'rd.addressRejected';
        if (!moved && !staleAddress) throw err;
        const gone: RdService = device;
        log.info('rd.capture.lookAgain', { port: gone.port, why: moved ? 'nothing listens' : 'capture path refused' });
        if (moved) devices = devices.filter((d) => d.port !== gone.port);
        select(null);
        device = await resolveDevice(controller.signal);
        // The same service giving the same path would only refuse it again: that one needs a restart.
        if (staleAddress && same(device, gone) && device.capturePath === gone.capturePath) throw err;
        ({ pidXml, parsed } = await captureAt(device, timeoutMs, controller.signal));
      }
      const q = parsed.qScore;
      if (q < QUALITY_MINIMUM) {
        throw new KioskError('rd.poorQuality', { params: { qScore: String(q) }, detail: `qScore ${q}` });
      }
      if (parsed.device) infoCache.set(keyOf(device), parsed.device);
      const handle = store.put(pidXml, q);
      select(device);
      // "The device used last" is the one a fingerprint was taken with, not whatever a poll fell back to.
      if (!same(device, remembered)) remember(device);
      const result: CaptureResult = {
        handle,
        qScore: q,
        nmPoints: parsed.nmPoints,
        quality: q >= QUALITY_GOOD ? 'good' : 'low',
        device: parsed.device ?? infoCache.get(keyOf(device)) ?? null,
      };
      log.info('rd.capture.ok', { port: device.port, qScore: q, nmPoints: parsed.nmPoints, quality: result.quality, ms: Math.round(performance.now() - started) });
      return result;
    } catch (err) {
      const e = transportToKiosk(err);
      log.warn('rd.capture.failed', { port: device?.port ?? null, code: e.code, params: e.params, detail: e.detail, ms: Math.round(performance.now() - started) });
      throw e;
    } finally {
      capturing = null;
    }
  }

  return {
    async status() {
      if (!stopped && !capturing) await refreshShared();
      return snapshot();
    },
    async scan() {
      // Probing the scanner mid-capture would only see it busy; the capture tells us more.
      if (!stopped && !capturing) {
        // The agent asked to look again: a scanner swapped for another of the same make keeps
        // the port and the service's name, so its details must be asked again too.
        infoCache.clear();
        infoTried.clear();
        await fullScan();
        await ensureDeviceInfo(selected);
      }
      return snapshot();
    },
    inventory: (onFound) => fullScan(onFound),
    capture,
    cancelCapture() {
      if (!capturing) return false;
      capturing.abort();
      return true;
    },
    takeCapture: (handle) => store.take(handle),
    async stop() {
      stopped = true;
      capturing?.abort();
      store.clear();
      await activeScan?.promise.catch(() => undefined);
    },
  };
}
