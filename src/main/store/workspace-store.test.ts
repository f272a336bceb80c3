// Tests of the workspace store's everyday behaviour (src/main): creating, reading, updating, serialized
// concurrent saves, frozen snapshots and rotating backups, against the real adapter on a temp folder.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotatorId, DocumentRecord } from '@shared/model';
import { INDEX_FLUSH_DELAY_MS } from './index-writer';
import { openWorkspace, type OpenWorkspaceOptions, type WorkspaceStore } from './workspace-store';
import {
  addSpan,
  aliceSpans,
  docId,
  makeDocument,
  makeTempDir,
  removeDir,
  testLabelSchema,
} from './test-support/fixtures';

let dir: string;
const open: WorkspaceStore[] = [];

async function openStore(options: Partial<OpenWorkspaceOptions> = {}): Promise<WorkspaceStore> {
  const store = await openWorkspace(dir, {
    owner: 'test',
    createWith: { labelSchema: testLabelSchema },
    ...options,
  });
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = await makeTempDir();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await removeDir(dir);
});

describe('openWorkspace', () => {
  it('creates the workspace layout with an empty index when workspace.json is absent', async () => {
    const store = await openStore({ createWith: { labelSchema: testLabelSchema, now: () => new Date(0) } });
    expect(store.workspace()).toMatchObject({
      schemaVersion: 2,
      annotators: [],
      documents: [],
    });
    expect(store.workspace().createdAt).toBe('1970-01-01T00:00:00.000Z');
    expect((await readdir(dir)).sort()).toEqual(
      ['.lock', '.lock-owner.json', 'backups', 'documents', 'quarantine', 'workspace.json'].sort(),
    );
  });

  it('refuses with not-found naming the folder when there is no workspace and no createWith', async () => {
    await expect(openWorkspace(dir, { owner: 'test' })).rejects.toMatchObject({
      code: 'not-found',
      message: expect.stringContaining(dir),
    });
  });
});

describe('documents', () => {
  it('lists created documents in import order and finds them by sha256', async () => {
    const store = await openStore();
    for (const id of ['b', 'a', 'c']) await store.createDocument(makeDocument(id));
    expect(store.documents().map((d) => d.id)).toEqual(['b', 'a', 'c']);
    expect(store.findBySha256(makeDocument('a').sha256)?.id).toBe('a');
    expect(store.findBySha256('0'.repeat(64))).toBeUndefined();
  });

  it('refuses to create a document whose id already exists', async () => {
    const store = await openStore();
    await store.createDocument(makeDocument('a'));
    await expect(store.createDocument(makeDocument('a'))).rejects.toMatchObject({ code: 'conflict' });
  });

  it('refuses a new or changed document whose file would be over the size a load accepts, saving nothing', async () => {
    const doc = makeDocument('a');
    const fits = Buffer.byteLength(JSON.stringify(doc)) + 200;
    const store = await openStore({ maxDocumentBytes: fits });
    await expect(store.createDocument(makeDocument('b', 'x'.repeat(fits)))).rejects.toMatchObject({
      code: 'too-large',
      details: { file: 'documents/b.json' },
    });
    await store.createDocument(doc);
    const bigNote = (draft: DocumentRecord) => void (draft.title = 't'.repeat(400));
    await expect(store.updateDocument(docId('a'), bigNote)).rejects.toMatchObject({ code: 'too-large' });
    await expect(store.commitBatch({ updates: [{ id: docId('a'), mutate: bigNote }] })).rejects.toMatchObject(
      {
        code: 'too-large',
      },
    );
    expect((await readdir(join(dir, 'documents'))).sort()).toEqual(['a.json']);
    expect(await store.readDocument(docId('a'))).toEqual(doc);
  });

  it('saves an update durably, bumps the revision and keeps it after reopening', async () => {
    let store = await openStore();
    await store.createDocument(makeDocument('a'));
    const saved = await store.updateDocument(docId('a'), (draft) => addSpan(draft, 1));
    expect(saved.revision).toBe(1);
    expect(store.documents()[0]).toMatchObject({ revision: 1, spanCounts: { alice: { claim: 1 } } });
    await store.close();
    store = await openStore();
    expect(aliceSpans(await store.readDocument(docId('a')))).toHaveLength(1);
    expect(store.documents()[0]?.revision).toBe(1);
  });

  it('does not rewrite workspace.json on every save, but within a second and on close', async () => {
    const store = await openStore();
    await store.createDocument(makeDocument('a'));
    const indexOnDisk = async () =>
      (
        JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as {
          documents: { revision: number }[];
        }
      ).documents[0]?.revision;
    const within = { timeout: INDEX_FLUSH_DELAY_MS * 3, interval: 50 };
    await vi.waitFor(async () => expect(await indexOnDisk()).toBe(0), within);
    await store.updateDocument(docId('a'), (draft) => addSpan(draft, 1));
    expect(await indexOnDisk()).toBe(0);
    await vi.waitFor(async () => expect(await indexOnDisk()).toBe(1), within);
    await store.updateDocument(docId('a'), (draft) => addSpan(draft, 2));
    await store.close();
    expect(await indexOnDisk()).toBe(2);
  });

  it('reports not-found for an unknown document id', async () => {
    const store = await openStore();
    await expect(store.readDocument(docId('nope'))).rejects.toMatchObject({ code: 'not-found' });
    await expect(store.updateDocument(docId('nope'), () => undefined)).rejects.toMatchObject({
      code: 'not-found',
    });
  });

  it('serializes concurrent updates to one document so that no update is lost', async () => {
    const store = await openStore();
    await store.createDocument(makeDocument('a'));
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, n) => store.updateDocument(docId('a'), (draft) => addSpan(draft, n))),
    );
    expect(results.map((r) => r.revision)).toEqual(Array.from({ length: 40 }, (_, n) => n + 1));
    const onDisk = JSON.parse(await readFile(join(dir, 'documents', 'a.json'), 'utf8')) as {
      revision: number;
    };
    expect(onDisk.revision).toBe(40);
    expect(aliceSpans(await store.readDocument(docId('a')))).toHaveLength(40);
    expect(store.documents()[0]?.revision).toBe(40);
  });

  it('refuses an update that would change the immutable text or break the schema, and saves nothing', async () => {
    const store = await openStore();
    await store.createDocument(makeDocument('a'));
    await expect(store.updateDocument(docId('a'), (d) => void (d.text = 'other'))).rejects.toMatchObject({
      code: 'invalid-request',
    });
    await expect(store.updateDocument(docId('a'), (d) => void (d.title = ''))).rejects.toMatchObject({
      code: 'invalid-request',
    });
    expect((await store.readDocument(docId('a'))).revision).toBe(0);
  });

  it('reloads documents that were dropped from the in-memory cache', async () => {
    const store = await openStore({ maxCachedDocuments: 2 });
    for (const id of ['a', 'b', 'c', 'd']) await store.createDocument(makeDocument(id));
    await store.updateDocument(docId('a'), (draft) => addSpan(draft, 1));
    for (const id of ['a', 'b', 'c', 'd']) expect((await store.readDocument(docId(id))).id).toBe(id);
    expect((await store.readDocument(docId('a'))).revision).toBe(1);
  });
});

