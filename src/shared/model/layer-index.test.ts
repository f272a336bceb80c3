// LayerIndex against a model (shared layer): whatever mix of single inserts, batches of inserts, deletes and
// replacements, the spans read back are exactly the live ones in text order.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from './document';
import type { AnnotatorId, SpanId } from './ids';
import { LayerIndex, compareSpans } from './layer-index';

function span(id: number, start: number, length: number): Span {
  return {
    id: `s${id}` as SpanId,
    label: 'claim',
    start,
    end: start + length,
    quote: '',
    prefix: '',
    suffix: '',
    attributes: {},
    note: '',
    createdBy: 'a' as AnnotatorId,
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
  };
}

const stepArbitrary = fc.oneof(
  fc.array(fc.tuple(fc.nat({ max: 60 }), fc.nat({ max: 50 }), fc.integer({ min: 1, max: 5 })), {
    maxLength: 30,
  }),
  fc.nat({ max: 60 }).map((id) => ({ remove: id })),
  fc.constant('read' as const),
);

describe('LayerIndex', () => {
  it('reads back the live spans in text order after any inserts, batches, deletes and replacements', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { maxLength: 25 }), (steps) => {
        const index = new LayerIndex();
        const model = new Map<string, Span>();
        for (const step of steps) {
          if (step === 'read') {
            expect(index.spans).toEqual([...model.values()].sort(compareSpans));
          } else if ('remove' in step) {
            index.deleteSpan(`s${step.remove}` as SpanId);
            model.delete(`s${step.remove}`);
          } else {
            for (const [id, start, length] of step) {
              const next = span(id, start, length);
              if (model.has(next.id)) index.replaceSpan(next);
              else index.insertSpan(next);
              model.set(next.id, next);
            }
          }
        }
        expect(index.toLayer().spans).toEqual([...model.values()].sort(compareSpans));
        expect(index.snapshotSpans()).toEqual([...model.values()].sort(compareSpans));
      }),
      { numRuns: 300 },
    );
  });
});
