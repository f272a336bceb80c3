// The only renderer module that touches the bridge (src/renderer/api). In Electron it calls the preload's
// `window.tagwright`; in browser mode it POSTs to the host's /api/<method> with the per-launch token.
// Both are derived from the contract's method names, so the renderer sees one typed `api` either way.
import { methodNames, type MethodName, type RequestOf, type ResponseOf, type Result } from '@shared/api';
import { readAccessToken } from './access-token';

export type TagwrightApi = { [M in MethodName]: (request: RequestOf<M>) => Promise<Result<ResponseOf<M>>> };

type Bridge = Record<MethodName, (request: unknown) => Promise<unknown>>;

declare global {
  interface Window {
    tagwright?: Bridge;
  }
}

function httpCall(method: MethodName, token: string | null) {
  return async (request: unknown): Promise<unknown> => {
    try {
      const response = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', 'x-tagwright-token': token ?? '' },
        body: JSON.stringify(request),
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

function createApi(): TagwrightApi {
  const bridge = window.tagwright;
  const token = bridge === undefined ? readAccessToken() : null;
  const calls = Object.fromEntries(
    methodNames.map((method) => [method, bridge !== undefined ? bridge[method] : httpCall(method, token)]),
  );
  return calls as unknown as TagwrightApi;
}

export const api: TagwrightApi = createApi();
