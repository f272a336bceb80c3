// The benchmark report (bench/): every figure is a row with its baseline measured in the same run, printed
// as a compact table and written as JSON to bench/results/latest.json. A ratio is always value / baseline;
// a row may carry the target for it, printed as met or missed.
import { mkdir, writeFile } from 'node:fs/promises';
import { cpus } from 'node:os';
import { dirname } from 'node:path';
import type { Samples } from './stats';

export type Unit = 'ms' | 'MB' | 'docs/s' | 'KB/s' | 'MB/s' | 'nodes' | '%' | 'x';

export type Suite = 'store' | 'import' | 'export' | 'editor' | 'renderer' | 'workspace' | 'suggest';

/** A target from the issue: the value (or the ratio value / baseline) must stay at or under / over a limit. */
export interface Target {
  of: 'value' | 'ratio';
  at: 'most' | 'least';
  limit: number;
}

export interface Row {
  /** Which benchmark the row belongs to: printed before the name ("store: …"). */
  suite: Suite;
  name: string;
  unit: Unit;
  value: number;
  baseline: number;
  /** What the baseline is, in a few words: "5 KB doc". */
  baselineName: string;
  /** The full sample summaries behind value and baseline, when they are medians. */
  samples?: { value?: Samples; baseline?: Samples };
  target?: Target;
}

/** Facts that help read the rows (file sizes, DOM sizes, counts): printed under the table. */
export type Notes = Record<string, string | number>;

export interface SuiteResult {
  rows: Row[];
  notes: Notes;
}

export function row(
  suite: Suite,
  name: string,
  unit: Unit,
  value: Samples | number,
  baseline: Samples | number,
  baselineName: string,
  target?: Target,
): Row {
  const median = (s: Samples | number): number => (typeof s === 'number' ? s : s.median);
  const samples: Row['samples'] = {};
  if (typeof value !== 'number') samples.value = value;
  if (typeof baseline !== 'number') samples.baseline = baseline;
  const result: Row = {
    suite,
    name,
    unit,
    value: median(value),
    baseline: median(baseline),
    baselineName,
    samples,
  };
  if (target !== undefined) result.target = target;
  return result;
}

/** Shorthands for targets: `atMost(16)` on the value, `ratioAtLeast(0.5)` on value / baseline. */
export const atMost = (limit: number): Target => ({ of: 'value', at: 'most', limit });
export const ratioAtLeast = (limit: number): Target => ({ of: 'ratio', at: 'least', limit });

export function formatValue(value: number, unit: Unit): string {
  if (!Number.isFinite(value)) return 'n/a';
  if (unit === 'docs/s' || unit === 'KB/s' || unit === 'nodes')
    return `${Math.round(value).toLocaleString('en')} ${unit}`;
  if (unit === '%') return `${value.toFixed(0)} %`;
  const digits = Math.abs(value) >= 100 ? 0 : Math.abs(value) >= 10 ? 1 : 2;
  return `${value.toFixed(unit === 'MB' || unit === 'MB/s' ? 1 : digits)} ${unit}`;
}

export function formatRatio(ratio: number): string {
  if (!Number.isFinite(ratio)) return 'n/a';
  return `${ratio >= 100 ? ratio.toFixed(0) : Number(ratio.toPrecision(2)).toString()}x`;
}

/** Whether the row meets its target (undefined: no target, or nothing measured). */
export function targetMet(r: Row): boolean | undefined {
  if (r.target === undefined) return undefined;
  const figure = r.target.of === 'value' ? r.value : r.value / r.baseline;
  if (!Number.isFinite(figure)) return undefined;
  return r.target.at === 'most' ? figure <= r.target.limit : figure >= r.target.limit;
}

export function formatTarget(r: Row): string {
  if (r.target === undefined) return '';
  const { of, at, limit } = r.target;
  const bound = `${at === 'most' ? '≤' : '≥'} ${of === 'ratio' ? formatRatio(limit) : formatValue(limit, r.unit)}`;
  const met = targetMet(r);
  return `${met === undefined ? '?' : met ? 'met' : 'MISSED'} (${bound})`;
}

export function formatTable(rows: readonly Row[], notes: Notes): string {
  const cells = rows.map((r) => [
    `${r.suite}: ${r.name}`,
    formatValue(r.value, r.unit),
    formatValue(r.baseline, r.unit),
    `${formatRatio(r.value / r.baseline)} (${r.baselineName})`,
    formatTarget(r),
  ]);
  const header = ['benchmark', 'value', 'baseline', 'ratio', 'target'];
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]): string =>
    c
      .map((cell, i) => (i === 1 || i === 2 ? cell.padStart(widths[i]!) : cell.padEnd(widths[i]!)))
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
    rows: rows.map((r) => ({ ...r, ratio: r.value / r.baseline, targetMet: targetMet(r) })),
    notes,
  };
  await mkdir(dirname(path), { recursive: true });
  // Three decimals are far below the run-to-run noise; more would only make the file harder to read.
  const round = (_key: string, value: unknown): unknown =>
    typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1000) / 1000 : value;
  await writeFile(path, `${JSON.stringify(report, round, 2)}\n`);
}
