// Starts the real browser-mode host (node out/main/host.js serve) on a fresh workspace for one test, reads
// the URL it prints, and stops it gracefully (SIGTERM, so it saves and unlocks) — or restarts it.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

export interface Host {
  url: string;
  workspace: string;
  output: () => string;
  stop(): Promise<void>;
}

export async function newWorkspaceDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'tagwright-e2e-'));
}

/**
 * Starts a host on `workspace`; `configDir` is the user's preferences folder (default: one per workspace);
 * `appRoot` is another build of the app (the benchmarks compare two commits), this checkout by default.
 */
export async function startHost(
  workspace: string,
  configDir = `${workspace}-config`,
  appRoot = ROOT,
): Promise<Host> {
  const child = spawn(
    process.execPath,
    [join(appRoot, 'out', 'main', 'host.js'), 'serve', '--workspace', workspace],
    {
      cwd: appRoot,
      stdio: ['ignore', 'pipe', 'pipe'],
      // Each test is a user of its own: preferences (who they are in each workspace) live beside its workspace.
      env: { ...process.env, TAGWRIGHT_CONFIG_DIR: configDir },
    },
  );
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const url = await waitForUrl(child, () => output);
  return { url, workspace, output: () => output, stop: () => stopChild(child) };
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
        reject(new Error(`host exited with ${child.exitCode}:\n${output()}`));
      }
    }, 50);
  });
}

function stopChild(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export async function removeWorkspace(dir: string): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  await rm(`${dir}-config`, { recursive: true, force: true });
  await rm(`${dir}-config-colleague`, { recursive: true, force: true });
}
