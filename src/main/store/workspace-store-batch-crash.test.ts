// A writer killed in the middle of a batch of new documents (src/main): the file I/O stops dead at an exact
// moment (every call from then on never returns, as after SIGKILL), and the files left on disk are opened
// again in a copy of the folder. The batch must be there whole or not at all, read-only or writable.
import { cp, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { nodeFileIO, type FileIO } from './file-io';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { makeDocument, makeTempDir, removeDir, testLabelSchema } from './test-support/fixtures';

const BATCH = 12;
const batch = () => Array.from({ length: BATCH }, (_, i) => makeDocument(`n${i}`));

/**
 * When the process dies: at the `call`th call (1 = the first) of an operation whose path matches, counting
 * only calls made once `afterRenames` files of the batch have been renamed into place.
 */
interface Death {
  op: 'rename' | 'fsyncDir';
  path: RegExp;
  call: number;
  afterRenames?: number;
}

const BATCH_FILE = /n\d+\.json$/;

/** A FileIO that stops dead at `death`: that call and every later one never settle, nothing more is written. */
function dyingIO(death: Death): { io: FileIO; died: Promise<void> } {
  let dead = false;
  let calls = 0;
  let renamed = 0;
  let announce = (): void => undefined;
  const died = new Promise<void>((resolve) => (announce = resolve));
  const never = new Promise<never>(() => undefined);
  const io = Object.fromEntries(
    Object.entries(nodeFileIO).map(([name, call]) => [
      name,
      async (...args: unknown[]) => {
        const path = String(args.at(-1));
        const counts = renamed >= (death.afterRenames ?? 0);
        if (!dead && counts && name === death.op && death.path.test(path) && ++calls >= death.call) {
          dead = true;
          announce();
        }
        if (dead) return never;
        const result: unknown = await (call as (...a: unknown[]) => Promise<unknown>)(...args);
        if (name === 'rename' && BATCH_FILE.test(path)) renamed += 1;
        return result;
      },
    ]),
  ) as unknown as FileIO;
  return { io, died };
}

let dir: string;
let copy: string;
let store: WorkspaceStore | null;

beforeEach(async () => {
  dir = await makeTempDir();
  copy = await makeTempDir();
  store = null;
});
afterEach(async () => {
  await store?.close();
  await removeDir(dir);
  await removeDir(copy);
});

/** Kills a writer at `death` while it creates the batch; returns a copy of the folder as the kill left it. */
async function killDuringBatch(death: Death): Promise<string> {
  const setup = await openWorkspace(dir, { owner: 'test', createWith: { labelSchema: testLabelSchema } });
  await setup.createDocument(makeDocument('a'));
  await setup.close();
  const { io, died } = dyingIO(death);
  const doomed = await openWorkspace(dir, { owner: 'test', io });
  void doomed.createDocuments(batch());
  await died;
  // The dead writer's lock is not ours to take over in this process; its files are what matter.
  await cp(dir, copy, { recursive: true, filter: (path) => !basename(path).startsWith('.lock') });
  return copy;
}

describe('a writer killed in the middle of a document batch', () => {
  const deaths: [string, Death][] = [
    ['after the first file is renamed into place', { op: 'rename', path: BATCH_FILE, call: 2 }],
    ['half way through the renames', { op: 'rename', path: BATCH_FILE, call: BATCH / 2 }],
    [
      'after every rename, before the folder is synced',
      { op: 'fsyncDir', path: /documents$/, call: 1, afterRenames: BATCH },
    ],
  ];

  it.each(deaths)('%s leaves none of the batch, read-only or after a writable open', async (_when, death) => {
    const left = await killDuringBatch(death);
    const reader = await openWorkspace(left, { owner: 'test', readOnly: true });
    expect(reader.documents().map((d) => d.id)).toEqual(['a']);
    expect(reader.problems).toEqual([]);
    await reader.close();

    store = await openWorkspace(left, { owner: 'test' });
    expect(store.documents().map((d) => d.id)).toEqual(['a']);
    expect(store.problems).toEqual([]);
    expect(await readdir(join(left, 'documents'))).toEqual(['a.json']);
    await expect(store.createDocuments(batch())).resolves.toHaveLength(BATCH);
  });

  it('keeps a document created after an unfinished batch was undone, though it has a batch id', async () => {
    const left = await killDuringBatch({ op: 'rename', path: BATCH_FILE, call: 3 });
    store = await openWorkspace(left, { owner: 'test' });
    await store.createDocument(makeDocument('n0'));
    await store.close();
    store = await openWorkspace(left, { owner: 'test' });
    expect(store.documents().map((d) => d.id)).toEqual(['a', 'n0']);
  });

  it('keeps a file of the batch that was rewritten since (by a Tagwright that knows no manifests)', async () => {
    const left = await killDuringBatch({ op: 'rename', path: BATCH_FILE, call: 4 });
    const rewritten = makeDocument('n1', 'Text of document n1, tagged since by an older version.');
    await writeFile(join(left, 'documents', 'n1.json'), JSON.stringify(rewritten));
    store = await openWorkspace(left, { owner: 'test' });
    expect(store.documents().map((d) => d.id)).toEqual(['a', 'n1']);
    expect(await readdir(join(left, 'documents'))).toEqual(['a.json', 'n1.json']);
  });
});
