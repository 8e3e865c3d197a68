/**
 * How the Eko sandbox can be told to misbehave (setFaults): which faults there are, none by
 * default, and what each does to an answer on its way out. The server (./sandbox.ts) asks
 * `faultApplies` whether a request is hit, then `faultyDelivery` how to deliver its answer.
 */
import http from 'node:http';
import { htmlPage, type Json, type Reply } from './answers';

export type SandboxEndpoint = 'balance' | 'accounts' | 'enquiry' | 'statement' | 'inquiry' | 'dailyAuth';

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

/** Whether the faults hit a request to this endpoint (none hit an unknown path). */
export function faultApplies(faults: EkoSandboxFaults, endpoint: SandboxEndpoint | null): boolean {
  return endpoint !== null && (faults.only === null || faults.only.includes(endpoint));
}

/** The refusal a forceStatus fault answers before any processing. */
export function forcedReply(status: number): Reply {
  return htmlPage(status, `${status} ${http.STATUS_CODES[status] ?? 'Error'}`);
}

/**
 * How an answer leaves when faults apply to it: not at all (the socket stays open), as a reset
 * connection, or as these bytes (a 500 or gateway page instead, wrong types, cut in half).
 */
type Delivery = { kind: 'never' } | { kind: 'reset' } | { kind: 'send'; status: number; contentType: string; text: string };

export function faultyDelivery(faults: EkoSandboxFaults, reply: Reply, applies: boolean): Delivery {
  if (applies && faults.neverAnswer) return { kind: 'never' };
  if (applies && faults.resetConnection) return { kind: 'reset' };
  let out = reply;
  if (applies && faults.serverError) out = htmlPage(500, '500 Internal Server Error');
  else if (applies && faults.htmlPage) out = htmlPage(200, 'Service Temporarily Unavailable');
  if (applies && faults.wrongTypes && out.json) out = { ...out, json: wrongTyped(out.json) };
  let text = out.text ?? JSON.stringify(out.json);
  if (applies && faults.truncatedJson && out.json) text = text.slice(0, Math.floor(text.length / 2));
  return { kind: 'send', status: out.status, contentType: out.contentType ?? 'application/json', text };
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
