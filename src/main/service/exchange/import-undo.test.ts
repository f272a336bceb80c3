// An annotated import that fails part-way is undone (src/main); when the disk keeps failing so that the undo
// cannot be written either, the refusal says what stayed instead of claiming that nothing did.
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
    faults.push({ op: 'rename', code: 'EIO', path: /documents/, skip: 0 });
    const result = await dispatch('import:commit', colleagueFile());
    faults.length = 0;
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
    if (!result.ok) expect(result.error.message).toMatch(/Nothing of the import was kept\.$/);
  });

  it('names what stayed when the undo cannot be written either', async () => {
    // The deferred index write is done first, so the import's workspace write is the next one.
    await store.updateWorkspace(() => undefined);
    faults.push({ op: 'rename', code: 'EIO', path: /documents/ });
    faults.push({ op: 'rename', code: 'EIO', path: /workspace\.json$/, skip: 1 });
    const result = await dispatch('import:commit', colleagueFile());
    faults.length = 0;
    expect(result).toMatchObject({ ok: false, error: { code: 'io-error' } });
    if (!result.ok) {
      expect(result.error.message).not.toMatch(/Nothing of the import was kept/);
      expect(result.error.message).toMatch(/could not be undone.*analyst Lee/);
    }
    expect(store.workspace().annotators.map((a) => a.name)).toContain('Lee');
  });
});
