/**
 * The names of the contract's calls, with no schema library attached, so the
 * sandboxed preload (one small CommonJS file) can expose exactly these.
 * ./index.ts proves at compile time that this list and the contract agree.
 */
export const CALL_NAMES = [
  'getAppInfo',
  'getDeviceStatus',
  'findScanner',
  'captureFingerprint',
  'cancelCapture',
  'getSettlementBalance',
  'getSettlementAccounts',
  'getEkoStatus',
  'balanceEnquiry',
  'miniStatement',
  'getDailyAuthStatus',
  'dailyAuthenticate',
  'getLastEnquiry',
  'acknowledgeLastEnquiry',
  'listEnquiries',
  'followUpEnquiry',
  'printReceipt',
  'saveReceiptPdf',
  'getDiagnostics',
  'exportDiagnostics',
  'exportLogs',
  'getSettings',
  'unlockSettings',
  'saveSettings',
  'testConnection',
  'lockSettings',
] as const;

export type CallName = (typeof CALL_NAMES)[number];

/** The IPC channel a call travels on in the Electron host. */
export function ipcChannel(name: CallName): string {
  return `kiosk:${name}`;
}

/** The name of the global the Electron preload exposes the contract on. */
export const BRIDGE_GLOBAL = 'kiosk';
