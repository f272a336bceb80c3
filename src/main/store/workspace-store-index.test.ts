// Tests of the derived document index (src/main): when workspace.json is stale after a crash between the
// document write and the index write, opening the workspace rebuilds the index from the document files.
import { copyFile, readFile, readdir, unlink, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import {
  addSpan,
  docId,
  makeDocument,
  makeTempDir,
  removeDir,
  testLabelSchema,
} from './test-support/fixtures';

let dir: string;
const open: WorkspaceStore[] = [];

async function openStore(readOnly = false): Promise<WorkspaceStore> {
  const store = await openWorkspace(dir, {
    owner: 'test',
    readOnly,
    createWith: { labelSchema: testLabelSchema },
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

const wsPath = (): string => join(dir, 'workspace.json');
const storedIndex = async (): Promise<{ id: string; revision: number }[]> =>
  (JSON.parse(await readFile(wsPath(), 'utf8')) as { documents: { id: string; revision: number }[] })
    .documents;

describe('the document index', () => {
  it('is rebuilt on open when workspace.json predates the last document writes', async () => {
    let store = await openStore();
    await store.createDocument(makeDocument('a'));
    await store.createDocument(makeDocument('b'));
    await store.close();
    const stale = await readFile(wsPath());

    store = await openStore();
    await store.updateDocument(docId('a'), (draft) => addSpan(draft, 1));
    await store.updateDocument(docId('a'), (draft) => addSpan(draft, 2));
    await store.createDocument(makeDocument('c'));
    await store.close();
    // The crash: the document files were written, the index writes after them never reached the disk.
    await writeFile(wsPath(), stale);

    store = await openStore();
    expect(store.documents().map((d) => [d.id, d.revision])).toEqual([
      ['a', 2],
      ['b', 0],
      ['c', 0],
    ]);
    expect(store.documents()[0]?.spanCounts).toEqual({ alice: { claim: 2 } });
    expect(await storedIndex()).toMatchObject([
      { id: 'a', revision: 2 },
      { id: 'b', revision: 0 },
      { id: 'c', revision: 0 },
    ]);
  });

  it('drops entries whose file is gone and adds files that have no entry', async () => {
    let store = await openStore();
    await store.createDocument(makeDocument('a'));
    await store.createDocument(makeDocument('b'));
    await store.close();
    await unlink(join(dir, 'documents', 'a.json'));
    const orphan = { ...makeDocument('z'), revision: 7 };
    await writeFile(join(dir, 'documents', 'z.json'), JSON.stringify(orphan));
    store = await openStore();
    expect(store.documents().map((d) => [d.id, d.revision])).toEqual([
      ['b', 0],
      ['z', 7],
    ]);
    expect((await store.readDocument(docId('z'))).revision).toBe(7);
  });

  it('is rebuilt in memory only, and nothing is written, when the workspace is opened read-only', async () => {
    let store = await openStore();
    await store.createDocument(makeDocument('a'));
    await store.close();
    const stale = await readFile(wsPath());
    await copyFile(join(dir, 'documents', 'a.json'), join(dir, 'documents', 'b.json'));
    const b = JSON.parse(await readFile(join(dir, 'documents', 'b.json'), 'utf8')) as { id: string };
    await writeFile(join(dir, 'documents', 'b.json'), JSON.stringify({ ...b, id: 'b' }));
    store = await openStore(true);
    expect(store.documents().map((d) => d.id)).toEqual(['a', 'b']);
    expect(await readFile(wsPath())).toEqual(stale);
    expect(await readdir(dir)).not.toContain('.lock');
  });

  it('is left as it is when it already agrees with the files', async () => {
    let store = await openStore();
    await store.createDocument(makeDocument('a'));
    await store.close();
    const before = await readFile(wsPath());
    const backupsBefore = await readdir(join(dir, 'backups'), { recursive: true });
    store = await openStore();
    await store.close();
    expect(await readFile(wsPath())).toEqual(before);
    expect(await readdir(join(dir, 'backups'), { recursive: true })).toEqual(backupsBefore);
  });
});
