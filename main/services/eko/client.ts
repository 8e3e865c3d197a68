/**
 * Eko's AePS API client (shared/spec/: wallet balance, settlement accounts, balance enquiry,
 * plus transaction inquiry from the platform notes).
 *
 * - One place signs every request (send()), with Eko's clock (clock.ts).
 * - Every call has a deadline (an AbortController timer covering connect, TLS and the body).
 * - A billed operation (./operations.ts: balance enquiry, daily authentication) is built by
 *   prepare() and sent by send(), NEVER retried: each one uses a fingerprint and is billed.
 *   The operation runner journals between the two; this client never calls back into it.
 *   Whether the request left the PC is tracked exactly (the ClientRequest's 'finish' event),
 *   so "not sent" (KioskError eko.offline) is told apart from "sent, result unknown" (outcome
 *   unknown, with the client_ref_id for a transaction inquiry).
 * - The clear Aadhaar number is only used to encrypt and mask at the start of the call;
 *   nothing here keeps it, logs it or puts it in an error.
 */
import http from 'node:http';
import https from 'node:https';
import crypto from 'node:crypto';
import axios, { type AxiosInstance, type AxiosResponse } from 'axios';
import {
  KioskError,
  type EkoEdition,
  type EkoStatus,
  type EnquiryOutcome,
  type OperationKind,
  type RefusalReason,
  type SettlementAccounts,
  type SettlementBalance,
} from '../../../app/contract';
import { ConfigError, isLoopbackHost, type EkoConfig } from '../config/config';
import type { Logger } from '../log/logger';
import type { EkoFacade } from './facade';
import { createAadhaarEncryptor } from './aadhaar-crypto';
import { CLOCK_TOLERANCE_MS, createEkoClock } from './clock';
import {
  AccountsDataSchema,
  EnvelopeSchema,
  WalletDataSchema,
  describesTransaction,
  invalidParamFields,
  isDailyKycStatusAnswer,
  isNoKeyAnswer,
  looksLikeHtml,
  maskAccount,
  parseJson,
  readEnquiry,
  type Envelope,
} from './responses';
import { balanceEnquiryOperation, type EkoOperation, type EkoReply, type OperationCommon, type RequestContext } from './operations';
import { ekoHeaders } from '../../protocol/eko-signing';
import { TransportError } from '../transport-error';
import { TunnelingAgent, proxyFor } from './proxy-tunnel';
import { localIpv4 } from './source-ip';
import { maskNumbersInText } from '../../../app/domain/privacy';

/** What the client needs of the Eko settings (the shop's receipt texts are not its business). */
export type EkoClientConfig = Omit<EkoConfig, 'edition' | 'shopName' | 'shopAddress'> & { baseUrl: string; aadhaarPublicKey: string; edition?: EkoEdition };

export interface EkoClientOptions {
  /** This PC's clock (tests simulate a wrong one). */
  now?: () => number;
  /** The source_ip to send; default: this PC's first non-internal IPv4 address. */
  sourceIp?: string;
}

export interface BalanceEnquiryRequest {
  /** The customer's mobile: the path's customer_id. */
  customerMobile: string;
  /** The clear 12-digit number; encrypted and masked at the start of the call, then dropped. */
  aadhaar: string;
  bankIin: string;
  /** The bank's IFSC prefix: the current edition's bank_code. */
  bankIfsc?: string | null;
  /** Shown when Eko's answer does not name the bank. */
  bankName: string;
  /** The captured PID XML, sent untouched. */
  pidXml: string;
  /** Default: a new one (KSK + yyyymmddHHMMss + random). */
  clientRefId?: string;
  /** SMS to the customer: 0 (default) or 1. */
  notifyCustomer?: 0 | 1;
}

/** An operation's request, built and ready to leave: its body holds the encrypted Aadhaar and the PID block. */
export interface PreparedRequest<O> {
  operation: EkoOperation<unknown, O>;
  method: 'POST' | 'PUT';
  path: string;
  body: string;
  common: OperationCommon;
}

