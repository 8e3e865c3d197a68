import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { BRIDGE_GLOBAL, CALL_NAMES, ipcChannel } from '../../../app/contract';
import { buildElectron } from '../../../scripts/build';
import { assertPreloadExposesOnly, probePreload, type PreloadProbe } from '../../electron/preload-probe';
import { makeTempDir } from '../../support/temp-dir';

let code = '';

beforeAll(async () => {
  // The real build (same esbuild options as dist/main/preload.cjs), into a folder of its own.
  const outDir = makeTempDir('preload-build-');
  await buildElectron({ outDir });
  code = fs.readFileSync(path.join(outDir, 'preload.cjs'), 'utf8');
  fs.rmSync(outDir, { recursive: true, force: true });
}, 60_000);

describe('the built preload', () => {
  it('exposes exactly the contract calls on window.kiosk, once, and requires only electron', () => {
    const probe = probePreload(code);
    expect(probe.exposed).toHaveLength(1);
    expect(probe.exposed[0]!.name).toBe(BRIDGE_GLOBAL);
    expect(BRIDGE_GLOBAL).toBe('kiosk');
    expect(Object.keys(probe.exposed[0]!.api as object).sort()).toEqual([...CALL_NAMES].sort());
    expect(probe.required).toEqual(['electron']);
    expect(() => assertPreloadExposesOnly(probe, BRIDGE_GLOBAL, CALL_NAMES)).not.toThrow();
  });

  it('never exposes ipcRenderer or any of its methods, and freezes the API', () => {
    const probe = probePreload(code);
    const api = probe.exposed[0]!.api as Record<string, unknown>;
    for (const value of Object.values(api)) {
      expect(value).not.toBe(probe.ipcRenderer);
      expect(Object.values(probe.ipcRenderer)).not.toContain(value);
    }
    expect(Object.isFrozen(api)).toBe(true);
    expect(JSON.stringify(Object.keys(api))).not.toMatch(/invoke|send|ipc/i);
  });

  it('each function invokes its own channel with the input, and nothing else', async () => {
    const probe = probePreload(code);
    const api = probe.exposed[0]!.api as Record<string, (input: unknown) => Promise<unknown>>;
    for (const name of CALL_NAMES) {
      await expect(api[name]!({ n: name })).resolves.toEqual({ ok: true, value: ipcChannel(name) });
    }
    expect(probe.invoked).toEqual(CALL_NAMES.map((name) => ({ channel: ipcChannel(name), input: { n: name } })));
  });

  it('the checker catches a preload that leaks ipcRenderer or exposes extra calls', () => {
    const leaky = "const { contextBridge, ipcRenderer } = require('electron'); contextBridge.exposeInMainWorld('kiosk', { ipcRenderer, getAppInfo: ipcRenderer.invoke });";
    expect(() => assertPreloadExposesOnly(probePreload(leaky), 'kiosk', CALL_NAMES)).toThrow();
    const fake: PreloadProbe = probePreload(code);
    fake.exposed.push({ name: 'other', api: {} });
    expect(() => assertPreloadExposesOnly(fake, 'kiosk', CALL_NAMES)).toThrow(/2 times/);
    const extra = `const { contextBridge, ipcRenderer } = require('electron'); const a = {}; for (const n of ${JSON.stringify([...CALL_NAMES, 'exec'])}) a[n] = (i) => ipcRenderer.invoke(n, i); contextBridge.exposeInMainWorld('kiosk', a);`;
    expect(() => assertPreloadExposesOnly(probePreload(extra), 'kiosk', CALL_NAMES)).toThrow(/exec/);
    const fsPreload = "require('fs'); require('electron').contextBridge.exposeInMainWorld('kiosk', {});";
    expect(() => probePreload(fsPreload)).toThrow(/cannot require fs/);
  });
});
