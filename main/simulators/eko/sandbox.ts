/**
 * The Eko sandbox: a real HTTP server on 127.0.0.1 that behaves like Eko's API as the spec
 * pages (shared/spec/) describe it, for the demo profile and the tests. See ./README.md.
 *
 * It checks what Eko checks (path → 404, signature and timestamp window → 403, content
 * type → 415, every body field → invalid_params), decrypts the Aadhaar number with its own
 * RSA key pair, answers with the spec's shapes, and can be told to misbehave (setFaults).
 * It keeps no clear Aadhaar number: only the last 4 digits of each transaction.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { isValidAadhaar } from '../../../app/domain/aadhaar';
import { ekoSecretKey, sameSignature } from '../../services/eko/signing';
import { DEMO_MESSAGES, derivedBalance, scenarioFor, type DemoScenario } from './demo-customers';

export type SandboxEndpoint = 'balance' | 'accounts' | 'enquiry' | 'inquiry';

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
  /** The sandbox's clock runs this far ahead of the PC's, ms (its Date header and timestamp check). */
  clockOffsetMs: number;
  /** Never answer (the enquiry is processed; the socket stays open until the client gives up). */
  neverAnswer: boolean;
  /** Refuse before any processing with this HTTP status and an HTML page (e.g. 403, 404, 415, 429); null: off. */
  forceStatus: number | null;
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
  only: null,
};

export interface EkoSandboxOptions {
  port?: number;
  faults?: Partial<EkoSandboxFaults>;
  /** An awaited/on-hold enquiry resolves to success on the first inquiry at least this long after it. Default 0: the next inquiry. */
  awaitedResolveMs?: number;
  initiatorId?: string;
  userCode?: string;
  developerKey?: string;
  accessKey?: string;
  /** How far secret-key-timestamp may be from the sandbox's clock, ms. Default 30 s. */
  timestampWindowMs?: number;
  /** The wallet balance as Eko sends it. Default the spec's "2.20834002375E9". */
  walletBalance?: string;
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
  balance: string | null;
  message: string;
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

export interface EkoSandbox {
  baseUrl: string;
  developerKey: string;
  accessKey: string;
  /** Base64 SubjectPublicKeyInfo DER: what KIOSK_EKO_AADHAAR_KEY / aadhaarPublicKey take. */
  aadhaarPublicKey: string;
  initiatorId: string;
  userCode: string;
  faults(): EkoSandboxFaults;
  setFaults(faults: Partial<EkoSandboxFaults>): void;
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

const BANK_NAMES: Record<string, string> = {
  '607094': 'State Bank of India',
  '607027': 'Punjab National Bank',
  '607161': 'Union Bank of India',
  '607105': 'Indian Bank',
  '508505': 'Bank of India',
  '607396': 'Canara Bank',
  '607153': 'Axis Bank',
  '607152': 'HDFC Bank',
};

const ENQUIRY_FIELDS: Record<string, { type: 'string' | 'number'; required: boolean }> = {
  initiator_id: { type: 'string', required: true },
  user_code: { type: 'string', required: true },
  client_ref_id: { type: 'string', required: false },
  bank_code: { type: 'string', required: true },
  amount: { type: 'number', required: true },
  aadhaar: { type: 'string', required: true },
  piddata: { type: 'string', required: true },
  pipe: { type: 'number', required: true },
  notify_customer: { type: 'number', required: true },
  latlong: { type: 'string', required: true },
  source_ip: { type: 'string', required: true },
};

type Json = Record<string, unknown>;
interface Reply {
  status: number;
  json?: Json;
  text?: string;
  contentType?: string;
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
  const windowMs = options.timestampWindowMs ?? 30_000;
  const awaitedResolveMs = options.awaitedResolveMs ?? 0;
  const walletBalance = options.walletBalance ?? '2.20834002375E9';
  recordSuiteSecrets('eko-sandbox', [developerKey, accessKey]);
  let faults: EkoSandboxFaults = { ...NO_FAULTS, ...options.faults };
  const transactions = new Map<string, SandboxTransaction>();
  const received: ReceivedRequest[] = [];
  let requests = 0;
  let tidCounter = 0;

  const sandboxNow = () => Date.now() + faults.clockOffsetMs;

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

