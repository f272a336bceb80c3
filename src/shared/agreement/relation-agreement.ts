// Relation precision, recall and F1 between two layers (shared layer, pure). A relation of B matches one of A
// when the types are equal and both end spans match exactly (same label, start and end); relations pair
// one-to-one. A is the reference, B the candidate, as for spans; per type and overall (summed counts).
import { pairByKey, type Pairing } from './pair-by-key';
import { prf, prfByKey } from './prf';
import { compareStrings } from './records';
import { compareSpanPositions, spanKey } from './span-matching';
import type { AgreementLayer, AgreementRelation, AgreementSpan, PRF } from './types';
import { validateLayer } from './validate';

export interface RelationMatch {
  a: AgreementRelation;
  b: AgreementRelation;
}

export interface RelationAgreement {
  overall: PRF;
  /** Every relation type used in A or B, in code-unit order (a null-prototype record). */
  perType: Record<string, PRF>;
  matches: RelationMatch[];
  /** Relations of A with no partner in B (false negatives). */
  onlyA: AgreementRelation[];
  /** Relations of B with no partner in A (false positives). */
  onlyB: AgreementRelation[];
}

/** A relation with its end spans looked up, so it can be keyed and shown by offsets. */
export interface ResolvedRelation {
  relation: AgreementRelation;
  from: AgreementSpan;
  to: AgreementSpan;
}

/** Resolves every relation's ends (the layer must have passed validateLayer). */
export function resolveRelations(
  layer: AgreementLayer,
  spansById: ReadonlyMap<string, AgreementSpan>,
): ResolvedRelation[] {
  return layer.relations.map((relation) => ({
    relation,
    from: spansById.get(relation.from) as AgreementSpan,
    to: spansById.get(relation.to) as AgreementSpan,
  }));
}

function compareResolved(x: ResolvedRelation, y: ResolvedRelation): number {
  return (
    compareSpanPositions(x.from, y.from) ||
    compareSpanPositions(x.to, y.to) ||
    compareStrings(x.relation.type, y.relation.type) ||
    compareStrings(x.relation.id, y.relation.id)
  );
}

function relationKey(item: ResolvedRelation): string {
  return JSON.stringify([item.relation.type, spanKey(item.from), spanKey(item.to)]);
}

/** Pairs resolved relations of A and B one-to-one: same type, both ends matching exactly. */
export function pairRelations(
  a: readonly ResolvedRelation[],
  b: readonly ResolvedRelation[],
): Pairing<ResolvedRelation> {
  return pairByKey([...a].sort(compareResolved), [...b].sort(compareResolved), relationKey);
}

/** Relation agreement of candidate B against reference A; throws AgreementInputError for a malformed layer. */
export function relationAgreement(a: AgreementLayer, b: AgreementLayer): RelationAgreement {
  const pairing = pairRelations(
    resolveRelations(a, validateLayer(a, 'layer A')),
    resolveRelations(b, validateLayer(b, 'layer B')),
  );
  const matches = pairing.pairs.map((pair) => ({ a: pair.a.relation, b: pair.b.relation }));
  const onlyA = pairing.onlyA.map((item) => item.relation);
  const onlyB = pairing.onlyB.map((item) => item.relation);
  return {
    overall: prf(matches.length, onlyB.length, onlyA.length),
    perType: prfByKey(
      matches.map((match) => match.a.type),
      onlyB.map((relation) => relation.type),
      onlyA.map((relation) => relation.type),
    ),
    matches,
    onlyA,
    onlyB,
  };
}
