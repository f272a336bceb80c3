// An annotated import is all or nothing under disk faults (src/main): every file-system call the import makes
// is failed in turn, once and for ever (a disk that stays full), and the workspace must then hold all of the
// import or none of it — in memory, on disk after reopening (writable and read-only), and saving must resume.
import { afterEach, describe, expect, it } from 'vitest';
import type { ImportReport, WorkspaceView } from '@shared/api';
import { nodeFileIO, type FileIO } from '../../store/file-io';
import { openWorkspace, type WorkspaceStore } from '../../store/workspace-store';
import { faultyIO, type Fault } from '../../store/test-support/faulty-io';
import { makeTempDir, removeDir } from '../../store/test-support/fixtures';
import { createDispatcher } from '../dispatch';
import { loadDefaultLabelSchema } from '../open-workbench';
import { base64, valueOf } from '../test-support';
import { createWorkbench } from '../workbench';

const TEXT = 'Erdogan said the border stays closed.';
const NEW_TEXT = 'Ali spoke first, then the envoy left.';

interface World {
  dir: string;
  faults: Fault[];
  store: WorkspaceStore;
  dispatch: ReturnType<typeof createDispatcher>;
  docId: string;
  layer: string;
  /** Counts every file-system call while `counting` is set. */
  meter: { counting: boolean; calls: number };
}

const dirs: string[] = [];
afterEach(async () => {
  await Promise.all(dirs.splice(0).map((dir) => removeDir(dir)));
});

function metered(io: FileIO, meter: World['meter']): FileIO {
  const methods = Object.keys(io) as (keyof FileIO)[];
  return Object.fromEntries(
    methods.map((name) => [
      name,
      (...args: unknown[]) => {
        if (meter.counting) meter.calls += 1;
        return (io[name] as (...a: unknown[]) => Promise<unknown>)(...args);
      },
    ]),
  ) as unknown as FileIO;
}

/** Dana's workspace: one document with one of her tags in its journal, the index written. */
async function world(): Promise<World> {
  const dir = await makeTempDir('tagwright-atomic-');
  dirs.push(dir);
  const faults: Fault[] = [];
  const meter = { counting: false, calls: 0 };
  const store = await openWorkspace(dir, {
    owner: 'test',
    io: metered(faultyIO(faults), meter),
    backupIntervalMinutes: 0,
    compaction: { idleMs: 3_600_000 },
    createWith: { labelSchema: loadDefaultLabelSchema() },
  });
  const dispatch = createDispatcher(createWorkbench(store));
  const view = valueOf<WorkspaceView>(await dispatch('annotator:set-local', { name: 'Dana' }));
  const files = [{ name: 'a.txt', dataBase64: base64(TEXT) }];
  const [doc] = valueOf<ImportReport>(await dispatch('documents:import', { files })).imported;
  const w = {
    dir,
    faults,
    store,
    dispatch,
    docId: doc?.id ?? '',
    layer: view.localAnnotator?.id ?? '',
    meter,
  };
  valueOf(await tag(w, 'd1', 0, 7));
  // The deferred index write is done now, so that only the import writes while it runs.
  await store.updateWorkspace(() => undefined);
  return w;
}

function tag(w: World, id: string, start: number, end: number) {
  const ops = [{ kind: 'add-span', span: { id, label: 'claim', start, end } }];
  return w.dispatch('annotations:apply', { docId: w.docId, layer: w.layer, ops });
}

/** A colleague's doccano file: a new analyst, a new label, a layer for Dana's document and a new document. */
function colleagueImport(w: World) {
  const entity = (label: string, end: number) => ({ id: 1, label, start_offset: 0, end_offset: end });
  const lines = [
    { text: TEXT, entities: [entity('actor', 7)], relations: [] },
    { text: NEW_TEXT, entities: [entity('venue', 3)], relations: [] },
  ];
  const dataBase64 = base64(lines.map((line) => JSON.stringify(line)).join('\n'));
  return w.dispatch('import:commit', {
    format: 'doccano',
    layer: 'Lee',
    files: [{ name: 'lee.jsonl', dataBase64 }],
  });
}

/** What the analyst sees, without timestamps or revisions: analysts, labels, documents and their tags. */
function stateOf(ws: ReturnType<WorkspaceStore['workspace']>): string[] {
  return [
    ...ws.annotators.map((a) => `analyst ${a.name}`),
    ...ws.labelSchema.labels.map((l) => `label ${l.id}`),
    ...ws.documents.map((d) => `document ${d.title} ${JSON.stringify(d.spanCounts)}`),
  ].sort();
}

/** The state on disk, read by a fresh store, writable (as the app reopens) and read-only; they must agree. */
async function stateOnDisk(dir: string): Promise<string[]> {
  const reader = await openWorkspace(dir, { owner: 'test', readOnly: true });
  const seenReadOnly = stateOf(reader.workspace());
  expect(reader.problems).toEqual([]);
  await reader.close();
  const store = await openWorkspace(dir, { owner: 'test', io: nodeFileIO });
  const seen = stateOf(store.workspace());
  expect(store.problems).toEqual([]);
  await store.close();
  expect(seenReadOnly).toEqual(seen);
  return seen;
}

/** The state the import leaves (with Dana's next tag on top) when it is written, and when it is not. */
async function outcomes() {
  const w = await world();
  w.meter.counting = true;
  valueOf(await colleagueImport(w));
  w.meter.counting = false;
  const appliedNow = stateOf(w.store.workspace());
  valueOf(await tag(w, 'd2', 8, 12));
  await w.store.close();
  const refused = await world();
  const refusedNow = stateOf(refused.store.workspace());
  valueOf(await tag(refused, 'd2', 8, 12));
  await refused.store.close();
  const [applied, refusedAfter] = [await stateOnDisk(w.dir), await stateOnDisk(refused.dir)];
  return { calls: w.meter.calls, appliedNow, refusedNow, applied, refused: refusedAfter };
}

const expected = await outcomes();
const points = Array.from({ length: expected.calls }, (_, i) => i + 1);

describe('an annotated import under a failing disk', () => {
  it('makes enough file-system calls for the cases below to mean something', () => {
    expect(expected.calls).toBeGreaterThan(10);
    expect(expected.applied).toContain('analyst Lee');
    expect(expected.refused).not.toContain('analyst Lee');
  });

  describe.each([
    ['once', 1],
    ['for ever', Infinity],
  ])('when a call fails %s', (_how, times) => {
    it.each(points)('call %i: all of the import or none of it, in memory and on disk', async (at) => {
      const w = await world();
      w.faults.push({ op: '*', code: 'ENOSPC', skip: at - 1, times });
      const result = await colleagueImport(w);
      const inMemory = stateOf(w.store.workspace());
      w.faults.length = 0;
      if (!result.ok) {
        expect(result.error).toMatchObject({ code: 'io-error', message: expect.stringContaining('ENOSPC') });
        expect(result.error.message).toMatch(/Nothing of the import was kept\.$/);
      }
      expect(inMemory).toEqual(result.ok ? expected.appliedNow : expected.refusedNow);
      // Saving resumes once the disk works, and what the list shows is what is on disk.
      valueOf(await tag(w, 'd2', 8, 12));
      const listed = stateOf(w.store.workspace());
      await w.store.close();
      expect(listed).toEqual(result.ok ? expected.applied : expected.refused);
      expect(await stateOnDisk(w.dir)).toEqual(listed);
    });
  });
});
