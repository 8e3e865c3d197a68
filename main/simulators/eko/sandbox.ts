/**
 * The Eko sandbox: a real HTTP server on 127.0.0.1 that behaves like Eko's AePS API as it really
 * answers (shared/reference/eko-real-world.md, shared/corpus/eko/), for the demo profile and the
 * tests. See ./README.md. It must never be kinder than Eko.
 *
 * It checks what Eko checks (path → 404, signature and timestamp window → 403, content type →
 * 415, a body field the request edition does not have → "No key for Response", every field's
 * presence and type → invalid_params), decrypts the Aadhaar number with its own RSA key pair,
 * keeps the agent's daily authentication (refusing every enquiry until today's passed), refuses a
 * PID block it has seen before, answers in the real shapes, and can be told to misbehave
 * (setFaults). It keeps no clear Aadhaar number (only the last 4 digits of each transaction) and
 * no PID block (only SHA-256 hashes, a bounded set).
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { isValidAadhaar } from '../../../app/domain/aadhaar';
import { parseBankList, type Bank } from '../../../app/domain/banks';
import { ekoSecretKey, sameSignature } from '../../protocol/eko-signing';
import {
  NO_KEY_FOR_RESPONSE,
  dailyAuthFailure,
  dailyAuthSuccess,
  dailyKycStatusAnswer,
  istDay,
  pendingAnswer,
  refusalAnswer,
  successAnswer,
  type TransactionView,
} from './answers';
import { DAILY_AUTH_REASONS, DEMO_MESSAGES, agentScenarioFor, derivedBalance, scenarioFor, type DemoScenario, type RefusalShape } from './demo-customers';

export type SandboxEndpoint = 'balance' | 'accounts' | 'enquiry' | 'inquiry' | 'dailyAuth';

/**
 * Which generation of Eko's AePS request the sandbox accepts (shared/reference/eko-real-world.md,
 * "Two editions"). spec: the spec pages' body (aadhaar, bank_code = 6-digit IIN, amount, pipe,
 * notify_customer, source_ip). current: Eko's current docs and real traffic (aadhar, bank_code = the
 * IFSC bank prefix, none of those four).
 */
export type SandboxEdition = 'spec' | 'current';

export interface EkoSandboxFaults {
  /** Added before every answer, ms. */
  latencyMs: number;
  /** Answer HTTP 500 with an HTML page (the enquiry is processed first, as a real server may). */
  serverError: boolean;
  /** Answer HTTP 200 with an HTML error page (a proxy or gateway page). */
  htmlPage: boolean;
  /** Answer HTTP 200 with the JSON cut in half (Content-Length matches the cut body). */
  truncatedJson: boolean;
  /** Answer HTTP 200 with the right fields but wrong types (status as an object, tx_status and amounts as lists). */
  wrongTypes: boolean;
  /** Answer every transaction inquiry with this JSON (HTTP 200) instead of looking the reference up; null: off. */
  inquiryReply: Record<string, unknown> | null;
  /** Reset the connection instead of answering (after processing the enquiry). */
  resetConnection: boolean;
  /** The sandbox's clock runs this far ahead of the PC's, ms (its Date header, timestamp check and Indian day). */
  clockOffsetMs: number;
  /** Never answer (the enquiry is processed; the socket stays open until the client gives up). */
  neverAnswer: boolean;
  /** Refuse before any processing with this HTTP status and an HTML page (e.g. 403, 404, 415, 429); null: off. */
  forceStatus: number | null;
  /** The settlement-accounts call answers the daily-KYC status shape (response_type_id 1969) instead of the list, as seen live. */
  accountsAsDailyKycStatus: boolean;
  /** Endpoints the faults apply to; null: all. */
  only: SandboxEndpoint[] | null;
}

export const NO_FAULTS: EkoSandboxFaults = {
  latencyMs: 0,
  serverError: false,
  htmlPage: false,
  truncatedJson: false,
  wrongTypes: false,
  inquiryReply: null,
  resetConnection: false,
  clockOffsetMs: 0,
  neverAnswer: false,
  forceStatus: null,
  accountsAsDailyKycStatus: false,
  only: null,
};

