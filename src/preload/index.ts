// The preload bridge (src/preload): exposes one function per contract method as `window.tagwright`, built by
// bridge.ts from the contract's method names; it carries no logic and no Node access.
import { contextBridge, ipcRenderer } from 'electron';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'tagwright',
  buildBridge((channel, request) => ipcRenderer.invoke(channel, request)),
);
