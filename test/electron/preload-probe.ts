/**
 * Runs a built preload (dist/main/preload.cjs) in a bare VM context whose only
 * module is a stand-in `electron`, and records what it exposes. Used by the
 * unit test and by `npm run package:check` on the preload inside the app.asar.
 */
import vm from 'node:vm';

export interface PreloadProbe {
  /** Every exposeInMainWorld call: the global's name and what was exposed. */
  exposed: { name: string; api: unknown }[];
  /** Modules the preload asked for. */
  required: string[];
  /** Channels invoked, in order, with their input. */
  invoked: { channel: string; input: unknown }[];
  /** The ipcRenderer stand-in, to check it never leaks. */
  ipcRenderer: object;
}

export function probePreload(code: string): PreloadProbe {
  const invoked: PreloadProbe['invoked'] = [];
  const ipcRenderer = {
    invoke: (channel: string, input: unknown) => {
      invoked.push({ channel, input });
      return Promise.resolve({ ok: true, value: channel });
    },
    send: () => {
      throw new Error('send must not be used');
    },
    on: () => {
      throw new Error('on must not be used');
    },
  };
  const exposed: PreloadProbe['exposed'] = [];
  const required: string[] = [];
  const electron = {
    contextBridge: { exposeInMainWorld: (name: string, api: unknown) => void exposed.push({ name, api }) },
    ipcRenderer,
  };
  const fakeRequire = (id: string) => {
    required.push(id);
    if (id === 'electron') return electron;
    // A sandboxed preload can load nothing else.
    throw new Error(`a sandboxed preload cannot require ${id}`);
  };
  const module = { exports: {} as unknown };
  const context = vm.createContext({ require: fakeRequire, module, exports: module.exports, Promise, Object });
  vm.runInContext(code, context, { filename: 'preload.cjs', timeout: 5_000 });
  return { exposed, required, invoked, ipcRenderer };
}

/** Throws unless the preload exposes exactly `callNames` on `globalName` and nothing of ipcRenderer. */
export function assertPreloadExposesOnly(probe: PreloadProbe, globalName: string, callNames: readonly string[]): void {
  if (probe.exposed.length !== 1) throw new Error(`exposeInMainWorld called ${probe.exposed.length} times (want 1)`);
  const { name, api } = probe.exposed[0]!;
  if (name !== globalName) throw new Error(`exposed on "${name}" (want "${globalName}")`);
  if (typeof api !== 'object' || api === null) throw new Error('exposed a non-object');
  const keys = Object.keys(api).sort();
  const want = [...callNames].sort();
  if (JSON.stringify(keys) !== JSON.stringify(want)) throw new Error(`exposed ${keys.join(',')} (want ${want.join(',')})`);
  for (const key of keys) {
    const value = (api as Record<string, unknown>)[key];
    if (typeof value !== 'function') throw new Error(`${key} is not a function`);
    if (value === probe.ipcRenderer || Object.values(probe.ipcRenderer).includes(value)) throw new Error(`${key} is ipcRenderer itself`);
  }
  if (probe.required.some((id) => id !== 'electron')) throw new Error(`preload requires ${probe.required.join(',')}`);
}
