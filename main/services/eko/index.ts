/** Eko's AePS API: the client, its doctor check, and the pieces tests and the sandbox share. */
export type { EkoFacade } from './facade';
export { startEko } from './start';
export { createEkoClient, newClientRefId } from './client';
export type { BalanceEnquiryRequest, EkoClient, EkoClientConfig, EkoClientOptions, InquiryResult } from './client';
export { checkEkoConnection, connectionError } from './doctor';
export { ekoHeaders, ekoSecretKey } from '../../protocol/eko-signing';
export { createAadhaarEncryptor } from './aadhaar-crypto';
export { CLOCK_TOLERANCE_MS } from './clock';
