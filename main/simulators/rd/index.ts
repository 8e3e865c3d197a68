/**
 * An RD-service simulator: real TCP (and TLS) servers on loopback that speak RDSERVICE,
 * DEVICEINFO and CAPTURE the way the vendors' services do, quirks included. Used by the
 * demo profile (one READY Mantra-like device), the tests, the doctor and the bench.
 *
 *   const sim = await startRdSimulator({ devices: [{ scenario: 'ready' }, { protocol: 'https', vendor: 'morpho' }] });
 *   sim.devices[0].setScenario('captureTimeout'); … await sim.close();
 */
import crypto from 'node:crypto';
import { EventEmitter } from 'node:events';
import net from 'node:net';
import tls from 'node:tls';
import { XMLParser } from 'fast-xml-parser';
import { selfSignedLoopbackCert } from './cert';
import { serveConnection, type WireRequest, type WireResponse } from './wire';

export type RdVendor = 'mantra' | 'morpho' | 'startek';

/** Ways real services deviate from the spec's examples. */
export type RdQuirk =
  | 'singleQuotes'
  | 'lowerCaseStatus'
  | 'xmlns'
  | 'hostPrefixPath' // Morpho: path="/127.0.0.1:11102/capture"
  | 'spacedUrlPath' // path=" http://127.0.0.1:11100 / rd/capture"
  | 'localhostPath' // path="http://localhost:11100/rd/capture"
  | 'noDeviceInfo' // no DEVICEINFO interface at all
  | 'interfaceOrder' // DEVICEINFO listed before CAPTURE
  | 'foreignHostPath'; // path points at another machine: must be refused

export type RdScenario =
  | 'ready'
  | 'notReady' // service up, no scanner: RDSERVICE NOTREADY, CAPTURE 720
  | 'used' // held by another application: RDSERVICE USED, CAPTURE 710
  | 'captureTimeout' // no finger: errCode 700 after min(PidOptions timeout, captureDelayMs)
  | 'poorQuality' // qScore about 30
  | 'unusableQuality' // qScore about 15
  | 'nonNumericError' // errCode="DEVICE_ERR_01"
  | 'slow' // every answer waits answerDelayMs (400 ms when not set)
  | 'hang' // accepts connections, never answers
  | 'quirks' // the vendor's field quirks together (path style per vendor)
  | 'garbage' // CAPTURE answers an HTML error page
  | 'truncated' // CAPTURE answer cut off mid-Data
  | 'noMc' // success without the device certificate
  | 'starting' // a Mantra L1 service still starting: for 5 s after the scenario is set, CAPTURE and DEVICEINFO answer STARTING_PID
  | { starting: StartingFor } // the same, for so many CAPTUREs and/or so long
  | { errCode: string; errInfo?: string } // CAPTURE fails with this code (Resp only)
  | { quirks: RdQuirk[] }
  | { custom: { rdservice?: string; deviceinfo?: string; capture?: string } }; // exact answer bodies

/**
 * How long a 'starting' service keeps answering -1509: the first `captures` CAPTUREs and/or the
 * first `ms` milliseconds after the scenario was set (while either lasts). Then it works.
 */
interface StartingFor {
  captures?: number;
  ms?: number;
}

/** How long the named 'starting' scenario lasts: a Mantra L1 service takes seconds to come up. */
const STARTING_SCENARIO_MS = 5_000;

/**
 * What a Mantra L1 service answers while it is still starting, exactly as a real one does
 * (test/fixtures/rd/mantra-pid-error-1.xml, byte for byte; a test checks they stay equal).
 */
export const STARTING_PID =
  '<PidData><Resp errCode="-1509" errInfo="System is still checking status, please try after sometime. Meanwhile if you have not connected device then please connect it" /></PidData>';

