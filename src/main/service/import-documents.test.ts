// Importing into a real store: a request's documents are written all or nothing (a failed write leaves no
// document behind), and they keep the order of the file, also when the index is rebuilt after a crash.
import { readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openFaultyWorkspace, type Fault } from '../store/test-support/faulty-io';
import { removeDir } from '../store/test-support/fixtures';
import { openWorkspace, type WorkspaceStore } from '../store/workspace-store';
import { importDocuments } from './import-documents';

let dir: string;
let faults: Fault[];
let store: WorkspaceStore;

beforeEach(async () => {
  ({ dir, faults, store } = await openFaultyWorkspace());
});
afterEach(async () => {
  await store.close();
  await removeDir(dir);
});

const corpus = (count: number): Uint8Array =>
  Buffer.from(
    Array.from({ length: count }, (_, i) =>
      JSON.stringify({ title: `Article ${i}`, text: `Body ${i}.` }),
    ).join('\n'),
  );

async function reopen(): Promise<void> {
  await store.close();
  store = await openWorkspace(dir, { owner: 'test' });
}

describe('importing a JSONL corpus', () => {
  it('writes no document at all when the 13th file write fails, and says io-error once', async () => {
    faults.push({ op: 'writeFileSynced', code: 'ENOSPC', path: /documents/, skip: 12 });
    await expect(importDocuments(store, [{ name: 'corpus.jsonl', bytes: corpus(40) }])).rejects.toMatchObject(
      {
        code: 'io-error',
        message: expect.stringContaining('ENOSPC'),
      },
    );
    expect(store.documents()).toEqual([]);
    expect(await readdir(join(dir, 'documents'))).toEqual([]);
    faults.length = 0;
    await reopen();
    expect(store.documents()).toEqual([]);
  });

  it('lists the documents in file order, as imported and after reopening', async () => {
    const report = await importDocuments(store, [{ name: 'corpus.jsonl', bytes: corpus(40) }]);
    const titles = Array.from({ length: 40 }, (_, i) => `Article ${i}`);
    expect(report.imported.map((d) => d.title)).toEqual(titles);
    expect(store.documents().map((d) => d.title)).toEqual(titles);
    await reopen();
    expect(store.documents().map((d) => d.title)).toEqual(titles);
  });

  it('keeps file order when the index is rebuilt from the document files after a crash', async () => {
    await importDocuments(store, [{ name: 'corpus.jsonl', bytes: corpus(40) }]);
    await store.close();
    const path = join(dir, 'workspace.json');
    const ws = JSON.parse(await readFile(path, 'utf8')) as { documents: unknown[] };
    await writeFile(path, JSON.stringify({ ...ws, documents: [] }));
    store = await openWorkspace(dir, { owner: 'test' });
    expect(store.documents().map((d) => d.title)).toEqual(
      Array.from({ length: 40 }, (_, i) => `Article ${i}`),
    );
  });
});