/** What a transaction inquiry says about an earlier enquiry. */
export type InquiryResult =
  | {
      outcome: 'success';
      clientRefId: string;
      /** The customer's balance; null when the bank gave none or the answer does not repeat it (balanceUnreadable). */
      balance: string | null;
      /** The answer has no balance field, or one that is not an amount. */
      balanceUnreadable: boolean;
      bankName: string | null;
      tid: string | null;
      bankRef: string | null;
      uidaiRef: string | null;
    }
  | { outcome: 'refused'; clientRefId: string; reason: RefusalReason; serverMessage: string | null; tid: string | null }
  | { outcome: 'unknown'; clientRefId: string; reason: 'awaited' | 'onHold' | 'unexpectedData'; tid: string | null }
  | { outcome: 'notFound'; clientRefId: string; serverMessage: string | null };

/** Eko's words for "no transaction with this reference" (they must name the transaction: "User not found" is not one). */
const NO_SUCH_TRANSACTION =
  /\b(?:transaction|txn|record|reference|client_ref_id)\b[^.]*?\b(?:not\s+found|does\s*n[o']?t\s+exist|not\s+exist)|\bno\s+(?:such\s+)?(?:transaction|txn|record)\b/i;

/** HTTP statuses a gateway or proxy in front of Eko answers with. */
const GATEWAY_STATUSES = new Set([502, 503, 504]);

export interface EkoClient extends EkoFacade {
  prepare<I, O>(operation: EkoOperation<I, O>, input: I, ref?: string): PreparedRequest<O>;
  send<O>(prepared: PreparedRequest<O>): Promise<O>;
  balanceEnquiry(req: BalanceEnquiryRequest): Promise<EnquiryOutcome>;
  transactionInquiry(clientRefId: string): Promise<InquiryResult>;
}

type CallName = 'balance' | 'accounts' | 'inquiry' | OperationKind;

/** An HTTP answer, whatever its status. */
interface Answer {
  status: number;
  contentType: string;
  body: string;
  /** Our signing time minus the server's time at sending, ms (null without a Date header). */
  signOffsetMs: number | null;
  ms: number;
}


const MAX_BODY_BYTES = 1024 * 1024;
const REF_ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ'; // Crockford base32: no I, L, O, U

/** "KSK20240101123045" + 6 random characters: readable, sorts by time, unique per call. */
export function newClientRefId(nowMs: number = Date.now()): string {
  const d = new Date(nowMs);
  const p = (n: number, w = 2) => String(n).padStart(w, '0');
  const stamp = `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}${p(d.getHours())}${p(d.getMinutes())}${p(d.getSeconds())}`;
  const bytes = crypto.randomBytes(6);
  let tail = '';
  for (const b of bytes) tail += REF_ALPHABET[b & 31];
  return `KSK${stamp}${tail}`;
}

export function createEkoClient(config: EkoClientConfig, logger: Logger, options: EkoClientOptions = {}): EkoClient {
  let base: URL;
  try {
    base = new URL(config.baseUrl);
  } catch {
    throw new ConfigError('KIOSK_EKO_BASE_URL', `"${config.baseUrl}" is not a URL`);
  }
  if (!config.developerKey) throw new ConfigError('KIOSK_EKO_DEVELOPER_KEY', 'is empty');
  if (!config.accessKey) throw new ConfigError('KIOSK_EKO_ACCESS_KEY', 'is empty');
  logger.addSecrets(config.accessKey, config.developerKey);
  const encrypt = createAadhaarEncryptor(config.aadhaarPublicKey);
  const baseUrl = config.baseUrl.replace(/\/+$/, '');
  const clock = createEkoClock(options.now);
  const sourceIp = () => options.sourceIp ?? localIpv4();

  // GETs reuse connections. The enquiry always opens a fresh one: a pooled socket the
  // server closed while idle fails with a reset AFTER our bytes went out, which would
  // turn a request Eko never saw into an "unknown" result.
  // Eko over https through the PC's proxy, if one is set: a CONNECT tunnel whose refusal means "not sent"
  // (./proxy-tunnel.ts). A sandbox on this PC never goes through a proxy.
  const proxy = !isLoopbackHost(base.hostname) && base.protocol === 'https:' ? proxyFor(baseUrl) : null;
  const httpsAgent = (options: https.AgentOptions) => (proxy ? new TunnelingAgent(proxy, options) : new https.Agent(options));
  const pooled = { http: new http.Agent({ keepAlive: true, maxSockets: 4 }), https: httpsAgent({ keepAlive: true, maxSockets: 4 }) };
  const fresh = { http: new http.Agent({ keepAlive: false }), https: httpsAgent({ keepAlive: false }) };
  if (proxy) logger.info('eko.proxy', { proxy: `${proxy.protocol}//${proxy.host}` });
  const axiosClient: AxiosInstance = axios.create({
    responseType: 'text',
    transformResponse: [(data: unknown) => data],
    validateStatus: () => true,
    maxRedirects: 0,
    maxContentLength: MAX_BODY_BYTES,
    maxBodyLength: MAX_BODY_BYTES,
    // Proxies are the agents' job above, never axios's (it would replay a proxy's refusal as Eko's answer).
    proxy: false,
  });

  /** The one place a request is signed and sent. Resolves with any HTTP answer; rejects with TransportError. */
  async function send(
    call: CallName,
    method: 'GET' | 'POST' | 'PUT',
    path: string,
    request: { params?: Record<string, string>; body?: string; timeoutMs: number; freshConnection?: boolean },
  ): Promise<Answer> {
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, request.timeoutMs);
    const progress = { sent: false };
    // Wraps Node's request to learn when every byte was handed to the network.
    const transport = {
      request(opts: http.RequestOptions, callback: (res: http.IncomingMessage) => void): http.ClientRequest {
        const req = (opts.protocol === 'https:' ? https : http).request(opts, callback);
        req.once('finish', () => {
          progress.sent = true;
        });
        return req;
      },
    };
    const agents = request.freshConnection ? fresh : pooled;
    const signAt = clock.now();
    const sentAt = clock.local();
    let response: AxiosResponse<string>;
    try {
      response = await axiosClient.request<string>({
        method,
        url: `${baseUrl}${path}`,
        params: request.params,
        data: request.body,
        headers: { ...ekoHeaders(config.developerKey, config.accessKey, signAt), accept: 'application/json' },
        signal: controller.signal,
        httpAgent: agents.http,
        httpsAgent: agents.https,
        transport,
      } as Parameters<AxiosInstance['request']>[0]);
    } catch (err) {
      const code = errorCode(err);
      const kind = timedOut ? 'timeout' : code === 'ECONNREFUSED' || code === 'EPROXYREFUSED' ? 'refused' : 'closed';
      logger.warn('eko.transport', { call, kind, code, sent: progress.sent, timedOut, ms: clock.local() - sentAt });
      throw new TransportError(kind, timedOut ? 'timeout' : code, progress.sent);
    } finally {
      clearTimeout(timer);
    }
    const receivedAt = clock.local();
    const wasWarning = clock.warning();
    const skew = clock.observe(response.headers['date'], sentAt, receivedAt);
    if (clock.warning() !== wasWarning) {
      logger.warn('eko.clock', { skewMs: skew, warning: clock.warning(), toleranceMs: CLOCK_TOLERANCE_MS });
    }
    const answer: Answer = {
      status: response.status,
      contentType: String(response.headers['content-type'] ?? ''),
      body: typeof response.data === 'string' ? response.data : '',
      signOffsetMs: skew === null ? null : signAt - (sentAt + skew),
      ms: receivedAt - sentAt,
    };
    logger.info('eko.http', { call, http: answer.status, ms: answer.ms, bytes: answer.body.length });
    return answer;
  }

  /** A 403 whose signing time was off Eko's clock by more than the tolerance: the clock, not the key. */
  const isClockRefusal = (answer: Answer) =>
    answer.status === 403 && answer.signOffsetMs !== null && Math.abs(answer.signOffsetMs) > CLOCK_TOLERANCE_MS;

  /** Errors every call shares: refusals before any processing. null: not one of them. */
  function gatewayError(answer: Answer): KioskError | null {
    const detail = `HTTP ${answer.status}`;
    if (answer.status === 403) {
      return isClockRefusal(answer)
        ? new KioskError('eko.clockSkew', { detail: `${detail}; PC clock off by ${Math.round(-(answer.signOffsetMs ?? 0) / 1000)} s` })
        : new KioskError('eko.auth', { detail: `${detail}: signature or developer key refused` });
    }
    if (answer.status === 404) return new KioskError('eko.notFound', { detail: `${detail}: no such path (${base.pathname})` });
    if (answer.status === 415) return new KioskError('eko.contentType', { detail });
    return null;
  }

  /**
   * A GET: signed, sent, a clock-caused 403 retried once with the corrected time, the envelope checked.
   * keepFailures: a non-zero status is returned rather than thrown (the inquiry reads it as a refusal).
   */
  async function getJson(call: CallName, path: string, params: Record<string, string>, keepFailures = false): Promise<Envelope> {
    let answer: Answer;
    try {
      answer = await send(call, 'GET', path, { params, timeoutMs: config.requestTimeoutMs });
      // clock.observe() has already learnt the skew from this 403, so the retry signs with Eko's time.
      // Not when the PC clock is more than a day off: that is a wrong clock to fix, not a skew to sign around.
      if (isClockRefusal(answer) && !clock.pcClockWrong()) answer = await send(call, 'GET', path, { params, timeoutMs: config.requestTimeoutMs });
    } catch (err) {
      throw transportError(err);
    }
    const early = gatewayError(answer);
    if (early) throw early;
    if (answer.status >= 500) throw new KioskError('eko.server', { detail: `HTTP ${answer.status}` });
    if (looksLikeHtml(answer.contentType, answer.body)) throw new KioskError('eko.htmlPage', { detail: `HTTP ${answer.status} with an HTML page` });
    const json = parseJson(answer.body);
    const parsed = EnvelopeSchema.safeParse(json);
    if (json === null || !parsed.success) {
      throw new KioskError('eko.badResponse', { detail: `HTTP ${answer.status}: ${json === null ? 'not JSON (truncated or empty)' : 'not an Eko envelope'}` });
    }
    const envelope = parsed.data;
    const fields = invalidParamFields(envelope);
    if (fields) throw new KioskError('eko.invalidParams', { detail: `invalid_params: ${fields.join(', ')}`, params: { fields: fields.join(', ') } });
    if (answer.status < 200 || answer.status >= 300 || (envelope.status !== 0 && !keepFailures)) {
      const message = envelope.message?.trim() || `HTTP ${answer.status}`;
      throw new KioskError('eko.failed', { detail: `status ${envelope.status ?? '?'}: ${message}`, params: { message: maskNumbersInText(message) } });
    }
    return envelope;
  }

  function transportError(err: unknown): KioskError {
    if (err instanceof TransportError) {
      if (!err.sent) return new KioskError('eko.offline', { detail: `not sent: ${err.detail}` });
      if (err.kind === 'timeout') return new KioskError('eko.timeout', { detail: 'no answer in time' });
      return new KioskError('eko.offline', { detail: `connection lost: ${err.detail}` });
    }
    return err instanceof KioskError ? err : new KioskError('internal', { detail: (err as Error)?.message ?? String(err) });
  }

  function badData(call: CallName, issues: string): KioskError {
    logger.warn('eko.badData', { call, issues });
    return new KioskError('eko.badResponse', { detail: `${call}: ${issues}` });
  }

  async function getSettlementBalance(): Promise<SettlementBalance> {
    const envelope = await getJson('balance', '/user/account/balance', {
      initiator_id: config.initiatorId,
      customer_id_type: 'mobile_number',
      customer_id: config.agentMobile,
    });
    const data = WalletDataSchema.safeParse(envelope.data);
    if (!data.success) throw badData('balance', data.error.issues.map((i) => i.path.join('.')).join(', '));
    return {
      balance: data.data.balance,
      currency: data.data.currency || 'INR',
      customerId: data.data.customer_id ?? config.agentMobile,
    };
  }

  async function getSettlementAccounts(): Promise<SettlementAccounts> {
    const envelope = await getJson('accounts', '/user/payment/aeps/settlement/accounts', {
      initiator_id: config.initiatorId,
      user_code: config.userCode,
    });
    if (isDailyKycStatusAnswer(envelope)) {
      // Eko has been seen answering this call with the agent's daily-KYC status instead of the list: no figures given.
      logger.info('eko.accounts.dailyKycStatus', { type: envelope.response_type_id });
      return { unsettledFund: null, remainingLimit: null, recipients: [] };
    }
    const data = AccountsDataSchema.safeParse(envelope.data);
    if (!data.success) throw badData('accounts', data.error.issues.map((i) => i.path.join('.')).join(', '));
    return {
      unsettledFund: data.data.unsettled_fund,
      remainingLimit: data.data.remaining_limit,
      recipients: (data.data.fund_transfer_list ?? []).map((r) => ({
        recipientId: r.recipient_id,
        name: r.name ?? '',
        accountMasked: maskAccount(r.account),
        ifsc: r.ifsc ?? '',
      })),
    };
  }

  const context: RequestContext = {
    edition: config.edition ?? 'spec',
    initiatorId: config.initiatorId,
    userCode: config.userCode,
    agentMobile: config.agentMobile,
    latlong: config.latlong,
    encryptAadhaar: (aadhaar) => encrypt(aadhaar),
    sourceIp,
  };

  /**
   * Builds an operation's request: checks the input, encrypts the Aadhaar number, writes the body.
   * Nothing has left the PC; a failure here is "not sent". The clear number is only used here,
   * to encrypt and mask it: neither result lets it back out.
   */
  function prepare<I, O>(operation: EkoOperation<I, O>, input: I, ref: string = newClientRefId(clock.now())): PreparedRequest<O> {
    operation.check(input, context);
    const body = JSON.stringify(operation.body(input, ref, context));
    const common = operation.common(input, ref, new Date(clock.now()).toISOString(), context);
    return { operation: operation as EkoOperation<unknown, O>, method: operation.method, path: operation.path(input), body, common };
  }

  /**
   * Sends a prepared request once (never retried: it is billed, and for an enquiry it carries the
   * customer's fingerprint) and reads the answer as the operation's outcome. Throws a KioskError
   * only when nothing reached a bank: not sent (eko.offline), or refused before any processing
   * (signature, path, content type, invalid_params, an unexpected field).
   */
  async function execute<O>(prepared: PreparedRequest<O>): Promise<O> {
    const { operation, common } = prepared;
    const call = operation.kind;
    if (clock.pcClockWrong()) {
      // A billed request is never signed with a time more than a day from the PC's: the PC clock must be fixed first.
      throw new KioskError('eko.clockSkew', { detail: `PC clock off by ${Math.round((clock.skewMs() ?? 0) / 1000)} s (over a day): not sent` });
    }
    logger.info('eko.operation.sending', { call, ref: common.ref, bankIin: common.bankIin });
    let answer: Answer;
    try {
      answer = await send(call, prepared.method, prepared.path, { body: prepared.body, timeoutMs: config.enquiryTimeoutMs, freshConnection: true });
    } catch (err) {
      if (!(err instanceof TransportError)) throw err;
      // Not sent: nothing reached Eko, the agent may try again with a new capture.
      if (!err.sent) throw new KioskError('eko.offline', { detail: `${call} ${common.ref} not sent: ${err.detail}` });
      return concluded(operation.read({ kind: 'noVerdict', reason: err.kind === 'timeout' ? 'timeout' : 'connectionLost' }, common), null);
    }
    const early = gatewayError(answer);
    if (early) {
      logger.warn('eko.operation.refusedBeforeProcessing', { call, ref: common.ref, code: early.code, http: answer.status });
      throw early;
    }
    return concluded(operation.read(readReply(call, common.ref, answer), common), answer);

    function concluded(outcome: O, from: Answer | null): O {
      const o = outcome as { outcome: string; reason?: string; tid?: string | null };
      logger.info('eko.operation.outcome', { call, ref: common.ref, outcome: o.outcome, reason: o.reason ?? null, tid: o.tid ?? null, http: from?.status ?? null, ms: from?.ms ?? null });
      return outcome;
    }
  }

  /** Sent and answered: an envelope to read, or a kind of answer that holds no verdict. */
  function readReply(call: CallName, ref: string, answer: Answer): EkoReply {
    if (answer.status >= 500) return { kind: 'noVerdict', reason: GATEWAY_STATUSES.has(answer.status) ? 'gatewayError' : 'serverError' };
    if (looksLikeHtml(answer.contentType, answer.body)) return { kind: 'noVerdict', reason: 'htmlPage' };
    const json = parseJson(answer.body);
    const parsed = json === null ? null : EnvelopeSchema.safeParse(json);
    const fields = parsed?.success ? invalidParamFields(parsed.data) : null;
    if (fields) {
      logger.warn('eko.operation.invalidParams', { call, ref, fields });
      throw new KioskError('eko.invalidParams', { detail: `${call} ${ref}: ${fields.join(', ')}`, params: { fields: fields.join(', ') } });
    }
    if (parsed?.success && isNoKeyAnswer(parsed.data)) {
      // Eko processed nothing: the body carried a field it does not take (the counter's request edition).
      logger.warn('eko.operation.unexpectedField', { call, ref, edition: context.edition });
      throw new KioskError('eko.invalidParams', { detail: `${call} ${ref}: "No key for Response" (a field Eko does not expect; edition ${context.edition})` });
    }
    // An HTTP error we do not know (401, 429, …): Eko may or may not have processed it.
    if (answer.status < 200 || answer.status >= 300) return { kind: 'noVerdict', reason: 'httpError' };
    if (parsed === null) return { kind: 'noVerdict', reason: 'unreadable' };
    if (!parsed.success) {
      logger.warn('eko.badData', { call, ref, issues: parsed.error.issues.map((i) => i.path.join('.')).join(', ') });
      return { kind: 'noVerdict', reason: 'unexpectedData' };
    }
    return { kind: 'envelope', envelope: parsed.data };
  }

  /** A balance enquiry built and sent in one go (no journal): the doctor's bench and the client's own tests. */
  async function balanceEnquiry(req: BalanceEnquiryRequest): Promise<EnquiryOutcome> {
    const bank = { iin: req.bankIin, ifsc: req.bankIfsc ?? null, name: req.bankName };
    return execute(prepare(balanceEnquiryOperation, { customerMobile: req.customerMobile, aadhaar: req.aadhaar, bank, pidXml: req.pidXml, notifyCustomer: req.notifyCustomer }, req.clientRefId));
  }

  async function transactionInquiry(clientRefId: string): Promise<InquiryResult> {
    if (!/^[A-Za-z0-9_-]{1,64}$/.test(clientRefId)) {
      throw new KioskError('input.invalid', { detail: 'client_ref_id', params: { field: 'clientRefId' } });
    }
    const envelope = await getJson(
      'inquiry',
      `/tools/reference/transaction/client_ref_id:${clientRefId}`,
      { initiator_id: config.initiatorId },
      true,
    );
    const message = envelope.message?.trim() || null;
    const aboutThis = describesTransaction(envelope, clientRefId);
    // Eko answers an unknown reference with a non-zero status and a message naming the transaction.
    if (envelope.status !== 0 && !aboutThis && NO_SUCH_TRANSACTION.test(message ?? '')) {
      logger.info('eko.inquiry', { clientRefId, outcome: 'notFound' });
      return { outcome: 'notFound', clientRefId, serverMessage: message === null ? null : maskNumbersInText(message) };
    }
    // Only an answer about this transaction is a verdict. Anything else ("User not found", "another
    // transaction in progress", a bare error code) is the inquiry failing: the result stays unknown.
    const busy = envelope.status === -2 || envelope.response_status_id === -2;
    if (!aboutThis || busy) {
      logger.warn('eko.inquiry.failed', { clientRefId, status: envelope.status ?? null, busy });
      const detail = `inquiry ${clientRefId}: status ${envelope.status ?? '?'}: ${message ?? 'no transaction data'}`;
      // A non-zero status is Eko refusing the inquiry; a "success" without transaction data is an odd answer.
      if (!busy && (envelope.status === undefined || envelope.status === 0)) throw new KioskError('eko.badResponse', { detail });
      throw new KioskError('eko.failed', message ? { detail, params: { message: maskNumbersInText(message) } } : { detail });
    }
    const reading = readEnquiry(envelope);
    const result: InquiryResult = { ...reading, clientRefId };
    logger.info('eko.inquiry', { clientRefId, outcome: result.outcome, reason: 'reason' in result ? result.reason : null });
    return result;
  }

  return {
    getSettlementBalance,
    getSettlementAccounts,
    prepare,
    send: execute,
    balanceEnquiry,
    transactionInquiry,
    status(): EkoStatus {
      return { baseUrl, clockSkewMs: clock.skewMs(), clockWarning: clock.warning() };
    },
    async stop() {
      for (const agent of [pooled.http, pooled.https, fresh.http, fresh.https]) agent.destroy();
    },
  };
}

function errorCode(err: unknown): string {
  const e = err as { code?: unknown; cause?: { code?: unknown } };
  const code = typeof e?.code === 'string' ? e.code : typeof e?.cause?.code === 'string' ? e.cause.code : null;
  return code ?? (err instanceof Error ? err.name : 'unknown');
}
