/**
 * The Eko connection check behind the doctor, the diagnostics screen and the settings' "Test
 * connection": can this PC reach Eko, is the signature accepted, how far off is the PC clock, and
 * what is the wallet balance. One signed GET (the wallet), and one result for all three: the
 * contract's ConnectionTest (a wire error to translate plus a short English detail for support).
 */
import { toKioskError, type ConnectionTest } from '../../../app/contract';
import { redactText } from '../log/redact';
import type { EkoFacade } from './facade';

/** A failure as the contract carries it: the wire error plus a short English detail for support, keys redacted. */
export function connectionError(err: unknown, secrets: readonly string[]): NonNullable<ConnectionTest['error']> {
  const error = toKioskError(err);
  return { ...error.toWire(), detail: redactText(error.detail ?? error.code, secrets).slice(0, 200) };
}

export async function checkEkoConnection(client: Pick<EkoFacade, 'getSettlementBalance' | 'status'>, secrets: readonly string[] = []): Promise<ConnectionTest> {
  try {
    const wallet = await client.getSettlementBalance();
    const status = client.status();
    return { ok: true, baseUrl: status.baseUrl, clockSkewMs: status.clockSkewMs, walletBalance: wallet.balance, error: null };
  } catch (err) {
    const status = client.status();
    return { ok: false, baseUrl: status.baseUrl, clockSkewMs: status.clockSkewMs, walletBalance: null, error: connectionError(err, secrets) };
  }
}
