/**
 * The doctor's `eko` member: can this PC reach Eko, is the signature accepted, how far
 * off is the PC clock, and what is the wallet balance. One signed GET (the wallet).
 */
import { isKioskError } from '../../../app/contract';
import type { EkoFacade } from '../index';

export interface EkoDoctorReport {
  ok: boolean;
  baseUrl: string;
  clockSkewMs: number | null;
  walletBalance: string | null;
  /** "code: detail" of the failure (never personal data or keys), null when ok. */
  error: string | null;
}

export async function ekoDoctorCheck(client: Pick<EkoFacade, 'getSettlementBalance' | 'status'>): Promise<EkoDoctorReport> {
  try {
    const wallet = await client.getSettlementBalance();
    const status = client.status();
    return { ok: true, baseUrl: status.baseUrl, clockSkewMs: status.clockSkewMs, walletBalance: wallet.balance, error: null };
  } catch (err) {
    const status = client.status();
    const error = isKioskError(err) ? (err.detail ? `${err.code}: ${err.detail}` : err.code) : `internal: ${(err as Error)?.message ?? String(err)}`;
    return { ok: false, baseUrl: status.baseUrl, clockSkewMs: status.clockSkewMs, walletBalance: null, error };
  }
}
