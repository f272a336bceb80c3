// Timing helpers for the benchmarks (bench/, Node only): run a step repeatedly after a warm-up and keep every
// sample, so each figure is a median with its spread rather than a single lucky or unlucky run.
import { performance } from 'node:perf_hooks';

export interface Samples {
  median: number;
  p90: number;
  min: number;
  max: number;
  n: number;
}

export function summarize(values: readonly number[]): Samples {
  if (values.length === 0) throw new Error('no samples to summarize');
  const sorted = [...values].sort((a, b) => a - b);
  const at = (q: number): number => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
  const mid = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
  return { median, p90: at(0.9), min: sorted[0]!, max: sorted[sorted.length - 1]!, n: sorted.length };
}

/** Milliseconds one awaited call takes. */
export async function timeIt(step: () => Promise<unknown>): Promise<number> {
  const start = performance.now();
  await step();
  return performance.now() - start;
}

/**
 * Runs `step(i)` `warmup` times unmeasured, then `runs` times measured (i keeps counting, so every call can
 * use fresh input). Returns the summary of the measured durations in ms.
 */
export async function sample(
  runs: number,
  warmup: number,
  step: (i: number) => Promise<unknown>,
): Promise<Samples> {
  for (let i = 0; i < warmup; i++) await step(i);
  const durations: number[] = [];
  for (let i = warmup; i < warmup + runs; i++) durations.push(await timeIt(() => step(i)));
  return summarize(durations);
}

/** The same for synchronous work (the editor plugin), timed here around each call. */
export function sampleSync(runs: number, warmup: number, step: (i: number) => void): Samples {
  for (let i = 0; i < warmup; i++) step(i);
  const durations: number[] = [];
  for (let i = warmup; i < warmup + runs; i++) {
    const start = performance.now();
    step(i);
    durations.push(performance.now() - start);
  }
  return summarize(durations);
}
