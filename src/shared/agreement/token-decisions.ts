// Per-label decisions of one layer over a document (shared layer, pure): for κ and α, a word token is 1 when
// every character of it lies inside spans of the label (so overlapping or touching spans count together, and
// a span that cuts a word in half leaves that word at 0); for α_U, the label's units are its merged spans.
import type { TextRange } from '../text/segments';
import type { AgreementSpan } from './types';

/**
 * Sorted, disjoint ranges from possibly overlapping ones: overlapping ranges merge; touching ones (one ends
 * where the next starts) merge too when `joinTouching`, else stay apart.
 */
export function mergeRanges(ranges: readonly TextRange[], joinTouching: boolean): TextRange[] {
  const sorted = [...ranges].sort((x, y) => x.start - y.start || x.end - y.end);
  const merged: TextRange[] = [];
  for (const range of sorted) {
    const last = merged[merged.length - 1];
    if (last !== undefined && (range.start < last.end || (joinTouching && range.start === last.end))) {
      last.end = Math.max(last.end, range.end);
    } else merged.push({ start: range.start, end: range.end });
  }
  return merged;
}

/** The stretches covered by the ranges: overlapping and touching ranges merge. Sorted, disjoint. */
export function coveredStretches(ranges: readonly TextRange[]): TextRange[] {
  return mergeRanges(ranges, true);
}

/** 1 for each token (in text order) wholly inside the spans' coverage, else 0. */
export function tokenDecisions(tokens: readonly TextRange[], spans: readonly AgreementSpan[]): Uint8Array {
  const decisions = new Uint8Array(tokens.length);
  const stretches = coveredStretches(spans);
  let s = 0;
  tokens.forEach((token, index) => {
    // Stretches that end at or before the token's start can hold neither this token nor any later one.
    while (s < stretches.length && (stretches[s]?.end ?? 0) <= token.start) s++;
    const stretch = stretches[s];
    if (stretch !== undefined && stretch.start <= token.start && token.end <= stretch.end)
      decisions[index] = 1;
  });
  return decisions;
}
