/**
 * The sandboxed preload: exposes exactly the contract's calls on window.kiosk,
 * each a narrow function over its own channel. Never ipcRenderer itself.
 * Built as one CommonJS file (sandboxed preloads cannot load modules).
 */
import { contextBridge, ipcRenderer } from 'electron';
import { BRIDGE_GLOBAL, CALL_NAMES, ipcChannel } from '../../app/contract/calls';

const api: Record<string, (input: unknown) => Promise<unknown>> = {};
for (const name of CALL_NAMES) {
  api[name] = (input: unknown) => ipcRenderer.invoke(ipcChannel(name), input);
}

contextBridge.exposeInMainWorld(BRIDGE_GLOBAL, Object.freeze(api));
