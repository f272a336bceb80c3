// The benchmark report (bench/): every figure is a row with its baseline measured in the same run, printed
// as a compact table and written as JSON to bench/results/latest.json. A ratio is always value / baseline.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type { Samples } from './stats';

export type Unit = 'ms' | 'MB' | 'docs/s' | 'KB/s';

export interface Row {
  /** Which benchmark the row belongs to: printed before the name ("store: …"). */
  suite: 'store' | 'import' | 'editor' | 'renderer' | 'suggest';
  name: string;
  unit: Unit;
  value: number;
  baseline: number;
  /** What the baseline is, in a few words: "5 KB doc". */
  baselineName: string;
  /** The full sample summaries behind value and baseline, when they are medians. */
  samples?: { value?: Samples; baseline?: Samples };
}

/** Facts that help read the rows (file sizes, DOM sizes, counts): printed under the table. */
export type Notes = Record<string, string | number>;

export interface SuiteResult {
  rows: Row[];
  notes: Notes;
}

export function row(
  suite: Row['suite'],
  name: string,
  unit: Unit,
  value: Samples | number,
  baseline: Samples | number,
  baselineName: string,
): Row {
  const median = (s: Samples | number): number => (typeof s === 'number' ? s : s.median);
  const samples: Row['samples'] = {};
  if (typeof value !== 'number') samples.value = value;
  if (typeof baseline !== 'number') samples.baseline = baseline;
  return { suite, name, unit, value: median(value), baseline: median(baseline), baselineName, samples };
}

export function formatValue(value: number, unit: Unit): string {
  if (unit === 'docs/s' || unit === 'KB/s') return `${value.toFixed(0)} ${unit}`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(unit === 'MB' ? 1 : digits)} ${unit}`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return `${ratio >= 100 ? ratio.toFixed(0) : Number(ratio.toPrecision(2)).toString()}x`;
}

export function formatTable(rows: readonly Row[], notes: Notes): string {
  const cells = rows.map((r) => [
    `${r.suite}: ${r.name}`,
    formatValue(r.value, r.unit),
    formatValue(r.baseline, r.unit),
    `${formatRatio(r.value / r.baseline)} (${r.baselineName})`,
  ]);
  const header = ['benchmark', 'value', 'baseline', 'ratio'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string =>
    c
      .map((cell, i) => (i === 0 || i === 3 ? cell.padEnd(widths[i]!) : cell.padStart(widths[i]!)))
      .join('   ')
      .trimEnd();
  const noteLines = Object.entries(notes).map(([key, value]) => `  ${key}: ${value}`);
  return [line(header), ...cells.map(line), '', 'notes:', ...noteLines].join('\n');
}

export async function writeJson(
  path: string,
  rows: readonly Row[],
  notes: Notes,
  seconds: Record<string, number>,
): Promise<void> {
  const report = {
    startedAt: new Date().toISOString(),
    machine: { node: process.version, platform: process.platform, cpus: cpus().length },
    secondsPerSuite: seconds,
    rows: rows.map((r) => ({ ...r, ratio: r.value / r.baseline })),
    notes,
  };
  await mkdir(dirname(path), { recursive: true });
  // Three decimals are far below the run-to-run noise; more would only make the file harder to read.
  const round = (_key: string, value: unknown): unknown =>
    typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
  await writeFile(path, `${JSON.stringify(report, round, 2)}\n`);
}
