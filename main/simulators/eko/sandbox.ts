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
 *
 * One file per job: this one is the server (routing, state, start/close); ./checks.ts checks a
 * request, ./answers.ts shapes the replies, ./faults.ts says how a fault changes one.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import { parseBankList, type Bank } from '../../../app/domain/banks';
import {
  NOT_FOUND,
  STALE_TIMESTAMP,
  dailyAuthFailure,
  dailyAuthSuccess,
  dailyKycStatusAnswer,
  failure,
  htmlPage,
  invalid,
  istDay,
  notAadhaarShaped,
  ok,
  miniStatementAnswer,
  miniStatementRefusal,
  pendingAnswer,
  refusalAnswer,
  settlementAccountsAnswer,
  successAnswer,
  walletBalanceAnswer,
  type Reply,
  type TransactionView,
} from './answers';
import {
  aadhaarOf,
  accountsQueryProblems,
  checkDailyAuthBody,
  checkEnquiryBody,
  decryptAadhaar,
  isJsonContentType,
  pidCarriesWadh,
  pidProblem,
  signatureProblem,
  walletQueryProblems,
  type SandboxEdition,
} from './checks';
import { statementFor, DAILY_AUTH_REASONS, DEMO_MESSAGES, agentScenarioFor, derivedBalance, scenarioFor, type DemoScenario, type RefusalShape } from './demo-customers';
import { NO_FAULTS, faultApplies, faultyDelivery, forcedReply, type EkoSandboxFaults, type SandboxEndpoint } from './faults';

export type { SandboxEdition } from './checks';
export type { EkoSandboxFaults, SandboxEndpoint } from './faults';

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

