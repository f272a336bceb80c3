// The preload bridge (src/preload): exposes one function per contract method as `window.tagwright`, built by
// a loop over the contract's method names, plus `onEvent` for the events main sends; no logic, no Node access.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from '@shared/api/workbench-events';
import { methodNames } from '@shared/api/methods';

const methods = Object.fromEntries(
  methodNames.map((method) => [
    method,
    (request: unknown): Promise<unknown> => ipcRenderer.invoke(method, request),
  ]),
);

/** Calls `listener` with every event main sends; returns the function that stops listening. */
function onEvent(listener: (event: unknown) => void): () => void {
  const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
  ipcRenderer.on(EVENT_CHANNEL, forward);
  return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
}

contextBridge.exposeInMainWorld('tagwright', { ...methods, onEvent });