  function walletBalanceReply(query: Record<string, string>): Reply {
    const bad: Record<string, string> = {};
    if (!query.initiator_id) bad.initiator_id = 'Please provide initiator_id';
    if (query.customer_id_type !== 'mobile_number') bad.customer_id_type = 'Only mobile_number is supported';
    if (!/^[6-9]\d{9}$/.test(query.customer_id ?? '')) bad.customer_id = 'Please provide valid mobile number';
    if (Object.keys(bad).length) return invalid(bad);
    if (query.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    return {
      status: 200,
      json: {
        response_status_id: -1,
        data: { last_used_okekey: '0', balance: walletBalance, currency: 'INR', customer_id: query.customer_id },
        response_type_id: 1,
        message: 'SUCCESS',
        status: 0,
      },
    };
  }

  function accountsReply(query: Record<string, string>): Reply {
    const bad: Record<string, string> = {};
    if (!query.initiator_id) bad.initiator_id = 'Please provide initiator_id';
    if (!query.user_code) bad.user_code = 'Please provide user_code';
    if (Object.keys(bad).length) return invalid(bad);
    if (query.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    if (query.user_code !== userCode) return failure(463, 'User not found');
    return {
      status: 200,
      json: {
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
      },
    };
  }

  function failure(status: number, message: string): Reply {
    return { status: 200, json: { response_status_id: 1, response_type_id: 1464, message, status } };
  }

  function pidProblem(pid: string): boolean {
    if (!/<PidData[\s>]/.test(pid)) return true;
    if (!/<Data\b[^>]*\btype\s*=\s*["']X["']/.test(pid)) return true;
    return !/<DeviceInfo\b[^>]*\bmc\s*=\s*["'][^"']+["']/.test(pid);
  }

  let lastTxn: SandboxTransaction | null = null;

  function enquiryReply(customerId: string, body: unknown): Reply {
    if (typeof body !== 'object' || body === null || Array.isArray(body)) return invalid({ body: 'must be a JSON object' });
    const fields = body as Json;
    const bad: Record<string, string> = {};
    if (!/^[6-9]\d{9}$/.test(customerId)) bad.customer_id = 'Please provide valid mobile number';
    for (const [name, rule] of Object.entries(ENQUIRY_FIELDS)) {
      const value = fields[name];
      if (value === undefined) {
        if (rule.required) bad[name] = `${name} is required`;
      } else if (typeof value !== rule.type) {
        bad[name] = `${name} must be a ${rule.type}`;
      }
    }
    // Stricter than Eko (which ignores extras): catches a client that sends the newer `aadhar` or anything else.
    for (const name of Object.keys(fields)) if (!(name in ENQUIRY_FIELDS)) bad[name] = 'is not a field of this API';
    if (fields.amount !== undefined && fields.amount !== 0) bad.amount = 'must be 0 for balance enquiry';
    if (typeof fields.pipe === 'number' && fields.pipe !== 0) bad.pipe = 'must be 0';
    if (typeof fields.notify_customer === 'number' && fields.notify_customer !== 0 && fields.notify_customer !== 1) bad.notify_customer = 'must be 0 or 1';
    if (typeof fields.bank_code === 'string' && !/^[A-Za-z0-9]{4,11}$/.test(fields.bank_code)) bad.bank_code = 'Please provide valid bank code';
    if (typeof fields.latlong === 'string' && !/^-?\d{1,2}(\.\d+)?,-?\d{1,3}(\.\d+)?$/.test(fields.latlong)) bad.latlong = 'must be latitude,longitude';
    if (typeof fields.source_ip === 'string' && !/^\d{1,3}(\.\d{1,3}){3}$/.test(fields.source_ip)) bad.source_ip = 'must be an IPv4 address';
    if (typeof fields.client_ref_id === 'string' && !/^[A-Za-z0-9_-]{1,40}$/.test(fields.client_ref_id)) bad.client_ref_id = 'must be 1–40 letters, digits, - or _';
    let aadhaar: string | null = null;
    if (typeof fields.aadhaar === 'string') {
      aadhaar = decryptAadhaar(fields.aadhaar);
      if (aadhaar === null) bad.aadhaar = 'could not be decrypted (wrong key or padding)';
      else if (!isValidAadhaar(aadhaar) || !/^\d{12}$/.test(aadhaar)) bad.aadhaar = 'Please provide valid aadhaar number';
    }
    if (Object.keys(bad).length) return invalid(bad);
    if (fields.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    if (fields.user_code !== userCode) return failure(463, 'User not found');

    const clientRefId = (fields.client_ref_id as string | undefined) ?? `SBX${Date.now()}${tidCounter}`;
    if (transactions.has(clientRefId)) return failure(347, 'Duplicate client_ref_id: a transaction with this reference exists');

    const bankCode = fields.bank_code as string;
    const tid = `EKO${String(sandboxNow())}${String(++tidCounter).padStart(4, '0')}`;
    const scenario: DemoScenario = pidProblem(fields.piddata as string)
      ? { kind: 'refused', reason: 'other', message: DEMO_MESSAGES.invalidPid, style: 'txFail' }
      : scenarioFor(aadhaar!);
    const txn: SandboxTransaction = {
      clientRefId,
      tid,
      at: sandboxNow(),
      bankCode,
      aadhaarLast4: aadhaar!.slice(-4),
      state: scenario.kind === 'success' ? 'success' : scenario.kind,
      balance: scenario.kind === 'success' ? scenario.balance : scenario.kind === 'refused' ? null : derivedBalance(aadhaar!),
      message: scenario.kind === 'refused' ? scenario.message : '',
      inquiries: 0,
      handlingMs: 0,
    };
    aadhaar = null;
    transactions.set(clientRefId, txn);
    // A demo kiosk may run for weeks: keep the newest 10,000 (a Map iterates oldest first).
    if (transactions.size > 10_000) transactions.delete(transactions.keys().next().value!);
    lastTxn = txn;
    return transactionReply(txn, scenario.kind === 'refused' ? scenario.style : 'status');
  }


  function transactionReply(txn: SandboxTransaction, style: 'status' | 'txFail'): Reply {
    const bankName = BANK_NAMES[txn.bankCode];
    const base = { tid: txn.tid, client_ref_id: txn.clientRefId, ...(bankName ? { bank_name: bankName } : {}) };
    switch (txn.state) {
      case 'success':
        return {
          status: 200,
          json: {
            status: 0,
            response_status_id: 0,
            response_type_id: 1466,
            message: 'Balance Enquiry successful',
            tx_status: '0',
            txstatus_desc: 'Success',
            data: {
              ...base,
              tx_status: '0',
              txstatus_desc: 'Success',
              balance: txn.balance,
              bank_ref_num: `NPCI${txn.tid.slice(-10)}`,
              aadhaar_ref_num: `UIDAI${txn.tid.slice(-9)}`,
            },
          },
        };
      case 'awaited':
      case 'onHold': {
        const code = txn.state === 'awaited' ? 2 : 5;
        const desc = txn.state === 'awaited' ? 'Initiated' : 'On Hold';
        return {
          status: 200,
          json: {
            status: 0,
            response_status_id: code,
            response_type_id: 1466,
            message: 'Transaction awaiting response from bank',
            tx_status: String(code),
            txstatus_desc: desc,
            data: { ...base, tx_status: String(code), txstatus_desc: desc },
          },
        };
      }
      case 'refused':
        return {
          status: 200,
          json: {
            // Two shapes Eko uses: a non-zero status, or status 0 with a failed transaction.
            status: style === 'status' ? 1 : 0,
            response_status_id: 1,
            response_type_id: 1464,
            message: txn.message,
            tx_status: '1',
            txstatus_desc: 'Failed',
            data: { ...base, tx_status: '1', txstatus_desc: 'Failed' },
          },
        };
    }
  }

  function inquiryReply(ref: string, query: Record<string, string>): Reply {
    if (!query.initiator_id) return invalid({ initiator_id: 'Please provide initiator_id' });
    const txn = transactions.get(ref);
    if (!txn) return failure(1, 'Transaction not found');
    txn.inquiries++;
    if ((txn.state === 'awaited' || txn.state === 'onHold') && sandboxNow() - txn.at >= awaitedResolveMs) {
      txn.state = 'success';
    }
    return transactionReply(txn, 'txFail');
  }

  function route(method: string, path: string): { endpoint: SandboxEndpoint; param: string } | null {
    if (!path.startsWith(`${SANDBOX_BASE_PATH}/`)) return null;
    const rest = path.slice(SANDBOX_BASE_PATH.length);
    if (method === 'GET' && rest === '/user/account/balance') return { endpoint: 'balance', param: '' };
    if (method === 'GET' && rest === '/user/payment/aeps/settlement/accounts') return { endpoint: 'accounts', param: '' };
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
        if (target.endpoint === 'enquiry') {
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
    faults: () => ({ ...faults }),
    setFaults(next) {
      faults = { ...faults, ...next };
    },
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
