// Computes each span's nesting level (how many levels of spans it contains, capped), so nested spans draw
// their underlines at different depths and stay readable (src/renderer/editor). Pure; Oper region, proportional to how many spans each span contains.

export interface Interval {
  id: string;
  start: number;
  end: number;
}

export const MAX_LEVEL = 3;

/**
 * Level 0: contains no other span; level n: contains a span of level n-1 (capped at MAX_LEVEL). Crossing
 * (partly overlapping) spans do not count as contained; of two spans over the same text, the one with the
 * smaller id counts as the outer one. Spans are visited shortest first, so contained levels are known.
 */
export function nestingLevels(intervals: readonly Interval[]): Map<string, number> {
  const byStart = [...intervals].sort((a, b) => a.start - b.start || b.end - a.end);
  const starts = byStart.map((i) => i.start);
  const byLength = [...intervals].sort(
    (a, b) => a.end - a.start - (b.end - b.start) || (a.id < b.id ? 1 : -1),
  );
  const levels = new Map<string, number>();
  for (const outer of byLength) {
    let level = 0;
    for (let i = lowerBound(starts, outer.start); i < byStart.length && byStart[i]!.start <= outer.end; i++) {
      const inner = byStart[i]!;
      const innerLevel = levels.get(inner.id);
      if (inner === outer || innerLevel === undefined || !contains(outer, inner)) continue;
      level = Math.max(level, innerLevel + 1);
      if (level >= MAX_LEVEL) break;
    }
    levels.set(outer.id, Math.min(level, MAX_LEVEL));
  }
  return levels;
}

function lowerBound(sorted: readonly number[], value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! < value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function contains(outer: Interval, inner: Interval): boolean {
  return (
    outer.start <= inner.start &&
    inner.end <= outer.end &&
    !(outer.start === inner.start && outer.end === inner.end && outer.id > inner.id)
  );
}

/** The spans whose level can change when `changed` is added or removed: everything overlapping its region. */
export function affectedRegion(all: Iterable<Interval>, changed: readonly Interval[]): Interval[] {
  if (changed.length === 0) return [];
  let lo = Math.min(...changed.map((c) => c.start));
  let hi = Math.max(...changed.map((c) => c.end));
  const spans = [...all];
  // Widen until stable: a span overlapping the region may stretch it over further spans.
  for (let widened = true; widened;) {
    widened = false;
    for (const span of spans) {
      if (span.start < hi && span.end > lo && (span.start < lo || span.end > hi)) {
        lo = Math.min(lo, span.start);
        hi = Math.max(hi, span.end);
        widened = true;
      }
    }
  }
  return spans.filter((span) => span.start < hi && span.end > lo);
}
