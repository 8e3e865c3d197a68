/**
 * Parsers for what RD services answer: the RDSERVICE discovery document, DEVICEINFO
 * and the CAPTURE answer (PidData). Tolerant of the vendor variations seen in the
 * field (case of names, single quotes, namespaces, odd paths); never throws anything
 * but a KioskError.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { KioskError, type DeviceInfo, type RdService } from '../../../app/contract';
import { isLoopbackHost } from '../config/config';

/** One element, names lower-cased so `<rdservice>` and `<RDService>` read the same. */
interface XmlNode {
  name: string;
  attrs: Record<string, string>;
  children: XmlNode[];
  text: string;
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  removeNSPrefix: true,
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: true,
  allowBooleanAttributes: true,
});

const MAX_XML_CHARS = 512 * 1024;

/** Parses XML into XmlNodes; null when it is not XML at all. Never throws. */
function parseXml(text: string): XmlNode[] | null {
  if (typeof text !== 'string' || text.length > MAX_XML_CHARS) return null;
  let raw: unknown;
  try {
    raw = parser.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return null;
  }
  try {
    return toNodes(raw, 0);
  } catch {
    return null;
  }
}

function toNodes(raw: unknown, depth: number): XmlNode[] {
  if (!Array.isArray(raw) || depth > 32) return [];
  const out: XmlNode[] = [];
  for (const item of raw) {
    if (typeof item !== 'object' || item === null) continue;
    const entry = item as Record<string, unknown>;
    for (const [key, value] of Object.entries(entry)) {
      if (key === ':@' || key === '#text' || key.startsWith('?')) continue;
      const attrs: Record<string, string> = {};
      const rawAttrs = entry[':@'];
      if (typeof rawAttrs === 'object' && rawAttrs !== null) {
        for (const [a, v] of Object.entries(rawAttrs)) attrs[a.toLowerCase()] = typeof v === 'string' ? v : String(v);
      }
      const kids = Array.isArray(value) ? value : [];
      let text = '';
      for (const k of kids) {
        if (typeof k === 'object' && k !== null && '#text' in k) text += String((k as Record<string, unknown>)['#text']);
      }
      out.push({ name: key.toLowerCase(), attrs, children: toNodes(kids, depth + 1), text: text.trim() });
    }
  }
  return out;
}

function findChild(node: XmlNode, name: string): XmlNode | undefined {
  return node.children.find((c) => c.name === name);
}

function findRoot(nodes: XmlNode[] | null, name: string): XmlNode | undefined {
  return nodes?.find((n) => n.name === name);
}

// ---------------------------------------------------------------------------
// Interface paths

/**
 * Reduces an interface path as vendors write it to a path on the RD service's own host:
 * "/rd/capture", "rd/capture", "/127.0.0.1:11102/capture", " http://127.0.0.1:11100 / rd/capture",
 * "//localhost:11100/x". Returns null for a path that points at any other host, or is not a path.
 */
