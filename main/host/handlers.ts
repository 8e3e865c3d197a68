/**
 * What each contract call does on the main side: a thin map from call to
 * service. Input here is already validated by dispatch.ts.
 */
import type { CallName, CallOutput, Contract } from '../../app/contract';
import type { z } from 'zod';
import type { Services } from '../services';

export type Handlers = {
  [K in CallName]: (input: z.output<Contract[K]['input']>) => Promise<CallOutput<K>>;
};

export function createHandlers(services: Services): Handlers {
  return {
    getAppInfo: async () => services.appInfo(),

    getDeviceStatus: async () => services.rd.status(),
    findScanner: async () => services.rd.scan(),
    captureFingerprint: async (input) => services.rd.capture(input),
    cancelCapture: async () => ({ cancelled: services.rd.cancelCapture() }),

    getSettlementBalance: async () => services.eko.getSettlementBalance(),
    getSettlementAccounts: async () => services.eko.getSettlementAccounts(),
    getEkoStatus: async () => services.eko.status(),

    balanceEnquiry: async (input) => services.enquiry.run(input),
    getLastEnquiry: async () => services.enquiry.last(),

    listEnquiries: async (input) => services.history.list(input),
    followUpEnquiry: async (input) => services.history.followUp(input.clientRefId),
    printReceipt: async (input) => {
      // Silent printing only where the host can (Electron); otherwise the renderer opens the browser's dialog.
      if (!services.printer) return { method: 'browser' as const };
      await services.printer.print(input.paperMm);
      return { method: 'silent' as const };
    },
    getDiagnostics: async () => services.diagnostics.get(),
    exportDiagnostics: async () => services.diagnostics.exportBundle(),
  };
}
