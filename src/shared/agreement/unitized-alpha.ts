// Krippendorff's unitized α (α_U) for one label over a character continuum (shared layer, pure). Each coder
// (layer) cuts the text into units (stretches it tags with the label) and gaps; α_U compares where the units
// begin and end, not just which characters are covered. Reference: K. Krippendorff, "On the reliability of
// unitizing continuous data", Sociological Methodology 25 (1995) 47–76, and Content Analysis, 2nd ed. (2004).
import type { TextRange } from '../text/segments';
import { mergeRanges } from './token-decisions';

/**
 * What α_U needs from one or more continua, so documents pool by adding tallies: m coders, the total length L,
 * Σ δ² over ordered pairs of coders, and the lengths of every unit and every gap of every coder.
 */
export interface UnitizedTally {
  coders: number;
  length: number;
  squaredDistances: number;
  unitLengths: number[];
  gapLengths: number[];
}

export interface UnitizedAlpha {
  /** D_o, the observed disagreement. */
  observed: number | null;
  /** D_e, the disagreement expected when the same units are placed at random. */
  expected: number | null;
  /** α_U = 1 − D_o / D_e; null when D_e is 0 (nobody tagged anything, or nothing could vary). */
  alpha: number | null;
}

interface Section {
  start: number;
  end: number;
  unit: boolean;
}

export function emptyUnitizedTally(coders: number): UnitizedTally {
  return { coders, length: 0, squaredDistances: 0, unitLengths: [], gapLengths: [] };
}

/** A coder's continuum [0, length) as alternating units and gaps; `units` must be sorted and disjoint. */
function sections(units: readonly TextRange[], length: number): Section[] {
  const result: Section[] = [];
  let at = 0;
  for (const unit of units) {
    if (unit.start > at) result.push({ start: at, end: unit.start, unit: false });
    result.push({ start: unit.start, end: unit.end, unit: true });
    at = unit.end;
  }
  if (at < length) result.push({ start: at, end: length, unit: false });
  return result;
}

/**
 * δ² between two overlapping sections (Krippendorff 1995): two units → (b_g − b_h)² + (e_g − e_h)²;
 * a unit lying wholly inside the other coder's gap → its length squared; otherwise 0.
 */
function squaredDistance(g: Section, h: Section): number {
  if (g.unit && h.unit) return (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
  if (g.unit && !h.unit && h.start <= g.start && g.end <= h.end) return (g.end - g.start) ** 2;
  if (!g.unit && h.unit && g.start <= h.start && h.end <= g.end) return (h.end - h.start) ** 2;
  return 0;
}

/** Σ δ² over every pair of overlapping sections of two coders: a merge of their section lists. */
function pairDistances(first: readonly Section[], second: readonly Section[]): number {
  let sum = 0;
  let i = 0;
  let j = 0;
  for (let g = first[0], h = second[0]; g !== undefined && h !== undefined; g = first[i], h = second[j]) {
    sum += squaredDistance(g, h);
    if (g.end <= h.end) i++;
    if (h.end <= g.end) j++;
  }
  return sum;
}

/**
 * Adds one continuum of `length` characters to `into`: `unitsByCoder[c]` are coder c's units, sorted and
 * disjoint (merge overlapping spans first). Every tally must have the same number of coders.
 */
export function tallyUnitized(
  unitsByCoder: readonly (readonly TextRange[])[],
  length: number,
  into: UnitizedTally,
): UnitizedTally {
  if (unitsByCoder.length !== into.coders)
    throw new RangeError(`Expected ${into.coders} coders, got ${unitsByCoder.length}`);
  const perCoder = unitsByCoder.map((units) => sections(units, length));
  for (const list of perCoder) {
    for (const section of list)
      (section.unit ? into.unitLengths : into.gapLengths).push(section.end - section.start);
  }
  for (let c = 0; c < perCoder.length; c++) {
    for (let d = c + 1; d < perCoder.length; d++) {
      into.squaredDistances += 2 * pairDistances(perCoder[c] ?? [], perCoder[d] ?? []);
    }
  }
  into.length += length;
  return into;
}

/** Adds tally `from` (another continuum, e.g. the next document) into `into`; gaps never join across them. */
export function addUnitizedTally(into: UnitizedTally, from: UnitizedTally): UnitizedTally {
  into.length += from.length;
  into.squaredDistances += from.squaredDistances;
  for (const l of from.unitLengths) into.unitLengths.push(l);
  for (const l of from.gapLengths) into.gapLengths.push(l);
  return into;
}

/** For each unit length l: Σ over gaps g with g ≥ l of (g − l + 1), the places the unit could sit in that gap. */
function placementsInGaps(gapLengths: readonly number[]): (unitLength: number) => number {
  const sorted = [...gapLengths].sort((x, y) => x - y);
  // suffix[k] = Σ sorted[k…], so the gaps ≥ l are sorted[first…] with first found by binary search.
  const suffix = new Float64Array(sorted.length + 1);
  for (let k = sorted.length - 1; k >= 0; k--) suffix[k] = (suffix[k + 1] ?? 0) + (sorted[k] ?? 0);
  return (l) => {
    let low = 0;
    let high = sorted.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if ((sorted[mid] ?? 0) < l) low = mid + 1;
      else high = mid;
    }
    return (suffix[low] ?? 0) - (sorted.length - low) * (l - 1);
  };
}