export function normalizeInterfacePath(raw: string): string | null {
  if (typeof raw !== 'string') return null;
  // Vendors leave stray spaces anywhere; a real path never contains whitespace.
  let p = raw.replace(/\s+/g, '');
  if (p === '') return null;
  if (p.includes('\\') || p.includes('@')) return null;

  const absolute = /^([a-z][a-z0-9+.-]*):\/\/([^/?#]*)(.*)$/i.exec(p) ?? /^()\/\/([^/?#]*)(.*)$/.exec(p);
  if (absolute) {
    const scheme = absolute[1]!.toLowerCase();
    if (scheme !== '' && scheme !== 'http' && scheme !== 'https') return null;
    if (!isLoopbackAuthority(absolute[2]!)) return null;
    p = absolute[3]!;
  } else {
    // "/127.0.0.1:11102/capture" (Morpho) or "127.0.0.1:11100/rd/capture": a host as the first segment.
    const first = /^\/?([^/?#]*)(.*)$/.exec(p)!;
    if (looksLikeAuthority(first[1]!)) {
      if (!isLoopbackAuthority(first[1]!)) return null;
      p = first[2]!;
    } else if (!p.startsWith('/') && first[1]!.includes(':')) {
      // "javascript:…", "mailto:…": a scheme, not a path.
      return null;
    }
  }
  if (p === '') p = '/';
  if (!p.startsWith('/')) p = `/${p}`;
  // Printable ASCII only, and no climbing out of the service's own tree.
  if (!/^\/[\x21-\x7e]*$/.test(p)) return null;
  if (/(^|\/)\.\.(\/|$|\?)/.test(p)) return null;
  return p;
}

function looksLikeAuthority(segment: string): boolean {
  if (segment === '') return false;
  if (/^\[[0-9a-f:.]+\](:\d+)?$/i.test(segment)) return true;
  if (/^[a-z0-9.-]+:\d{1,5}$/i.test(segment)) return true;
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(segment)) return true;
  return segment.toLowerCase() === 'localhost';
}

function isLoopbackAuthority(authority: string): boolean {
  const m = /^(\[[^\]]*\]|[^:]*)(:\d{1,5})?$/.exec(authority);
  if (!m || m[1] === '') return false;
  return isLoopbackHost(m[1]!);
}

// ---------------------------------------------------------------------------
// RDSERVICE

type RdStatus = RdService['status'];

interface ParsedRdService {
  status: RdStatus;
  info: string;
  capturePath: string;
  deviceInfoPath: string | null;
}

/** Why a discovery answer was not taken (for the log). */
type RdServiceParseResult = { ok: true; service: ParsedRdService } | { ok: false; reason: string };

export function parseRdServiceXml(text: string): RdServiceParseResult {
  const root = findRoot(parseXml(text), 'rdservice');
  if (!root) return { ok: false, reason: 'not an RDService document' };
  const statusText = (root.attrs.status ?? '').toUpperCase().replace(/[^A-Z]/g, '');
  // An unknown word from a live service: it is there but cannot be used yet.
  const status: RdStatus = statusText === 'READY' ? 'READY' : statusText === 'USED' ? 'USED' : 'NOTREADY';
  const info = (root.attrs.info ?? '').trim().slice(0, 200);
  let capturePath: string | null = null;
  let deviceInfoPath: string | null = null;
  let refused = false;
  for (const iface of root.children.filter((c) => c.name === 'interface')) {
    const id = (iface.attrs.id ?? '').trim().toUpperCase();
    if (id !== 'CAPTURE' && id !== 'DEVICEINFO') continue;
    const path = normalizeInterfacePath(iface.attrs.path ?? '');
    if (path === null) {
      refused = true;
      continue;
    }
    if (id === 'CAPTURE' && capturePath === null) capturePath = path;
    if (id === 'DEVICEINFO' && deviceInfoPath === null) deviceInfoPath = path;
  }
  if (capturePath === null) return { ok: false, reason: refused ? 'CAPTURE path refused (not this PC)' : 'no CAPTURE interface' };
  return { ok: true, service: { status, info, capturePath, deviceInfoPath } };
}

// ---------------------------------------------------------------------------
// DEVICEINFO

/**
 * Mantra L1 while its RD service is still starting: "System is still checking status, please try
 * after sometime…". Not a device fault: the capture is asked again (starting.ts).
 */
const ERR_STARTING = -1509;

/** Reads a <DeviceInfo> element; null when it lacks what identifies a device. */
function deviceInfoFromNode(node: XmlNode): DeviceInfo | null {
  const a = node.attrs;
  const vendor = (a.dpid ?? '').trim();
  const model = (a.mi ?? '').trim();
  if (!vendor && !model) return null;
  const params = new Map<string, string>();
  const extra = findChild(node, 'additional_info');
  for (const p of extra?.children ?? []) {
    if (p.name !== 'param') continue;
    const name = (p.attrs.name ?? '').trim().toLowerCase();
    if (name && !params.has(name)) params.set(name, (p.attrs.value ?? '').trim());
  }
  const clip = (s: string) => s.slice(0, 100);
  return {
    vendor: clip(vendor),
    model: clip(model),
    rdsId: clip((a.rdsid ?? '').trim()),
    rdsVersion: clip((a.rdsver ?? '').trim()),
    serial: params.get('srno') ? clip(params.get('srno')!) : null,
    level: params.get('device_type') ? clip(params.get('device_type')!) : null,
  };
}

export function parseDeviceInfoXml(text: string): DeviceInfo {
  const nodes = parseXml(text);
  // Some services wrap it (<DeviceInfo> inside <RDService> or <PidData>): look one level down too.
  const node = findRoot(nodes, 'deviceinfo') ?? nodes?.flatMap((n) => n.children).find((n) => n.name === 'deviceinfo');
  const info = node ? deviceInfoFromNode(node) : null;
  if (!info) {
    // A service still starting may answer DEVICEINFO with its "-1509" Resp instead of the details.
    const resp = nodes?.flatMap((n) => n.children).find((n) => n.name === 'resp');
    if (resp && Number((resp.attrs.errcode ?? '').trim()) === ERR_STARTING) {
      throw new KioskError('rd.starting', { detail: `DEVICEINFO errCode ${ERR_STARTING}: ${(resp.attrs.errinfo ?? '').slice(0, 200)}` });
    }
    throw new KioskError('rd.badResponse', { detail: 'DEVICEINFO answer is not a DeviceInfo document' });
  }
  return info;
}

// ---------------------------------------------------------------------------
// CAPTURE → PidData

export interface ParsedPid {
  qScore: number;
  nmPoints: number | null;
  device: DeviceInfo | null;
  errInfo: string;
}

/** errCode → our code, from the RD specification's list and what vendors were seen to send. */
const ERR_CODES: Record<number, 'rd.captureTimeout' | 'rd.busy' | 'rd.notReady' | 'rd.captureFailed' | 'rd.needsReinit' | 'rd.unsupported' | 'rd.addressRejected' | 'rd.deviceError' | 'rd.starting'> = {
  [ERR_STARTING]: 'rd.starting',
  700: 'rd.captureTimeout',
  710: 'rd.busy',
  720: 'rd.notReady',
  730: 'rd.captureFailed',
  740: 'rd.needsReinit',
  210: 'rd.unsupported',
  750: 'rd.unsupported',
  760: 'rd.unsupported',
  // "Invalid capture URL": the path the service gave us no longer works (capture() then looks again).
  770: 'rd.addressRejected',
};

/** What a vendor's error code may show on screen: short and printable. */
function safeCode(code: string): string {
  const clean = code.replace(/[^\x20-\x7e]/g, '').trim().slice(0, 40);
  return clean === '' ? '?' : clean;
}

/**
 * Checks a CAPTURE answer. Returns the quality figures of a usable PID block; throws the
 * KioskError that says why it is not usable. Never judges quality (the service does).
 */
export function parsePidData(text: string): ParsedPid {
  if (typeof text !== 'string' || XMLValidator.validate(text.replace(/^\uFEFF/, '')) !== true) {
    // Cut off or not XML: never pass on a PID block that is not whole.
    throw new KioskError('rd.badResponse', { detail: 'CAPTURE answer is not well-formed XML' });
  }
  const root = findRoot(parseXml(text), 'piddata');
  if (!root) throw new KioskError('rd.badResponse', { detail: 'CAPTURE answer has no PidData' });
  const resp = findChild(root, 'resp');
  const errRaw = resp?.attrs.errcode?.trim();
  if (!resp || errRaw === undefined || errRaw === '') {
    throw new KioskError('rd.badResponse', { detail: 'CAPTURE answer has no Resp errCode' });
  }
  const errInfo = (resp.attrs.errinfo ?? '').slice(0, 200);
  if (!/^[+-]?\d+$/.test(errRaw)) {
    throw new KioskError('rd.deviceError', { params: { code: safeCode(errRaw) }, detail: `errCode ${safeCode(errRaw)}: ${errInfo}` });
  }
  const err = Number(errRaw);
  if (err !== 0) {
    const code = ERR_CODES[err] ?? 'rd.deviceError';
    throw new KioskError(code, {
      params: code === 'rd.deviceError' ? { code: String(err) } : undefined,
      detail: `errCode ${err}: ${errInfo}`,
    });
  }
  const data = findChild(root, 'data');
  if (!data || (data.attrs.type ?? '').trim().toUpperCase() !== 'X' || data.text === '') {
    throw new KioskError('rd.badResponse', { detail: 'PidData without Data type="X"' });
  }
  const devNode = findChild(root, 'deviceinfo');
  if (!devNode || (devNode.attrs.mc ?? '').trim() === '') {
    throw new KioskError('rd.badResponse', { detail: 'PidData DeviceInfo without mc (device certificate)' });
  }
  const qText = (resp.attrs.qscore ?? '').trim();
  if (!/^\d+(\.\d+)?$/.test(qText)) {
    throw new KioskError('rd.badResponse', { detail: 'PidData without a numeric qScore' });
  }
  const nmText = (resp.attrs.nmpoints ?? '').trim();
  const nm = /^\d+$/.test(nmText) ? Number(nmText) : null;
  return { qScore: Number(qText), nmPoints: nm, device: deviceInfoFromNode(devNode), errInfo };
}
