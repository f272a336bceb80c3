// Builders and fast-check generators of agreement layers for the agreement tests (shared layer, test only).
import fc from 'fast-check';
import type { AgreementDocument, AgreementLayer, AgreementRelation, AgreementSpan } from '../types';

export function span(id: string, label: string, start: number, end: number): AgreementSpan {
  return { id, label, start, end };
}

export function relation(id: string, type: string, from: string, to: string): AgreementRelation {
  return { id, type, from, to };
}

export function layer(spans: AgreementSpan[], relations: AgreementRelation[] = []): AgreementLayer {
  return { spans, relations };
}

/** Spans over a text of `length` code units with labels from `labels`, ids `<prefix>0`, `<prefix>1`, … */
export function spansArbitrary(
  prefix: string,
  { length = 30, labels = ['claim', 'actor'], maxSpans = 6 } = {},
): fc.Arbitrary<AgreementSpan[]> {
  const one = fc
    .tuple(
      fc.integer({ min: 0, max: length - 1 }),
      fc.integer({ min: 1, max: 8 }),
      fc.constantFrom(...labels),
    )
    .map(([start, size, label]) => ({ label, start, end: Math.min(length, start + size) }));
  return fc
    .array(one, { maxLength: maxSpans })
    .map((list) => list.map((s, index) => span(`${prefix}${index}`, s.label, s.start, s.end)));
}

/** The same spans in a shuffled order (agreement must not depend on the order a layer lists its spans). */
export function shuffledArbitrary<T>(items: readonly T[]): fc.Arbitrary<T[]> {
  return fc.array(fc.integer(), { minLength: items.length, maxLength: items.length }).map((keys) =>
    items
      .map((item, index) => ({ item, key: keys[index] ?? 0 }))
      .sort((x, y) => x.key - y.key)
      .map((x) => x.item),
  );
}

/** A document with the given layers (by id). */
export function document(
  id: string,
  text: string,
  layers: Record<string, AgreementLayer>,
): AgreementDocument {
  return { id, title: `Title of ${id}`, text, layers: new Map(Object.entries(layers)) };
}
