// The object the preload exposes as `window.tagwright` (src/preload): one function per contract method that
// forwards the request, and `onEvent` to hear main's events — nothing else (no ipcRenderer itself). Free of
// electron imports so its exact shape is snapshot-tested; index.ts hands it the real ipcRenderer calls.
import { methodNames, type MethodName } from '@shared/api/methods';

export type Invoke = (channel: MethodName, request: unknown) => Promise<unknown>;
export type Subscribe = (listener: (event: unknown) => void) => () => void;
export type Bridge = Readonly<
  Record<MethodName, (request: unknown) => Promise<unknown>> & {
    onEvent: (listener: (event: unknown) => void) => () => void;
  }
>;

export function buildBridge(invoke: Invoke, subscribe: Subscribe): Bridge {
  const bridge = Object.create(null) as Record<string, unknown>;
  // Exactly one argument crosses: the renderer cannot smuggle extra ones to main.
  for (const method of methodNames) bridge[method] = (request: unknown) => invoke(method, request);
  // Only the event itself reaches the page, never the IpcRendererEvent (which holds the sender).
  bridge.onEvent = (listener: (event: unknown) => void) => subscribe((event) => listener(event));
  return Object.freeze(bridge) as Bridge;
}
