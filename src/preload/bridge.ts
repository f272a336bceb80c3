// The object the preload exposes as `window.tagwright` (src/preload): one function per contract method that
// forwards the request, and nothing else (no ipcRenderer, no event access). Free of electron imports so its
// exact shape is snapshot-tested; index.ts hands it the real ipcRenderer.invoke.
import { methodNames, type MethodName } from '@shared/api/methods';

export type Invoke = (channel: MethodName, request: unknown) => Promise<unknown>;
export type Bridge = Readonly<Record<MethodName, (request: unknown) => Promise<unknown>>>;

export function buildBridge(invoke: Invoke): Bridge {
  const bridge = Object.create(null) as Record<MethodName, (request: unknown) => Promise<unknown>>;
  // Exactly one argument crosses: the renderer cannot smuggle extra ones to main.
  for (const method of methodNames) bridge[method] = (request: unknown) => invoke(method, request);
  return Object.freeze(bridge);
}
