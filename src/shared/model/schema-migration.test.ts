// Schema migration: a renamed label, relation type or attribute is renamed in every layer; a deleted label
// takes its spans, their relations and the comments on them, all counted; nothing is ever left dangling,
// whatever is deleted (property-tested: the migrated document always passes the load checks).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { CommentId, LayerId } from './ids';
import { documentProblem } from './document-checks';
import type { LabelSchema } from './label-schema';
import { applyOps } from './ops';
import { emptyImpact, losses, migrateDocument, renamesProblem, type SchemaRenames } from './schema-migration';
import {
  FRAME_TEXT,
  addSpan,
  frameCtx,
  frameDocument,
  frameSchema,
  link,
  sampleFrame,
} from './test-support/frame-layer';

const noRenames: SchemaRenames = { labels: [], relationTypes: [], attributes: [] };
const dana = (doc: { layers: Record<string, { spans: { label: string }[] }> }) =>
  doc.layers['dana' as LayerId]!;

function renamedClaim(): LabelSchema {
  const schema = structuredClone(frameSchema);
  schema.labels[0]!.id = 'statement';
  for (const type of schema.relationTypes) type.to = ['statement'];
  return schema;
}

function withoutLabel(id: string, from: LabelSchema = frameSchema): LabelSchema {
  const schema = structuredClone(from);
  schema.labels = schema.labels.filter((l) => l.id !== id);
  for (const type of schema.relationTypes) {
    type.from = type.from.filter((l) => l !== id);
    type.to = type.to.filter((l) => l !== id);
  }
  schema.relationTypes = schema.relationTypes.filter((t) => t.from.length > 0 && t.to.length > 0);
  return schema;
}

