// The damage variants: more than fifty, named once each, and each really changes a good file.
import { describe, expect, it } from 'vitest';
import type { CommentId, LayerId, RelationId } from '@shared/model';
import { makeDocument, makeSpan, testLabelSchema } from '../../../src/main/store/test-support/fixtures';
import { damageVariants } from './variants';

function goodFiles(): Record<'document' | 'workspace' | 'manifest', Buffer> {
  const doc = makeDocument('v1', 'Erdogan said 👩‍👩‍👧 the border stays closed.');
  const [a, b] = [makeSpan(1, doc.text, 7), makeSpan(2, doc.text, 12)];
  doc.comments = [
    {
      id: 'c1' as CommentId,
      target: { layer: 'alice' as LayerId, kind: 'span', id: 's1' },
      author: a.createdBy,
      at: a.createdAt,
      text: 'Check.',
    },
  ];
  doc.layers['alice' as LayerId] = {
    spans: [a, b],
    relations: [
      {
        id: 'r1' as RelationId,
        type: 'says',
        from: a.id,
        to: b.id,
        note: '',
        createdBy: a.createdBy,
        createdAt: a.createdAt,
      },
    ],
  };
  const workspace = {
    schemaVersion: 2,
    createdAt: a.createdAt,
    labelSchema: testLabelSchema,
    annotators: [{ id: 'alice', name: 'Alice' }],
    documents: [],
  };
  const staged = { target: 'documents/v1.json', staged: 'documents/.v1.json.0123456789ab.staged' };
  const manifest = { writes: [{ ...staged, sha256: 'a'.repeat(64) }], removals: [] };
  return {
    document: Buffer.from(JSON.stringify(doc)),
    workspace: Buffer.from(JSON.stringify(workspace)),
    manifest: Buffer.from(JSON.stringify(manifest)),
  };
}

describe('damage variants', () => {
  const variants = damageVariants();

  it('number more than fifty, each with its own name, semantic ones among them', () => {
    expect(variants.length).toBeGreaterThanOrEqual(50);
    expect(new Set(variants.map((v) => v.name)).size).toBe(variants.length);
    expect(variants.filter((v) => v.kind === 'semantic').length).toBeGreaterThanOrEqual(12);
  });

  it('each change the bytes of a good file', () => {
    const good = goodFiles();
    for (const variant of variants) {
      const before = good[variant.target];
      const after = variant.damage(before);
      if (after !== 'folder') expect(after.equals(before), variant.name).toBe(false);
    }
  });
});
