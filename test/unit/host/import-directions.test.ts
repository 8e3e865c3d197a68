/**
 * The lint rule behind "only main/electron knows Electron": the services, the hosts' shared
 * code, the web host and the simulators may not import Electron or main/electron by any path
 * (relative ones included), nor the renderer. Runs the project's own eslint.config.js.
 */
import { describe, expect, it } from 'vitest';
import { refusedImports } from '../../support/eslint';

describe('import directions (eslint)', () => {
  const forbidden = [
    "import 'electron';",
    "import { app } from 'electron/main';",
    "import { registerContractHandlers } from '../electron/ipc';",
    "import type { SecretStore } from '../../electron/secret-store';",
    "import { x } from '../../main/electron/shell';",
    "export { y } from '../electron/ipc';",
    "import { useKiosk } from '../../renderer/store';",
  ];

  it.each(['main/host/boot.ts', 'main/services/x.ts', 'main/services/eko/x.ts', 'main/web/server.ts', 'main/simulators/rd/x.ts'])(
    '%s may not import Electron or the renderer by any path',
    async (file) => {
      expect(await refusedImports(file, forbidden.join('\n'))).toEqual(forbidden);
    },
    30_000,
  );

  it('allows what these folders may import, and main/electron itself may import Electron', async () => {
    const allowed = ["import { boot } from '../host/boot';", "import { x } from './electronic-scale';", "import * as z from 'zod';"];
    expect(await refusedImports('main/web/cli.ts', allowed.join('\n'))).toEqual([]);
    expect(await refusedImports('main/electron/x.ts', ["import { app } from 'electron';", "import { boot } from '../host/boot';"].join('\n'))).toEqual([]);
  }, 30_000);

  it('services never import the simulators, and the simulators never import a service (they share main/protocol)', async () => {
    const intoSimulators = ["import { startEkoSandbox } from '../../simulators/eko';", "import type { RdSimulator } from '../simulators/rd';"];
    expect(await refusedImports('main/services/eko/x.ts', intoSimulators.join('\n'))).toEqual(intoSimulators);
    const intoServices = ["import { ekoSecretKey } from '../../services/eko/signing';", "import type { Bank } from '../../services/x';"];
    expect(await refusedImports('main/simulators/eko/x.ts', intoServices.join('\n'))).toEqual(intoServices);
    const shared = ["import { ekoSecretKey } from '../../protocol/eko-signing';", "import { parseBankList } from '../../../app/domain/banks';"];
    expect(await refusedImports('main/simulators/eko/x.ts', shared.join('\n'))).toEqual([]);
    expect(await refusedImports('main/host/demo-peers.ts', "import { startEkoSandbox } from '../simulators/eko';")).toEqual([]);
  }, 30_000);
});
