// The preload bridge (src/preload): exposes `window.tagwright`, built by bridge.ts from the contract's method
// names plus `onEvent` for the events main sends; it carries no logic and no Node access.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { EVENT_CHANNEL } from '@shared/api/workbench-events';
import { buildBridge } from './bridge';

contextBridge.exposeInMainWorld(
  'tagwright',
  buildBridge(
    (channel, request) => ipcRenderer.invoke(channel, request),
    (listener) => {
      const forward = (_event: IpcRendererEvent, payload: unknown) => listener(payload);
      ipcRenderer.on(EVENT_CHANNEL, forward);
      return () => ipcRenderer.removeListener(EVENT_CHANNEL, forward);
    },
  ),
);
