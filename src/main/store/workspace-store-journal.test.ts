// Tests of the per-document journal (src/main): an annotation save is an append that replays to the same
// document, a torn last line is ignored, damage before it quarantines the journal, a failed append changes
// nothing, and compaction folds the journal into the document file and removes it.
import { appendFile, readFile, readdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationOp, AnnotatorId, LayerId } from '@shared/model';
import { summarizeDocument } from '@shared/model';
import { openWorkspace, type WorkspaceStore } from './workspace-store';
import { faultyIO, type Fault } from './test-support/faulty-io';
import { docId, makeDocument, makeTempDir, removeDir, testLabelSchema } from './test-support/fixtures';

let dir: string;
let faults: Fault[];
let store: WorkspaceStore;
const opened: WorkspaceStore[] = [];

beforeEach(async () => {
  dir = await makeTempDir();
  faults = [];
  store = await openWorkspace(dir, {
    owner: 'test',
    io: faultyIO(faults),
    createWith: { labelSchema: testLabelSchema },
    backupIntervalMinutes: 0,
    compaction: { idleMs: 60_000 },
  });
  await store.createDocument(makeDocument('a'));
});
afterEach(async () => {
  faults.length = 0;
  await Promise.all([store, ...opened.splice(0)].map((s) => s.close()));
  await removeDir(dir);
});

const A = docId('a');
const journalFile = (): string => join(dir, 'documents', 'a.journal');
const docFile = (): string => join(dir, 'documents', 'a.json');

function addSpan(n: number, label = 'claim'): AnnotationOp {
  return { kind: 'add-span', span: { id: `s${n}`, label, start: n % 10, end: (n % 10) + 4 } } as AnnotationOp;
}

function tag(ops: AnnotationOp[], target = store) {
  return target.applyAnnotations(A, {
    layer: 'alice' as LayerId,
    ops,
    by: 'alice' as AnnotatorId,
    at: '2026-02-02T00:00:00.000Z',
    startStatusOf: 'alice',
  });
}

/** What another process would see now: a read-only open replays the journal without touching anything. */
async function reader(): Promise<WorkspaceStore> {
  const readOnly = await openWorkspace(dir, { owner: 'test', readOnly: true });
  opened.push(readOnly);
  return readOnly;
}

