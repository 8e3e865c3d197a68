/**
 * The checks of single configuration values (profile, Eko base URL and its hosts, ports, the shop's
 * location, Eko's RSA key), each throwing a ConfigError that names where the value came from.
 */
import { ProfileSchema, type Profile } from '../../../app/contract';
import { aadhaarKeyProblem, readRsaPublicKey } from '../eko/aadhaar-crypto';
import { ConfigError } from './errors';
import type { Sourced, Where } from './resolve';

/** Shown as the example of a location (and used when none is set outside production). */
export const DEFAULT_LATLONG = '28.6139,77.2090';

/** Said of an RD host that is not loopback, by the file's schema and by loadConfig (the environment). */
export const RD_HOST_PROBLEM = 'is not this PC: the RD service only runs on loopback (127.0.0.1 or localhost)';

export function invalid(where: Where, problem: string): ConfigError {
  return new ConfigError(where.setting, problem, { source: where.source, key: where.key });
}

export function parseProfile(value: string): Profile {
  const parsed = ProfileSchema.safeParse(value);
  if (!parsed.success) throw new ConfigError('KIOSK_PROFILE', `"${value}" is not a profile; use demo, staging or production`, { key: 'profile' });
  return parsed.data;
}

/**
 * The hosts a profile's keys may be sent to: Eko's own (over https), or a sandbox on this PC.
 * Anyone with the operator PIN could otherwise point a live counter, keys and all, at any host.
 */
export const EKO_HOSTS: Record<Exclude<Profile, 'demo'>, string> = { staging: 'staging.eko.in', production: 'api.eko.in' };

/** Whether a profile may talk to this URL (demo: anything parseBaseUrl accepts). */
export function ekoHostAllowed(url: URL, profile: Profile): boolean {
  if (isLoopbackHost(url.hostname)) return true;
  return profile === 'demo' || (url.protocol === 'https:' && url.hostname.toLowerCase() === EKO_HOSTS[profile]);
}

export function parseBaseUrl(set: Sourced, profile: Profile): string {
  let url: URL;
  try {
    url = new URL(set.value);
  } catch {
    throw invalid(set, `"${set.value}" is not a URL (expected e.g. https://staging.eko.in/ekoapi/v3)`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw invalid(set, 'must start with https:// (or http:// for a local sandbox)');
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname)) {
    throw invalid(set, 'plain http is only allowed to a sandbox on this PC; use https:// for Eko');
  }
  if (!ekoHostAllowed(url, profile)) {
    throw invalid(set, `must be Eko's own ${profile} host (https://${EKO_HOSTS[profile as Exclude<Profile, 'demo'>]}/…) or a sandbox on this PC: the keys are sent to it`);
  }
  return set.value.replace(/\/+$/, '');
}

export function isLoopbackHost(host: string): boolean {
  const h = host.replace(/^\[|\]$/g, '').toLowerCase();
  return h === 'localhost' || h === '::1' || /^127\.\d{1,3}\.\d{1,3}\.\d{1,3}$/.test(h);
}

export function parsePort(text: string, where: Where, allowZero = false): number {
  if (!/^\d+$/.test(text)) throw invalid(where, `"${text}" is not a port number`);
  const port = Number(text);
  if (port > 65535 || (port === 0 && !allowZero)) throw invalid(where, `${port} is not a port number (1–65535)`);
  return port;
}

const RD_PORTS_ENV: Where = { setting: 'KIOSK_RD_PORTS', source: 'env', key: 'rd.ports' };

/** "11100-11120" or "11100,11102,11105" (ranges may appear inside the list). */
export function parsePorts(text: string, where: Where = RD_PORTS_ENV): number[] {
  const ports = new Set<number>();
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const range = /^(\d+)\s*-\s*(\d+)$/.exec(part);
    if (range) {
      const from = parsePort(range[1]!, where);
      const to = parsePort(range[2]!, where);
      if (to < from) throw invalid(where, `range "${part}" runs backwards`);
      if (to - from > 200) throw invalid(where, `range "${part}" is too wide (at most 200 ports)`);
      for (let p = from; p <= to; p++) ports.add(p);
    } else {
      ports.add(parsePort(part, where));
    }
  }
  if (ports.size === 0) throw invalid(where, 'lists no ports (expected e.g. 11100-11120)');
  return [...ports];
}

/** "28.6139, 77.2090" → "28.6139,77.2090": Eko refuses a location with spaces. */
export function parseLatLong(set: Sourced): string {
  const m = /^(-?\d{1,2}(?:\.\d+)?),(-?\d{1,3}(?:\.\d+)?)$/.exec(set.value.replace(/\s/g, ''));
  const lat = m ? Number(m[1]) : NaN;
  const long = m ? Number(m[2]) : NaN;
  if (!m || Math.abs(lat) > 90 || Math.abs(long) > 180) {
    throw invalid(set, `"${set.value}" is not "latitude,longitude" (e.g. ${DEFAULT_LATLONG})`);
  }
  return `${m[1]},${m[2]}`;
}

/** Parsed as the Eko client will parse it, so a key that is no RSA key stops here and not at the first enquiry. */
export function checkPublicKey(set: Sourced): void {
  try {
    readRsaPublicKey(set.value);
  } catch (err) {
    throw invalid(set, aadhaarKeyProblem(err));
  }
}