export interface SimDeviceOptions {
  /** 0 or omitted: an ephemeral port. */
  port?: number;
  protocol?: 'http' | 'https';
  scenario?: RdScenario;
  vendor?: RdVendor;
  /** Time the "person" takes to place a finger, ms (default 800). */
  captureDelayMs?: number;
  /** Extra wait before every answer, ms (default 0; 'slow' uses 400 when this is 0). */
  answerDelayMs?: number;
  /**
   * https only: the newest TLS version the service speaks (default: Node's, TLS 1.3).
   * 'TLSv1'/'TLSv1.1' play an old vendor service built on an old TLS stack.
   */
  tlsMaxVersion?: 'TLSv1' | 'TLSv1.1' | 'TLSv1.2';
}

/** How many requests a device keeps in `requests`: the demo profile polls all day. */
export const SIM_REQUEST_LOG_LIMIT = 200;

export interface SimRequestEvent {
  method: string;
  path: string;
  /** performance.now() when the request was read. */
  at: number;
}

interface SimDevice {
  readonly port: number;
  readonly protocol: 'http' | 'https';
  readonly vendor: RdVendor;
  readonly scenario: RdScenario;
  setScenario(s: RdScenario): void;
  setCaptureDelay(ms: number): void;
  setAnswerDelay(ms: number): void;
  /** The service serves CAPTURE on another path from now on (an updated or reconfigured service); RDSERVICE says so. */
  setCapturePath(path: string): void;
  /** Another scanner of the same model is plugged in: new serial, device code and certificate. */
  replaceScanner(): void;
  /** The serial number DEVICEINFO and PidData report now. */
  readonly serial: string;
  /** CAPTURE requests received. */
  readonly captures: number;
  /** Captures given up because the client hung up while the finger was awaited. */
  readonly abortedCaptures: number;
  /** The last SIM_REQUEST_LOG_LIMIT requests read (method and path), oldest first. */
  readonly requests: ReadonlyArray<{ method: string; path: string }>;
  /** Body of the last CAPTURE request (the PidOptions). */
  readonly lastPidOptions: string | null;
  /** The last PID block answered, exactly as sent (tests check it arrives untouched and leaks nowhere). */
  readonly lastPid: string | null;
  /** The simulator's own time on the last CAPTURE, ms, without the configured delays (benches subtract it; status polls do not overwrite it). */
  readonly lastCaptureHandlingMs: number;
  /** 'request' → SimRequestEvent; 'captureAborted' when the client hung up mid-capture. */
  readonly events: EventEmitter;
}

export interface RdSimulator {
  host: string;
  devices: SimDevice[];
  ports: number[];
  close(): Promise<void>;
}

interface VendorProfile {
  info: string;
  dpId: string;
  rdsId: string;
  rdsVer: string;
  mi: string;
  capturePath: string;
  deviceInfoPath: string;
  pathStyle: RdQuirk;
}

const VENDORS: Record<RdVendor, VendorProfile> = {
  mantra: { info: 'Mantra Authentication Vendor Device Manager', dpId: 'MANTRA.MSIPL', rdsId: 'RENESAS.MANTRA.001', rdsVer: '1.4.1', mi: 'MFS110', capturePath: '/rd/capture', deviceInfoPath: '/rd/info', pathStyle: 'spacedUrlPath' },
  morpho: { info: 'Morpho_RD_Service', dpId: 'Morpho', rdsId: 'SCPL.WIN.001', rdsVer: '1.0.7', mi: 'MSO1300E3', capturePath: '/capture', deviceInfoPath: '/getDeviceInfo', pathStyle: 'hostPrefixPath' },
  startek: { info: 'Secure Startek RD Service', dpId: 'STARTEK.ACPL', rdsId: 'ACPL.WIN.001', rdsVer: '1.0.5', mi: 'FM220U', capturePath: '/rd/capture', deviceInfoPath: '/rd/info', pathStyle: 'localhostPath' },
};

const pidOptionsParser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '' });

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;').replace(/'/g, '&apos;');
}

function b64(bytes: number): string {
  return crypto.randomBytes(bytes).toString('base64');
}

