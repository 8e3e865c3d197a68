/** The fingerprint scanner (RD service): discovery, device info, capture. Same shape as ../eko/. */
export { createRdService, aepsPidOptions, LAST_DEVICE_FILE, type RdServiceHandle, type RdServiceOptions, type RdInventory } from './rd-service';
export type { RdFacade } from './facade';
export { startRd } from './start';
