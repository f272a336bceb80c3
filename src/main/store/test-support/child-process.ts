// Starts `store-child.ts` in a separate Node process through tsx (src/main, tests only), so crash tests can
// SIGKILL a real writer at random moments and lock tests can hold a workspace from another process.
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const childScript = fileURLToPath(new URL('./store-child.ts', import.meta.url));

export interface StoreChild {
  readonly process: ChildProcess;
  /** Every complete stdout line so far. */
  readonly lines: string[];
  /** Resolves when a line matching `pattern` has been printed (rejects if the child exits first). */
  waitForLine(pattern: RegExp, timeoutMs?: number): Promise<string>;
  /** Sends SIGKILL and resolves once the process is gone. */
  kill(): Promise<void>;
}

export function startStoreChild(args: string[]): StoreChild {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, ...args], {
    cwd: repoRoot,
    env: { ...process.env, TSX_TSCONFIG_PATH: `${repoRoot}tsconfig.main.json` },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: string[] = [];
  let partial = '';
  let stderr = '';
  const listeners = new Set<() => void>();
  child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
    const parts = (partial + chunk).split('\n');
    partial = parts.pop() ?? '';
    lines.push(...parts);
    for (const listener of listeners) listener();
  });
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  exited.then(() => listeners.forEach((listener) => listener()));

  return {
    process: child,
    lines,
    waitForLine(pattern, timeoutMs = 15_000) {
      return new Promise((resolve, reject) => {
        const timer = setTimeout(
          () => finish(new Error(`child printed no ${pattern} within ${timeoutMs} ms`)),
          timeoutMs,
        );
        const finish = (error: Error | null, line?: string): void => {
          clearTimeout(timer);
          listeners.delete(check);
          if (error) reject(error);
          else resolve(line as string);
        };
        const check = (): void => {
          const line = lines.find((l) => pattern.test(l));
          if (line !== undefined) finish(null, line);
          else if (child.exitCode !== null || child.signalCode !== null) {
            finish(
              new Error(`child exited (${child.exitCode ?? child.signalCode}) before ${pattern}: ${stderr}`),
            );
          }
        };
        listeners.add(check);
        check();
      });
    },
    async kill() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