describe('an annotation save', () => {
  it('appends one line to the journal and leaves the document file as it was', async () => {
    const before = await readFile(docFile());
    await tag([addSpan(1)]);
    await tag([addSpan(2), addSpan(3, 'actor')]);
    expect(await readFile(docFile())).toEqual(before);
    const lines = (await readFile(journalFile(), 'utf8')).split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[2]).toBe('');
    expect(lines[1]).toMatch(/^[0-9a-f]{8} \{"rev":2,/);
  });

  it('replays on open to exactly the document the live store holds, index entry included', async () => {
    await tag([addSpan(1), addSpan(2)]);
    await tag([
      { kind: 'update-span', spanId: 's1', changes: { label: 'actor', note: 'n' } } as AnnotationOp,
    ]);
    await tag([{ kind: 'remove-span', spanId: 's2' } as AnnotationOp]);
    const live = await store.readDocument(A);
    const other = await reader();
    expect(other.problems).toEqual([]);
    expect(await other.readDocument(A)).toEqual(live);
    expect(other.documents()).toEqual(store.documents());
    expect(store.documents()[0]).toEqual(summarizeDocument(live));
    expect(live.status.alice).toBe('in-progress');
    expect(live.revision).toBe(3);
  });

  it('ignores a torn last line, and the next save folds the journal into the file before appending', async () => {
    await tag([addSpan(1)]);
    const acknowledged = await store.readDocument(A);
    await appendFile(journalFile(), '0badc0de {"rev":2,"at":"2026-');
    const other = await reader();
    expect(other.problems).toEqual([]);
    expect(await other.readDocument(A)).toEqual(acknowledged);
    await other.close();

    await store.close();
    store = await openWorkspace(dir, { owner: 'test', compaction: { idleMs: 60_000 } });
    await tag([addSpan(2)]);
    expect(JSON.parse(await readFile(docFile(), 'utf8'))).toMatchObject({ revision: 1 });
    expect((await readFile(journalFile(), 'utf8')).split('\n')).toHaveLength(2);
    expect(await (await reader()).readDocument(A)).toEqual(await store.readDocument(A));
  });

  it('with a damaged line before the last quarantines the journal, names it, and never writes the document', async () => {
    const docBefore = await readFile(docFile());
    await tag([addSpan(1)]);
    await tag([addSpan(2)]);
    const damaged = (await readFile(journalFile(), 'utf8')).replace('"s1"', '"s9"');
    // As if the process had died here (close would compact): the file as it was, and the damaged journal.
    await store.close();
    await writeFile(docFile(), docBefore);
    await writeFile(journalFile(), damaged);

    store = await openWorkspace(dir, { owner: 'test' });
    expect(store.problems).toEqual([
      expect.objectContaining({
        file: 'documents/a.journal',
        reason: 'line 1: the checksum does not match',
        quarantinedAs: expect.stringMatching(/^quarantine\/documents\/a\.journal\./),
      }),
    ]);
    const copy = store.problems[0]!.quarantinedAs;
    expect(await readFile(join(dir, copy), 'utf8')).toBe(damaged);
    await expect(tag([addSpan(3)])).rejects.toMatchObject({ code: 'document-damaged' });
    await expect(store.readDocument(A)).rejects.toMatchObject({ code: 'document-damaged' });
    await store.close();
    expect(await readFile(docFile())).toEqual(docBefore);
    expect(await readFile(journalFile(), 'utf8')).toBe(damaged);
  });

  it('refused (an unknown label) changes nothing in memory or on disk', async () => {
    await tag([addSpan(1)]);
    const before = await store.readDocument(A);
    const journal = await readFile(journalFile());
    await expect(tag([addSpan(2), addSpan(3, 'villain')])).rejects.toMatchObject({ code: 'invalid-request' });
    expect(await store.readDocument(A)).toEqual(before);
    expect(await readFile(journalFile())).toEqual(journal);
  });

  it('whose append fails part-way is undone in memory, reports io-error, and leaves no trace after reopening', async () => {
    await tag([addSpan(1)]);
    const before = await store.readDocument(A);
    const summary = store.documents()[0];
    faults.push({ op: 'appendSynced', code: 'ENOSPC' });
    await expect(tag([addSpan(2)])).rejects.toMatchObject({
      code: 'io-error',
      message: expect.stringContaining('(ENOSPC)'),
    });
    expect(await store.readDocument(A)).toEqual(before);
    expect(store.documents()[0]).toEqual(summary);
    faults.length = 0;
    await tag([{ kind: 'update-span', spanId: 's1', changes: { label: 'actor' } } as AnnotationOp]);
    const expected = await store.readDocument(A);
    expect(expected.revision).toBe(2);
    const other = await reader();
    expect(other.problems).toEqual([]);
    expect(await other.readDocument(A)).toEqual(expected);
  });
});

describe('compaction', () => {
  it('writes the document file with every journalled save, then removes the journal', async () => {
    await tag([addSpan(1)]);
    await tag([addSpan(2)]);
    const live = await store.readDocument(A);
    await store.compact(A);
    expect(JSON.parse(await readFile(docFile(), 'utf8'))).toEqual(JSON.parse(JSON.stringify(live)));
    expect(await readdir(join(dir, 'documents'))).toEqual(['a.json']);
  });

  it('happens by itself once the journal reaches its entry limit', async () => {
    await store.close();
    store = await openWorkspace(dir, { owner: 'test', compaction: { maxEntries: 3, idleMs: 60_000 } });
    for (let n = 1; n <= 3; n += 1) await tag([addSpan(n)]);
    await store.compact(A); // waits for the compaction the third save queued (and finds nothing left to do)
    expect(JSON.parse(await readFile(docFile(), 'utf8'))).toMatchObject({ revision: 3 });
    expect(await readdir(join(dir, 'documents'))).toEqual(['a.json']);
  });

  it('happens before a document goes to the trash, which keeps its journalled saves through a restore', async () => {
    await tag([addSpan(1)]);
    const live = await store.readDocument(A);
    await store.trashDocument(A, 'alice');
    expect(await readdir(join(dir, 'documents'))).toEqual([]);
    await store.restoreDocument(A);
    expect(await store.readDocument(A)).toEqual(live);
    await tag([addSpan(2)]);
    expect(await (await reader()).readDocument(A)).toMatchObject({ revision: 2 });
  });

  it('happens on close', async () => {
    await tag([addSpan(1)]);
    await store.close();
    expect(JSON.parse(await readFile(docFile(), 'utf8'))).toMatchObject({ revision: 1 });
    expect(await readdir(join(dir, 'documents'))).toEqual(['a.json']);
  });
});
