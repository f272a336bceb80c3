// The shared operations module: quotes from the text, text order, relation integrity, cascades, atomic
// batches, and undo that restores exactly what was there (property-tested over random op sequences).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Layer } from './document';
import type { AnnotatorId, RelationId, SpanId } from './ids';
import type { LabelSchema } from './label-schema';
import { LayerIndex } from './layer-index';
import { OpError, applyOps, applyOpsToLayer, type AnnotationOp, type OpsContext } from './ops';

const schema: LabelSchema = {
  labels: [
    {
      id: 'claim',
      name: 'Claim',
      color: '#E69F00',
      lineStyle: 'solid',
      guideline: '',
      attributes: [{ id: 'speechAct', name: 'Speech act', values: ['assertion', 'demand'] }],
    },
    {
      id: 'condition',
      name: 'Condition',
      color: '#0072B2',
      lineStyle: 'dashed',
      guideline: '',
      attributes: [],
    },
    {
      id: 'actor',
      name: 'Actor',
      color: '#009E73',
      lineStyle: 'double',
      guideline: '',
      attributes: [{ id: 'actor', name: 'Canonical actor', values: [] }],
    },
  ],
  relationTypes: [
    { id: 'says', name: 'says', from: ['actor'], to: ['claim'] },
    { id: 'conditions', name: 'conditions', from: ['condition'], to: ['claim'] },
  ],
};

const TEXT = 'Damascus insists that Turkey withdraw its forces as a precondition for a meeting.';
const ctx: OpsContext = {
  text: TEXT,
  schema,
  annotator: 'dana' as AnnotatorId,
  now: '2026-01-01T00:00:00.000Z',
};

const addSpan = (id: string, label: string, start: number, end: number, extra = {}): AnnotationOp => ({
  kind: 'add-span',
  span: { id: id as SpanId, label, start, end, ...extra },
});
const link = (id: string, type: string, from: string, to: string): AnnotationOp => ({
  kind: 'add-relation',
  relation: { id: id as RelationId, type, from: from as SpanId, to: to as SpanId },
});
const at = (quote: string): [number, number] => {
  const start = TEXT.indexOf(quote);
  return [start, start + quote.length];
};

/** A frame: Damascus says the claim, which a condition conditions. */
function frame(): LayerIndex {
  const layer = new LayerIndex();
  applyOps(
    layer,
    [
      addSpan('actor1', 'actor', ...at('Damascus')),
      addSpan('claim1', 'claim', ...at('Turkey withdraw its forces as a precondition for a meeting')),
      addSpan('cond1', 'condition', ...at('as a precondition for a meeting')),
      link('r1', 'says', 'actor1', 'claim1'),
      link('r2', 'conditions', 'cond1', 'claim1'),
    ],
    ctx,
  );
  return layer;
}

