/**
 * The sandbox's answers in the shapes real Eko answers were seen in (shared/corpus/eko/). Key order
 * follows the corpus files; values that name people or shops are masked with X as there. Also the
 * HTTP-level replies (gateway pages, 403, 404, 415) the server sends before any JSON.
 */
import { isValidAadhaar } from '../../../app/domain/aadhaar';
import type { RefusalShape } from './demo-customers';

export type Json = Record<string, unknown>;

/** One answer as the server sends it: JSON, or a text/HTML page. */
export interface Reply {
  status: number;
  json?: Json;
  text?: string;
  contentType?: string;
}

/** HTTP 200 with a JSON answer. */
export const ok = (json: Json): Reply => ({ status: 200, json });

/** Fields missing, wrong-typed or badly formed: Eko's invalid_params answer. */
export const invalid = (params: Record<string, string>): Reply =>
  ok({ response_status_id: 1, invalid_params: params, response_type_id: -1, message: 'Invalid Params', status: 1 });

/** A refusal before any transaction (unknown initiator, user, customer; a duplicate reference). */
export const failure = (status: number, message: string): Reply => ok({ response_status_id: 1, response_type_id: 1464, message, status });

/** An nginx-style HTML page (gateway errors, 403, 415, faults). */
export function htmlPage(status: number, title: string): Reply {
  const text = `<!DOCTYPE html><html><head><title>${title}</title></head><body><h1>${title}</h1><hr><center>nginx</center></body></html>`;
  return { status, text, contentType: 'text/html' };
}

/** A path Eko does not serve. */
export const NOT_FOUND: Reply = { status: 404, text: 'No Mapping Rule matched', contentType: 'text/plain' };

/** A signed request whose timestamp is outside the window: Eko says so in JSON. */
export const STALE_TIMESTAMP: Reply = {
  status: 403,
  json: { response_status_id: 1, message: 'Authentication failed: request timestamp is not valid', status: 403 },
};

/** The agent's wallet (E-value), as the wallet-balance call answers. */
export function walletBalanceAnswer(balance: string, customerId: string): Json {
  return {
    response_status_id: -1,
    data: { last_used_okekey: '0', balance, currency: 'INR', customer_id: customerId },
    response_type_id: 1,
    message: 'SUCCESS',
    status: 0,
  };
}

