// The only renderer module that touches the bridge (src/renderer/api). In Electron it calls the preload's
// `window.tagwright`; in browser mode it POSTs to the host's /api/<method> with the per-launch token and reads
// the event stream over fetch (so the token travels in a header, never in a URL). Both are derived from the
// contract's method names, so the renderer sees one typed `api` and one `events` source either way.
import {
  EVENTS_PATH,
  methodNames,
  type MethodName,
  type RequestOf,
  type ResponseOf,
  type Result,
  type WorkbenchEvent,
} from '@shared/api';
import { readAccessToken } from './access-token';
import { readEventStream } from './event-stream';

export type TagwrightApi = { [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>> };

export interface EventSource {
  /** Calls `listener` with every event main sends about changes made elsewhere; returns the unsubscriber. */
  subscribe(listener: (event: WorkbenchEvent) => void): () => void;
}

export interface Backend {
  api: TagwrightApi;
  events: EventSource;
  /** True when running in Electron (native dialogs), false in browser mode (downloads). */
  electron: boolean;
}

type Bridge = Record<MethodName, (request: unknown) => Promise<unknown>> & {
  onEvent(listener: (event: unknown) => void): () => void;
};

declare global {
  interface Window {
    tagwright?: Bridge;
  }
}

const CLIENT_ID = `tab-${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}`;

function httpHeaders(token: string | null): Record<string, string> {
  return { 'x-tagwright-token': token ?? '', 'x-tagwright-client': CLIENT_ID };
}

function httpCall(method: MethodName, token: string | null) {
  return async (request: unknown): Promise<unknown> => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', ...httpHeaders(token) },
        body: JSON.stringify(request),
        // A save sent while the page unloads (a note typed just before a reload) still reaches main.
        keepalive: method === 'annotations:apply',
      });
      return (await response.json()) as unknown;
    } catch (error) {
      return {
        ok: false,
        error: { code: 'io-error', message: `The Tagwright host did not answer: ${String(error)}` },
      };
    }
  };
}

function listenerSet(start: (emit: (event: WorkbenchEvent) => void) => void): EventSource {
  const listeners = new Set<(event: WorkbenchEvent) => void>();
  let started = false;
  return {
    subscribe(listener) {
      listeners.add(listener);
      if (!started) {
        started = true;
        start((event) => [...listeners].forEach((l) => l(event)));
      }
      return () => listeners.delete(listener);
    },
  };
}

function createBackend(): Backend {
  const bridge = window.tagwright;
  if (bridge !== undefined) {
    const calls = Object.fromEntries(methodNames.map((method) => [method, bridge[method]]));
    const events = listenerSet((emit) => bridge.onEvent((event) => emit(event as WorkbenchEvent)));
    return { api: calls as unknown as TagwrightApi, events, electron: true };
  }
  const token = readAccessToken();
  const calls = Object.fromEntries(methodNames.map((method) => [method, httpCall(method, token)]));
  const events = listenerSet((emit) => readEventStream(EVENTS_PATH, httpHeaders(token), emit));
  return { api: calls as unknown as TagwrightApi, events, electron: false };
}

export const backend: Backend = createBackend();
