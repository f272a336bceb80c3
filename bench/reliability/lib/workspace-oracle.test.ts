// The oracle that judges documents on disk: a sound document passes, and every semantic damage the
// damaged-files campaign plants is caught by it too (so the campaign's verdicts do not rest on the store alone).
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { documentRecordSchema, type DocumentRecord, type LayerId, type RelationId } from '@shared/model';
import { manifestPathIn, writeManifest } from '../../../src/main/store/batch-manifest';
import { nodeFileIO } from '../../../src/main/store/file-io';
import { openWorkspace } from '../../../src/main/store/workspace-store';
import {
  makeDocument,
  makeSpan,
  makeTempDir,
  removeDir,
  testLabelSchema,
} from '../../../src/main/store/test-support/fixtures';
import { damageVariants } from '../damaged-files/variants';
import { documentProblems, hasLoneSurrogate, inspectWorkspace } from './workspace-oracle';

const names = { labels: new Set(['claim', 'actor']), relationTypes: new Set(['says']) };

/** Two spans over the emoji-bearing text and a relation between them, built like the app builds them. */
function soundDocument(): DocumentRecord {
  const doc = makeDocument('oracle', 'Erdogan said 👩‍👩‍👧 the border stays closed, if the talks fail.');
  const first = makeSpan(1, doc.text, 7);
  const second = { ...makeSpan(2, doc.text, 12), label: 'actor' };
  const relation = {
    id: 'r1' as RelationId,
    type: 'says',
    from: first.id,
    to: second.id,
    note: '',
    createdBy: first.createdBy,
    createdAt: first.createdAt,
  };
  doc.layers['alice' as LayerId] = { spans: [first, second], relations: [relation] };
  return doc;
}

describe('the workspace oracle', () => {
  it('finds nothing wrong with a sound document', () => {
    expect(documentProblems(soundDocument(), names)).toEqual([]);
  });

  it('catches every semantic damage variant that still passes the schema', () => {
    const good = Buffer.from(JSON.stringify(soundDocument()));
    const semantic = damageVariants().filter((v) => v.kind === 'semantic' && v.target === 'document');
    expect(semantic.length).toBeGreaterThanOrEqual(10);
    for (const variant of semantic) {
      const damaged = variant.damage(good);
      if (damaged === 'folder') throw new Error('a semantic variant cannot be a folder');
      const parsed = documentRecordSchema.safeParse(JSON.parse(damaged.toString('utf8')));
      if (parsed.success) expect(documentProblems(parsed.data, names), variant.name).not.toEqual([]);
    }
  });

  it('tells a lone surrogate from a pair', () => {
    expect(hasLoneSurrogate('a\ud800b')).toBe(true);
    expect(hasLoneSurrogate('a\udc00')).toBe(true);
    expect(hasLoneSurrogate('a👩b')).toBe(false);
  });
});

describe('inspecting a workspace', () => {
  it('judges the documents the store loads, so a batch a killed writer left unfinished is not counted', async () => {
    const dir = await makeTempDir();
    try {
      const store = await openWorkspace(dir, { owner: 'test', createWith: { labelSchema: testLabelSchema } });
      await store.createDocument(makeDocument('a'));
      await store.close();
      const orphan = {
        path: join(dir, 'documents', 'n0.json'),
        contents: JSON.stringify(makeDocument('n0')),
      };
      await writeManifest(nodeFileIO, manifestPathIn(join(dir, 'documents')), [orphan]);
      await writeFile(orphan.path, orphan.contents);
      const inspection = await inspectWorkspace(dir, true);
      expect(inspection.problems).toEqual([]);
      expect([...inspection.documents.keys()]).toEqual(['a']);
    } finally {
      await removeDir(dir);
    }
  });
});
