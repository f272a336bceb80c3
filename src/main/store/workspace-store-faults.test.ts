// Tests of the store under injected file-system faults (src/main): a failed save (full disk, I/O error) keeps
// the previous file and the in-memory copy equal, reports io-error with the OS code, and loses nothing saved.
import { readFile, readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { openFaultyWorkspace, type Fault } from './test-support/faulty-io';
import { addSpan, docId, makeDocument, removeDir } from './test-support/fixtures';

let dir: string;
let faults: Fault[];
let store: WorkspaceStore;

beforeEach(async () => {
  ({ dir, faults, store } = await openFaultyWorkspace({ backupIntervalMinutes: 0 }));
  await store.createDocument(makeDocument('a'));
  await store.updateDocument(docId('a'), (draft) => addSpan(draft, 1));
});
afterEach(async () => {
  faults.length = 0;
  await store.close();
  await removeDir(dir);
});

const docFile = (): string => join(dir, 'documents', 'a.json');

/** Every file outside backups/ (a backup of the good file may legitimately be taken before the failed write). */
async function listAll(folder: string): Promise<string[]> {
  const entries = await readdir(folder, { recursive: true });
  return entries
    .map(String)
    .filter((name) => !name.startsWith('backups'))
    .sort();
}

describe('a failing document save', () => {
  const cases: { name: string; fault: Fault }[] = [
    {
      name: 'a full disk while writing',
      fault: { op: 'writeFileSynced', code: 'ENOSPC', path: /\.a\.json\./ },
    },
    {
      name: 'an I/O error while writing',
      fault: { op: 'writeFileSynced', code: 'EIO', path: /\.a\.json\./ },
    },
    { name: 'an I/O error while renaming', fault: { op: 'rename', code: 'EIO', path: /a\.json$/ } },
    { name: 'a full disk while backing up', fault: { op: 'copyFile', code: 'ENOSPC', path: /backups/ } },
  ];

  for (const { name, fault } of cases) {
    it(`after ${name} keeps the previous file, memory equal to disk, no temp file, and says ${fault.code}`, async () => {
      const before = await readFile(docFile());
      const filesBefore = await listAll(dir);
      faults.push(fault);
      const error = await store
        .updateDocument(docId('a'), (draft) => addSpan(draft, 2))
        .catch((e: unknown) => e);
      expect(error).toMatchObject({ code: 'io-error', message: expect.stringContaining(`(${fault.code})`) });
      expect(await readFile(docFile())).toEqual(before);
      expect(await listAll(dir)).toEqual(filesBefore);
      expect((await store.readDocument(docId('a'))).revision).toBe(1);
      expect(store.documents()[0]?.revision).toBe(1);

      faults.length = 0;
      const saved = await store.updateDocument(docId('a'), (draft) => addSpan(draft, 2));
      expect(saved.revision).toBe(2);
      expect(JSON.parse(await readFile(docFile(), 'utf8'))).toMatchObject({ revision: 2 });
    });
  }
});

describe('a failing create', () => {
  it('leaves no document file and no index entry behind when the disk is full', async () => {
    faults.push({ op: 'writeFileSynced', code: 'ENOSPC', path: /\.b\.json\./ });
    await expect(store.createDocument(makeDocument('b'))).rejects.toMatchObject({ code: 'io-error' });
    expect(await readdir(join(dir, 'documents'))).toEqual(['a.json']);
    expect(store.documents().map((d) => d.id)).toEqual(['a']);
    faults.length = 0;
    await expect(store.createDocument(makeDocument('b'))).resolves.toMatchObject({ id: 'b' });
  });
});

describe('a failing index save', () => {
  it('still acknowledges the document, whose saved revision is found again on reopen', async () => {
    faults.push({ op: 'rename', code: 'ENOSPC', path: /workspace\.json$/ });
    const saved = await store.updateDocument(docId('a'), (draft) => addSpan(draft, 2));
    expect(saved.revision).toBe(2);
    await store.close(); // close flushes the index: that write fails too
    const stale = JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8')) as {
      documents: { id: string; revision: number }[];
    };
    expect(stale.documents.find((d) => d.id === 'a')?.revision ?? 0).toBeLessThan(2);
    faults.length = 0;
    store = await openWorkspace(dir, { owner: 'test' });
    expect(store.documents()[0]?.revision).toBe(2);
    expect(JSON.parse(await readFile(join(dir, 'workspace.json'), 'utf8'))).toMatchObject({
      documents: [{ id: 'a', revision: 2 }],
    });
  });

  it('refuses a workspace change with io-error and keeps the previous settings in memory and on disk', async () => {
    const before = await readFile(join(dir, 'workspace.json'));
    faults.push({ op: 'writeFileSynced', code: 'EIO', path: /workspace\.json/ });
    await expect(store.updateWorkspace((draft) => void draft.labelSchema.labels.pop())).rejects.toMatchObject(
      { code: 'io-error', message: expect.stringContaining('EIO') },
    );
    expect(store.workspace().labelSchema.labels).toHaveLength(2);
    expect(await readFile(join(dir, 'workspace.json'))).toEqual(before);
  });
});

