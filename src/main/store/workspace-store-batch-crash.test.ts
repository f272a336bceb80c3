// A writer killed in the middle of a batch (src/main): an import's settings change, layer update and new
// documents, written by `commitBatch`. The file I/O stops dead at each call in turn (that call and every later
// one never return, as after SIGKILL), and the files left are opened again in a copy of the folder. The batch
// must be there whole or not at all, read-only and writable alike, and only once its commit was made.
import { cp, readdir, writeFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AnnotationOp, AnnotatorId, LayerId } from '@shared/model';
import { nodeFileIO, type FileIO } from './file-io';
import { openWorkspace, type StoreBatch, type WorkspaceStore } from './workspace-store';
import {
  addSpan,
  docId,
  makeDocument,
  makeTempDir,
  removeDir,
  testLabelSchema,
} from './test-support/fixtures';

const BATCH = 6;
const batch = (): StoreBatch => ({
  workspace: (ws) => {
    ws.annotators.push({ id: 'lee' as AnnotatorId, name: 'Lee' });
  },
  updates: [{ id: docId('a'), mutate: (draft) => addSpan(draft, 1) }],
  creates: Array.from({ length: BATCH }, (_, i) => makeDocument(`n${i}`)),
});

/** A FileIO that stops dead at its `death`th call: that call and every later one never settle. */
function dyingIO(death: number): { io: FileIO; died: Promise<void>; calls: () => number } {
  let calls = 0;
  let announce = (): void => undefined;
  const died = new Promise<void>((resolve) => (announce = resolve));
  const never = new Promise<never>(() => undefined);
  const io = Object.fromEntries(
    Object.entries(nodeFileIO).map(([name, call]) => [
      name,
      async (...args: unknown[]) => {
        if (++calls >= death) {
          announce();
          return never;
        }
        return (call as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as FileIO;
  return { io, died, calls: () => calls };
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

/** Document `a`, with a journalled tag, in a fresh workspace. */
async function prepare(): Promise<void> {
  const setup = await openWorkspace(dir, { owner: 'test', createWith: { labelSchema: testLabelSchema } });
  await setup.createDocument(makeDocument('a'));
  const op = { kind: 'add-span', span: { id: 'j1', label: 'claim', start: 0, end: 4 } } as AnnotationOp;
  const at = '2026-01-01T00:00:00Z';
  await setup.applyAnnotations(docId('a'), {
    layer: 'alice' as LayerId,
    ops: [op],
    by: 'alice' as AnnotatorId,
    at,
  });
  await setup.close();
}

/** How many calls the batch makes from its start, in a run that is not killed. */
async function callsOfBatch(): Promise<number> {
  await prepare();
  const counting = dyingIO(Infinity);
  const writer = await openWorkspace(dir, { owner: 'test', io: counting.io });
  const before = counting.calls();
  await writer.commitBatch(batch());
  const made = counting.calls() - before;
  await writer.close();
  await removeDir(dir);
  dir = await makeTempDir();
  return made;
}

/** Kills a writer at its `at`th call of the batch; returns a copy of the folder as the kill left it. */
async function killDuringBatch(at: number): Promise<string> {
  await prepare();
  const probe = dyingIO(Infinity);
  const opening = await openWorkspace(dir, { owner: 'test', io: probe.io });
  const opened = probe.calls();
  await opening.close();
  const { io, died } = dyingIO(opened + at);
  const doomed = await openWorkspace(dir, { owner: 'test', io });
  void doomed.commitBatch(batch());
  await died;
  // The dead writer's lock is not ours to take over in this process; its files are what matter.
  await cp(dir, copy, { recursive: true, filter: (path) => !basename(path).startsWith('.lock') });
  return copy;
}

/** What a store shows of the batch: the analysts, the documents and the spans of `a` (journal included). */
async function seen(store: WorkspaceStore): Promise<string> {
  const analysts = store.workspace().annotators.map((a) => a.id);
  const docs = store.documents().map((d) => d.id);
  const spans =
    (await store.readDocument(docId('a'))).layers['alice' as LayerId]?.spans.map((s) => s.id) ?? [];
  return JSON.stringify({ analysts, docs, spans });
}

const none = JSON.stringify({ analysts: [], docs: ['a'], spans: ['j1'] });
const all = JSON.stringify({
  analysts: ['lee'],
  docs: ['a', ...Array.from({ length: BATCH }, (_, i) => `n${i}`)],
  spans: ['j1', 's1'],
});

describe('a writer killed in the middle of a batch', () => {
  it('leaves all of it or none of it, whichever call it dies at, read-only or after a writable open', async () => {
    const calls = await callsOfBatch();
    expect(calls).toBeGreaterThan(BATCH * 2);
    const outcomes: string[] = [];
    for (let at = 1; at <= calls; at++) {
      const left = await killDuringBatch(at);
      const reader = await openWorkspace(left, { owner: 'test', readOnly: true });
      const readOnly = await seen(reader);
      expect(reader.problems).toEqual([]);
      await reader.close();
      store = await openWorkspace(left, { owner: 'test' });
      const writable = await seen(store);
      expect(store.problems).toEqual([]);
      expect([none, all], `killed at call ${at}`).toContain(writable);
      expect(readOnly, `killed at call ${at}, read-only`).toBe(writable);
      // Nothing of the batch machinery is left once a writable open has settled it.
      expect((await readdir(left)).filter((n) => n.startsWith('.batch-'))).toEqual([]);
      expect((await readdir(join(left, 'documents'))).filter((n) => n.startsWith('.'))).toEqual([]);
      await store.close();
      store = null;
      outcomes.push(writable === all ? 'all' : 'none');
      await removeDir(dir);
      await removeDir(copy);
      [dir, copy] = [await makeTempDir(), await makeTempDir()];
    }
    // Before the commit nothing, after it everything: one switch, and both sides are reached.
    expect(outcomes.join(' ')).toMatch(/^(none )+(all ?)+$/);
  }, 120_000);

  it('keeps a batch whose committed manifest names a staged file that was changed since, and names it', async () => {
    const left = await killDuringBatch(1);
    const manifest = join(left, '.batch-0123456789ab.committed');
    const staged = join(left, 'documents', '.n0.json.0123456789ab.staged');
    await writeFile(staged, JSON.stringify(makeDocument('n0')));
    const entry = { target: 'documents/n0.json', staged: 'documents/.n0.json.0123456789ab.staged' };
    await writeFile(
      manifest,
      JSON.stringify({ writes: [{ ...entry, sha256: '0'.repeat(64) }], removals: [] }),
    );
    store = await openWorkspace(left, { owner: 'test' });
    expect(store.documents().map((d) => d.id)).toEqual(['a']);
    expect(store.problems).toEqual([
      expect.objectContaining({
        file: '.batch-0123456789ab.committed',
        reason: expect.stringContaining('documents/.n0.json.0123456789ab.staged'),
        quarantinedAs: expect.stringMatching(/^quarantine\/\.batch-0123456789ab\.committed\./),
      }),
    ]);
    // Left as it was, with its staged file, for a person to look at.
    expect(await readdir(join(left, 'documents'))).toContain('.n0.json.0123456789ab.staged');
  });
});
