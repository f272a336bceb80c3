// Every figure of one pair of layers (A reference, B candidate) over one document, and their sum over the
// corpus (shared layer, pure). Figures are kept as counts and tallies until the end, so the corpus figure is
// computed from the pooled counts of all documents (micro-average), never as a mean of document figures.
import { prf, prfByKey, sumPrf } from './prf';
import type { PreparedDocument, PreparedLayer } from './prepared-documents';
import { recordOf } from './records';
import { pairRelations } from './relation-agreement';
import type { PairFigures, PairScope } from './report-types';
import { perLabelCounts } from './span-agreement';
import { matchExact, matchOverlap } from './span-matching';
import {
  addPairTally,
  cohenKappa,
  emptyPairTally,
  krippendorffAlpha,
  pairHistogram,
  pairObservedAgreement,
  tallyPair,
  type PairTally,
} from './token-coefficients';
import type { PRF } from './types';
import {
  addUnitizedTally,
  emptyUnitizedTally,
  pooledUnitizedAlpha,
  tallyUnitized,
  unitizedAlpha,
  type UnitizedTally,
} from './unitized-alpha';

interface LabelCounts {
  exact: PRF;
  overlap: PRF;
  tokens: PairTally;
  characters: UnitizedTally;
}

/** A pair's counts for one document or the corpus: per label (every reported label) and per relation type. */
export interface PairCounts {
  perLabel: Map<string, LabelCounts>;
  relations: Record<string, PRF>;
}

export function emptyPairCounts(labels: readonly string[], relationTypes: readonly string[]): PairCounts {
  const perLabel = new Map<string, LabelCounts>();
  for (const label of labels) {
    const none = prf(0, 0, 0);
    perLabel.set(label, {
      exact: none,
      overlap: none,
      tokens: emptyPairTally(),
      characters: emptyUnitizedTally(2),
    });
  }
  return { perLabel, relations: prfByKey([], [], [], relationTypes) };
}

/** Counts of layers a and b over one document. */
export function countPair(
  document: PreparedDocument,
  a: PreparedLayer,
  b: PreparedLayer,
  labels: readonly string[],
  relationTypes: readonly string[],
): PairCounts {
  const exact = perLabelCounts(matchExact(a.spans, b.spans), labels);
  const overlap = perLabelCounts(matchOverlap(a.spans, b.spans), labels);
  const perLabel = new Map<string, LabelCounts>();
  for (const label of labels) {
    const units = [document.units(a, label), document.units(b, label)];
    perLabel.set(label, {
      exact: exact[label] as PRF,
      overlap: overlap[label] as PRF,
      tokens: tallyPair(document.decisions(a, label), document.decisions(b, label)),
      characters: tallyUnitized(units, document.length, emptyUnitizedTally(2)),
    });
  }
  const relations = pairRelations(a.relations, b.relations);
  const typeOf = (item: { relation: { type: string } }): string => item.relation.type;
  return {
    perLabel,
    relations: prfByKey(
      relations.pairs.map((p) => typeOf(p.a)),
      relations.onlyB.map(typeOf),
      relations.onlyA.map(typeOf),
      relationTypes,
    ),
  };
}

/** Adds a document's counts into the corpus counts (same labels and relation types). */
export function addPairCounts(into: PairCounts, from: PairCounts): PairCounts {
  for (const [label, counts] of from.perLabel) {
    const target = into.perLabel.get(label);
    if (target === undefined) continue;
    target.exact = sumPrf([target.exact, counts.exact]);
    target.overlap = sumPrf([target.overlap, counts.overlap]);
    addPairTally(target.tokens, counts.tokens);
    addUnitizedTally(target.characters, counts.characters);
  }
  into.relations = recordOf(
    Object.keys(into.relations).map(
      (type) => [type, sumPrf([into.relations[type] as PRF, from.relations[type] as PRF])] as const,
    ),
  );
  return into;
}

function figures(exact: PRF, overlap: PRF, tokens: PairTally, unitized: number | null): PairFigures {
  return {
    spanExact: exact,
    spanOverlap: overlap,
    cohenKappa: cohenKappa(tokens),
    krippendorffAlpha: krippendorffAlpha(pairHistogram(tokens)),
    unitizedAlpha: unitized,
    tokenAgreement: pairObservedAgreement(tokens),
    decisions: tokens.bothYes + tokens.onlyFirst + tokens.onlySecond + tokens.bothNo,
  };
}

/**
 * The figures of a pair from its counts. Overall: span counts summed over labels; κ, α and the token agreement
 * over the (token, label) decisions of every label some layer put on a token, pooled; α_U as 1 − ΣD_o / ΣD_e
 * over the labels (Krippendorff 2004).
 */
export function pairScope(counts: PairCounts): PairScope {
  const perLabel: [string, PairFigures][] = [];
  const alphas = [];
  const pooled = emptyPairTally();
  for (const [label, c] of counts.perLabel) {
    const unitized = unitizedAlpha(c.characters);
    alphas.push(unitized);
    // A label no layer put on any token adds only agreeing zeros: leaving it out keeps the overall figures
    // the same whether or not unused schema labels are reported.
    if (c.tokens.bothYes + c.tokens.onlyFirst + c.tokens.onlySecond > 0) addPairTally(pooled, c.tokens);
    perLabel.push([label, figures(c.exact, c.overlap, c.tokens, unitized.alpha)]);
  }
  const all = [...counts.perLabel.values()];
  const relationCounts = Object.values(counts.relations);
  return {
    overall: figures(
      sumPrf(all.map((c) => c.exact)),
      sumPrf(all.map((c) => c.overlap)),
      pooled,
      pooledUnitizedAlpha(alphas),
    ),
    perLabel: recordOf(perLabel),
    relations: { overall: sumPrf(relationCounts), perType: counts.relations },
  };
}