describe('a batch of new documents', () => {
  const batch = (n: number) => Array.from({ length: n }, (_, i) => makeDocument(`n${i}`));

  it('is created whole and listed in the order given', async () => {
    const summaries = await store.createDocuments(batch(12));
    expect(summaries.map((s) => s.id)).toEqual(batch(12).map((d) => d.id));
    expect(store.documents().map((d) => d.id)).toEqual(['a', ...batch(12).map((d) => d.id)]);
    expect((await readdir(join(dir, 'documents'))).length).toBe(13);
  });

  const cases: { name: string; fault: Fault }[] = [
    {
      name: 'the 7th file write',
      fault: { op: 'writeFileSynced', code: 'ENOSPC', path: /\.n\d+\.json\./, skip: 6 },
    },
    { name: 'the batch manifest write', fault: { op: 'writeFileSynced', code: 'ENOSPC', path: /\.batch-/ } },
    { name: 'the commit', fault: { op: 'rename', code: 'EIO', path: /\.batch-.*\.committed$/ } },
    { name: 'the folder sync', fault: { op: 'fsyncDir', code: 'EIO', path: /documents$/ } },
  ];
  for (const { name, fault } of cases) {
    it(`leaves nothing on disk or in the list when ${name} fails, and reports one io-error`, async () => {
      faults.push(fault);
      await expect(store.createDocuments(batch(20))).rejects.toMatchObject({
        code: 'io-error',
        message: expect.stringContaining(`(${fault.code})`),
      });
      expect(await readdir(join(dir, 'documents'))).toEqual(['a.json']);
      expect(store.documents().map((d) => d.id)).toEqual(['a']);
      faults.length = 0;
      await expect(store.createDocuments(batch(20))).resolves.toHaveLength(20);
    });
  }

  it('is acknowledged once committed, though a rename into place fails, and is in place before the next read', async () => {
    faults.push({ op: 'rename', code: 'EIO', path: /n\d+\.json$/, skip: 8 });
    await expect(store.createDocuments(batch(20))).resolves.toHaveLength(20);
    expect(store.documents()).toHaveLength(21);
    // While the disk still fails, nothing is read from the files the batch has not replaced yet.
    await expect(store.readDocument(docId('n15'))).rejects.toMatchObject({ code: 'io-error' });
    faults.length = 0;
    await expect(store.readDocument(docId('n15'))).resolves.toMatchObject({ id: 'n15' });
    expect((await readdir(join(dir, 'documents'))).sort()).toEqual(
      ['a', ...batch(20).map((d) => d.id)].map((id) => `${id}.json`).sort(),
    );
  });

  it('is put in place by the next open when the disk failed until the close', async () => {
    faults.push({ op: 'rename', code: 'EIO', path: /n\d+\.json$/, skip: 3 });
    await expect(store.createDocuments(batch(10))).resolves.toHaveLength(10);
    await store.close();
    faults.length = 0;
    store = await openWorkspace(dir, { owner: 'test' });
    expect(store.documents().map((d) => d.id)).toEqual(['a', ...batch(10).map((d) => d.id)]);
    expect((await readdir(join(dir, 'documents'))).filter((name) => name.startsWith('.'))).toEqual([]);
  });

  it('writes nothing more once it has answered', async () => {
    faults.push({ op: 'writeFileSynced', code: 'ENOSPC', path: /\.n\d+\.json\./, skip: 2 });
    await expect(store.createDocuments(batch(30))).rejects.toMatchObject({ code: 'io-error' });
    const documents = join(dir, 'documents');
    expect(await readdir(documents)).toEqual(['a.json']);
    // Anything still in flight would create or rename files after the answer: close waits for it.
    await store.close();
    expect(await readdir(documents)).toEqual(['a.json']);
    store = await openWorkspace(dir, { owner: 'test' });
  });

  it('is refused whole with conflict when one id already exists', async () => {
    await expect(store.createDocuments([makeDocument('x'), makeDocument('a')])).rejects.toMatchObject({
      code: 'conflict',
    });
    expect(store.documents().map((d) => d.id)).toEqual(['a']);
  });
});
