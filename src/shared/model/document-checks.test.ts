// Semantic document checks: a document built through the operations module always passes, and each kind of
// damage that is still valid JSON is found and named by its exact field path.
import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { DocumentRecord, Layer, Relation, Span } from './document';
import { documentProblem } from './document-checks';
import type { AnnotatorId, DocId, LayerId, RelationId, SpanId } from './ids';
import type { LabelSchema } from './label-schema';
import { applyOpsToLayer, type AnnotationOp } from './ops';
import { emptyRecord, setEntry } from './records';

const schema: LabelSchema = {
  labels: [
    { id: 'claim', name: 'Claim', color: '#E69F00', lineStyle: 'solid', guideline: '', attributes: [] },
    { id: 'actor', name: 'Actor', color: '#009E73', lineStyle: 'double', guideline: '', attributes: [] },
  ],
  relationTypes: [{ id: 'says', name: 'says', from: ['actor'], to: ['claim'] }],
};

const TEXT = 'Erdogan said the border stays closed.\nThe end 👩‍👩‍👧 here.';
const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');
const NOW = '2026-01-01T00:00:00.000Z';

function layerOf(ops: AnnotationOp[], text = TEXT): Layer {
  const ctx = { text, schema, annotator: 'dana' as AnnotatorId, now: NOW };
  return applyOpsToLayer({ spans: [], relations: [] }, ops, ctx).layer;
}

function documentWith(layer: Layer, text = TEXT): DocumentRecord {
  const layers = emptyRecord<Layer>();
  setEntry(layers, 'dana', layer);
  return {
    schemaVersion: 1,
    id: 'd1' as DocId,
    title: 'Report',
    text,
    sha256: sha256(text),
    meta: {},
    import: {
      sourceName: 'report.txt',
      format: 'txt',
      encoding: 'utf-8',
      hadBom: false,
      lineEndings: 'crlf',
      crlfAt: [text.indexOf('\n')],
      crAt: [],
      importedAt: NOW,
    },
    status: {},
    layers,
    comments: [],
    rejectedSuggestions: [],
    reviewRejections: [],
    revision: 3,
  };
}

/** A document with an actor (0-7), a claim (13-36) and an actor-says-claim relation. */
function taggedDocument(): DocumentRecord {
  return documentWith(
    layerOf([
      { kind: 'add-span', span: { id: 's1' as SpanId, label: 'actor', start: 0, end: 7 } },
      { kind: 'add-span', span: { id: 's2' as SpanId, label: 'claim', start: 13, end: 36 } },
      {
        kind: 'add-relation',
        relation: { id: 'r1' as RelationId, type: 'says', from: 's1' as SpanId, to: 's2' as SpanId },
      },
    ]),
  );
}

const danaOf = (doc: DocumentRecord): Layer => doc.layers['dana' as LayerId]!;
const spanOf = (doc: DocumentRecord, index: number): Span => danaOf(doc).spans[index]!;
const relationOf = (doc: DocumentRecord): Relation => danaOf(doc).relations[0]!;