describe('workspace snapshots', () => {
  it('hands out frozen snapshots that callers cannot change', async () => {
    const store = await openStore();
    await store.createDocument(makeDocument('a'));
    const ws = store.workspace();
    expect(() => ws.annotators.push({ id: 'x' as AnnotatorId, name: 'X' })).toThrow(TypeError);
    expect(() => {
      (ws.documents[0] as { title: string }).title = 'changed';
    }).toThrow(TypeError);
    expect(store.documents()[0]?.title).toBe('Document a');
  });

  it('saves workspace changes but ignores edits to the derived document index', async () => {
    let store = await openStore();
    await store.createDocument(makeDocument('a'));
    await store.updateWorkspace((draft) => {
      draft.annotators.push({ id: 'alice' as AnnotatorId, name: 'Alice' });
      draft.documents = [];
    });
    await store.close();
    store = await openStore();
    expect(store.workspace().annotators).toEqual([{ id: 'alice', name: 'Alice' }]);
    expect(store.documents().map((d) => d.id)).toEqual(['a']);
  });
});

describe('backups', () => {
  it('copies a document before overwriting it at most once per interval and keeps the newest five', async () => {
    let clock = Date.parse('2026-01-01T00:00:00Z');
    const store = await openStore({ now: () => new Date(clock), backupIntervalMinutes: 10 });
    await store.createDocument(makeDocument('a'));
    const backupDir = join(dir, 'backups', 'documents', 'a');
    await store.updateDocument(docId('a'), (draft) => addSpan(draft, 0));
    await store.updateDocument(docId('a'), (draft) => addSpan(draft, 1));
    expect(await readdir(backupDir)).toHaveLength(1);
    for (let n = 2; n < 10; n += 1) {
      clock += 11 * 60_000;
      const before = await readFile(join(dir, 'documents', 'a.json'));
      await store.updateDocument(docId('a'), (draft) => addSpan(draft, n));
      const names = (await readdir(backupDir)).sort();
      expect(await readFile(join(backupDir, names.at(-1) as string))).toEqual(before);
    }
    expect(await readdir(backupDir)).toHaveLength(5);
    await store.close(); // writes the deferred index, backing up workspace.json first
    expect(await readdir(join(dir, 'backups', 'workspace'))).not.toHaveLength(0);
  });
});
