// An annotated import that fails part-way leaves nothing (src/main), also when the disk keeps failing so that
// nothing could be undone: the import is staged and committed as one batch (import-atomic.test.ts fails every call).
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, WorkspaceView } from '@shared/api';
import { openWorkspace, type WorkspaceStore } from '../../store/workspace-store';
import { faultyIO, type Fault } from '../../store/test-support/faulty-io';
import { makeTempDir, removeDir } from '../../store/test-support/fixtures';
import { createDispatcher } from '../dispatch';
import { loadDefaultLabelSchema } from '../open-workbench';
import { base64, valueOf } from '../test-support';
import { createWorkbench } from '../workbench';

const TEXT = 'Erdogan said the border stays closed.';
let dir: string;
let faults: Fault[];
let store: WorkspaceStore;
let dispatch: ReturnType<typeof createDispatcher>;

beforeEach(async () => {
  dir = await makeTempDir('tagwright-undo-');
  faults = [];
  store = await openWorkspace(dir, {
    owner: 'test',
    io: faultyIO(faults),
    backupIntervalMinutes: 0,
    createWith: { labelSchema: loadDefaultLabelSchema() },
  });
  dispatch = createDispatcher(createWorkbench(store));
  valueOf<WorkspaceView>(await dispatch('annotator:set-local', { name: 'Dana' }));
  valueOf<ImportReport>(
    await dispatch('documents:import', { files: [{ name: 'a.txt', dataBase64: base64(TEXT) }] }),
  );
});
afterEach(async () => {
  faults.length = 0;
  await store.close();
  await removeDir(dir);
});

/** A colleague's JSONL file tagging the document already in the workspace. */
const colleagueFile = () => ({
  format: 'jsonl',
  layer: 'Lee',
  files: [
    {
      name: 'lee.jsonl',
      dataBase64: base64(
        `${JSON.stringify({ text: TEXT, spans: [{ id: 's', label: 'actor', start: 0, end: 7 }] })}\n`,
      ),
    },
  ],
});

describe('an annotated import that fails after the workspace was written', () => {
  it('is undone whole when the disk fails once, and says nothing was kept', async () => {
    faults.push({ op: 'writeFileSynced', code: 'EIO', path: /documents\/.*\.staged$/, times: 1 });
    const result = await dispatch('import:commit', colleagueFile());
    faults.length = 0;
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
    if (!result.ok) expect(result.error.message).toMatch(/Nothing of the import was kept\.$/);
  });

  it('keeps nothing, not even the new analyst, when the disk keeps failing', async () => {
    // The commit fails, and so does every removal that would undo the staged batch.
    faults.push({ op: 'rename', code: 'EIO', path: /\.committed$/ });
    faults.push({ op: 'unlink', code: 'EIO' });
    faults.push({ op: 'fsyncDir', code: 'EIO' });
    const result = await dispatch('import:commit', colleagueFile());
    faults.length = 0;
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
    if (!result.ok) expect(result.error.message).toMatch(/Nothing of the import was kept\.$/);
    expect(store.workspace().annotators.map((a) => a.name)).not.toContain('Lee');
    await store.close();
    store = await openWorkspace(dir, { owner: 'test' });
    expect(store.workspace().annotators.map((a) => a.name)).not.toContain('Lee');
  });
});