describe('documentProblem', () => {
  it('finds nothing wrong with any document built through the operations module', () => {
    const spanArb = fc
      .tuple(fc.nat(TEXT.length - 1), fc.integer({ min: 1, max: 12 }), fc.constantFrom('claim', 'actor'))
      .map(([start, length, label]) => ({ start, end: Math.min(TEXT.length, start + length), label }));
    fc.assert(
      fc.property(fc.array(spanArb, { maxLength: 20 }), (drafts) => {
        const ops: AnnotationOp[] = [];
        const ctx = { text: TEXT, schema, annotator: 'dana' as AnnotatorId, now: NOW };
        let layer: Layer = { spans: [], relations: [] };
        for (const [n, d] of drafts.entries()) {
          const op: AnnotationOp = { kind: 'add-span', span: { id: `s${n}` as SpanId, ...d } };
          try {
            layer = applyOpsToLayer(layer, [op], ctx).layer;
            ops.push(op);
          } catch {
            // A draft that splits a surrogate pair is refused by the ops module, as it should be.
          }
        }
        expect(documentProblem(documentWith(layer), schema, { sha256 })).toBeNull();
      }),
    );
  });

  it('names a span end past the end of the text with the text length', () => {
    const doc = taggedDocument();
    spanOf(doc, 1).end = TEXT.length + 1;
    expect(documentProblem(doc, schema)).toBe(
      `"layers.dana.spans.1.end": ${TEXT.length + 1} is past the end of the text (length ${TEXT.length})`,
    );
  });

  it('finds any span whose end is moved past the text, wherever it stands', () => {
    fc.assert(
      fc.property(fc.nat(1), fc.integer({ min: 1, max: 1000 }), (index, beyond) => {
        const doc = taggedDocument();
        spanOf(doc, index).end = TEXT.length + beyond;
        expect(documentProblem(doc, schema)).toMatch(new RegExp(`^"layers\\.dana\\.spans\\.${index}\\.end"`));
      }),
    );
  });

  it.each<[string, (doc: DocumentRecord) => void, string]>([
    ['an empty span', (d) => (spanOf(d, 0).start = 7), '"layers.dana.spans.0.start": 7 is not before'],
    [
      'an end that splits a surrogate pair',
      (d) => Object.assign(spanOf(d, 1), { end: TEXT.indexOf('👩') + 1 }),
      '"layers.dana.spans.1": span end',
    ],
    [
      'a quote that is not the text',
      (d) => (spanOf(d, 0).quote = 'Erdoğan'),
      '"layers.dana.spans.0.quote": "Erdoğan" is not the text at 0-7',
    ],
    ['a prefix that is not the text', (d) => (spanOf(d, 1).prefix = 'x'), '"layers.dana.spans.1.prefix"'],
    ['a suffix that is not the text', (d) => (spanOf(d, 0).suffix = 'x'), '"layers.dana.spans.0.suffix"'],
    ['a label unknown to the schema', (d) => (spanOf(d, 0).label = 'villain'), 'unknown label "villain"'],
    [
      'two spans with one id',
      (d) => (spanOf(d, 1).id = 's1' as SpanId),
      '"layers.dana.spans.1.id": "s1" is also the id of layers.dana.spans.0',
    ],
    [
      'a relation to a span that does not exist',
      (d) => (relationOf(d).to = 's9' as SpanId),
      '"layers.dana.relations.0": span s9 does not exist',
    ],
    [
      'two relations with one id',
      (d) => danaOf(d).relations.push({ ...relationOf(d) }),
      '"layers.dana.relations.1.id": "r1" is also the id of layers.dana.relations.0',
    ],
    [
      'a line-ending map that points at no line break',
      (d) => (d.import.crlfAt = [3]),
      '"import.crlfAt.0": 3 is not the offset of a line break',
    ],
    [
      'a merged decision with one source',
      (d) =>
        (spanOf(d, 0).provenance = {
          sources: [{ layer: 'ana' as LayerId, id: 's1' }],
          decision: 'merged',
          decidedBy: 'dana' as AnnotatorId,
          decidedAt: NOW,
          reason: '',
        }),
      '"layers.dana.spans.0.provenance.sources": a "merged" decision needs at least 2',
    ],
    [
      'a rejected suggestion outside the text',
      (d) => d.rejectedSuggestions.push({ layer: 'dana' as LayerId, label: 'claim', start: 3, end: 999 }),
      '"rejectedSuggestions.0": span end 999 is past the end of the text',
    ],
  ])('names %s by its field', (_name, damage, message) => {
    const doc = taggedDocument();
    damage(doc);
    expect(documentProblem(doc, schema)).toContain(message);
  });

  it('names a comment on a span that does not exist', () => {
    const doc = taggedDocument();
    doc.comments.push({
      id: 'c1' as never,
      target: { layer: 'dana' as LayerId, kind: 'relation', id: 's1' },
      author: 'dana' as AnnotatorId,
      at: NOW,
      text: 'Really?',
    });
    expect(documentProblem(doc, schema)).toBe(
      '"comments.0.target.id": there is no relation "s1" in layer dana',
    );
    doc.comments[0]!.target = { layer: 'ana' as LayerId, kind: 'span', id: 's1' };
    expect(documentProblem(doc, schema)).toBe('"comments.0.target.layer": there is no layer "ana"');
  });

  it('names a lone surrogate in the text, even when the sha256 was computed over it', () => {
    // Node hashes a lone surrogate as U+FFFD, so the hash alone cannot tell; the text is not Unicode text.
    const text = `${TEXT}\ud800 tail`;
    const doc = documentWith({ spans: [], relations: [] }, text);
    expect(documentProblem(doc, schema, { sha256 })).toBe(
      `"text": holds half a surrogate pair at ${TEXT.length} (not Unicode text)`,
    );
  });

  it('checks the sha256 only when given a hash function, and names the mismatch', () => {
    const doc = taggedDocument();
    doc.sha256 = '0'.repeat(64);
    expect(documentProblem(doc, schema)).toBeNull();
    expect(documentProblem(doc, schema, { sha256 })).toBe(
      `"sha256": does not match the text (the text hashes to ${sha256(TEXT)})`,
    );
  });
});
