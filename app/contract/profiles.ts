/** The counter's profiles and Eko's request editions: the smallest pieces of the contract, which the settings declaration builds on. */
import * as z from 'zod/mini';

export const ProfileSchema = z.enum(['demo', 'staging', 'production']);
export type Profile = z.infer<typeof ProfileSchema>;

/**
 * Which generation of Eko's AePS request the counter sends. spec: the spec pages (aadhaar, bank_code
 * as the IIN, amount/pipe/notify_customer/source_ip). current: Eko's current docs and real traffic
 * (aadhar, bank_code as the IFSC bank prefix, none of those four).
 */
export const EKO_EDITIONS = ['spec', 'current'] as const;
export const EkoEditionSchema = z.enum(EKO_EDITIONS);
export type EkoEdition = z.infer<typeof EkoEditionSchema>;
