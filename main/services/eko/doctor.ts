/**
 * The Eko connection check behind the doctor, the diagnostics screen and the settings'
 * "Test connection": can this PC reach Eko, is the signature accepted, how far off is the PC
 * clock, and what is the wallet balance. One signed GET (the wallet). Each caller presents the
 * same check its own way: the doctor's JSON (`error` as "code: detail") or the contract's
 * ConnectionTest (a wire error the screen translates, plus a short detail for support).
 */
import { toKioskError, type ConnectionTest, type KioskError } from '../../../app/contract';
import { redactText } from '../log/redact';
import type { EkoFacade } from './facade';

export interface EkoCheck {
  ok: boolean;
  baseUrl: string;
  clockSkewMs: number | null;
  walletBalance: string | null;
  /** Why it failed; null when ok. */
  failure: KioskError | null;
}

export async function checkEkoConnection(client: Pick<EkoFacade, 'getSettlementBalance' | 'status'>): Promise<EkoCheck> {
  try {
    const wallet = await client.getSettlementBalance();
    const status = client.status();
    return { ok: true, baseUrl: status.baseUrl, clockSkewMs: status.clockSkewMs, walletBalance: wallet.balance, failure: null };
  } catch (err) {
    const status = client.status();
    return { ok: false, baseUrl: status.baseUrl, clockSkewMs: status.clockSkewMs, walletBalance: null, failure: toKioskError(err) };
  }
}

/** The doctor's `eko` member: `{ ok, baseUrl, clockSkewMs, walletBalance, error }`, error as "code: detail". */
export interface EkoDoctorReport {
  ok: boolean;
  baseUrl: string;
  clockSkewMs: number | null;
  walletBalance: string | null;
  /** "code: detail" of the failure (never personal data or keys), null when ok. */
  error: string | null;
}

export function ekoDoctorReport(check: EkoCheck, secrets: readonly string[] = []): EkoDoctorReport {
  const { failure, ...rest } = check;
  const error = failure ? redactText(failure.detail ? `${failure.code}: ${failure.detail}` : failure.code, secrets) : null;
  return { ...rest, error };
}

/** A failure as the contract carries it to a screen: the wire error plus a short English detail for support, keys redacted. */
export function connectionError(err: unknown, secrets: readonly string[]): NonNullable<ConnectionTest['error']> {
  const error = toKioskError(err);
  return { ...error.toWire(), detail: redactText(error.detail ?? error.code, secrets).slice(0, 200) };
}

export function connectionTestOf(check: EkoCheck, secrets: readonly string[]): ConnectionTest {
  const { failure, ...rest } = check;
  return { ...rest, error: failure ? connectionError(failure, secrets) : null };
}
