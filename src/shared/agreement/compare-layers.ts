// Classes every span of two layers for the compare view (shared layer, pure): match, boundary mismatch (same
// label, overlapping), label mismatch (same extent), only in A, only in B, each with its counterpart. Pairs are
// one-to-one and taken in a fixed order of trust, so the result is deterministic for any input order.
import { pairByKey } from './pair-by-key';
import { compareSpanPositions, inTextOrder, matchExact, matchOverlap } from './span-matching';
import type { AgreementLayer, AgreementSpan } from './types';
import { validateLayer } from './validate';

export const comparisonClasses = ['match', 'boundary', 'label', 'only-a', 'only-b'] as const;
export type ComparisonClass = (typeof comparisonClasses)[number];

export interface ComparedSpan {
  /** Which layer the span belongs to. */
  side: 'a' | 'b';
  span: AgreementSpan;
  class: ComparisonClass;
  /** The span of the other layer it was paired with; null for only-a and only-b. */
  counterpart: AgreementSpan | null;
}

/** match, boundary and label count pairs (one per two spans); only-a and only-b count spans. */
export type ComparisonCounts = Record<ComparisonClass, number>;

function extentKey(span: AgreementSpan): string {
  return `${span.start}:${span.end}`;
}

/**
 * Classes each span of A and of B, in text order (A before B at the same place). Pairing order: exact matches
 * first; then spans with the same extent and another label; then same-label overlaps (one-to-one, as many as
 * possible, largest overlap preferred); whatever is left is only in its layer. Same extent is tried before
 * overlap because two analysts who marked the very same words most likely meant the same thing.
 */
export function compareLayers(a: AgreementLayer, b: AgreementLayer): ComparedSpan[] {
  validateLayer(a, 'layer A');
  validateLayer(b, 'layer B');
  const result: ComparedSpan[] = [];
  const record = (pairs: readonly { a: AgreementSpan; b: AgreementSpan }[], kind: ComparisonClass): void => {
    for (const pair of pairs) {
      result.push({ side: 'a', span: pair.a, class: kind, counterpart: pair.b });
      result.push({ side: 'b', span: pair.b, class: kind, counterpart: pair.a });
    }
  };
  const exact = matchExact(a.spans, b.spans);
  record(exact.pairs, 'match');
  const sameExtent = pairByKey(inTextOrder(exact.onlyA), inTextOrder(exact.onlyB), extentKey);
  record(sameExtent.pairs, 'label');
  const overlapping = matchOverlap(sameExtent.onlyA, sameExtent.onlyB);
  record(overlapping.pairs, 'boundary');
  for (const span of overlapping.onlyA) result.push({ side: 'a', span, class: 'only-a', counterpart: null });
  for (const span of overlapping.onlyB) result.push({ side: 'b', span, class: 'only-b', counterpart: null });
  // Text order (start, then the longer first), A before B at the same extent, then label and id.
  return result.sort(
    (x, y) =>
      x.span.start - y.span.start ||
      y.span.end - x.span.end ||
      (x.side === y.side ? 0 : x.side === 'a' ? -1 : 1) ||
      compareSpanPositions(x.span, y.span),
  );
}

/** How many pairs (match, boundary, label) and unpaired spans (only-a, only-b) a comparison holds. */
export function comparisonCounts(compared: readonly ComparedSpan[]): ComparisonCounts {
  const counts: ComparisonCounts = { match: 0, boundary: 0, label: 0, 'only-a': 0, 'only-b': 0 };
  for (const item of compared) {
    if (item.side === 'a' || item.class === 'only-b') counts[item.class] += 1;
  }
  return counts;
}
