// The real browser-mode host for the renderer benchmark (bench/, Node): the end-to-end tests' host launcher
// (e2e/support/host.ts: `node out/main/host.js serve` on a fresh temp workspace), plus calls to its HTTP API
// with the per-launch token, the way the renderer makes them (POST /api/<method>, x-tagwright-token, JSON).
import type { MethodName, RequestOf, ResponseOf, Result } from '@shared/api';
import { newWorkspaceDir, removeWorkspace, startHost } from '../../e2e/support/host';

export const CHROMIUM = process.env['TAGWRIGHT_CHROMIUM'] ?? '/usr/bin/chromium';
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

export interface BenchHost {
  url: string;
  workspace: string;
  call<M extends MethodName>(method: M, payload: RequestOf<M>): Promise<ResponseOf<M>>;
  /** Stops the host gracefully (SIGTERM: it saves and unlocks) and deletes the workspace. */
  stop(): Promise<void>;
}

/**
 * `appRoot`: another build of the app to run (see lib/build-ref.ts); this checkout's by default.
 * `workspace`: an existing workspace (kept on stop); a fresh temp one (deleted on stop) by default.
 */
export async function startBenchHost(
  options: { appRoot?: string; workspace?: string } = {},
): Promise<BenchHost> {
  const fresh = options.workspace === undefined;
  const host = await startHost(options.workspace ?? (await newWorkspaceDir()), undefined, options.appRoot);
  const { url, workspace } = host;
  const { origin, searchParams } = new URL(url);
  const token = searchParams.get('token') ?? '';
  return {
    url,
    workspace,
    async call(method, payload) {
      const response = await fetch(`${origin}/api/${method}`, {
        method: 'POST',
        headers: { 'x-tagwright-token': token, 'content-type': 'application/json' },
        body: JSON.stringify(payload),
      });
      const result = (await response.json()) as Result<ResponseOf<typeof method>>;
      if (!result.ok) throw new Error(`${method} failed: ${result.error.code}: ${result.error.message}`);
      return result.value;
    },
    async stop() {
      await host.stop();
      if (fresh) await removeWorkspace(workspace);
    },
  };
}