/** The agent's settlement bank accounts (response_type_id 1321). */
export function settlementAccountsAnswer(): Json {
  return {
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
  };
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

const IST_OFFSET_MS = 5.5 * 3_600_000; // India has no daylight saving time.

/** The Indian calendar day (Asia/Kolkata) of an instant, YYYY-MM-DD. */
export function istDay(ms: number): string {
  return new Date(ms + IST_OFFSET_MS).toISOString().slice(0, 10);
}

/** Eko's transaction_date / transaction_time: "DD-MM-YY HH:MM:SS", Indian time. */
export function ekoDateTime(ms: number): string {
  const iso = new Date(ms + IST_OFFSET_MS).toISOString(); // YYYY-MM-DDTHH:MM:SS.sssZ
  return `${iso.slice(8, 10)}-${iso.slice(5, 7)}-${iso.slice(2, 4)} ${iso.slice(11, 19)}`;
}

/** What a transaction answer says about one enquiry. */
export interface TransactionView {
  tid: string;
  /** The bank's name from the bank list; null when the code is not in it. */
  bankName: string | null;
  aadhaarLast4: string;
  userCode: string;
  bankRef: string;
  aadhaarRef: string;
  terminalId: string;
  /** The AGENT's wallet (E-value) after the transaction. */
  wallet: string;
  /** The customer's bank balance ("" when the bank gave none). */
  customerBalance: string;
  at: number;
  /** Echoed only in the spec edition, and only when the request carried one. */
  clientRefId: string | null;
}

const MASKED = {
  shop: 'XXXXXXXX DEMO KIOSK',
  sender_name: 'XXXXXXXXXXXXXXX',
  merchantname: 'XXXXXXX XXX',
  shop_address_line1: 'X X XXXXXX, XXXXXXXXXXXX, XXXXXX, XXXXXXXXXXX,-XXXXXX',
};

const withRef = (data: Json, view: TransactionView): Json => (view.clientRefId === null ? data : { ...data, client_ref_id: view.clientRefId });

/** The head every transaction answer's data starts with: ids, the masked customer, the wallet. */
function answerHead(view: TransactionView) {
  return {
    tid: view.tid,
    ...(view.bankName === null ? {} : { bank: view.bankName }),
    shop: MASKED.shop,
    stan: '',
    aadhar: `XXXX XXXX ${view.aadhaarLast4}`,
    amount: '0.0',
    reason: '',
    balance: view.wallet,
  };
}

/** Like cash-withdrawal-ok-1.json, for a balance enquiry (1466; a transaction inquiry answers 1472). */
export function successAnswer(view: TransactionView, responseTypeId = 1466): Json {
  const when = ekoDateTime(view.at);
  return {
    data: withRef(
      {
        fee: '',
        tds: '0.0',
        ...answerHead(view),
        comment: 'Request Completed',
        totalfee: '0.0',
        auth_code: '',
        tx_status: '0',
        user_code: view.userCode,
        commission: '0.0',
        sender_name: MASKED.sender_name,
        service_tax: '0.0',
        terminal_id: view.terminalId,
        bank_ref_num: view.bankRef,
        merchantname: MASKED.merchantname,
        merchant_code: '',
        customer_balance: view.customerBalance,
        transaction_date: when,
        transaction_time: when,
        shop_address_line1: MASKED.shop_address_line1,
        aadhaar_ref_num: view.aadhaarRef,
      },
      view,
    ),
    status: 0,
    message: 'Transaction Successful',
    response_type_id: responseTypeId,
    response_status_id: 0,
  };
}

/** Awaited (tx_status "2") or on hold ("5"): the result is not known yet; no customer balance. */
export function pendingAnswer(view: TransactionView, code: 2 | 5): Json {
  const when = ekoDateTime(view.at);
  return {
    data: withRef(
      {
        ...answerHead(view),
        comment: code === 2 ? 'Transaction Awaited' : 'Transaction On Hold',
        auth_code: '',
        tx_status: String(code),
        user_code: view.userCode,
        sender_name: MASKED.sender_name,
        terminal_id: view.terminalId,
        bank_ref_num: '',
        merchantname: MASKED.merchantname,
        merchant_code: '',
        customer_balance: '',
        transaction_date: when,
        transaction_time: when,
        shop_address_line1: MASKED.shop_address_line1,
      },
      view,
    ),
    status: 0,
    message: 'Transaction awaiting response from bank',
    response_type_id: 1465,
    response_status_id: code,
  };
}

/** A refusal: the reason only in data.comment, in one of the three real shapes. */
export function refusalAnswer(shape: RefusalShape, comment: string, view: TransactionView): Json {
  switch (shape) {
    case 'fail1467':
      // transaction-fail-1.json, exactly.
      return { data: { comment }, status: 1467, message: 'Transaction Fail', response_type_id: 1467, response_status_id: 1 };
    case 'noStatus':
      // mini-statement-fail-2.json's shape (no `status` at all), with the balance enquiry's failure type.
      return { response_status_id: 1, response_type_id: 1467, message: 'Transaction Fail', data: { comment } };
    case 'fail1464': {
      // cash-withdrawal-fail-4.json's shape.
      const when = ekoDateTime(view.at);
      return {
        data: withRef(
          {
            tid: view.tid,
            shop: MASKED.shop,
            stan: '',
            aadhar: `XXXX XXXX ${view.aadhaarLast4}`,
            amount: '0.0',
            reason: '',
            comment,
            auth_code: '',
            tx_status: '1',
            user_code: view.userCode,
            sender_name: MASKED.sender_name,
            terminal_id: '',
            bank_ref_num: view.bankRef,
            merchantname: MASKED.merchantname,
            merchant_code: '',
            customer_balance: '0.00',
            transaction_date: when,
            transaction_time: when,
            shop_address_line1: MASKED.shop_address_line1,
          },
          view,
        ),
        status: 1464,
        message: 'Transaction Fail',
        response_type_id: 1464,
        response_status_id: 1,
      };
    }
  }
}

/** daily-kyc-fail-4.json: the whole answer when a body carries a field Eko does not expect. */
export const NO_KEY_FOR_RESPONSE: Json = { message: 'No key for Response' };

/** daily-kyc-ok-1.json, exactly. */
export function dailyAuthSuccess(): Json {
  return { response_status_id: 0, response_type_id: 1713, message: 'KYC sucess', status: 0 };
}

/** daily-kyc-fail-1..3.json: 1714 "KYC Fail" with data.reason (fail-1 repeats the reason in comment). */
export function dailyAuthFailure(reason: string, comment = ''): Json {
  return { response_status_id: 1, data: { reason, comment }, response_type_id: 1714, message: 'KYC Fail', status: 1714 };
}

/** The daily-KYC status shape a settlement-accounts call was seen answering (response_type_id 1969). */
export function dailyKycStatusAnswer(userCode: string): Json {
  return {
    response_status_id: 0,
    data: { reason: 'Fingpay daily KYC is completed', user_code: userCode },
    response_type_id: 1969,
    message: 'Fingpay daily KYC is completed',
    status: 0,
  };
}

/** One line of a mini statement as Eko sends it (mini-statement-ok-1.json): a space-padded narration. */
export interface StatementLineOut {
  date: string;
  amount: string;
  txnType: 'Dr' | 'Cr';
  narration: string;
}

/** Like mini-statement-ok-1.json: 1527 with mini_statement_list; customer_balance "0.0" when the bank gave none. */
export function miniStatementAnswer(view: TransactionView, list: readonly StatementLineOut[]): Json {
  const when = ekoDateTime(view.at);
  return {
    data: withRef(
      {
        tid: view.tid,
        comment: 'Request Completed',
        totalfee: '0.0',
        commission: '1.0',
        sender_name: MASKED.sender_name,
        service_tax: '0.0',
        terminal_id: view.terminalId,
        bank_ref_num: '',
        merchantname: MASKED.merchantname,
        merchant_code: '',
        customer_balance: view.customerBalance === '' ? '0.0' : view.customerBalance,
        transaction_date: when,
        transaction_time: when,
        mini_statement_list: list,
      },
      view,
    ),
    status: 0,
    message: 'Transaction Successful',
    response_type_id: 1527,
    response_status_id: 0,
  };
}

/** mini-statement-fail-2.json exactly: 1528, no `status`, the reason in data.comment. */
export function miniStatementRefusal(comment: string): Json {
  return { response_status_id: 1, response_type_id: 1528, message: 'Transaction Fail', data: { comment } };
}
