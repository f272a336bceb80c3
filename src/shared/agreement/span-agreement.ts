// Span precision, recall and F1 between two layers (shared layer, pure). A is the reference and B the
// candidate: P = tp/(tp+fp) over B's spans, R = tp/(tp+fn) over A's spans. Exact mode pairs spans with the
// same label, start and end; overlap mode pairs same-label spans that share text, one-to-one (span-matching.ts).
import { prf, prfByKey } from './prf';
import { matchExact, matchOverlap, type SpanPairing } from './span-matching';
import type { AgreementLayer, AgreementSpan, PRF } from './types';
import { validateLayer } from './validate';

export type SpanMatchMode = 'exact' | 'overlap';

export interface SpanMatch {
  a: AgreementSpan;
  b: AgreementSpan;
}

export interface SpanAgreement {
  overall: PRF;
  /** Every label used in A or B, in code-unit order; a null-prototype record, so any label is a safe key. */
  perLabel: Record<string, PRF>;
  /** Matched pairs, in A's text order. */
  matches: SpanMatch[];
  /** Spans of A with no partner in B (false negatives), in text order. */
  onlyA: AgreementSpan[];
  /** Spans of B with no partner in A (false positives), in text order. */
  onlyB: AgreementSpan[];
}

/** Pairs the spans of two layers in the given mode (exact or overlap). */
export function matchSpans(
  a: readonly AgreementSpan[],
  b: readonly AgreementSpan[],
  mode: SpanMatchMode,
): SpanPairing {
  return mode === 'exact' ? matchExact(a, b) : matchOverlap(a, b);
}

/** PRF per label from a pairing: tp = pairs, fn = A's unpaired spans, fp = B's unpaired spans. */
export function perLabelCounts(
  pairing: SpanPairing,
  alwaysLabels: Iterable<string> = [],
): Record<string, PRF> {
  return prfByKey(
    pairing.pairs.map((pair) => pair.a.label),
    pairing.onlyB.map((span) => span.label),
    pairing.onlyA.map((span) => span.label),
    alwaysLabels,
  );
}

/**
 * Span agreement of candidate B against reference A. `overall` sums the per-label counts (a micro-average).
 * Throws AgreementInputError for a malformed layer (empty or reversed span, duplicate id, dangling relation).
 */
export function spanAgreement(a: AgreementLayer, b: AgreementLayer, mode: SpanMatchMode): SpanAgreement {
  validateLayer(a, 'layer A');
  validateLayer(b, 'layer B');
  const pairing = matchSpans(a.spans, b.spans, mode);
  return {
    overall: prf(pairing.pairs.length, pairing.onlyB.length, pairing.onlyA.length),
    perLabel: perLabelCounts(pairing),
    matches: pairing.pairs,
    onlyA: pairing.onlyA,
    onlyB: pairing.onlyB,
  };
}
