import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { spanAgreement } from './span-agreement';
import { layer, relation, shuffledArbitrary, span, spansArbitrary } from './test-support/layers';
import { AgreementInputError, type AgreementSpan } from './types';

const ids = (spans: readonly AgreementSpan[]): string[] => spans.map((s) => s.id);
const pairIds = (pairs: readonly { a: AgreementSpan; b: AgreementSpan }[]): string[][] =>
  pairs.map((p) => [p.a.id, p.b.id]);

/** Two layers that agree on one claim, nearly on an actor, and differ otherwise (figures worked by hand below). */
const reference = layer([
  span('a1', 'claim', 0, 10),
  span('a2', 'actor', 12, 15),
  span('a3', 'condition', 20, 30),
]);
const candidate = layer([
  span('b1', 'claim', 0, 10),
  span('b2', 'actor', 12, 16),
  span('b3', 'claim', 40, 45),
]);

describe('spanAgreement, exact mode', () => {
  it('counts only same label, start and end as a match (1 of 3 each way: P = R = F1 = 1/3)', () => {
    const result = spanAgreement(reference, candidate, 'exact');
    expect(result.overall).toEqual({ tp: 1, fp: 2, fn: 2, precision: 1 / 3, recall: 1 / 3, f1: 1 / 3 });
    expect(pairIds(result.matches)).toEqual([['a1', 'b1']]);
    expect(ids(result.onlyA)).toEqual(['a2', 'a3']);
    expect(ids(result.onlyB)).toEqual(['b2', 'b3']);
  });

  it('reports every label used by either layer, with null where a ratio is 0/0', () => {
    const { perLabel } = spanAgreement(reference, candidate, 'exact');
    expect(Object.keys(perLabel)).toEqual(['actor', 'claim', 'condition']);
    expect(perLabel['actor']).toEqual({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
    expect(perLabel['claim']).toEqual({ tp: 1, fp: 1, fn: 0, precision: 0.5, recall: 1, f1: 2 / 3 });
    expect(perLabel['condition']).toEqual({ tp: 0, fp: 0, fn: 1, precision: null, recall: 0, f1: 0 });
  });

  it('matches a span duplicated inside one layer only once', () => {
    const a = layer([span('a1', 'claim', 0, 5), span('a2', 'claim', 0, 5)]);
    const b = layer([span('b1', 'claim', 0, 5)]);
    expect(spanAgreement(a, b, 'exact').overall).toMatchObject({
      tp: 1,
      fp: 0,
      fn: 1,
      precision: 1,
      recall: 0.5,
    });
  });
});

describe('spanAgreement, overlap mode', () => {
  it('also counts same-label spans that share text (2 of 3 each way: P = R = F1 = 2/3)', () => {
    const result = spanAgreement(reference, candidate, 'overlap');
    expect(result.overall).toEqual({ tp: 2, fp: 1, fn: 1, precision: 2 / 3, recall: 2 / 3, f1: 2 / 3 });
    expect(pairIds(result.matches)).toEqual([
      ['a1', 'b1'],
      ['a2', 'b2'],
    ]);
  });

  it('never pairs spans that only touch (end of one = start of the other)', () => {
    const result = spanAgreement(
      layer([span('a', 'claim', 0, 5)]),
      layer([span('b', 'claim', 5, 9)]),
      'overlap',
    );
    expect(result.overall.tp).toBe(0);
  });

  it('pairs two overlapping spans of one layer with at most one span of the other', () => {
    const a = layer([span('a1', 'claim', 0, 10), span('a2', 'claim', 5, 15)]);
    const b = layer([span('b1', 'claim', 0, 15)]);
    const result = spanAgreement(a, b, 'overlap');
    expect(result.overall).toMatchObject({ tp: 1, fp: 0, fn: 1 });
    expect(pairIds(result.matches)).toEqual([['a1', 'b1']]);
  });

  it('finds the largest number of pairs where taking the largest overlap first would miss one', () => {
    // Greedy by overlap takes a1–b1 (8 units) and strands a2 and b2; the maximum pairs a1–b2 and a2–b1.
    const a = layer([span('a1', 'claim', 0, 10), span('a2', 'claim', 8, 20)]);
    const b = layer([span('b1', 'claim', 2, 12), span('b2', 'claim', 0, 3)]);
    const result = spanAgreement(a, b, 'overlap');
    expect(result.overall.tp).toBe(2);
    expect(pairIds(result.matches)).toEqual([
      ['a1', 'b2'],
      ['a2', 'b1'],
    ]);
  });

  it('prefers the exact partner when a span overlaps several of the same label', () => {
    const a = layer([span('a1', 'claim', 0, 10)]);
    const b = layer([span('b1', 'claim', 0, 30), span('b2', 'claim', 0, 10)]);
    expect(pairIds(spanAgreement(a, b, 'overlap').matches)).toEqual([['a1', 'b2']]);
  });
});

describe('spanAgreement, degenerate layers', () => {
  it('gives 1 for identical layers', () => {
    for (const mode of ['exact', 'overlap'] as const) {
      expect(spanAgreement(reference, reference, mode).overall).toMatchObject({
        precision: 1,
        recall: 1,
        f1: 1,
      });
    }
  });

  it('gives 0 for disjoint layers', () => {
    const result = spanAgreement(
      layer([span('a', 'claim', 0, 4)]),
      layer([span('b', 'claim', 6, 9)]),
      'overlap',
    );
    expect(result.overall).toEqual({ tp: 0, fp: 1, fn: 1, precision: 0, recall: 0, f1: 0 });
  });

  it('leaves every ratio undefined (null) when neither layer has spans', () => {
    const result = spanAgreement(layer([]), layer([]), 'exact');
    expect(result.overall).toEqual({ tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null });
    expect(Object.keys(result.perLabel)).toEqual([]);
  });

  it('treats labels such as "__proto__" and "constructor" as ordinary keys', () => {
    const a = layer([span('a1', '__proto__', 0, 3), span('a2', 'constructor', 4, 6)]);
    const result = spanAgreement(a, a, 'exact');
    expect(Object.keys(result.perLabel)).toEqual(['__proto__', 'constructor']);
    expect(JSON.parse(JSON.stringify(result.perLabel))).toMatchObject({ constructor: { tp: 1 } });
    expect(result.perLabel['__proto__']).toMatchObject({ tp: 1 });
  });
});

describe('spanAgreement, bad input', () => {
  it.each([
    ['an empty span', [span('s', 'claim', 4, 4)], [], /span "s" is empty or reversed/],
    ['a reversed span', [span('s', 'claim', 5, 2)], [], /span "s" is empty or reversed/],
    ['a fractional offset', [span('s', 'claim', 0.5, 2)], [], /span "s" has offsets/],
    [
      'a duplicate span id',
      [span('s', 'claim', 0, 2), span('s', 'actor', 3, 4)],
      [],
      /span id "s" is used twice/,
    ],
    [
      'a dangling relation',
      [span('s', 'claim', 0, 2)],
      [relation('r', 'says', 'x', 's')],
      /relation "r" points at span "x"/,
    ],
  ])('rejects %s, naming the record', (_, spans, relations, message) => {
    expect(() => spanAgreement(layer(spans, relations), layer([]), 'exact')).toThrow(AgreementInputError);
    expect(() => spanAgreement(layer([]), layer(spans, relations), 'exact')).toThrow(message);
  });
});

/** The largest one-to-one matching of same-label overlapping spans, by trying every choice (small inputs). */
function bruteForceMaximum(
  a: readonly AgreementSpan[],
  b: readonly AgreementSpan[],
  used = new Set<number>(),
): number {
  const [first, ...rest] = a;
  if (first === undefined) return 0;
  let best = bruteForceMaximum(rest, b, used);
  b.forEach((other, index) => {
    if (used.has(index) || other.label !== first.label) return;
    if (Math.max(first.start, other.start) >= Math.min(first.end, other.end)) return;
    used.add(index);
    best = Math.max(best, 1 + bruteForceMaximum(rest, b, used));
    used.delete(index);
  });
  return best;
}

describe('spanAgreement properties', () => {
  const twoLayers = fc.tuple(spansArbitrary('a'), spansArbitrary('b'));

  it('overlap mode finds as many pairs as the best possible one-to-one matching', () => {
    fc.assert(
      fc.property(twoLayers, ([a, b]) => {
        expect(spanAgreement(layer(a), layer(b), 'overlap').overall.tp).toBe(bruteForceMaximum(a, b));
      }),
    );
  });

  it('places every span in exactly one of matches, onlyA and onlyB, and pairs only valid partners', () => {
    fc.assert(
      fc.property(twoLayers, fc.constantFrom('exact' as const, 'overlap' as const), ([a, b], mode) => {
        const result = spanAgreement(layer(a), layer(b), mode);
        const seenA = [...result.matches.map((m) => m.a.id), ...ids(result.onlyA)].sort();
        const seenB = [...result.matches.map((m) => m.b.id), ...ids(result.onlyB)].sort();
        expect(seenA).toEqual(ids(a).sort());
        expect(seenB).toEqual(ids(b).sort());
        for (const { a: x, b: y } of result.matches) {
          expect(x.label).toBe(y.label);
          if (mode === 'exact') expect([x.start, x.end]).toEqual([y.start, y.end]);
          else expect(Math.max(x.start, y.start)).toBeLessThan(Math.min(x.end, y.end));
        }
      }),
    );
  });

  it('never finds fewer overlap matches than exact matches', () => {
    fc.assert(
      fc.property(twoLayers, ([a, b]) => {
        const exact = spanAgreement(layer(a), layer(b), 'exact').overall.tp;
        expect(spanAgreement(layer(a), layer(b), 'overlap').overall.tp).toBeGreaterThanOrEqual(exact);
      }),
    );
  });

  it('swaps precision and recall when the layers swap roles', () => {
    fc.assert(
      fc.property(twoLayers, fc.constantFrom('exact' as const, 'overlap' as const), ([a, b], mode) => {
        const forward = spanAgreement(layer(a), layer(b), mode).overall;
        const backward = spanAgreement(layer(b), layer(a), mode).overall;
        expect([backward.precision, backward.recall, backward.f1]).toEqual([
          forward.recall,
          forward.precision,
          forward.f1,
        ]);
      }),
    );
  });

  it('gives the same pairs whatever order the layers list their spans in', () => {
    const withShuffles = twoLayers.chain(([a, b]) =>
      fc.tuple(fc.constant([a, b]), shuffledArbitrary(a), shuffledArbitrary(b)),
    );
    fc.assert(
      fc.property(
        withShuffles,
        fc.constantFrom('exact' as const, 'overlap' as const),
        ([[a, b], a2, b2], mode) => {
          const original = spanAgreement(layer(a ?? []), layer(b ?? []), mode);
          const shuffled = spanAgreement(layer(a2), layer(b2), mode);
          expect(pairIds(shuffled.matches)).toEqual(pairIds(original.matches));
        },
      ),
    );
  });
});