describe('migrating a document to a changed schema', () => {
  it('renames a label in every span and keeps the relations that end at it', () => {
    const schema = renamedClaim();
    const impact = emptyImpact();
    const renames = { ...noRenames, labels: [{ from: 'claim', to: 'statement' }] };
    const migrated = migrateDocument(frameDocument(sampleFrame().toLayer()), schema, renames, impact)!;
    expect(dana(migrated).spans.map((s) => s.label)).toEqual(['actor', 'statement', 'condition']);
    expect(migrated.layers['dana' as LayerId]!.relations).toHaveLength(2);
    expect(documentProblem(migrated, schema)).toBeNull();
    expect(impact).toMatchObject({ documents: 1, spansRenamed: 1, relationsRemoved: 0 });
    expect(losses(impact)).toBe(0);
  });

  it('removes the spans of a deleted label with their relations and comments, and counts each', () => {
    const doc = frameDocument(sampleFrame().toLayer(), {
      comments: [
        {
          id: 'c1' as CommentId,
          target: { layer: 'dana' as LayerId, kind: 'relation', id: 'r2' },
          author: frameCtx.annotator,
          at: frameCtx.now,
          text: 'Is this a precondition?',
        },
      ],
    });
    const schema = withoutLabel('condition');
    const impact = emptyImpact();
    const migrated = migrateDocument(doc, schema, noRenames, impact)!;
    expect(dana(migrated).spans.map((s) => s.label)).toEqual(['actor', 'claim']);
    expect(migrated.comments).toEqual([]);
    expect(impact.spansRemoved).toEqual([{ label: 'condition', count: 1 }]);
    expect(impact).toMatchObject({ relationsRemoved: 1, commentsRemoved: 1 });
    expect(losses(impact)).toBe(3);
    expect(documentProblem(migrated, schema)).toBeNull();
  });

  it('clears an attribute value the new value set no longer has, and renames an attribute', () => {
    const schema = structuredClone(frameSchema);
    schema.labels[0]!.attributes = [{ id: 'act', name: 'Speech act', values: ['assertion'] }];
    const impact = emptyImpact();
    const renames = { ...noRenames, attributes: [{ label: 'claim', from: 'speech_act', to: 'act' }] };
    const migrated = migrateDocument(frameDocument(sampleFrame().toLayer()), schema, renames, impact)!;
    const claim = migrated.layers['dana' as LayerId]!.spans.find((s) => s.label === 'claim')!;
    expect(Object.keys(claim.attributes)).toEqual([]);
    expect(impact.attributeValuesCleared).toBe(1);
    schema.labels[0]!.attributes[0]!.values.push('demand');
    const kept = migrateDocument(frameDocument(sampleFrame().toLayer()), schema, renames, emptyImpact())!;
    const claimKept = kept.layers['dana' as LayerId]!.spans.find((s) => s.label === 'claim')!;
    expect({ ...claimKept.attributes }).toEqual({ act: 'demand' });
  });

  it('renames a relation type, and leaves a document that needs no change alone', () => {
    const schema = structuredClone(frameSchema);
    schema.relationTypes[0]!.id = 'claims';
    const renames = { ...noRenames, relationTypes: [{ from: 'says', to: 'claims' }] };
    const migrated = migrateDocument(frameDocument(sampleFrame().toLayer()), schema, renames, emptyImpact())!;
    expect(migrated.layers['dana' as LayerId]!.relations.map((r) => r.type)).toEqual([
      'claims',
      'conditions',
    ]);
    expect(
      migrateDocument(frameDocument(sampleFrame().toLayer()), frameSchema, noRenames, emptyImpact()),
    ).toBeNull();
  });

  it('refuses renames of names that do not exist or are renamed twice', () => {
    const schema = renamedClaim();
    expect(
      renamesProblem(frameSchema, schema, { ...noRenames, labels: [{ from: 'claim', to: 'statement' }] }),
    ).toBeNull();
    expect(
      renamesProblem(frameSchema, schema, { ...noRenames, labels: [{ from: 'quote', to: 'statement' }] }),
    ).toMatch(/no label "quote"/);
    expect(
      renamesProblem(frameSchema, schema, { ...noRenames, labels: [{ from: 'claim', to: 'claim' }] }),
    ).toMatch(/does not have/);
  });

  it('never leaves a span, relation or comment that the new schema would call damage', () => {
    const labels = frameSchema.labels.map((l) => l.id);
    // Built under a schema where anything may say or condition anything; migrated to one that narrows it.
    const wide = structuredClone(frameSchema);
    for (const type of wide.relationTypes) [type.from, type.to] = [[...labels], [...labels]];
    const wideCtx = { ...frameCtx, schema: wide };
    fc.assert(
      fc.property(
        fc.array(
          fc.tuple(
            fc.constantFrom(...labels),
            fc.nat(FRAME_TEXT.length - 1),
            fc.integer({ min: 1, max: 30 }),
          ),
          {
            maxLength: 12,
          },
        ),
        fc.array(fc.tuple(fc.nat(11), fc.nat(11)), { maxLength: 12 }),
        fc.subarray(labels, { minLength: 0, maxLength: 2 }),
        (spans, links, deleted) => {
          const layer = sampleFrame();
          spans.forEach(([label, start, length], i) => {
            const end = Math.min(FRAME_TEXT.length, start + length);
            if (end > start) applyOps(layer, [addSpan(`x${i}`, label, [start, end])], wideCtx);
          });
          const ids = layer.spans.map((s) => s.id);
          links.forEach(([from, to], i) => {
            const types = ['says', 'conditions'];
            try {
              applyOps(
                layer,
                [link(`l${i}`, types[i % 2]!, ids[from % ids.length]!, ids[to % ids.length]!)],
                wideCtx,
              );
            } catch {
              // Links the schema refuses are simply not made.
            }
          });
          const schema = deleted.reduce((current, label) => withoutLabel(label, current), frameSchema);
          if (schema.labels.length === 0) return;
          const migrated = migrateDocument(frameDocument(layer.toLayer()), schema, noRenames, emptyImpact());
          const result = migrated ?? frameDocument(layer.toLayer());
          expect(documentProblem(result, schema)).toBeNull();
        },
      ),
      { numRuns: 150 },
    );
  });
});
