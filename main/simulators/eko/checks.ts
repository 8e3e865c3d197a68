/**
 * What the Eko sandbox checks in a request before it looks at the customer, as Eko does: the
 * signature and its timestamp window (main/protocol/eko-signing.ts, the client's own rule), the
 * content type, exactly the fields of the request's edition with their types, the formats Eko
 * refuses, the encrypted Aadhaar number, and a PID block's shape. Pure functions: the server
 * (./sandbox.ts) keeps the state and decides the answer.
 */
import crypto from 'node:crypto';
import type http from 'node:http';
import { isValidAadhaar } from '../../../app/domain/aadhaar';
import { ekoSecretKey, sameSignature } from '../../protocol/eko-signing';
import { NO_KEY_FOR_RESPONSE, ok, type Json, type Reply } from './answers';

/**
 * Which generation of Eko's AePS request the sandbox accepts (shared/reference/eko-real-world.md,
 * "Two editions"). spec: the spec pages' body (aadhaar, bank_code = 6-digit IIN, amount, pipe,
 * notify_customer, source_ip). current: Eko's current docs and real traffic (aadhar, bank_code = the
 * IFSC bank prefix, none of those four).
 */
export type SandboxEdition = 'spec' | 'current';

type FieldRule = { type: 'string' | 'number'; required: boolean };
const req = (type: 'string' | 'number'): FieldRule => ({ type, required: true });

/** The balance enquiry's body, per edition: exactly these fields. */
export const ENQUIRY_FIELDS: Record<SandboxEdition, Record<string, FieldRule>> = {
  spec: {
    initiator_id: req('string'),
    user_code: req('string'),
    client_ref_id: { type: 'string', required: false },
    bank_code: req('string'),
    amount: req('number'),
    aadhaar: req('string'),
    piddata: req('string'),
    pipe: req('number'),
    notify_customer: req('number'),
    latlong: req('string'),
    source_ip: req('string'),
  },
  current: {
    initiator_id: req('string'),
    user_code: req('string'),
    client_ref_id: { type: 'string', required: false },
    bank_code: req('string'),
    aadhar: req('string'),
    piddata: req('string'),
    latlong: req('string'),
  },
};

/** Daily authentication's body (PUT …/kyc/biometric/daily): exactly these fields, all strings. */
export const DAILY_AUTH_FIELDS: Record<string, FieldRule> = {
  initiator_id: req('string'),
  user_code: req('string'),
  customer_id: req('string'),
  aadhar: req('string'),
  latlong: req('string'),
  bank_code: req('string'),
  piddata: req('string'),
};

const MOBILE = /^[6-9]\d{9}$/;
const LATLONG = /^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/;

/** Why problems are collected: field name → Eko's message. */
type Problems = Record<string, string>;

type SignatureProblem = 'missing signature headers' | 'unknown developer_key' | 'bad timestamp' | 'timestamp outside the allowed window' | 'bad secret-key';

/** Eko's signature check: the developer key, a timestamp within `windowMs` of the sandbox's clock, the secret-key for it. */
export function signatureProblem(
  headers: http.IncomingHttpHeaders,
  keys: { developerKey: string; accessKey: string },
  nowMs: number,
  windowMs: number,
): SignatureProblem | null {
  const key = headers['developer_key'];
  const secret = headers['secret-key'];
  const ts = headers['secret-key-timestamp'];
  if (typeof key !== 'string' || typeof secret !== 'string' || typeof ts !== 'string') return 'missing signature headers';
  if (!sameSignature(key, keys.developerKey)) return 'unknown developer_key';
  if (!/^\d{10,16}$/.test(ts)) return 'bad timestamp';
  if (Math.abs(Number(ts) - nowMs) > windowMs) return 'timestamp outside the allowed window';
  if (!sameSignature(secret, ekoSecretKey(keys.accessKey, ts))) return 'bad secret-key';
  return null;
}

/** Eko takes JSON only (anything else → 415). */
export function isJsonContentType(headers: http.IncomingHttpHeaders): boolean {
  return /^application\/json\b/i.test(String(headers['content-type'] ?? ''));
}

/** The wallet-balance call's query. */
export function walletQueryProblems(query: Record<string, string>): Problems {
  const bad: Problems = {};
  if (!query.initiator_id) bad.initiator_id = 'Please provide initiator_id';
  if (query.customer_id_type !== 'mobile_number') bad.customer_id_type = 'Only mobile_number is supported';
  if (!MOBILE.test(query.customer_id ?? '')) bad.customer_id = 'Please provide valid mobile number';
  return bad;
}

/** The settlement-accounts call's query. */
export function accountsQueryProblems(query: Record<string, string>): Problems {
  const bad: Problems = {};
  if (!query.initiator_id) bad.initiator_id = 'Please provide initiator_id';
  if (!query.user_code) bad.user_code = 'Please provide user_code';
  return bad;
}

/**
 * Checks a body against exactly `rules`: a field not among them → "No key for Response" (the
 * whole answer); a missing or wrong-typed one → invalid_params (collected in `bad`).
 */
function checkFields(fields: Json, rules: Record<string, FieldRule>, bad: Problems): Reply | null {
  for (const name of Object.keys(fields)) if (!(name in rules)) return ok(NO_KEY_FOR_RESPONSE);
  for (const [name, rule] of Object.entries(rules)) {
    const value = fields[name];
    if (value === undefined) {
      if (rule.required) bad[name] = `${name} is required`;
    } else if (typeof value !== rule.type) {
      bad[name] = `${name} must be a ${rule.type}`;
    }
  }
  return null;
}

