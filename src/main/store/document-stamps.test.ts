// Tests of opening a workspace by its stamps (src/main): files unchanged since the last clean close stay
// unread until used, while a file changed or damaged in between is read on open, or named when first used.
import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileIO, type FileIO, type FileStat } from './file-io';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { addSpan, docId, makeSeededWorkspace, removeDir } from './test-support/fixtures';

let dir: string;
const open: WorkspaceStore[] = [];
const fileOf = (id: string): string => join(dir, 'documents', `${id}.json`);

/** Node's file IO that notes reads of document files and can report an old stat for one path. */
function watchedIO(frozen = new Map<string, FileStat>()): FileIO & { reads: string[] } {
  const reads: string[] = [];
  return {
    ...nodeFileIO,
    reads,
    async readFile(path) {
      if (path.startsWith(join(dir, 'documents')) && path.endsWith('.json')) reads.push(path);
      return nodeFileIO.readFile(path);
    },
    async stat(path) {
      return frozen.get(path) ?? nodeFileIO.stat(path);
    },
  };
}

async function openStore(io: FileIO): Promise<WorkspaceStore> {
  const store = await openWorkspace(dir, { owner: 'test', io });
  open.push(store);
  return store;
}

beforeEach(async () => {
  dir = await makeSeededWorkspace();
});
afterEach(async () => {
  await Promise.all(open.splice(0).map((store) => store.close()));
  await removeDir(dir);
});

describe('opening a workspace closed cleanly', () => {
  it('reads no document file until one is used, and lists every document from the index', async () => {
    const io = watchedIO();
    const store = await openStore(io);
    expect(io.reads).toEqual([]);
    expect(store.documents().map((d) => d.id)).toEqual(['a', 'b', 'c']);
    const b = await store.readDocument(docId('b'));
    expect(Object.values(b.layers).flatMap((layer) => layer.spans)).toHaveLength(1);
    expect(io.reads).toEqual([fileOf('b')]);
  });

  it('reads on open a file rewritten in between, even to the same size, and names it when damaged', async () => {
    const good = await readFile(fileOf('b'));
    await writeFile(fileOf('b'), Buffer.alloc(good.length, 0x20));
    const io = watchedIO();
    const store = await openStore(io);
    expect(io.reads).toContain(fileOf('b'));
    expect(store.problems).toEqual([expect.objectContaining({ file: 'documents/b.json' })]);
  });

  it('names a file damaged without its stamp changing when it is first used, and keeps the others usable', async () => {
    const frozen = new Map([[fileOf('c'), await nodeFileIO.stat(fileOf('c'))]]);
    await writeFile(fileOf('c'), '{"not": "a document"}');
    const store = await openStore(watchedIO(frozen));
    expect(store.problems).toEqual([]);
    await expect(store.readDocument(docId('c'))).rejects.toThrow(/documents\/c\.json/);
    expect(store.problems).toEqual([expect.objectContaining({ file: 'documents/c.json' })]);
    await expect(store.readDocument(docId('a'))).resolves.toMatchObject({ id: 'a' });
  });

  it('reads every file again when the stamps were taken under another label schema', async () => {
    const path = join(dir, 'workspace.json');
    const ws = JSON.parse(await readFile(path, 'utf8')) as { labelSchema: { labels: { name: string }[] } };
    ws.labelSchema.labels[0]!.name = 'Renamed';
    await writeFile(path, JSON.stringify(ws));
    const io = watchedIO();
    await openStore(io);
    expect([...io.reads].sort()).toEqual([fileOf('a'), fileOf('b'), fileOf('c')]);
  });
});

describe('closing after a write that failed part-way', () => {
  it('does not stamp a file whose write failed after the rename, so the next open reads it and its revision', async () => {
    // A failing disk: the new file is renamed into place, then the folder's fsync fails.
    let failSync = false;
    const io: FileIO = {
      ...nodeFileIO,
      async fsyncDir(path) {
        if (failSync && path === join(dir, 'documents'))
          throw Object.assign(new Error('EIO'), { code: 'EIO' });
        return nodeFileIO.fsyncDir(path);
      },
    };
    const store = await openWorkspace(dir, { owner: 'test', io });
    failSync = true;
    await expect(store.updateDocument(docId('a'), (draft) => addSpan(draft, 1))).rejects.toThrow(/EIO/);
    failSync = false;
    await store.close();
    const onDisk = JSON.parse(await readFile(fileOf('a'), 'utf8')) as { revision: number };
    const reopened = await openStore(watchedIO());
    expect(reopened.documents().find((d) => d.id === 'a')?.revision).toBe(onDisk.revision);
  });
});