/**
 * α_U of a tally (Krippendorff 1995; 2004), with m coders, continuum length L, N units in all:
 *   D_o = Σ_{coders i≠j} Σ_{sections g of i, h of j} δ²(g, h) / (m(m − 1)·L²)
 *   D_e = (2/L) · Σ_{units u} [ (N − 1)(2l_u³ − 3l_u² + l_u)/3 + l_u² · Σ_{gaps g: l_g ≥ l_u} (l_g − l_u + 1) ]
 *         / ( mL(mL − 1) − Σ_{units u} l_u(l_u − 1) )
 *   α_U = 1 − D_o / D_e
 */
export function unitizedAlpha(tally: UnitizedTally): UnitizedAlpha {
  const m = tally.coders;
  const L = tally.length;
  if (m < 2) throw new RangeError(`Agreement needs at least two coders (got ${m})`);
  if (L === 0) return { observed: null, expected: null, alpha: null };
  const observed = tally.squaredDistances / (m * (m - 1) * L * L);
  const placements = placementsInGaps(tally.gapLengths);
  const n = tally.unitLengths.length;
  let numerator = 0;
  let selfPairs = 0;
  for (const l of tally.unitLengths) {
    numerator += ((n - 1) * (2 * l ** 3 - 3 * l ** 2 + l)) / 3 + l * l * placements(l);
    selfPairs += l * (l - 1);
  }
  const denominator = m * L * (m * L - 1) - selfPairs;
  const expected = denominator > 0 ? ((2 / L) * numerator) / denominator : 0;
  return { observed, expected, alpha: expected > 0 ? 1 - observed / expected : null };
}

/**
 * Overall α_U over several labels, as Krippendorff (2004) pools categories: 1 − Σ D_o / Σ D_e over the labels
 * whose D_e is defined; null when none is.
 */
export function pooledUnitizedAlpha(parts: readonly UnitizedAlpha[]): number | null {
  let observed = 0;
  let expected = 0;
  for (const part of parts) {
    if (part.expected === null || part.observed === null) continue;
    observed += part.observed;
    expected += part.expected;
  }
  return expected > 0 ? 1 - observed / expected : null;
}

/** Sorted, disjoint units from possibly overlapping spans: overlapping ones merge, touching ones stay apart. */
export function unitsOf(ranges: readonly TextRange[]): TextRange[] {
  return mergeRanges(ranges, false);
}
