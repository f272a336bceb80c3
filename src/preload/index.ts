// The preload bridge (src/preload): exposes one function per contract method as `window.tagwright`,
// built by a loop over the contract's method names; it carries no logic and no Node access.
import { contextBridge, ipcRenderer } from 'electron';
import { methodNames } from '@shared/api/methods';

const bridge = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (request: unknown): Promise<unknown> => ipcRenderer.invoke(method, request),
  ]),
);

contextBridge.exposeInMainWorld('tagwright', bridge);
