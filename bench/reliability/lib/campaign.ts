// What every reliability campaign receives and provides (bench/reliability, Node only): the run's options
// (quick sample or full campaign, the seed, a scratch folder, a progress log) and small helpers they share.
import { mkdtemp } from 'node:fs/promises';
import { join } from 'node:path';
import { seeded } from '../../lib/corpus';
import { Tally, type CampaignResult } from './figures';

export interface CampaignOptions {
  /** A small sample of each campaign (what `npm test` runs); the full campaign otherwise. */
  quick: boolean;
  seed: number;
  /** A folder of the run's own, removed afterwards; campaigns make their workspaces inside it. */
  scratch: string;
  log: (message: string) => void;
  /** The share of the full campaign's largest counts to run (`--scale`, default 1); never below the sample. */
  scale?: number;
  /** `--shard i/n`: this process runs the i-th of n shares of API fuzzing's batches (1-based). */
  shard?: Shard;
}

export interface Shard {
  index: number;
  count: number;
}

/** Whether batch `batch` (0-based) is this process's to run. */
export function inShard(options: CampaignOptions, batch: number): boolean {
  const shard = options.shard ?? { index: 1, count: 1 };
  return batch % shard.count === shard.index - 1;
}

/** Parses `i/n` (1 ≤ i ≤ n), or says what is wrong with it. */
export function parseShard(text: string): Shard | string {
  const match = /^(\d+)\/(\d+)$/.exec(text);
  const [index, count] = [Number(match?.[1]), Number(match?.[2])];
  if (match === null || index < 1 || index > count)
    return `--shard is i/n with 1 ≤ i ≤ n, e.g. 1/2 (got ${text})`;
  return { index, count };
}

/** How many of something to try: `quick` in the sample, else `full` times the run's scale. */
export function sized(options: CampaignOptions, quick: number, full: number): number {
  if (options.quick) return quick;
  return Math.max(quick, Math.round(full * (options.scale ?? 1)));
}

export interface Campaign {
  name: string;
  /** One sentence: what the campaign attacks. */
  summary: string;
  run(options: CampaignOptions): Promise<CampaignResult>;
}

/**
 * A campaign from its body: the body attacks and records into the tally (whose must-be-zero figures are the
 * standard six plus `zeroFigures`); timing and the result are the same for every campaign.
 */
export function defineCampaign(
  name: string,
  summary: string,
  zeroFigures: readonly string[],
  body: (options: CampaignOptions, tally: Tally) => Promise<void>,
): Campaign {
  return {
    name,
    summary,
    async run(options) {
      const started = performance.now();
      const tally = new Tally(zeroFigures);
      await body(options, tally);
      return tally.result(name, (performance.now() - started) / 1000);
    },
  };
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** A fresh folder inside the run's scratch folder. */
export function freshDir(options: CampaignOptions, name: string): Promise<string> {
  return mkdtemp(join(options.scratch, `${name}-`));
}

/** The campaign's random source: the run's seed mixed with the campaign's name, so campaigns do not correlate. */
export function randomFor(options: CampaignOptions, name: string): () => number {
  let hash = options.seed >>> 0;
  for (const char of name) hash = Math.imul(hash ^ char.charCodeAt(0), 16777619) >>> 0;
  return seeded(hash);
}

/** Resolves with `promise`, or rejects after `ms` with a message saying what did not happen. */
export function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not happen within ${ms} ms`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

/** The message of anything thrown. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

export type { CampaignResult };
