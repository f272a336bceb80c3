// The built host a malformed import meets (bench/reliability, Node only): the host itself, restarted after a
// SIGKILL when an import freezes it (as an analyst would), and a probe asking for the workspace every 100 ms
// meanwhile, so how long any request waited behind an import is measured, not guessed.
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import type { Result } from '@shared/api';
import { startServe, type ServeProcess } from '../lib/built-host';
import { messageOf, sleep } from '../lib/campaign';
import type { Tally } from '../lib/figures';

const WAIT_LIMIT_MS = 1000;

/** Asks the host for the workspace every 100 ms and remembers how long each answer took. */
export class Probe {
  private readonly answers: { start: number; end: number }[] = [];
  private running = true;
  private loop: Promise<void> = Promise.resolve();

  constructor(private readonly host: () => ServeProcess) {}

  start(): void {
    this.loop = (async () => {
      while (this.running) {
        const start = performance.now();
        await this.host()
          .call('workspace:get', {}, 60_000)
          .catch(() => undefined);
        this.answers.push({ start, end: performance.now() });
        await sleep(100);
      }
    })();
  }

  /** The longest wait of a probe that was on the wire during [from, to]. */
  longestWait(from: number, to: number): number {
    const overlapping = this.answers.filter((a) => a.start < to && a.end > from);
    return Math.max(0, ...overlapping.map((a) => a.end - a.start));
  }

  async stop(): Promise<void> {
    this.running = false;
    await this.loop;
  }
}

/** The host under attack; restarted (after a SIGKILL) when an import freezes it, as an analyst would. */
export class ImportHost {
  private constructor(
    private readonly dir: string,
    public host: ServeProcess,
  ) {}

  static async start(dir: string): Promise<ImportHost> {
    const outcome = await startServe(dir);
    if (outcome.kind === 'refused') throw new Error(outcome.output);
    return new ImportHost(dir, outcome.host);
  }

  async restart(): Promise<void> {
    await this.host.stop('SIGKILL');
    await rm(join(this.dir, '.lock'), { recursive: true, force: true });
    const outcome = await startServe(this.dir);
    if (outcome.kind === 'refused') throw new Error(outcome.output);
    this.host = outcome.host;
  }
}

/**
 * Runs one import call while the probe runs: no probe may wait more than a second (`slow`), and a call with no
 * answer within `limit` is `slow` too and restarts the host. Returns the answer, or null after a restart.
 */
export async function timed(
  target: ImportHost,
  probe: Probe,
  tally: Tally,
  label: string,
  limit: number,
  call: (host: ServeProcess) => Promise<Result<unknown>>,
): Promise<Result<unknown> | null> {
  const from = performance.now();
  const result = await call(target.host).catch((e: unknown) => messageOf(e));
  const wait = probe.longestWait(from, performance.now());
  tally.expect(
    wait <= WAIT_LIMIT_MS,
    'slow',
    () => `while importing ${label} a request waited ${Math.round(wait)} ms`,
  );
  if (typeof result !== 'string') return result;
  tally.fail('slow', `${label}: no answer within ${limit} ms (${result}); host killed`);
  await target.restart();
  return null;
}
