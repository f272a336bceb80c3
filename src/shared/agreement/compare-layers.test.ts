import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { compareLayers, comparisonCounts, type ComparedSpan } from './compare-layers';
import { layer, shuffledArbitrary, span, spansArbitrary } from './test-support/layers';
import { AgreementInputError } from './types';

const summary = (compared: readonly ComparedSpan[]): string[] =>
  compared.map((c) => `${c.side}:${c.span.id}:${c.class}:${c.counterpart?.id ?? '-'}`);

describe('compareLayers', () => {
  it('classes each span as match, boundary, label, only-a or only-b, with its counterpart', () => {
    const a = layer([
      span('a1', 'claim', 0, 10), // b1 has the same claim: match
      span('a2', 'actor', 12, 15), // b2 has an actor at 12–16: boundary
      span('a3', 'condition', 20, 30), // b3 marks the same words as a claim: label
      span('a4', 'actor', 40, 44), // nothing in B: only-a
    ]);
    const b = layer([
      span('b1', 'claim', 0, 10),
      span('b2', 'actor', 12, 16),
      span('b3', 'claim', 20, 30),
      span('b4', 'claim', 50, 55), // nothing in A: only-b
    ]);
    const compared = compareLayers(a, b);
    expect(summary(compared)).toEqual([
      'a:a1:match:b1',
      'b:b1:match:a1',
      'b:b2:boundary:a2',
      'a:a2:boundary:b2',
      'a:a3:label:b3',
      'b:b3:label:a3',
      'a:a4:only-a:-',
      'b:b4:only-b:-',
    ]);
    expect(comparisonCounts(compared)).toEqual({ match: 1, boundary: 1, label: 1, 'only-a': 1, 'only-b': 1 });
  });

  it('pairs same-extent spans as a label mismatch before pairing by overlap', () => {
    const a = layer([span('a1', 'claim', 0, 5)]);
    const b = layer([span('b1', 'actor', 0, 5), span('b2', 'claim', 3, 20)]);
    expect(summary(compareLayers(a, b))).toEqual(['a:a1:label:b1', 'b:b1:label:a1', 'b:b2:only-b:-']);
  });

  it('gives only matches for identical layers and only one-sided spans for disjoint ones', () => {
    const spans = [span('s1', 'claim', 0, 4), span('s2', 'claim', 2, 9), span('s3', 'actor', 2, 9)];
    expect(comparisonCounts(compareLayers(layer(spans), layer(spans)))).toEqual({
      match: 3,
      boundary: 0,
      label: 0,
      'only-a': 0,
      'only-b': 0,
    });
    const other = layer([span('t1', 'claim', 20, 24)]);
    expect(comparisonCounts(compareLayers(layer(spans), other))).toMatchObject({ 'only-a': 3, 'only-b': 1 });
  });

  it('gives nothing for two empty layers', () => {
    expect(compareLayers(layer([]), layer([]))).toEqual([]);
  });

  it('rejects a malformed layer', () => {
    expect(() => compareLayers(layer([span('x', 'claim', 3, 1)]), layer([]))).toThrow(AgreementInputError);
  });

  it('lists every span once, with symmetric counterparts and consistent counts', () => {
    fc.assert(
      fc.property(spansArbitrary('a'), spansArbitrary('b'), (a, b) => {
        const compared = compareLayers(layer(a), layer(b));
        const idsOn = (side: 'a' | 'b'): string[] =>
          compared
            .filter((c) => c.side === side)
            .map((c) => c.span.id)
            .sort();
        expect(idsOn('a')).toEqual(a.map((s) => s.id).sort());
        expect(idsOn('b')).toEqual(b.map((s) => s.id).sort());
        for (const item of compared) {
          if (item.counterpart === null) continue;
          const back = compared.find((c) => c.side !== item.side && c.span.id === item.counterpart?.id);
          expect(back?.counterpart?.id).toBe(item.span.id);
          expect(back?.class).toBe(item.class);
        }
        const counts = comparisonCounts(compared);
        expect(
          2 * (counts.match + counts.boundary + counts.label) + counts['only-a'] + counts['only-b'],
        ).toBe(a.length + b.length);
      }),
    );
  });

  it('gives the same classes whatever order the layers list their spans in', () => {
    const withShuffles = fc
      .tuple(spansArbitrary('a'), spansArbitrary('b'))
      .chain(([a, b]) =>
        fc.tuple(fc.constant(a), fc.constant(b), shuffledArbitrary(a), shuffledArbitrary(b)),
      );
    fc.assert(
      fc.property(withShuffles, ([a, b, a2, b2]) => {
        expect(summary(compareLayers(layer(a2), layer(b2)))).toEqual(
          summary(compareLayers(layer(a), layer(b))),
        );
      }),
    );
  });
});
