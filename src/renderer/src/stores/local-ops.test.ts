// Local application of annotation ops and their inverses: undo restores exactly what was there.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { AnnotationOp } from '@shared/api';
import type { AnnotatorId, Span, SpanId } from '@shared/model';
import { applyLocal } from './local-ops';

const ctx = {
  text: 'Erdogan said the border stays closed until spring.',
  annotator: 'dana' as AnnotatorId,
  now: '2026-01-01T00:00:00.000Z',
};
const add = (id: string, label: string, start: number, end: number): AnnotationOp => ({
  kind: 'add-span',
  span: { id: id as SpanId, label, start, end },
});

describe('local annotation ops', () => {
  it('computes the quote of an added span from the text', () => {
    const { spans } = applyLocal([], [add('a', 'actor', 0, 7)], ctx);
    expect(spans[0]).toMatchObject({ quote: 'Erdogan', createdBy: 'dana' });
  });

  it('keeps spans in text order, outer spans before the spans they contain', () => {
    const { spans } = applyLocal(
      [],
      [add('c', 'condition', 30, 50), add('a', 'actor', 0, 7), add('b', 'claim', 13, 50)],
      ctx,
    );
    expect(spans.map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });

  it('undoing any sequence of ops restores the original spans exactly', () => {
    const op = fc.oneof(
      fc
        .tuple(
          fc.integer({ min: 0, max: 40 }),
          fc.integer({ min: 1, max: 10 }),
          fc.constantFrom('claim', 'actor'),
        )
        .map(([start, len, label]) => ({ kind: 'add', start, end: start + len, label }) as const),
      fc.nat({ max: 10 }).map((index) => ({ kind: 'remove', index }) as const),
      fc
        .tuple(fc.nat({ max: 10 }), fc.string({ maxLength: 5 }))
        .map(([index, note]) => ({ kind: 'note', index, note }) as const),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 12 }), (plan) => {
        let spans: Span[] = [];
        const inverses: AnnotationOp[][] = [];
        const history: Span[][] = [];
        plan.forEach((step, n) => {
          const target = spans[('index' in step ? step.index : 0) % Math.max(spans.length, 1)];
          const ops: AnnotationOp[] =
            step.kind === 'add'
              ? [add(`s${n}`, step.label, step.start, step.end)]
              : target === undefined
                ? []
                : step.kind === 'remove'
                  ? [{ kind: 'remove-span', spanId: target.id }]
                  : [{ kind: 'update-span', spanId: target.id, changes: { note: step.note } }];
          if (ops.length === 0) return;
          history.push(spans);
          const result = applyLocal(spans, ops, ctx);
          spans = result.spans;
          inverses.push(result.inverse);
        });
        while (inverses.length > 0) {
          spans = applyLocal(spans, inverses.pop()!, ctx).spans;
          const expected = history.pop()!;
          expect(spans.map(({ updatedAt: _u, ...rest }) => rest)).toEqual(
            expected.map(({ updatedAt: _u, ...rest }) => rest),
          );
        }
      }),
    );
  });
});
