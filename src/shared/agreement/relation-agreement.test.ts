import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { relationAgreement } from './relation-agreement';
import { layer, relation, span, spansArbitrary } from './test-support/layers';
import { AgreementInputError, type AgreementRelation, type AgreementSpan } from './types';

const ids = (relations: readonly AgreementRelation[]): string[] => relations.map((r) => r.id);

const spansA = [span('s1', 'actor', 0, 5), span('s2', 'claim', 10, 20), span('s3', 'condition', 25, 30)];
/** The same actor and claim under other ids; the condition starts one unit earlier. */
const spansB = [span('t1', 'actor', 0, 5), span('t2', 'claim', 10, 20), span('t3', 'condition', 24, 30)];

describe('relationAgreement', () => {
  it('matches relations by type and exactly matching end spans, whatever the span ids', () => {
    const a = layer(spansA, [relation('r1', 'says', 's1', 's2'), relation('r2', 'conditions', 's3', 's2')]);
    const b = layer(spansB, [
      relation('q1', 'says', 't1', 't2'),
      relation('q2', 'conditions', 't3', 't2'),
      relation('q3', 'says', 't2', 't1'),
    ]);
    const result = relationAgreement(a, b);
    // r1–q1 match; r2–q2 differ at the condition's start (exact ends only); q3 points the other way.
    expect(result.overall).toEqual({ tp: 1, fp: 2, fn: 1, precision: 1 / 3, recall: 0.5, f1: 0.4 });
    expect(result.matches.map((m) => [m.a.id, m.b.id])).toEqual([['r1', 'q1']]);
    expect(ids(result.onlyA)).toEqual(['r2']);
    expect(ids(result.onlyB).sort()).toEqual(['q2', 'q3']);
    expect(result.perType['says']).toEqual({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(result.perType['conditions']).toEqual({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
  });

  it('does not match relations of another type between the same spans', () => {
    const a = layer(spansA, [relation('r1', 'says', 's1', 's2')]);
    const b = layer(spansB, [relation('q1', 'denies', 't1', 't2')]);
    expect(relationAgreement(a, b).overall).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('matches a relation repeated in one layer only once', () => {
    const a = layer(spansA, [relation('r1', 'says', 's1', 's2'), relation('r2', 'says', 's1', 's2')]);
    const b = layer(spansB, [relation('q1', 'says', 't1', 't2')]);
    expect(relationAgreement(a, b).overall).toMatchObject({ tp: 1, fp: 0, fn: 1 });
  });

  it('leaves every ratio null when neither layer has relations', () => {
    const result = relationAgreement(layer(spansA), layer(spansB));
    expect(result.overall).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
    expect(Object.keys(result.perType)).toEqual([]);
  });

  it('rejects a relation whose end span is missing, naming the relation', () => {
    const broken = layer(spansA, [relation('r9', 'says', 's1', 'gone')]);
    expect(() => relationAgreement(layer(spansB), broken)).toThrow(AgreementInputError);
    expect(() => relationAgreement(broken, layer(spansB))).toThrow(/relation "r9" points at span "gone"/);
  });

  it('gives 1 for a layer compared with itself, whatever its relations', () => {
    const withRelations = spansArbitrary('s', { maxSpans: 5 }).chain((spans: AgreementSpan[]) =>
      fc.tuple(
        fc.constant(spans),
        spans.length === 0
          ? fc.constant([])
          : fc.array(
              fc.tuple(
                fc.constantFrom(...spans),
                fc.constantFrom(...spans),
                fc.constantFrom('says', 'conditions'),
              ),
              {
                maxLength: 5,
              },
            ),
      ),
    );
    fc.assert(
      fc.property(withRelations, ([spans, ends]) => {
        const relations = ends.map(([from, to, type], index) => relation(`r${index}`, type, from.id, to.id));
        const result = relationAgreement(layer(spans, relations), layer(spans, relations));
        expect(result.overall.tp).toBe(relations.length);
        expect(result.onlyA.length + result.onlyB.length).toBe(0);
      }),
    );
  });
});
