// Documents through the service after import: renamed, metadata edited, deleted into the workspace's trash
// and restored from it (surviving a reopen), imports as tasks with progress and Cancel, and preferences.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, TrashedDocument, WorkbenchEvent, WorkspaceView } from '@shared/api';
import type { DocumentRecord, DocumentSummary, Preferences } from '@shared/model';
import { openWorkbench } from './open-workbench';
import { base64, tempWorkbench, valueOf } from './test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
const events: WorkbenchEvent[] = [];
const me = { clientId: 'window-1' };

beforeEach(async () => {
  wb = await tempWorkbench();
  events.length = 0;
  wb.events.subscribe('window-2', (event) => events.push(event));
  valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
});
afterEach(async () => wb.cleanup());

async function importOne(name: string, text: string): Promise<DocumentSummary> {
  const report = valueOf<ImportReport>(
    await wb.dispatch('documents:import', { files: [{ name, dataBase64: base64(text) }] }),
  );
  return report.imported[0]!;
}

describe('renaming and metadata', () => {
  it('renames a document and tells the other windows', async () => {
    const doc = await importOne('a.txt', 'Some text.');
    const summary = valueOf<DocumentSummary>(
      await wb.dispatch('document:rename', { docId: doc.id, title: '  Astana talks  ' }, me),
    );
    expect(summary.title).toBe('Astana talks');
    expect(events).toContainEqual({ kind: 'documents-changed', summaries: [summary] });
    const empty = await wb.dispatch('document:rename', { docId: doc.id, title: '   ' });
    expect(empty).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('replaces the metadata, keys such as "constructor" included, and lists it in the summary', async () => {
    const doc = await importOne('a.txt', 'Some text.');
    const meta = { source: 'Reuters', date: '2026-03-04', constructor: 'x', pages: 3 };
    const saved = valueOf<DocumentRecord>(await wb.dispatch('document:set-meta', { docId: doc.id, meta }));
    expect({ ...saved.meta }).toEqual(meta);
    expect({ ...wb.store.documents()[0]!.meta }).toEqual(meta);
    const bad = await wb.dispatch('document:set-meta', { docId: doc.id, meta: { nested: { no: 1 } } });
    expect(bad).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('gives the documents of one import request one batch', async () => {
    const files = ['a', 'b'].map((n) => ({ name: `${n}.txt`, dataBase64: base64(`Text ${n}`) }));
    const report = valueOf<ImportReport>(await wb.dispatch('documents:import', { files }));
    const later = await importOne('c.txt', 'Text c');
    expect(report.imported[0]!.batch).toBeDefined();
    expect(report.imported[0]!.batch).toBe(report.imported[1]!.batch);
    expect(later.batch).not.toBe(report.imported[0]!.batch);
  });
});

describe('the trash', () => {
  it('deletes into the trash, lists it, and restores it with its annotations', async () => {
    const doc = await importOne('a.txt', 'Erdogan spoke.');
    const layer = 'dana';
    await wb.dispatch('annotations:apply', {
      docId: doc.id,
      layer,
      ops: [{ kind: 'add-span', span: { id: 's1', label: 'actor', start: 0, end: 7 } }],
    });
    const trashed = valueOf<TrashedDocument>(await wb.dispatch('document:delete', { docId: doc.id }, me));
    expect(trashed).toMatchObject({ id: doc.id, title: 'a', deletedBy: 'dana' });
    expect(wb.store.documents()).toEqual([]);
    expect(existsSync(join(wb.store.dir, 'documents', `${doc.id}.json`))).toBe(false);
    expect(events).toContainEqual({ kind: 'documents-removed', docIds: [doc.id] });
    expect(valueOf<TrashedDocument[]>(await wb.dispatch('trash:list', {}))).toEqual([trashed]);
    await expect(wb.dispatch('document:get', { docId: doc.id })).resolves.toMatchObject({ ok: false });

    const restored = valueOf<DocumentSummary>(await wb.dispatch('document:restore', { docId: doc.id }));
    expect(restored.spanCounts[layer]).toEqual({ actor: 1 });
    expect(valueOf<TrashedDocument[]>(await wb.dispatch('trash:list', {}))).toEqual([]);
  });

  it('keeps a deleted document in the trash across a reopen of the workspace', async () => {
    const doc = await importOne('a.txt', 'Kept in the trash.');
    await wb.dispatch('document:delete', { docId: doc.id });
    await wb.close();
    const reopened = await openWorkbench(wb.store.dir, { owner: 'cli', withSample: false });
    try {
      expect(reopened.store.documents()).toEqual([]);
      const listed = valueOf<TrashedDocument[]>(await reopened.dispatch('trash:list', {}));
      expect(listed.map((t) => t.id)).toEqual([doc.id]);
    } finally {
      await reopened.close();
    }
  });

  it('refuses to restore a text that was imported again meanwhile, naming it', async () => {
    const doc = await importOne('a.txt', 'The same text.');
    await wb.dispatch('document:delete', { docId: doc.id });
    await importOne('again.txt', 'The same text.');
    const result = await wb.dispatch('document:restore', { docId: doc.id });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toContain('“again”');
    const missing = await wb.dispatch('document:restore', { docId: 'nothing-here' });
    expect(missing).toMatchObject({ ok: false, error: { code: 'not-found' } });
  });
});

describe('imports as tasks', () => {
  it('reports progress per file and writes nothing when cancelled', async () => {
    const progress: WorkbenchEvent[] = [];
    wb.events.subscribe('window-1', (event) => progress.push(event));
    const files = ['a', 'b', 'c'].map((n) => ({ name: `${n}.txt`, dataBase64: base64(`Text ${n}`) }));
    valueOf(await wb.dispatch('documents:import', { files, taskId: 'import-0001' }, me));
    expect(progress).toContainEqual({
      kind: 'progress',
      taskId: 'import-0001',
      phase: 'Reading files',
      done: 3,
      total: 3,
    });

    const more = ['d', 'e'].map((n) => ({ name: `${n}.txt`, dataBase64: base64(`Text ${n}`) }));
    const running = wb.dispatch('documents:import', { files: more, taskId: 'import-0002' }, me);
    await wb.dispatch('task:cancel', { taskId: 'import-0002' });
    await expect(running).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(wb.store.documents().map((d) => d.title)).toEqual(['a', 'b', 'c']);
  });
});

describe('preferences', () => {
  it('changes the settings a window may change and tells the other windows', async () => {
    const prefs = valueOf<Preferences>(
      await wb.dispatch(
        'preferences:set',
        { theme: 'dark', textScale: 1.2, shortcuts: { 'palette.open': ['Mod+P'] } },
        me,
      ),
    );
    expect(prefs).toMatchObject({ theme: 'dark', textScale: 1.2, shortcuts: { 'palette.open': ['Mod+P'] } });
    expect(valueOf<Preferences>(await wb.dispatch('preferences:get', {}))).toEqual(prefs);
    expect(events).toContainEqual({ kind: 'preferences-changed', preferences: prefs });
  });

  it('refuses what is out of range, unknown, or not a window’s to change', async () => {
    for (const change of [
      { textScale: 9 },
      { theme: 'neon' },
      { workspaces: [] },
      { shortcuts: { x: ['Ctrl+Ctrl'] } },
    ]) {
      const result = await wb.dispatch('preferences:set', change);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    }
  });
});