/** A checked body: the whole answer when Eko would refuse it as it stands ("No key for Response"), else its problems. */
type BodyCheck = { refused: Reply } | { fields: Json; bad: Problems };

function asObject(body: unknown): Json | null {
  return typeof body === 'object' && body !== null && !Array.isArray(body) ? (body as Json) : null;
}

/** A balance enquiry's body and the customer_id of its path, in the sandbox's edition. */
export function checkEnquiryBody(body: unknown, customerId: string, edition: SandboxEdition): BodyCheck {
  const fields = asObject(body);
  if (!fields) return { fields: {}, bad: { body: 'must be a JSON object' } };
  const bad: Problems = {};
  const noKey = checkFields(fields, ENQUIRY_FIELDS[edition], bad);
  if (noKey) return { refused: noKey };
  if (!MOBILE.test(customerId)) bad.customer_id = 'Please provide valid mobile number';
  if (edition === 'spec') {
    if (fields.amount !== undefined && fields.amount !== 0) bad.amount = 'must be 0 for balance enquiry';
    if (typeof fields.pipe === 'number' && fields.pipe !== 0) bad.pipe = 'must be 0';
    if (typeof fields.notify_customer === 'number' && fields.notify_customer !== 0 && fields.notify_customer !== 1) bad.notify_customer = 'must be 0 or 1';
    if (typeof fields.bank_code === 'string' && !/^\d{6}$/.test(fields.bank_code)) bad.bank_code = 'Please provide valid bank code';
    if (typeof fields.source_ip === 'string' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(fields.source_ip)) bad.source_ip = 'must be an IPv4 address';
  }
  if (typeof fields.latlong === 'string' && !LATLONG.test(fields.latlong)) bad.latlong = 'must be latitude,longitude';
  if (typeof fields.client_ref_id === 'string' && !/^[A-Za-z0-9_-]{1,40}$/.test(fields.client_ref_id)) bad.client_ref_id = 'must be 1–40 letters, digits, - or _';
  return { fields, bad };
}

/** Daily authentication's body. */
export function checkDailyAuthBody(body: unknown): BodyCheck {
  const fields = asObject(body);
  if (!fields) return { fields: {}, bad: { body: 'must be a JSON object' } };
  const bad: Problems = {};
  const noKey = checkFields(fields, DAILY_AUTH_FIELDS, bad);
  if (noKey) return { refused: noKey };
  if (typeof fields.customer_id === 'string' && !MOBILE.test(fields.customer_id)) bad.customer_id = 'Please provide valid mobile number';
  if (typeof fields.latlong === 'string' && !LATLONG.test(fields.latlong)) bad.latlong = 'must be latitude,longitude';
  return { fields, bad };
}

/** Decrypts an RSA PKCS#1 v1.5 `aadhaar` field with the sandbox's private key; null when it does not decrypt. */
export function decryptAadhaar(privateKey: crypto.KeyObject, base64: string): string | null {
  // Node 20 refuses PKCS#1 v1.5 private decryption (CVE-2023-46809), so decrypt raw and unpad here.
  try {
    const raw = crypto.privateDecrypt({ key: privateKey, padding: crypto.constants.RSA_NO_PADDING }, Buffer.from(base64, 'base64'));
    if (raw[0] !== 0x00 || raw[1] !== 0x02) return null;
    const sep = raw.indexOf(0x00, 2);
    if (sep < 10) return null; // at least 8 bytes of non-zero padding
    return raw.subarray(sep + 1).toString('utf8');
  } catch {
    return null;
  }
}

/** The decrypted, valid Aadhaar number of an encrypted field; records why not in `bad`. */
export function aadhaarOf(fields: Json, name: string, bad: Problems, decrypt: (base64: string) => string | null): string | null {
  if (typeof fields[name] !== 'string') return null;
  const aadhaar = decrypt(fields[name]);
  if (aadhaar === null) bad[name] = 'could not be decrypted (wrong key or padding)';
  else if (!/^\d{12}$/.test(aadhaar) || !isValidAadhaar(aadhaar)) bad[name] = 'Please provide valid aadhaar number';
  else return aadhaar;
  return null;
}

/** A PID block UIDAI would refuse as malformed: not PidData, no encrypted (type X) Data, no device's mc. */
export function pidProblem(pid: string): boolean {
  if (!/<PidData[\s>]/.test(pid)) return true;
  if (!/<Data\b[^>]*\btype\s*=\s*["']X["']/.test(pid)) return true;
  return !/<DeviceInfo\b[^>]*\bmc\s*=\s*["'][^"']+["']/.test(pid);
}

/**
 * The marker of a capture made with a `wadh` (the RD simulator writes it): the base64-decoded
 * content of the PID's <Data> element contains "wadh=" followed by a non-empty value. Such a
 * capture fails daily authentication ("Authentication Failed. Invalid Biometric data.").
 */
export function pidCarriesWadh(pid: string): boolean {
  const m = /<Data\b[^>]*>([\s\S]*?)<\/Data>/.exec(pid);
  if (!m) return false;
  const marker = /wadh=[^\s&;"'<>]/;
  if (marker.test(m[1]!)) return true;
  return marker.test(Buffer.from(m[1]!.replace(/\s+/g, ''), 'base64').toString('latin1'));
}
