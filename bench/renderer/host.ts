// The real browser-mode host for the renderer benchmark (bench/, Node): starts `node out/main/host.js serve`
// on a fresh temp workspace, reads the URL it prints, and calls its HTTP API with the per-launch token, the
// way the renderer does (POST /api/<method>, x-tagwright-token, JSON).
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { MethodName, RequestOf, ResponseOf, Result } from '@shared/api';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface BenchHost {
  url: string;
  workspace: string;
  call<M extends MethodName>(method: M, payload: RequestOf<M>): Promise<ResponseOf<M>>;
  /** Stops the host gracefully (SIGTERM: it saves and unlocks) and deletes the workspace. */
  stop(): Promise<void>;
}

export async function startBenchHost(): Promise<BenchHost> {
  const workspace = await mkdtemp(join(tmpdir(), 'tagwright-bench-host-'));
  const child = spawn(
    process.execPath,
    [join(ROOT, 'out', 'main', 'host.js'), 'serve', '--workspace', workspace],
    { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitForUrl(child, () => output);
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
      await stopChild(child);
      await rm(workspace, { recursive: true, force: true });
    },
  };
}

function waitForUrl(child: ChildProcess, output: () => string): Promise<string> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(() => {
      const match = /Open this URL: (http:\/\/127\.0\.0\.1:\d+\/\?token=\S+)/.exec(output());
      if (match !== null) {
        clearInterval(timer);
        resolve(match[1]!);
      } else if (child.exitCode !== null) {
        clearInterval(timer);
        reject(new Error(`the host exited with ${child.exitCode}:\n${output()}`));
      }
    }, 50);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}