export interface EkoSandboxOptions {
  port?: number;
  faults?: Partial<EkoSandboxFaults>;
  /** The request edition it accepts. Default 'spec'. */
  edition?: SandboxEdition;
  /**
   * true: the sandbox keeps no daily-authentication state at all (never asks for it, FP069 clears
   * nothing): for tests that are not about it. Default false: every enquiry is refused with
   * "Please do 2fa before initiating transaction" until today's daily authentication passed.
   */
  dailyAuthDone?: boolean;
  /** Refuse a PID block it has seen before with "Duplicate Biometric data.", as Eko does. Default true. */
  refuseDuplicatePid?: boolean;
  /** An awaited/on-hold enquiry resolves to success on the first inquiry at least this long after it. Default 0: the next inquiry. */
  awaitedResolveMs?: number;
  initiatorId?: string;
  userCode?: string;
  /** The agent's registered mobile: daily authentication's customer_id. Default the initiator id. */
  agentMobile?: string;
  developerKey?: string;
  accessKey?: string;
  /** How far secret-key-timestamp may be from the sandbox's clock, ms. Default 30 s. */
  timestampWindowMs?: number;
  /**
   * The agent's wallet (E-value) as Eko sends it: the wallet call's balance and every transaction
   * answer's `balance` (a balance enquiry debits nothing). Default the spec's "2.20834002375E9".
   */
  walletBalance?: string;
  /** Where assets/aeps-banks.tsv is. Default: ./assets of the working directory, then Electron's resources. */
  assetsDir?: string;
  /** Keep every request's body in `received` (tests only: it holds encrypted Aadhaar and PID data). */
  captureRequests?: boolean;
}

export interface SandboxTransaction {
  clientRefId: string;
  tid: string;
  /** ms since epoch (sandbox clock). */
  at: number;
  bankCode: string;
  aadhaarLast4: string;
  state: 'success' | 'refused' | 'awaited' | 'onHold';
  /** The customer's bank balance: "" when the bank gave none, null when refused or not known yet. */
  balance: string | null;
  /** The refusal's reason (data.comment); "" otherwise. */
  message: string;
  /** The shape the enquiry's refusal was answered in (an inquiry answers every refusal as the transaction record). */
  refusalShape: RefusalShape | null;
  inquiries: number;
  /** Time the sandbox spent on the request, ms (excludes injected latency). */
  handlingMs: number;
}

export interface ReceivedRequest {
  method: string;
  path: string;
  query: Record<string, string>;
  headers: http.IncomingHttpHeaders;
  body: unknown;
}

export interface DailyAuthState {
  /** The sandbox keeps no daily-auth state (option dailyAuthDone: true, or setDailyAuthDone('always')). */
  always: boolean;
  /** The Indian day (YYYY-MM-DD) of the last successful daily authentication not since cleared; null: none. */
  day: string | null;
  /** Whether an enquiry now would pass the daily-authentication check. */
  doneToday: boolean;
}

export interface EkoSandbox {
  baseUrl: string;
  developerKey: string;
  accessKey: string;
  /** Base64 SubjectPublicKeyInfo DER: what KIOSK_EKO_AADHAAR_KEY / aadhaarPublicKey take. */
  aadhaarPublicKey: string;
  initiatorId: string;
  userCode: string;
  agentMobile: string;
  edition: SandboxEdition;
  faults(): EkoSandboxFaults;
  setFaults(faults: Partial<EkoSandboxFaults>): void;
  /** true: today's (Indian day, sandbox clock) daily authentication is done; false: not; 'always': keep no state. */
  setDailyAuthDone(done: boolean | 'always'): void;
  dailyAuth(): DailyAuthState;
  transactions: ReadonlyMap<string, SandboxTransaction>;
  /** Only filled with captureRequests. */
  received: ReceivedRequest[];
  /** Every request it was sent, answered or refused (signature, path, content type). */
  requestCount(): number;
  /** Decrypts an `aadhaar` field with the sandbox's private key (tests). null when it does not decrypt. */
  decryptAadhaar(base64: string): string | null;
  /** What an Eko client needs to talk to this sandbox (the rest of its config is the kiosk's own). */
  clientCredentials(): { baseUrl: string; developerKey: string; accessKey: string; aadhaarPublicKey: string; initiatorId: string; userCode: string };
  /** The same as the KIOSK_EKO_* variables that point a kiosk at this sandbox. */
  kioskEnv(): Record<'KIOSK_EKO_BASE_URL' | 'KIOSK_EKO_DEVELOPER_KEY' | 'KIOSK_EKO_ACCESS_KEY' | 'KIOSK_EKO_INITIATOR_ID' | 'KIOSK_EKO_USER_CODE' | 'KIOSK_EKO_AADHAAR_KEY', string>;
  close(): Promise<void>;
}

