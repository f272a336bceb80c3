// Adjudication helpers: the items two layers yield, when an item is settled, and the ops that accept spans into
// gold with provenance — merged when several stand for one span, never doubled, relations carried along.
import { describe, expect, it } from 'vitest';
import {
  LayerIndex,
  applyOps,
  type AnnotatorId,
  type Layer,
  type LabelSchema,
  type LayerId,
  type Span,
  type SpanId,
} from '../model';
import { acceptOps, decidedProposals, isSettled, reviewItems } from './adjudication';

const TEXT = 'Damascus insists that Turkey withdraw its forces as a precondition for a meeting.';
const schema: LabelSchema = {
  labels: ['claim', 'condition', 'actor'].map((id) => ({
    id,
    name: id,
    color: '#000000',
    lineStyle: 'solid' as const,
    guideline: '',
    attributes: [],
  })),
  relationTypes: [{ id: 'says', name: 'says', from: ['actor'], to: ['claim'] }],
};
const dana = 'dana' as AnnotatorId;
const lee = 'lee' as AnnotatorId;

function layer(
  owner: AnnotatorId,
  spans: [string, string, string][],
  relations: [string, string, string][] = [],
): Layer {
  const index = new LayerIndex();
  applyOps(
    index,
    [
      ...spans.map(([id, label, quote]) => ({
        kind: 'add-span' as const,
        span: {
          id: id as SpanId,
          label,
          start: TEXT.indexOf(quote),
          end: TEXT.indexOf(quote) + quote.length,
        },
      })),
      ...relations.map(([id, from, to]) => ({
        kind: 'add-relation' as const,
        relation: { id: id as never, type: 'says', from: from as SpanId, to: to as SpanId },
      })),
    ],
    { text: TEXT, schema, annotator: owner, now: '2026-01-01T00:00:00.000Z' },
  );
  return index.toLayer();
}

const A = layer(
  dana,
  [
    ['a1', 'actor', 'Damascus'],
    ['a2', 'claim', 'Turkey withdraw its forces'],
    ['a3', 'condition', 'as a precondition'],
  ],
  [['r1', 'a1', 'a2']],
);
const B = layer(
  lee,
  [
    ['b1', 'actor', 'Damascus'],
    ['b2', 'claim', 'Turkey withdraw its forces as a precondition'],
    ['b3', 'actor', 'meeting'],
  ],
  [['s1', 'b1', 'b2']],
);
const ctx = (gold: Layer) => ({
  gold,
  sources: new Map<LayerId, Layer>([
    [dana, A],
    [lee, B],
  ]),
  decidedBy: dana,
  decidedAt: '2026-02-02T00:00:00.000Z',
  reason: 'checked the guidelines',
  newId: (kind: 'span' | 'relation') => `${kind[0]}${++ids}`,
});
let ids = 0;

describe('review items', () => {
  it('pairs matches and mismatches once and lists lone spans, in text order', () => {
    expect(reviewItems(A, B).map((i) => [i.kind, i.a?.id ?? null, i.b?.id ?? null])).toEqual([
      ['match', 'a1', 'b1'],
      ['boundary', 'a2', 'b2'],
      ['only-a', 'a3', null],
      ['only-b', null, 'b3'],
    ]);
  });

  it('counts an item settled only when every one of its spans is accepted or rejected', () => {
    const [match, boundary] = reviewItems(A, B);
    const gold: Layer = {
      spans: [
        {
          ...(A.spans[0] as Span),
          id: 'g1' as SpanId,
          provenance: {
            sources: [{ layer: dana, id: 'a1' }],
            decision: 'accepted',
            decidedBy: dana,
            decidedAt: 'x',
            reason: '',
          },
        },
      ],
      relations: [],
    };
    const decided = decidedProposals(gold, [
      { layer: lee, id: 'b2', decidedBy: dana, decidedAt: 'x', reason: '' },
    ]);
    expect(isSettled(match!, { a: dana, b: lee }, decided)).toBe(false);
    expect(isSettled(boundary!, { a: dana, b: lee }, decided)).toBe(false);
    decided.add(`lee\u0000b1`);
    decided.add(`dana\u0000a2`);
    expect(isSettled(match!, { a: dana, b: lee }, decided)).toBe(true);
    expect(isSettled(boundary!, { a: dana, b: lee }, decided)).toBe(true);
  });
});

describe('accepting into gold', () => {
  it('makes one merged gold span for two spans of the same label and extent, naming both sources', () => {
    const ops = acceptOps(
      [
        { layer: dana, span: A.spans[0]! },
        { layer: lee, span: B.spans[0]! },
      ],
      'accepted',
      ctx({ spans: [], relations: [] }),
    );
    expect(ops).toHaveLength(1);
    expect(ops[0]).toMatchObject({
      kind: 'add-span',
      span: {
        label: 'actor',
        provenance: {
          decision: 'merged',
          reason: 'checked the guidelines',
          sources: [
            { layer: 'dana', id: 'a1' },
            { layer: 'lee', id: 'b1' },
          ],
        },
      },
    });
  });

  it('adds the relation of a source layer once both of its ends are in gold', () => {
    const goldIndex = new LayerIndex();
    const first = acceptOps(
      [{ layer: dana, span: A.spans.find((s) => s.id === 'a1')! }],
      'accepted',
      ctx(goldIndex.toLayer()),
    );
    applyOps(goldIndex, first, { text: TEXT, schema, annotator: dana, now: '2026-01-01T00:00:00.000Z' });
    expect(first.some((op) => op.kind === 'add-relation')).toBe(false);
    const second = acceptOps(
      [{ layer: dana, span: A.spans.find((s) => s.id === 'a2')! }],
      'accepted',
      ctx(goldIndex.toLayer()),
    );
    const relation = second.find((op) => op.kind === 'add-relation');
    expect(relation).toMatchObject({
      relation: { type: 'says', provenance: { sources: [{ layer: 'dana', id: 'r1' }] } },
    });
    applyOps(goldIndex, second, { text: TEXT, schema, annotator: dana, now: '2026-01-01T00:00:00.000Z' });
    expect(goldIndex.relations).toHaveLength(1);
  });

  it('never doubles a gold span that is already there: it gains the new source instead', () => {
    const goldIndex = new LayerIndex();
    applyOps(
      goldIndex,
      acceptOps([{ layer: dana, span: A.spans[0]! }], 'accepted', ctx(goldIndex.toLayer())),
      { text: TEXT, schema, annotator: dana, now: '2026-01-01T00:00:00.000Z' },
    );
    const again = acceptOps([{ layer: lee, span: B.spans[0]! }], 'accepted', ctx(goldIndex.toLayer()));
    expect(again).toEqual([expect.objectContaining({ kind: 'update-span' })]);
    applyOps(goldIndex, again, { text: TEXT, schema, annotator: dana, now: '2026-01-01T00:00:00.000Z' });
    expect(goldIndex.spans).toHaveLength(1);
    expect(goldIndex.spans[0]!.provenance!.sources.map((s) => s.layer)).toEqual(['dana', 'lee']);
  });
});