describe('applying operations', () => {
  it('computes the quote and context of an added span from the text, never from the caller', () => {
    const layer = new LayerIndex();
    applyOps(layer, [addSpan('a', 'actor', 0, 8)], ctx);
    expect(layer.span('a')).toMatchObject({ quote: 'Damascus', prefix: '', createdBy: 'dana' });
    expect(layer.span('a')!.suffix).toBe(TEXT.slice(8, 40));
  });

  it('keeps spans in text order with outer spans before the spans they contain', () => {
    const layer = frame();
    expect(layer.spans.map((s) => s.id)).toEqual(['actor1', 'claim1', 'cond1']);
  });

  it('deleting a span removes its relations in the same step, and undo brings both back', () => {
    const layer = frame();
    const before = layer.toLayer();
    const { delta, inverse } = applyOps(layer, [{ kind: 'remove-span', spanId: 'actor1' as SpanId }], ctx);
    expect(delta.removedSpans).toEqual(['actor1']);
    expect(delta.removedRelations).toEqual(['r1']);
    expect(layer.relations.map((r) => r.id)).toEqual(['r2']);
    applyOps(layer, inverse, ctx);
    expect(layer.toLayer()).toEqual(before);
  });

  it('refuses a relation whose ends the type does not allow, naming both labels', () => {
    const layer = frame();
    expect(() => applyOps(layer, [link('r3', 'says', 'cond1', 'claim1')], ctx)).toThrow(
      /links actor → claim, not condition → claim/,
    );
  });

  it('refuses a relation to a span that does not exist and a span linked to itself', () => {
    const layer = frame();
    expect(() => applyOps(layer, [link('r3', 'says', 'actor1', 'nope')], ctx)).toThrow(/nope does not exist/);
    expect(() => applyOps(layer, [link('r3', 'says', 'actor1', 'actor1')], ctx)).toThrow(/itself/);
  });

  it('refuses the same link twice', () => {
    const layer = frame();
    expect(() => applyOps(layer, [link('r9', 'says', 'actor1', 'claim1')], ctx)).toThrow(OpError);
  });

  it('a relabel that breaks a relation removes the relation, and undo restores label and relation', () => {
    const layer = frame();
    const before = layer.toLayer();
    const { delta, inverse } = applyOps(
      layer,
      [{ kind: 'update-span', spanId: 'actor1' as SpanId, changes: { label: 'claim' } }],
      ctx,
    );
    expect(delta.removedRelations).toEqual(['r1']);
    applyOps(layer, inverse, ctx);
    expect(layer.toLayer()).toEqual({
      ...before,
      spans: before.spans.map((s) => ({ ...s, updatedAt: s.updatedAt })),
    });
    expect(layer.relation('r1')).toBeDefined();
  });

  it('a relabel drops attributes the new label does not define, and undo restores them', () => {
    const layer = new LayerIndex();
    applyOps(layer, [addSpan('c', 'claim', 0, 8, { attributes: { speechAct: 'demand' } })], ctx);
    const { inverse } = applyOps(
      layer,
      [{ kind: 'update-span', spanId: 'c' as SpanId, changes: { label: 'actor' } }],
      ctx,
    );
    expect(layer.span('c')!.attributes).toEqual({});
    applyOps(layer, inverse, ctx);
    expect(layer.span('c')).toMatchObject({ label: 'claim', attributes: { speechAct: 'demand' } });
  });

  it('refuses an attribute value outside the value set, and a free-text attribute takes any value', () => {
    const layer = new LayerIndex();
    expect(() =>
      applyOps(layer, [addSpan('c', 'claim', 0, 8, { attributes: { speechAct: 'shout' } })], ctx),
    ).toThrow(/"shout" is not a value of Claim.Speech act/);
    applyOps(layer, [addSpan('a', 'actor', 0, 8, { attributes: { actor: 'Syrian government' } })], ctx);
    expect(layer.span('a')!.attributes).toEqual({ actor: 'Syrian government' });
  });

  it('a batch with one bad op changes nothing, even after earlier ops of it applied', () => {
    const layer = frame();
    const before = layer.toLayer();
    expect(() =>
      applyOps(
        layer,
        [{ kind: 'remove-span', spanId: 'claim1' as SpanId }, addSpan('x', 'claim', 0, TEXT.length + 1)],
        ctx,
      ),
    ).toThrow(/past the end of the text/);
    expect(layer.toLayer()).toEqual(before);
  });

  it('reports the net change of a batch: a span added and removed in one batch is no change', () => {
    const layer = new LayerIndex();
    const { delta } = applyOps(
      layer,
      [addSpan('a', 'actor', 0, 8), { kind: 'remove-span', spanId: 'a' as SpanId }],
      ctx,
    );
    expect(delta).toEqual({
      addedSpans: [],
      removedSpans: [],
      updatedSpans: [],
      addedRelations: [],
      removedRelations: [],
      updatedRelations: [],
    });
  });

  it('leaves the input layer untouched when applied to a copy', () => {
    const layer: Layer = frame().toLayer();
    const copy = structuredClone(layer);
    applyOpsToLayer(layer, [{ kind: 'remove-span', spanId: 'claim1' as SpanId }], ctx);
    expect(layer).toEqual(copy);
  });
});

describe('undo', () => {
  const spanIds = ['a', 'b', 'c', 'd', 'e'];
  const opArbitrary = fc.oneof(
    fc
      .tuple(
        fc.constantFrom(...spanIds),
        fc.nat({ max: 60 }),
        fc.integer({ min: 1, max: 20 }),
        fc.constantFrom('claim', 'condition', 'actor'),
      )
      .map(([id, start, length, label]) => addSpan(id, label, start, Math.min(TEXT.length, start + length))),
    fc.constantFrom(...spanIds).map((id): AnnotationOp => ({ kind: 'remove-span', spanId: id as SpanId })),
    fc
      .tuple(
        fc.constantFrom(...spanIds),
        fc.constantFrom('claim', 'condition', 'actor'),
        fc.string({ maxLength: 5 }),
      )
      .map(([id, label, note]): AnnotationOp => ({
        kind: 'update-span',
        spanId: id as SpanId,
        changes: { label, note },
      })),
    fc
      .tuple(
        fc.constantFrom('r1', 'r2', 'r3'),
        fc.constantFrom('says', 'conditions'),
        fc.constantFrom(...spanIds),
        fc.constantFrom(...spanIds),
      )
      .map(([id, type, from, to]) => link(id, type, from, to)),
    fc
      .constantFrom('r1', 'r2', 'r3')
      .map((id): AnnotationOp => ({ kind: 'remove-relation', relationId: id as RelationId })),
  );

  it('undoing any sequence of batches, newest first, restores the original layer exactly', () => {
    fc.assert(
      fc.property(
        fc.array(fc.array(opArbitrary, { minLength: 1, maxLength: 4 }), { maxLength: 12 }),
        (batches) => {
          const layer = frame();
          const original = layer.toLayer();
          const inverses: AnnotationOp[][] = [];
          for (const ops of batches) {
            try {
              inverses.push(applyOps(layer, ops, ctx).inverse);
            } catch (error) {
              if (!(error instanceof OpError)) throw error;
            }
          }
          for (const inverse of inverses.reverse()) applyOps(layer, inverse, ctx);
          const restored = layer.toLayer();
          // updatedAt moves forward on undo of an update; everything else is restored exactly.
          const strip = (l: Layer) => ({ ...l, spans: l.spans.map(({ updatedAt: _u, ...rest }) => rest) });
          expect(strip(restored)).toEqual(strip(original));
        },
      ),
      { numRuns: 300 },
    );
  });
});