export const SANDBOX_BASE_PATH = '/ekoapi/v3';

/**
 * Test runs only: when this variable names a file, every sandbox appends its keys to it (one JSON
 * line), so the browser suite's privacy scan knows every key it must not find in a data dir.
 * The file must lie outside every kiosk data dir.
 */
export const TEST_SECRETS_FILE_ENV = 'KIOSK_TEST_SECRETS_FILE';

/** Appends secrets to the run's secrets file (named by TEST_SECRETS_FILE_ENV); nothing when it is not set. */
export function recordSuiteSecrets(source: string, secrets: readonly string[]): void {
  const file = process.env[TEST_SECRETS_FILE_ENV];
  const values = secrets.filter((s) => s.length > 0);
  if (file && values.length > 0) fs.appendFileSync(file, `${JSON.stringify({ source, secrets: values })}\n`);
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
/** PID hashes kept for the duplicate check (oldest dropped first). */
const PID_HASHES_KEPT = 10_000;

type Json = Record<string, unknown>;
interface Reply {
  status: number;
  json?: Json;
  text?: string;
  contentType?: string;
}

/** Reads assets/aeps-banks.tsv: from assetsDir, else the working directory's assets/, else Electron's resources. */
function loadBanks(assetsDir: string | undefined): Bank[] {
  const resources = (process as { resourcesPath?: string }).resourcesPath;
  const dirs = assetsDir
    ? [assetsDir]
    : [path.resolve('assets'), ...(resources ? [path.join(resources, 'app.asar', 'assets'), path.join(resources, 'app', 'assets')] : [])];
  for (const dir of dirs) {
    const file = path.join(dir, 'aeps-banks.tsv');
    if (fs.existsSync(file)) return parseBankList(fs.readFileSync(file, 'utf8'));
  }
  throw new Error(`Eko sandbox: aeps-banks.tsv not found in ${dirs.join(', ')} (set the assetsDir option)`);
}

export async function startEkoSandbox(options: EkoSandboxOptions = {}): Promise<EkoSandbox> {
  const { publicKey, privateKey } = await new Promise<{ publicKey: crypto.KeyObject; privateKey: crypto.KeyObject }>((resolve, reject) =>
    crypto.generateKeyPair('rsa', { modulusLength: 1024, publicExponent: 65537 }, (err, pub, priv) =>
      err ? reject(err) : resolve({ publicKey: pub, privateKey: priv }),
    ),
  );
  const aadhaarPublicKey = publicKey.export({ type: 'spki', format: 'der' }).toString('base64');
  const developerKey = options.developerKey ?? crypto.randomBytes(16).toString('hex');
  const accessKey = options.accessKey ?? crypto.randomUUID();
  const initiatorId = options.initiatorId ?? '9962981729';
  const userCode = options.userCode ?? '20810200';
  const agentMobile = options.agentMobile ?? initiatorId;
  const edition: SandboxEdition = options.edition ?? 'spec';
  const windowMs = options.timestampWindowMs ?? 30_000;
  const awaitedResolveMs = options.awaitedResolveMs ?? 0;
  const walletBalance = options.walletBalance ?? '2.20834002375E9';
  const refuseDuplicatePid = options.refuseDuplicatePid ?? true;
  const banks = loadBanks(options.assetsDir);
  const bankByIin = new Map(banks.map((b) => [b.iin, b]));
  const bankByIfsc = new Map(banks.filter((b) => b.ifsc !== null).map((b) => [b.ifsc!, b]));
  recordSuiteSecrets('eko-sandbox', [developerKey, accessKey]);
  let faults: EkoSandboxFaults = { ...NO_FAULTS, ...options.faults };
  const transactions = new Map<string, SandboxTransaction>();
  const received: ReceivedRequest[] = [];
  /** SHA-256 of every PID block that reached "UIDAI" (never the PID itself). */
  const pidHashes = new Set<string>();
  /** Attempts per alternating demo scenario (keyed by the scenario object: no Aadhaar number kept). */
  const attempts = new Map<DemoScenario, number>();
  /** What the answers need beyond SandboxTransaction (kept out of the public record). */
  const txns = new WeakMap<SandboxTransaction, { bankName: string | null; echoRef: boolean; balanceLater: string | null }>();

  /** 'always': no state kept; a day: today's authentication passed on that Indian day; null: not done. */
  let authDay: string | 'always' | null = options.dailyAuthDone ? 'always' : null;
  let requests = 0;
  let tidCounter = 0;
  const tidBase = 3_570_000_000 + crypto.randomInt(1_000_000) * 100;

  const sandboxNow = () => Date.now() + faults.clockOffsetMs;
  const dailyAuthDoneNow = () => authDay === 'always' || authDay === istDay(sandboxNow());

  function decryptAadhaar(base64: string): string | null {
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

  function signatureProblem(headers: http.IncomingHttpHeaders): string | null {
    const key = headers['developer_key'];
    const secret = headers['secret-key'];
    const ts = headers['secret-key-timestamp'];
    if (typeof key !== 'string' || typeof secret !== 'string' || typeof ts !== 'string') return 'missing signature headers';
    if (!sameSignature(key, developerKey)) return 'unknown developer_key';
    if (!/^\d{10,16}$/.test(ts)) return 'bad timestamp';
    if (Math.abs(Number(ts) - sandboxNow()) > windowMs) return 'timestamp outside the allowed window';
    if (!sameSignature(secret, ekoSecretKey(accessKey, ts))) return 'bad secret-key';
    return null;
  }

  const invalid = (params: Record<string, string>): Reply => ({
    status: 200,
    json: { response_status_id: 1, invalid_params: params, response_type_id: -1, message: 'Invalid Params', status: 1 },
  });
  const ok = (json: Json): Reply => ({ status: 200, json });

  function walletBalanceReply(query: Record<string, string>): Reply {
    const bad: Record<string, string> = {};
    if (!query.initiator_id) bad.initiator_id = 'Please provide initiator_id';
    if (query.customer_id_type !== 'mobile_number') bad.customer_id_type = 'Only mobile_number is supported';
    if (!MOBILE.test(query.customer_id ?? '')) bad.customer_id = 'Please provide valid mobile number';
    if (Object.keys(bad).length) return invalid(bad);
    if (query.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    return ok({
      response_status_id: -1,
      data: { last_used_okekey: '0', balance: walletBalance, currency: 'INR', customer_id: query.customer_id },
      response_type_id: 1,
      message: 'SUCCESS',
      status: 0,
    });
  }

  function accountsReply(query: Record<string, string>): Reply {
    const bad: Record<string, string> = {};
    if (!query.initiator_id) bad.initiator_id = 'Please provide initiator_id';
    if (!query.user_code) bad.user_code = 'Please provide user_code';
    if (Object.keys(bad).length) return invalid(bad);
    if (query.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    if (query.user_code !== userCode) return failure(463, 'User not found');
    if (faults.accountsAsDailyKycStatus && (faults.only === null || faults.only.includes('accounts'))) return ok(dailyKycStatusAnswer(userCode));
    return ok({
      response_status_id: -1,
      data: {
        unsettled_fund: '6100.0',
        remaining_limit: '190000',
        fund_transfer_list: [
          { name: 'Gaurav Mallik', ifsc: 'PUNB0309300', account: '9989834392752938', recipient_id: '1828' },
          { name: 'Gaurav Mallik', ifsc: 'BKID0006701', account: '987867867967969', recipient_id: '1829' },
        ],
      },
      response_type_id: 1321,
      message: 'List of fund transfer recipients',
      status: 0,
    });
  }

  function failure(status: number, message: string): Reply {
    return ok({ response_status_id: 1, response_type_id: 1464, message, status });
  }

  function pidProblem(pid: string): boolean {
    if (!/<PidData[\s>]/.test(pid)) return true;
    if (!/<Data\b[^>]*\btype\s*=\s*["']X["']/.test(pid)) return true;
    return !/<DeviceInfo\b[^>]*\bmc\s*=\s*["'][^"']+["']/.test(pid);
  }

  /** true when this PID block was seen before; remembers its hash otherwise. */
  function seenPid(pid: string): boolean {
    if (!refuseDuplicatePid) return false;
    const hash = crypto.createHash('sha256').update(pid, 'utf8').digest('hex');
    if (pidHashes.has(hash)) return true;
    pidHashes.add(hash);
    if (pidHashes.size > PID_HASHES_KEPT) pidHashes.delete(pidHashes.values().next().value!);
    return false;
  }

  /**
   * Checks a body against exactly `rules`: a field not among them → "No key for Response" (the
   * whole answer); a missing or wrong-typed one → invalid_params (collected in `bad`).
   */
  function checkFields(fields: Json, rules: Record<string, FieldRule>, bad: Record<string, string>): Reply | null {
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

  /** The decrypted, valid Aadhaar number of an encrypted field; records why not in `bad`. */
  function aadhaarOf(fields: Json, name: string, bad: Record<string, string>): string | null {
    if (typeof fields[name] !== 'string') return null;
    const aadhaar = decryptAadhaar(fields[name]);
    if (aadhaar === null) bad[name] = 'could not be decrypted (wrong key or padding)';
    else if (!/^\d{12}$/.test(aadhaar) || !isValidAadhaar(aadhaar)) bad[name] = 'Please provide valid aadhaar number';
    else return aadhaar;
    return null;
  }

  let lastTxn: SandboxTransaction | null = null;

  function enquiryReply(customerId: string, body: unknown): Reply {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid({ body: 'must be a JSON object' });
    const fields = body as Json;
    const bad: Record<string, string> = {};
    const noKey = checkFields(fields, ENQUIRY_FIELDS[edition], bad);
    if (noKey) return noKey;
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
    let aadhaar = aadhaarOf(fields, edition === 'spec' ? 'aadhaar' : 'aadhar', bad);
    if (Object.keys(bad).length) return invalid(bad);
    if (fields.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    if (fields.user_code !== userCode) return failure(463, 'User not found');

    const sentRef = fields.client_ref_id as string | undefined;
    const clientRefId = sentRef ?? `SBX${Date.now()}${tidCounter}`;
    if (transactions.has(clientRefId)) return failure(347, 'Duplicate client_ref_id: a transaction with this reference exists');

    const bankCode = fields.bank_code as string;
    const bank = (edition === 'spec' ? bankByIin : bankByIfsc).get(bankCode) ?? null;
    const pid = fields.piddata as string;
    const at = sandboxNow();
    const txn: SandboxTransaction = {
      clientRefId,
      tid: String(tidBase + ++tidCounter),
      at,
      bankCode,
      aadhaarLast4: aadhaar!.slice(-4),
      state: 'refused',
      balance: null,
      message: '',
      refusalShape: 'fail1467',
      inquiries: 0,
      handlingMs: 0,
    };
    const refuse = (message: string, shape: RefusalShape) => {
      txn.state = 'refused';
      txn.message = message;
      txn.refusalShape = shape;
    };
    const succeed = (balance: string) => {
      txn.state = 'success';
      txn.balance = balance;
      txn.refusalShape = null;
    };

    // In Eko's order as far as it is known: the agent's day first, then the bank, then UIDAI.
    if (!dailyAuthDoneNow()) refuse(DEMO_MESSAGES.dailyAuthMissing, 'fail1467');
    else if (bank === null) refuse(DEMO_MESSAGES.unknownBank, 'fail1467');
    else if (pidProblem(pid)) refuse(DEMO_MESSAGES.invalidPid, 'fail1467');
    else if (seenPid(pid)) refuse(DEMO_MESSAGES.duplicateBiometric, 'fail1467');
    else if (pidCarriesWadh(pid)) refuse(DAILY_AUTH_REASONS.invalidBiometric, 'fail1467');
    else {
      const scenario = scenarioFor(aadhaar!);
      switch (scenario.kind) {
        case 'success':
          succeed(scenario.balance);
          break;
        case 'refused':
          refuse(scenario.message, scenario.shape);
          if (scenario.clearsDailyAuth && authDay !== 'always') authDay = null;
          break;
        case 'firstCaptureRefused': {
          const n = (attempts.get(scenario) ?? 0) + 1;
          attempts.set(scenario, n);
          if (n % 2 === 1) refuse(scenario.message, scenario.shape);
          else succeed(scenario.balance);
          break;
        }
        case 'linkedOnly':
          if ((edition === 'spec' ? bank.iin === scenario.iin : bank.ifsc === scenario.ifsc)) succeed(scenario.balance);
          else refuse(scenario.message, scenario.shape);
          break;
        case 'awaited':
        case 'onHold':
          txn.state = scenario.kind;
          txn.refusalShape = null;
          break;
      }
    }
    const balanceLater = txn.state === 'awaited' || txn.state === 'onHold' ? derivedBalance(aadhaar!) : null;
    aadhaar = null;
    txns.set(txn, { bankName: bank?.name ?? null, echoRef: edition === 'spec' && sentRef !== undefined, balanceLater });
    transactions.set(clientRefId, txn);
    // A demo kiosk may run for weeks: keep the newest 10,000 (a Map iterates oldest first).
    if (transactions.size > 10_000) transactions.delete(transactions.keys().next().value!);
    lastTxn = txn;
    return transactionReply(txn, false);
  }

  function viewOf(txn: SandboxTransaction, inquiry: boolean): TransactionView {
    const extra = txns.get(txn);
    const digits = txn.tid.padStart(10, '0');
    return {
      tid: txn.tid,
      bankName: extra?.bankName ?? null,
      aadhaarLast4: txn.aadhaarLast4,
      userCode,
      bankRef: notAadhaarShaped(`62${digits}`),
      aadhaarRef: notAadhaarShaped(`43${digits}`),
      terminalId: 'SB160091',
      wallet: walletBalance,
      customerBalance: txn.balance ?? '',
      at: txn.at,
      // An inquiry (by client_ref_id) names the transaction it answers about; an enquiry echoes it in the spec edition only.
      clientRefId: inquiry || extra?.echoRef ? txn.clientRefId : null,
    };
  }

  /** An enquiry's answer, or a transaction inquiry's (success 1472; a refusal as the transaction record, tx_status "1"). */
  function transactionReply(txn: SandboxTransaction, inquiry: boolean): Reply {
    const view = viewOf(txn, inquiry);
    switch (txn.state) {
      case 'success':
        return ok(successAnswer(view, inquiry ? 1472 : 1466));
      case 'awaited':
        return ok(pendingAnswer(view, 2));
      case 'onHold':
        return ok(pendingAnswer(view, 5));
      case 'refused':
        return ok(refusalAnswer(inquiry ? 'fail1464' : (txn.refusalShape ?? 'fail1467'), txn.message, view));
    }
  }

  function inquiryReply(ref: string, query: Record<string, string>): Reply {
    if (!query.initiator_id) return invalid({ initiator_id: 'Please provide initiator_id' });
    const txn = transactions.get(ref);
    if (!txn) return failure(1, 'Transaction not found');
    txn.inquiries++;
    if ((txn.state === 'awaited' || txn.state === 'onHold') && sandboxNow() - txn.at >= awaitedResolveMs) {
      txn.state = 'success';
      txn.balance = txns.get(txn)?.balanceLater ?? '';
    }
    return transactionReply(txn, true);
  }

  function dailyAuthReply(body: unknown): Reply {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid({ body: 'must be a JSON object' });
    const fields = body as Json;
    const bad: Record<string, string> = {};
    const noKey = checkFields(fields, DAILY_AUTH_FIELDS, bad);
    if (noKey) return noKey;
    if (typeof fields.customer_id === 'string' && !MOBILE.test(fields.customer_id)) bad.customer_id = 'Please provide valid mobile number';
    if (typeof fields.latlong === 'string' && !LATLONG.test(fields.latlong)) bad.latlong = 'must be latitude,longitude';
    let aadhaar = aadhaarOf(fields, 'aadhar', bad);
    if (Object.keys(bad).length) return invalid(bad);
    if (fields.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    if (fields.user_code !== userCode) return failure(463, 'User not found');
    if (fields.customer_id !== agentMobile) return failure(463, 'Customer not found');
    const pid = fields.piddata as string;
    const scenario = agentScenarioFor(aadhaar!);
    aadhaar = null;
    if (!bankByIfsc.has(fields.bank_code as string)) return ok(dailyAuthFailure(DEMO_MESSAGES.unknownBank));
    if (pidProblem(pid) || pidCarriesWadh(pid)) return ok(dailyAuthFailure(DAILY_AUTH_REASONS.invalidBiometric));
    if (seenPid(pid)) return ok(dailyAuthFailure(DEMO_MESSAGES.duplicateBiometric));
    if (scenario.kind === 'refused') {
      const reason = DAILY_AUTH_REASONS[scenario.reason];
      // daily-kyc-fail-1.json repeats "Transaction Not Completed" in comment; fail-2 and -3 leave it empty.
      return ok(dailyAuthFailure(reason, scenario.reason === 'notCompleted' ? reason : ''));
    }
    if (authDay !== 'always') authDay = istDay(sandboxNow());
    return ok(dailyAuthSuccess());
  }

  function route(method: string, pathname: string): { endpoint: SandboxEndpoint; param: string } | null {
    if (!pathname.startsWith(`${SANDBOX_BASE_PATH}/`)) return null;
    const rest = pathname.slice(SANDBOX_BASE_PATH.length);
    if (method === 'GET' && rest === '/user/account/balance') return { endpoint: 'balance', param: '' };
    if (method === 'GET' && rest === '/user/payment/aeps/settlement/accounts') return { endpoint: 'accounts', param: '' };
    if (method === 'PUT' && rest === '/user/collection/aeps-fingpay/kyc/biometric/daily') return { endpoint: 'dailyAuth', param: '' };
    let m = /^\/customer\/collection\/aeps-fingpay\/balance-enquiry\/([^/]+)$/.exec(rest);
    if (method === 'POST' && m) return { endpoint: 'enquiry', param: decodeURIComponent(m[1]!) };
    m = /^\/tools\/reference\/transaction\/client_ref_id:([^/]+)$/.exec(rest);
    if (method === 'GET' && m) return { endpoint: 'inquiry', param: decodeURIComponent(m[1]!) };
    return null;
  }

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const started = process.hrtime.bigint();
    requests += 1;
    const url = new URL(req.url ?? '/', 'http://sandbox');
    const query = Object.fromEntries(url.searchParams);
    const bodyText = await readBody(req);
    const target = route(req.method ?? 'GET', url.pathname);
    const applies = (endpoint: SandboxEndpoint | null) => endpoint !== null && (faults.only === null || faults.only.includes(endpoint));
    const forced = target && applies(target.endpoint) ? faults.forceStatus : null;

    let reply: Reply;
    lastTxn = null; // set by enquiryReply; everything from here to its read below is synchronous
    if (!target) {
      reply = { status: 404, text: 'No Mapping Rule matched', contentType: 'text/plain' };
    } else if (forced !== null) {
      reply = { status: forced, text: html(`${forced} ${http.STATUS_CODES[forced] ?? 'Error'}`), contentType: 'text/html' };
    } else if (!/^application\/json\b/i.test(String(req.headers['content-type'] ?? ''))) {
      reply = { status: 415, text: html('415 Unsupported Media Type'), contentType: 'text/html' };
    } else {
      const problem = signatureProblem(req.headers);
      if (problem === 'timestamp outside the allowed window') {
        reply = { status: 403, json: { response_status_id: 1, message: 'Authentication failed: request timestamp is not valid', status: 403 } };
      } else if (problem) {
        reply = { status: 403, text: html('403 Forbidden'), contentType: 'text/html' };
      } else {
        let body: unknown = undefined;
        if (target.endpoint === 'enquiry' || target.endpoint === 'dailyAuth') {
          try {
            body = JSON.parse(bodyText);
          } catch {
            body = null;
          }
        }
        if (options.captureRequests) {
          received.push({ method: req.method ?? '', path: url.pathname, query, headers: { ...req.headers }, body });
        }
        switch (target.endpoint) {
          case 'balance':
            reply = walletBalanceReply(query);
            break;
          case 'accounts':
            reply = accountsReply(query);
            break;
          case 'enquiry':
            reply = body === null ? invalid({ body: 'is not JSON' }) : enquiryReply(target.param, body);
            break;
          case 'dailyAuth':
            reply = body === null ? invalid({ body: 'is not JSON' }) : dailyAuthReply(body);
            break;
          case 'inquiry':
            reply = faults.inquiryReply ? { status: 200, json: faults.inquiryReply } : inquiryReply(target.param, query);
            break;
        }
      }
    }

    const txn = lastTxn as SandboxTransaction | null;
    const faulty = applies(target?.endpoint ?? null);
    let busyNs = process.hrtime.bigint() - started;
    if (faulty && faults.latencyMs > 0) await sleep(faults.latencyMs);
    const resumed = process.hrtime.bigint();
    if (faulty && faults.neverAnswer) return; // the socket stays open; close() destroys it
    if (faulty && faults.resetConnection) {
      const socket = req.socket as import('node:net').Socket & { resetAndDestroy?: () => void };
      if (socket.resetAndDestroy) socket.resetAndDestroy();
      else socket.destroy();
      return;
    }
    if (faulty && faults.serverError) reply = { status: 500, text: html('500 Internal Server Error'), contentType: 'text/html' };
    else if (faulty && faults.htmlPage) reply = { status: 200, text: html('Service Temporarily Unavailable'), contentType: 'text/html' };

    if (faulty && faults.wrongTypes && reply.json) reply = { ...reply, json: wrongTyped(reply.json) };
    let text = reply.text ?? JSON.stringify(reply.json);
    if (faulty && faults.truncatedJson && reply.json) text = text.slice(0, Math.floor(text.length / 2));
    busyNs += process.hrtime.bigint() - resumed;
    const handlingMs = Number(busyNs) / 1e6;
    if (txn) txn.handlingMs = handlingMs;
    res.writeHead(reply.status, {
      'content-type': `${reply.contentType ?? 'application/json'}; charset=utf-8`,
      'content-length': Buffer.byteLength(text),
      date: new Date(sandboxNow()).toUTCString(),
      'x-sandbox-handling-ms': handlingMs.toFixed(3),
    });
    res.end(text);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) res.writeHead(500, { 'content-type': 'text/plain' });
      res.end('sandbox error');
    });
  });
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  const baseUrl = `http://127.0.0.1:${port}${SANDBOX_BASE_PATH}`;
  const clientCredentials = () => ({ baseUrl, developerKey, accessKey, aadhaarPublicKey, initiatorId, userCode });

  return {
    baseUrl,
    developerKey,
    accessKey,
    aadhaarPublicKey,
    initiatorId,
    userCode,
    agentMobile,
    edition,
    faults: () => ({ ...faults }),
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    setDailyAuthDone(done) {
      authDay = done === 'always' ? 'always' : done ? istDay(sandboxNow()) : null;
    },
    dailyAuth: () => ({ always: authDay === 'always', day: authDay === 'always' ? null : authDay, doneToday: dailyAuthDoneNow() }),
    transactions,
    received,
    requestCount: () => requests,
    decryptAadhaar,
    clientCredentials,
    kioskEnv: () => {
      const c = clientCredentials();
      return {
        KIOSK_EKO_BASE_URL: c.baseUrl,
        KIOSK_EKO_DEVELOPER_KEY: c.developerKey,
        KIOSK_EKO_ACCESS_KEY: c.accessKey,
        KIOSK_EKO_INITIATOR_ID: c.initiatorId,
        KIOSK_EKO_USER_CODE: c.userCode,
        KIOSK_EKO_AADHAAR_KEY: c.aadhaarPublicKey,
      };
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function readBody(req: http.IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > 256 * 1024) {
        req.destroy();
        reject(new Error('body too large'));
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

/** The same answer with its status, tx_status and amounts in types Eko never sends. */
function wrongTyped(json: Json): Json {
  const out: Json = { ...json };
  if ('status' in out) out.status = { value: out.status };
  if ('tx_status' in out) out.tx_status = [out.tx_status];
  if (out.data && typeof out.data === 'object' && !Array.isArray(out.data)) {
    const data: Json = { ...(out.data as Json) };
    for (const key of ['balance', 'customer_balance', 'tx_status']) if (key in data) data[key] = [data[key]];
    out.data = data;
  }
  return out;
}

function html(title: string): string {
  return `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><hr><center>nginx</center></body></html>`;
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/**
 * A 12-digit reference (RRN, UIDAI reference) that does not pass the Aadhaar checksum. Any 12
 * digits are a plausible RRN, and one in ten passes Verhoeff by chance: the test suite's privacy
 * scan would then read a demo reference in the journal as a leaked Aadhaar number.
 */
export function notAadhaarShaped(ref: string): string {
  if (!isValidAadhaar(ref)) return ref;
  const last = Number(ref.slice(-1));
  return `${ref.slice(0, -1)}${(last + 1) % 10}`;
}
