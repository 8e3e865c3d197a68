/**
 * What each contract call does on the main side: a thin map from call to
 * service. Input here is already validated by dispatch.ts.
 */
import type { CallName, CallOutput, Contract } from '../../app/contract';
import type { z } from 'zod';
import type { Services } from '../services';
import type { SettingsService } from '../services/settings/settings-service';

export type Handlers = {
  [K in CallName]: (input: z.output<Contract[K]['input']>) => Promise<CallOutput<K>>;
};

/**
 * `services` answers the services running now: saving settings swaps them without a
 * restart, so no handler may keep hold of one set (boot passes LiveServices.ready).
 */
export function createHandlers(services: () => Promise<Services>, settings: SettingsService): Handlers {
  return {
    getAppInfo: async () => (await services()).appInfo(),

    getDeviceStatus: async () => (await services()).rd.status(),
    findScanner: async () => (await services()).rd.scan(),
    captureFingerprint: async (input) => (await services()).rd.capture(input),
    cancelCapture: async () => ({ cancelled: (await services()).rd.cancelCapture() }),

    getSettlementBalance: async () => (await services()).eko.getSettlementBalance(),
    getSettlementAccounts: async () => (await services()).eko.getSettlementAccounts(),
    getEkoStatus: async () => (await services()).eko.status(),

    balanceEnquiry: async (input) => (await services()).enquiry.run(input),
    miniStatement: async (input) => (await services()).miniStatement.run(input),
    getDailyAuthStatus: async () => (await services()).dailyAuth.status(),
    dailyAuthenticate: async (input) => (await services()).dailyAuth.authenticate(input),
    getLastEnquiry: async () => (await services()).enquiry.last(),
    acknowledgeLastEnquiry: async (input) => ({ acknowledged: (await services()).enquiry.acknowledge(input) }),

    listEnquiries: async (input) => (await services()).history.list(input),
    followUpEnquiry: async (input) => (await services()).history.followUp(input.clientRefId),
    printReceipt: async (input) => {
      const { printer } = await services();
      // Silent printing only where the host can (Electron); otherwise the renderer opens the browser's dialog.
      if (!printer) return { method: 'browser' as const };
      await printer.print(input);
      return { method: 'silent' as const };
    },
    saveReceiptPdf: async (input) => {
      const { printer, config } = await services();
      // The web host's answer: the browser's print dialog has "Save as PDF" as a destination.
      if (!printer) return { method: 'browser' as const };
      return { method: 'saved' as const, path: await printer.savePdf(input, config.dataDir) };
    },
    getDiagnostics: async () => (await services()).diagnostics.get(),
    exportDiagnostics: async () => (await services()).diagnostics.exportBundle(),
    exportLogs: async () => (await services()).diagnostics.exportLogs(),

    getSettings: async () => settings.get(),
    unlockSettings: async (input) => settings.unlock(input),
    saveSettings: async (input) => settings.save(input),
    testConnection: async (input) => settings.testConnection(input),
    lockSettings: async (input) => settings.lock(input),
  };
}