/** PID hashes kept for the duplicate check (oldest dropped first). */
const PID_HASHES_KEPT = 10_000;

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

  const decrypt = (base64: string) => decryptAadhaar(privateKey, base64);

  function walletBalanceReply(query: Record<string, string>): Reply {
    const bad = walletQueryProblems(query);
    if (Object.keys(bad).length) return invalid(bad);
    if (query.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    return ok(walletBalanceAnswer(walletBalance, query.customer_id!));
  }

  function accountsReply(query: Record<string, string>): Reply {
    const bad = accountsQueryProblems(query);
    if (Object.keys(bad).length) return invalid(bad);
    if (query.initiator_id !== initiatorId) return failure(463, 'Initiator not found');
    if (query.user_code !== userCode) return failure(463, 'User not found');
    if (faults.accountsAsDailyKycStatus && faultApplies(faults, 'accounts')) return ok(dailyKycStatusAnswer(userCode));
    return ok(settlementAccountsAnswer());
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

  let lastTxn: SandboxTransaction | null = null;

  /** A balance enquiry or a mini statement: the same body, checks and customers; a statement answers its lines. */
  function enquiryReply(customerId: string, body: unknown, kind: 'balance' | 'statement'): Reply {
    const checked = checkEnquiryBody(body, customerId, edition);
    if ('refused' in checked) return checked.refused;
    const { fields, bad } = checked;
    let aadhaar = aadhaarOf(fields, edition === 'spec' ? 'aadhaar' : 'aadhar', bad, decrypt);
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
    // The lines are made now, from the number; the number itself is not kept.
    const statement = kind === 'statement' && txn.state === 'success' ? statementFor(aadhaar!, bankCode, at) : null;
    aadhaar = null;
    txns.set(txn, { bankName: bank?.name ?? null, echoRef: edition === 'spec' && sentRef !== undefined, balanceLater });
    transactions.set(clientRefId, txn);
    // A demo kiosk may run for weeks: keep the newest 10,000 (a Map iterates oldest first).
    if (transactions.size > 10_000) transactions.delete(transactions.keys().next().value!);
    lastTxn = txn;
    if (kind === 'statement') {
      if (txn.state === 'refused') return ok(miniStatementRefusal(txn.message));
      if (statement !== null) return ok(miniStatementAnswer(viewOf(txn, false), statement));
    }
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
    const checked = checkDailyAuthBody(body);
    if ('refused' in checked) return checked.refused;
    const { fields, bad } = checked;
    let aadhaar = aadhaarOf(fields, 'aadhar', bad, decrypt);
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
    m = /^\/customer\/collection\/aeps-fingpay\/mini-statement\/([^/]+)$/.exec(rest);
    if (method === 'POST' && m) return { endpoint: 'statement', param: decodeURIComponent(m[1]!) };
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
    const faulty = faultApplies(faults, target?.endpoint ?? null);

    lastTxn = null; // set by enquiryReply; everything from here to its read below is synchronous
    const reply = target ? answer(req, url.pathname, query, bodyText, target, faulty) : NOT_FOUND;
    const txn = lastTxn as SandboxTransaction | null;

    let busyNs = process.hrtime.bigint() - started;
    if (faulty && faults.latencyMs > 0) await sleep(faults.latencyMs);
    const resumed = process.hrtime.bigint();
    const delivery = faultyDelivery(faults, reply, faulty);
    if (delivery.kind === 'never') return; // the socket stays open; close() destroys it
    if (delivery.kind === 'reset') {
      const socket = req.socket as import('node:net').Socket & { resetAndDestroy?: () => void };
      if (socket.resetAndDestroy) socket.resetAndDestroy();
      else socket.destroy();
      return;
    }
    busyNs += process.hrtime.bigint() - resumed;
    const handlingMs = Number(busyNs) / 1e6;
    if (txn) txn.handlingMs = handlingMs;
    res.writeHead(delivery.status, {
      'content-type': `${delivery.contentType}; charset=utf-8`,
      'content-length': Buffer.byteLength(delivery.text),
      date: new Date(sandboxNow()).toUTCString(),
      'x-sandbox-handling-ms': handlingMs.toFixed(3),
    });
    res.end(delivery.text);
  }

  /** The answer to a routed request, in Eko's order: a forced refusal, content type, signature, then the call itself. */
  function answer(
    req: http.IncomingMessage,
    pathname: string,
    query: Record<string, string>,
    bodyText: string,
    target: { endpoint: SandboxEndpoint; param: string },
    faulty: boolean,
  ): Reply {
    if (faulty && faults.forceStatus !== null) return forcedReply(faults.forceStatus);
    if (!isJsonContentType(req.headers)) return htmlPage(415, '415 Unsupported Media Type');
    const problem = signatureProblem(req.headers, { developerKey, accessKey }, sandboxNow(), windowMs);
    if (problem === 'timestamp outside the allowed window') return STALE_TIMESTAMP;
    if (problem) return htmlPage(403, '403 Forbidden');
    let body: unknown = undefined;
    if (target.endpoint === 'enquiry' || target.endpoint === 'statement' || target.endpoint === 'dailyAuth') {
      try {
        body = JSON.parse(bodyText);
      } catch {
        body = null;
      }
    }
    if (options.captureRequests) {
      received.push({ method: req.method ?? '', path: pathname, query, headers: { ...req.headers }, body });
    }
    switch (target.endpoint) {
      case 'balance':
        return walletBalanceReply(query);
      case 'accounts':
        return accountsReply(query);
      case 'enquiry':
        return body === null ? invalid({ body: 'is not JSON' }) : enquiryReply(target.param, body, 'balance');
      case 'statement':
        return body === null ? invalid({ body: 'is not JSON' }) : enquiryReply(target.param, body, 'statement');
      case 'dailyAuth':
        return body === null ? invalid({ body: 'is not JSON' }) : dailyAuthReply(body);
      case 'inquiry':
        return faults.inquiryReply ? { status: 200, json: faults.inquiryReply } : inquiryReply(target.param, query);
    }
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
    decryptAadhaar: decrypt,
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

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
