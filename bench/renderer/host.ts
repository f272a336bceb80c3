// The real browser-mode host for the renderer benchmark (bench/, Node): the end-to-end tests' host launcher
// (e2e/support/host.ts: `node out/main/host.js serve` on a fresh temp workspace), plus calls to its HTTP API
// with the per-launch token, the way the renderer makes them (POST /api/<method>, x-tagwright-token, JSON).
import type { MethodName, RequestOf, ResponseOf, Result } from '@shared/api';
import { newWorkspaceDir, removeWorkspace, startHost } from '../../e2e/support/host';

export interface BenchHost {
  url: string;
  workspace: string;
  call<M extends MethodName>(method: M, payload: RequestOf<M>): Promise<ResponseOf<M>>;
  /** Stops the host gracefully (SIGTERM: it saves and unlocks) and deletes the workspace. */
  stop(): Promise<void>;
}

export async function startBenchHost(): Promise<BenchHost> {
  const host = await startHost(await newWorkspaceDir());
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
      await removeWorkspace(workspace);
    },
  };
}
