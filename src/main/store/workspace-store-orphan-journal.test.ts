// The journal of a document that is gone (src/main): `documents/<id>.journal` left behind by a trashed or
// deleted document (a crash between steps, an older version) belongs to no document, and must never be
// replayed onto a new document that reuses the id: creating the document removes it in the same batch.
import { copyFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationOp, AnnotatorId, LayerId } from '@shared/model';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { docId, makeDocument, makeTempDir, removeDir, testLabelSchema } from './test-support/fixtures';

let dir: string;
let store: WorkspaceStore;

beforeEach(async () => {
  dir = await makeTempDir();
  store = await openWorkspace(dir, {
    owner: 'test',
    createWith: { labelSchema: testLabelSchema },
    compaction: { idleMs: 60_000 },
  });
});
afterEach(async () => {
  await store.close();
  await removeDir(dir);
});

const X = docId('x');
const journal = (): string => join(dir, 'documents', 'x.journal');

/** Document x, tagged once through its journal, then trashed; its journal is planted back as an orphan. */
async function orphanJournalOfTrashedDocument(): Promise<void> {
  await store.createDocument(makeDocument('x', 'The first text of x, tagged before it was deleted.'));
  const op = { kind: 'add-span', span: { id: 'old', label: 'claim', start: 0, end: 3 } } as AnnotationOp;
  const at = '2026-01-01T00:00:00Z';
  await store.applyAnnotations(X, { layer: 'alice' as LayerId, ops: [op], by: 'alice' as AnnotatorId, at });
  await copyFile(journal(), `${journal()}.kept`);
  await store.trashDocument(X, 'alice');
  await copyFile(`${journal()}.kept`, journal());
}

describe('the journal of a trashed document', () => {
  it('is not replayed onto a new document with the same id, now or after reopening', async () => {
    await orphanJournalOfTrashedDocument();
    await store.createDocument(makeDocument('x', 'A second, different text that reuses the id x.'));
    expect((await store.readDocument(X)).layers).toEqual({});
    expect(await readdir(join(dir, 'documents'))).not.toContain('x.journal');
    await store.close();
    store = await openWorkspace(dir, { owner: 'test' });
    expect(store.problems).toEqual([]);
    expect((await store.readDocument(X)).layers).toEqual({});
  });

  it('is not replayed onto the document restored from the trash either', async () => {
    await orphanJournalOfTrashedDocument();
    await store.restoreDocument(X);
    await store.close();
    store = await openWorkspace(dir, { owner: 'test' });
    const restored = await store.readDocument(X);
    // The trash holds the file with the tag folded in, once; the orphan adds nothing to it.
    expect(restored.layers['alice' as LayerId]?.spans.map((s) => s.id)).toEqual(['old']);
    expect(store.problems).toEqual([]);
  });
});