function delay(ms: number, signal: AbortSignal): Promise<boolean> {
  if (ms <= 0) return Promise.resolve(!signal.aborted);
  return new Promise((resolve) => {
    const timer = setTimeout(() => {
      signal.removeEventListener('abort', onAbort);
      resolve(true);
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      resolve(false);
    };
    signal.addEventListener('abort', onAbort, { once: true });
  });
}

class Device implements SimDevice {
  port = 0;
  readonly protocol: 'http' | 'https';
  readonly vendor: RdVendor;
  scenario: RdScenario;
  captures = 0;
  abortedCaptures = 0;
  requests: Array<{ method: string; path: string }> = [];
  lastPidOptions: string | null = null;
  lastPid: string | null = null;
  lastCaptureHandlingMs = 0;
  readonly events = new EventEmitter();
  private captureDelayMs: number;
  private answerDelayMs: number;
  private capturing = false;
  // When the scenario was set, and the CAPTUREs answered since: what 'starting' counts from.
  private scenarioSince = performance.now();
  private startingAnswers = 0;
  private profile: VendorProfile;
  serial = newSerial();
  private dc = crypto.randomUUID();
  // A device certificate looks like a long base64 blob; new only with a new service or scanner.
  private mc = b64(900);

  constructor(options: SimDeviceOptions) {
    this.protocol = options.protocol ?? 'http';
    this.vendor = options.vendor ?? 'mantra';
    this.scenario = options.scenario ?? 'ready';
    this.captureDelayMs = options.captureDelayMs ?? 800;
    this.answerDelayMs = options.answerDelayMs ?? 0;
    this.profile = VENDORS[this.vendor];
  }

  setScenario(s: RdScenario): void {
    this.scenario = s;
    this.scenarioSince = performance.now();
    this.startingAnswers = 0;
  }
  setCaptureDelay(ms: number): void {
    this.captureDelayMs = ms;
  }
  setAnswerDelay(ms: number): void {
    this.answerDelayMs = ms;
  }
  setCapturePath(path: string): void {
    this.profile = { ...this.profile, capturePath: path };
  }
  replaceScanner(): void {
    this.serial = newSerial();
    this.dc = crypto.randomUUID();
    this.mc = b64(900);
  }

  private quirks(): Set<RdQuirk> {
    const s = this.scenario;
    if (s === 'quirks') {
      return new Set<RdQuirk>(['singleQuotes', 'lowerCaseStatus', 'xmlns', 'noDeviceInfo', 'interfaceOrder', this.profile.pathStyle]);
    }
    return new Set(typeof s === 'object' && 'quirks' in s ? s.quirks : []);
  }

  /** Whether a 'starting' service is still starting now. */
  private stillStarting(): boolean {
    const s = this.scenario;
    const spec: StartingFor | null = s === 'starting' ? { ms: STARTING_SCENARIO_MS } : typeof s === 'object' && 'starting' in s ? s.starting : null;
    if (!spec) return false;
    const byCount = spec.captures !== undefined && this.startingAnswers < spec.captures;
    const byTime = spec.ms !== undefined && performance.now() - this.scenarioSince < spec.ms;
    return byCount || byTime;
  }

  private custom(): { rdservice?: string; deviceinfo?: string; capture?: string } | null {
    const s = this.scenario;
    return typeof s === 'object' && 'custom' in s ? s.custom : null;
  }

  async handle(req: WireRequest, signal: AbortSignal): Promise<WireResponse | 'hang'> {
    const started = performance.now();
    const answer = await this.answer(req, signal);
    if (req.method === 'CAPTURE') this.lastCaptureHandlingMs = Math.max(0, performance.now() - started - this.answerDelayMs - this.captureDelayMs);
    return answer;
  }

  private async answer(req: WireRequest, signal: AbortSignal): Promise<WireResponse | 'hang'> {
    if (this.scenario === 'hang') return 'hang';
    this.requests.push({ method: req.method, path: req.path });
    if (this.requests.length > SIM_REQUEST_LOG_LIMIT) this.requests.splice(0, this.requests.length - SIM_REQUEST_LOG_LIMIT);
    this.events.emit('request', { method: req.method, path: req.path, at: performance.now() } satisfies SimRequestEvent);
    const wait = this.answerDelayMs || (this.scenario === 'slow' ? 400 : 0);
    if (!(await delay(wait, signal))) return 'hang';
    switch (req.method) {
      case 'RDSERVICE':
        return { status: 200, body: this.custom()?.rdservice ?? this.rdServiceXml() };
      case 'DEVICEINFO':
        if (this.custom()?.deviceinfo !== undefined) return { status: 200, body: this.custom()!.deviceinfo! };
        if (this.stillStarting()) return { status: 200, body: STARTING_PID };
        if (this.quirks().has('noDeviceInfo') || pathOf(req.path) !== this.profile.deviceInfoPath) return { status: 404, reason: 'Not Found', body: '' };
        return { status: 200, body: this.deviceInfoXml(this.quirks().has('singleQuotes') ? "'" : '"') };
      case 'CAPTURE':
        return this.capture(req, signal);
      case 'OPTIONS':
        // Browser pages (vendor samples) preflight the custom verbs.
        return { status: 200, headers: { 'Access-Control-Allow-Methods': 'RDSERVICE, DEVICEINFO, CAPTURE', 'Access-Control-Allow-Headers': 'Content-Type' }, body: '' };
      case 'GET':
        return { status: 200, headers: { 'Content-Type': 'text/plain' }, body: `${this.profile.info} (simulator)\n` };
      default:
        return { status: 405, reason: 'Method Not Allowed', body: '' };
    }
  }

  private status(): 'READY' | 'NOTREADY' | 'USED' {
    if (this.scenario === 'notReady') return 'NOTREADY';
    if (this.scenario === 'used') return 'USED';
    return 'READY';
  }

  rdServiceXml(): string {
    const quirks = this.quirks();
    const q = quirks.has('singleQuotes') ? "'" : '"';
    const status = quirks.has('lowerCaseStatus') ? this.status().toLowerCase() : this.status();
    const ns = quirks.has('xmlns') ? ` xmlns:xsi=${q}http://www.w3.org/2001/XMLSchema-instance${q} xmlns:xsd=${q}http://www.w3.org/2001/XMLSchema${q}` : '';
    const shown = (path: string) => {
      if (quirks.has('foreignHostPath')) return `http://192.168.1.20:${this.port}${path}`;
      if (quirks.has('hostPrefixPath')) return `/127.0.0.1:${this.port}${path}`;
      if (quirks.has('spacedUrlPath')) return ` http://127.0.0.1:${this.port} / ${path.slice(1)}`;
      if (quirks.has('localhostPath')) return `http://localhost:${this.port}${path}`;
      return path;
    };
    const capture = `<Interface id=${q}CAPTURE${q} path=${q}${escapeXml(shown(this.profile.capturePath))}${q} />`;
    const info = quirks.has('noDeviceInfo') ? '' : `<Interface id=${q}DEVICEINFO${q} path=${q}${escapeXml(shown(this.profile.deviceInfoPath))}${q} />`;
    const interfaces = quirks.has('interfaceOrder') ? `${info}\n  ${capture}` : `${capture}\n  ${info}`;
    return `<?xml version=${q}1.0${q}?>\n<RDService${ns} status=${q}${status}${q} info=${q}${escapeXml(this.profile.info)}${q}>\n  ${interfaces}\n</RDService>\n`;
  }

  private deviceInfoXml(q: string): string {
    const p = this.profile;
    return (
      `<DeviceInfo dpId=${q}${p.dpId}${q} rdsId=${q}${p.rdsId}${q} rdsVer=${q}${p.rdsVer}${q} mi=${q}${p.mi}${q} mc=${q}${this.mc}${q} dc=${q}${this.dc}${q}>` +
      `<additional_info><Param name=${q}srno${q} value=${q}${this.serial}${q}/><Param name=${q}sysid${q} value=${q}${this.dc.slice(0, 16).toUpperCase()}${q}/>` +
      `<Param name=${q}ts${q} value=${q}${new Date().toISOString()}${q}/><Param name=${q}device_type${q} value=${q}L1${q}/></additional_info></DeviceInfo>`
    );
  }

  private errorPid(errCode: string, errInfo: string): string {
    return `<?xml version="1.0"?>\n<PidData>\n  <Resp errCode="${escapeXml(errCode)}" errInfo="${escapeXml(errInfo)}" fCount="0" fType="2" nmPoints="0" qScore="0" />\n</PidData>\n`;
  }

  /**
   * A PID block. Its Data is random bytes standing in for the encrypted PID; a capture asked with a
   * wadh (an eKYC capture) carries "wadh=<value>;" inside it, so the Eko sandbox can refuse it for the
   * daily authentication as UIDAI does ("Invalid Biometric data"), though real Data is opaque to Eko.
   */
  private successPid(qScore: number, withMc = true, wadh = ''): string {
    const q = '"';
    const info = withMc ? this.deviceInfoXml(q) : this.deviceInfoXml(q).replace(/ mc="[^"]*"/, '');
    const nm = 20 + crypto.randomInt(25);
    const data = Buffer.concat([crypto.randomBytes(1200 + crypto.randomInt(600)), wadh ? Buffer.from(`wadh=${wadh};`) : Buffer.alloc(0)]).toString('base64');
    return (
      `<?xml version="1.0"?>\n<PidData>\n  <Resp errCode="0" errInfo="Success." fCount="1" fType="2" nmPoints="${nm}" qScore="${qScore}" />\n` +
      `  ${info}\n  <Skey ci="20280813">${b64(256)}</Skey>\n  <Hmac>${b64(48)}</Hmac>\n` +
      `  <Data type="X">${data}</Data>\n</PidData>\n`
    );
  }

  private async capture(req: WireRequest, signal: AbortSignal): Promise<WireResponse | 'hang'> {
    this.captures++;
    const body = req.body.toString('utf8');
    this.lastPidOptions = body;
    const answer = (xml: string): WireResponse => {
      this.lastPid = xml;
      return { status: 200, body: xml };
    };
    const custom = this.custom();
    if (custom?.capture !== undefined) return answer(custom.capture);
    if (this.stillStarting()) {
      this.startingAnswers++;
      return answer(STARTING_PID);
    }
    if (pathOf(req.path) !== this.profile.capturePath) return answer(this.errorPid('770', 'Invalid URI'));

    let opts: Record<string, string> = {};
    try {
      const parsed = pidOptionsParser.parse(body) as { PidOptions?: { Opts?: Record<string, string> } };
      opts = parsed.PidOptions?.Opts ?? {};
    } catch {
      return answer(this.errorPid('999', 'Invalid PidOptions XML'));
    }
    if (opts.format === '1') return answer(this.errorPid('210', 'Protobuf format not supported'));
    if (opts.fCount === '0' || opts.fCount === undefined) return answer(this.errorPid('750', 'Finger capture not requested'));
    if (this.vendor === 'mantra' && !opts.env) return answer(this.errorPid('999', 'Environment not specified'));
    if (this.vendor === 'morpho' && opts.env && opts.env !== 'P') return answer(this.errorPid('999', 'Invalid environment'));
    if (this.capturing) return answer(this.errorPid('710', 'Device is being used by another application'));
    const s = this.scenario;
    if (s === 'notReady') return answer(this.errorPid('720', 'Device not ready'));
    if (s === 'used') return answer(this.errorPid('710', 'Device is being used by another application'));

    const pidTimeout = /^\d+$/.test(opts.timeout ?? '') ? Number(opts.timeout) : 10_000;
    // A client that hangs up while the finger is awaited cancels the capture, as the vendors' services do.
    const aborted = (): 'hang' => {
      this.abortedCaptures++;
      this.events.emit('captureAborted');
      return 'hang';
    };
    this.capturing = true;
    try {
      if (s === 'captureTimeout' || this.captureDelayMs > pidTimeout) {
        if (!(await delay(Math.min(pidTimeout, this.captureDelayMs), signal))) return aborted();
        return answer(this.errorPid('700', 'Capture timed out'));
      }
      // The person places a finger.
      if (!(await delay(this.captureDelayMs, signal))) return aborted();
      if (typeof s === 'object' && 'errCode' in s) return answer(this.errorPid(s.errCode, s.errInfo ?? 'Capture failed'));
      if (s === 'nonNumericError') return answer(this.errorPid('DEVICE_ERR_01', 'Device error'));
      if (s === 'garbage') return { status: 500, headers: { 'Content-Type': 'text/html' }, body: '<html><body><h1>Internal error</h1></body></html>' };
      if (s === 'noMc') return answer(this.successPid(70 + crypto.randomInt(20), false));
      if (s === 'truncated') {
        const whole = this.successPid(70 + crypto.randomInt(20));
        return answer(whole.slice(0, whole.indexOf('<Data') + 200));
      }
      const q = s === 'poorQuality' ? 28 + crypto.randomInt(6) : s === 'unusableQuality' ? 12 + crypto.randomInt(6) : 60 + crypto.randomInt(31);
      return answer(this.successPid(q, true, (opts.wadh ?? '').trim()));
    } finally {
      this.capturing = false;
    }
  }
}

function newSerial(): string {
  return String(10_000_000 + crypto.randomInt(89_999_999));
}

function pathOf(target: string): string {
  return target.replace(/[?#].*$/, '') || '/';
}

function listen(server: net.Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen({ host, port, exclusive: true }, () => {
      server.off('error', reject);
      resolve((server.address() as net.AddressInfo).port);
    });
  });
}

export async function startRdSimulator(options: { host?: string; devices: SimDeviceOptions[] }): Promise<RdSimulator> {
  const host = options.host ?? '127.0.0.1';
  const servers: net.Server[] = [];
  const sockets = new Set<net.Socket>();
  const devices: Device[] = [];
  const track = (socket: net.Socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  };
  const close = async () => {
    for (const s of sockets) s.destroy();
    await Promise.all(servers.map((srv) => new Promise<void>((resolve) => srv.close(() => resolve()))));
  };
  try {
    for (const opts of options.devices) {
      const device = new Device(opts);
      const onConnection = (socket: net.Socket) => {
        track(socket);
        serveConnection(socket, (req, signal) => device.handle(req, signal));
      };
      let server: net.Server;
      if (device.protocol === 'https') {
        // Old TLS needs OpenSSL security level 0 on this server's context (OpenSSL 3 refuses it above).
        const legacy = opts.tlsMaxVersion === 'TLSv1' || opts.tlsMaxVersion === 'TLSv1.1';
        const versions: tls.TlsOptions = legacy ? { minVersion: 'TLSv1', maxVersion: opts.tlsMaxVersion, ciphers: 'DEFAULT:@SECLEVEL=0' } : { maxVersion: opts.tlsMaxVersion };
        const tlsServer = tls.createServer({ ...selfSignedLoopbackCert(), ...versions }, onConnection);
        // The raw socket too: a plain-http probe to a TLS port must not linger after close().
        tlsServer.on('connection', track);
        // Plain HTTP to a TLS port, or a client that gives up mid-handshake: nothing to do.
        tlsServer.on('tlsClientError', () => undefined);
        server = tlsServer;
      } else {
        server = net.createServer(onConnection);
      }
      servers.push(server);
      device.port = await listen(server, host, opts.port ?? 0);
      devices.push(device);
    }
  } catch (err) {
    await close();
    throw err;
  }
  return { host, devices, ports: devices.map((d) => d.port), close };
}

/** What the demo profile runs: one READY Mantra-like scanner on an ephemeral loopback port. */
export function startDemoRdSimulator(options: { host?: string; captureDelayMs?: number } = {}): Promise<RdSimulator> {
  return startRdSimulator({ host: options.host, devices: [{ vendor: 'mantra', scenario: 'ready', captureDelayMs: options.captureDelayMs ?? 800 }] });
}
