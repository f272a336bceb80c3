// The built app as the campaigns meet it (bench/reliability, Node only): `node out/main/host.js serve` started
// on a workspace (optionally under a low open-file limit), the CLI run to completion, and raw HTTP requests
// with any headers, so guards can be fed forged Host, Origin and token values that fetch() would refuse to send.
// Every process gets the preferences folder of its workspace (`configDirFor`), never the real user's.
import { spawn, type ChildProcess } from 'node:child_process';
import { request } from 'node:http';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Result } from '@shared/api';

export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const HOST_SCRIPT = join(REPO_ROOT, 'out', 'main', 'host.js');
const URL_LINE = /Open this URL: (http:\/\/127\.0\.0\.1:(\d+)\/\?token=(\S+))/;

/**
 * The preferences folder (who the analyst is, per workspace) of everything the campaigns run on `workspace`:
 * beside it, as the end-to-end host does, so a restarted host knows the same analyst and no run reads or
 * writes the real user's config folder.
 */
export function configDirFor(workspace: string): string {
  return `${workspace}-config`;
}

export interface HttpReply {
  status: number;
  body: string;
  ms: number;
}

export interface RawRequest {
  port: number;
  method?: string;
  path: string;
  headers?: Record<string, string>;
  body?: string | Buffer;
  timeoutMs?: number;
  /** Sends no Host header at all (by default one is added unless `headers` has its own). */
  omitHost?: boolean;
}

/** One HTTP request exactly as given (no header normalisation); rejects on a network error or timeout. */
export function httpRequest(options: RawRequest): Promise<HttpReply> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const req = request(
      {
        host: '127.0.0.1',
        port: options.port,
        method: options.method ?? 'GET',
        path: options.path,
        headers: options.headers,
        agent: false,
        setHost:
          !options.omitHost && !Object.keys(options.headers ?? {}).some((h) => h.toLowerCase() === 'host'),
      },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            body: Buffer.concat(chunks).toString('utf8'),
            ms: performance.now() - started,
          }),
        );
        res.on('error', reject);
      },
    );
    req.setTimeout(options.timeoutMs ?? 30_000, () => req.destroy(new Error('request timed out')));
    req.on('error', reject);
    req.end(options.body);
  });
}

export interface ServeProcess {
  readonly pid: number;
  readonly port: number;
  readonly token: string;
  readonly workspace: string;
  output(): string;
  /** Calls POST /api/<method> with the token, as the renderer does. */
  call(method: string, payload: unknown, timeoutMs?: number): Promise<Result<unknown>>;
  /** Sends `signal` (default SIGTERM: the host saves and unlocks) and resolves once the process is gone. */
  stop(signal?: NodeJS.Signals): Promise<void>;
  readonly exited: Promise<number | null>;
}

export interface ServeOptions {
  /** Starts the host under `ulimit -n <n>`, the way a desktop session with a low limit would. */
  openFileLimit?: number;
  timeoutMs?: number;
}

function spawnBuilt(args: string[], configDir: string, openFileLimit?: number): ChildProcess {
  const options = {
    cwd: REPO_ROOT,
    stdio: ['ignore', 'pipe', 'pipe'] as ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, TAGWRIGHT_CONFIG_DIR: configDir },
  };
  if (openFileLimit === undefined) return spawn(process.execPath, [HOST_SCRIPT, ...args], options);
  const quoted = [process.execPath, HOST_SCRIPT, ...args].map((a) => `'${a.replace(/'/g, `'\\''`)}'`);
  return spawn('/bin/sh', ['-c', `ulimit -n ${openFileLimit} && exec ${quoted.join(' ')}`], options);
}

export type ServeOutcome =
  { kind: 'started'; host: ServeProcess } | { kind: 'refused'; output: string; exitCode: number | null };

/** Starts `serve`; resolves when it prints its URL, or with its output when it exits first (e.g. locked). */
export function startServe(workspace: string, options: ServeOptions = {}): Promise<ServeOutcome> {
  const child = spawnBuilt(
    ['serve', '--workspace', workspace],
    configDirFor(workspace),
    options.openFileLimit,
  );
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`serve printed no URL within ${options.timeoutMs ?? 30_000} ms:\n${output}`));
    }, options.timeoutMs ?? 30_000);
    const onData = (chunk: Buffer): void => {
      output += chunk.toString();
      const match = URL_LINE.exec(output);
      if (match === null) return;
      clearTimeout(timer);
      resolve({
        kind: 'started',
        host: serveHandle(child, workspace, Number(match[2]), match[3] ?? '', () => output, exited),
      });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      resolve({ kind: 'refused', output, exitCode: code });
    });
  });
}

/** Starts `serve` and fails loudly if it is refused. */
export async function mustServe(workspace: string, options: ServeOptions = {}): Promise<ServeProcess> {
  const outcome = await startServe(workspace, options);
  if (outcome.kind === 'refused')
    throw new Error(`serve refused to start (${outcome.exitCode}):\n${outcome.output}`);
  return outcome.host;
}

function serveHandle(
  child: ChildProcess,
  workspace: string,
  port: number,
  token: string,
  output: () => string,
  exited: Promise<number | null>,
): ServeProcess {
  return {
    pid: child.pid ?? -1,
    port,
    token,
    workspace,
    output,
    exited,
    async call(method, payload, timeoutMs) {
      const reply = await httpRequest({
        port,
        method: 'POST',
        path: `/api/${method}`,
        headers: { 'content-type': 'application/json', 'x-tagwright-token': token },
        body: JSON.stringify(payload),
        timeoutMs,
      });
      return JSON.parse(reply.body) as Result<unknown>;
    },
    async stop(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal);
      await exited;
    },
  };
}

export interface CliRun {
  exitCode: number | null;
  output: string;
  ms: number;
}

/**
 * Runs `node out/main/host.js <command> --workspace <workspace> <args>` to completion (killed after
 * `timeoutMs`), with the workspace's preferences folder.
 */
export function runBuiltCli(
  command: string,
  workspace: string,
  args: string[],
  timeoutMs = 60_000,
): Promise<CliRun> {
  const started = performance.now();
  const child = spawnBuilt([command, '--workspace', workspace, ...args], configDirFor(workspace));
  let output = '';
  child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
  return new Promise((resolve) =>
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolve({ exitCode: code, output, ms: performance.now() - started });
    }),
  );
}
