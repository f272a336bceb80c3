// The workbench service through its dispatcher: every request is validated, errors come back as data, and
// spans are stored with quotes computed by main from the canonical text.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ApplyResult, ImportReport, WorkspaceView } from '@shared/api';
import { documentProblem, type AnnotatorId, type DocumentRecord, type LayerId } from '@shared/model';
import { memoryPreferences } from '../preferences/preferences-file';
import { createDispatcher } from './dispatch';
import { base64, tempWorkbench, valueOf } from './test-support';
import { createWorkbench } from './workbench';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
beforeEach(async () => {
  wb = await tempWorkbench();
});
afterEach(async () => wb.cleanup());

async function setUp(text = 'Erdogan said the border stays closed.\r\nThe end 👩‍👩‍👧 نهاية.\r\n') {
  const view = valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana Analyst' }));
  const report = valueOf<ImportReport>(
    await wb.dispatch('documents:import', { files: [{ name: 'report.txt', dataBase64: base64(text) }] }),
  );
  return { layer: view.localAnnotator!.id, docId: report.imported[0]!.id };
}

const addSpan = (id: string, label: string, start: number, end: number) => ({
  kind: 'add-span',
  span: { id, label, start, end },
});

describe('the cost of a save', () => {
  it('adds a tag without copying or snapshotting the document (only a removal can orphan a comment)', async () => {
    const { layer, docId } = await setUp();
    const reads: string[] = [];
    for (const name of ['readDocument', 'documentSnapshot'] as const) {
      const real = wb.store[name].bind(wb.store);
      wb.store[name] = (id) => (reads.push(name), real(id));
    }
    const added = await wb.dispatch('annotations:apply', {
      docId,
      layer,
      ops: [addSpan('s1', 'claim', 0, 7)],
    });
    expect(added.ok).toBe(true);
    expect(reads).toEqual([]);
    const removed = await wb.dispatch('annotations:apply', {
      docId,
      layer,
      ops: [{ kind: 'remove-span', spanId: 's1' }],
    });
    expect(removed.ok).toBe(true);
    expect(reads).toEqual(['documentSnapshot']);
  });
});

describe('request validation', () => {
  it('refuses an unknown method by name', async () => {
    const result = await wb.dispatch('documents:delete-all', {});
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown-method' } });
  });

  it('refuses a payload that does not match the schema and names the field', async () => {
    const result = await wb.dispatch('document:get', { docId: '../../etc/passwd' });
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.error.code).toBe('invalid-request');
      expect(result.error.message).toContain('docId');
    }
  });

  it('refuses extra fields instead of ignoring them', async () => {
    const result = await wb.dispatch('workspace:get', { admin: true });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
  });

  it('refuses a span whose end splits a surrogate pair', async () => {
    const { layer, docId } = await setUp();
    const emoji = 'Erdogan said the border stays closed.\nThe end '.length;
    const result = await wb.dispatch('annotations:apply', {
      docId,
      layer,
      ops: [addSpan('s1', 'claim', 0, emoji + 1)],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(/surrogate/);
  });

  it('refuses a span past the end of the text and saves nothing of the batch', async () => {
    const { layer, docId } = await setUp();
    const result = await wb.dispatch('annotations:apply', {
      docId,
      layer,
      ops: [addSpan('s1', 'actor', 0, 7), addSpan('s2', 'claim', 0, 10_000)],
    });
    expect(result.ok).toBe(false);
    const doc = valueOf<DocumentRecord>(await wb.dispatch('document:get', { docId }));
    expect(doc.layers[layer as string as LayerId]?.spans ?? []).toHaveLength(0);
  });

  it('refuses a label the schema does not define', async () => {
    const { layer, docId } = await setUp();
    const result = await wb.dispatch('annotations:apply', {
      docId,
      layer,
      ops: [addSpan('s1', 'villain', 0, 7)],
    });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error.message).toContain('unknown label "villain"');
  });

  it("refuses edits to another analyst's layer, and lets the adjudicator write gold", async () => {
    const { docId } = await setUp();
    await wb.store.updateWorkspace((ws) => {
      ws.annotators.push({ id: 'lee' as AnnotatorId, name: 'Lee' });
    });
    const result = await wb.dispatch('annotations:apply', {
      docId,
      layer: 'lee',
      ops: [addSpan('s1', 'actor', 0, 7)],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const gold = await wb.dispatch('annotations:apply', {
      docId,
      layer: 'gold',
      ops: [addSpan('g1', 'actor', 0, 7)],
    });
    expect(gold).toMatchObject({
      ok: true,
      value: { delta: { addedSpans: [{ id: 'g1', createdBy: 'dana-analyst' }] } },
    });
  });
});

describe('annotating', () => {
  it('stores a span with the quote and context computed from the canonical text', async () => {
    const { layer, docId } = await setUp();
    const applied = valueOf<ApplyResult>(
      await wb.dispatch('annotations:apply', { docId, layer, ops: [addSpan('s1', 'actor', 0, 7)] }),
    );
    expect(applied.delta.addedSpans[0]).toMatchObject({
      quote: 'Erdogan',
      prefix: '',
      suffix: ' said the border stays closed.\nT',
    });
    expect(applied.summary.spanCounts[layer]).toEqual({ actor: 1 });
    expect(applied.summary.status[layer]).toBe('in-progress');
  });

  it('relabels, annotates and removes a span', async () => {
    const { layer, docId } = await setUp();
    await wb.dispatch('annotations:apply', { docId, layer, ops: [addSpan('s1', 'actor', 0, 7)] });
    await wb.dispatch('annotations:apply', {
      docId,
      layer,
      ops: [{ kind: 'update-span', spanId: 's1', changes: { label: 'claim', note: 'checked' } }],
    });
    let doc = valueOf<DocumentRecord>(await wb.dispatch('document:get', { docId }));
    expect(doc.layers[layer as string as LayerId]!.spans[0]).toMatchObject({
      label: 'claim',
      note: 'checked',
      quote: 'Erdogan',
    });
    await wb.dispatch('annotations:apply', { docId, layer, ops: [{ kind: 'remove-span', spanId: 's1' }] });
    doc = valueOf<DocumentRecord>(await wb.dispatch('document:get', { docId }));
    expect(doc.layers[layer as string as LayerId]!.spans).toHaveLength(0);
  });

  it('removes the comment thread of a span with the span, so the document still opens', async () => {
    const { layer, docId } = await setUp();
    await wb.dispatch('annotations:apply', { docId, layer, ops: [addSpan('s1', 'actor', 0, 7)] });
    await wb.dispatch('annotations:apply', { docId, layer, ops: [addSpan('s2', 'claim', 8, 12)] });
    for (const id of ['s1', 's2'])
      valueOf(await wb.dispatch('comments:add', { docId, target: { layer, kind: 'span', id }, text: id }));
    await wb.dispatch('annotations:apply', { docId, layer, ops: [{ kind: 'remove-span', spanId: 's1' }] });
    const doc = valueOf<DocumentRecord>(await wb.dispatch('document:get', { docId }));
    expect(doc.comments.map((c) => c.text)).toEqual(['s2']);
    expect(documentProblem(doc, wb.store.workspace().labelSchema)).toBeNull();
  });

  it('asks for the analyst name before anything can be tagged', async () => {
    const report = valueOf<ImportReport>(
      await wb.dispatch('documents:import', {
        files: [{ name: 'a.txt', dataBase64: base64('Some text here.') }],
      }),
    );
    const result = await wb.dispatch('annotations:apply', {
      docId: report.imported[0]!.id,
      layer: 'anyone',
      ops: [addSpan('s1', 'actor', 0, 4)],
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('keeps the layer id when the analyst changes their display name', async () => {
    const first = valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
    expect(first.localAnnotator).toEqual({ id: 'dana', name: 'Dana' });
    const renamed = valueOf<WorkspaceView>(await wb.dispatch('annotator:rename', { name: 'Dana K.' }));
    expect(renamed.localAnnotator).toEqual({ id: 'dana', name: 'Dana K.' });
  });

  it('never lets a second person with a namesake name take over an analyst’s layer by typing the name', async () => {
    valueOf(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
    const result = await wb.dispatch('annotator:set-local', { name: 'dana' });
    expect(result).toMatchObject({ ok: false, error: { code: 'conflict' } });
    if (!result.ok) expect(result.error.message).toContain('Continue as');
  });

  it('asks again in a copy of the workspace opened by another user, and keeps their layers apart', async () => {
    valueOf(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
    const colleague = createDispatcher(createWorkbench(wb.store, { preferences: memoryPreferences() }));
    const theirs = valueOf<WorkspaceView>(await colleague('workspace:get', {}));
    expect(theirs.localAnnotator).toBeNull();
    expect(
      await colleague('annotations:apply', {
        docId: 'dx',
        layer: 'dana',
        ops: [addSpan('s', 'actor', 0, 1)],
      }),
    ).toMatchObject({
      ok: false,
      error: { code: 'conflict' },
    });
    const lee = valueOf<WorkspaceView>(await colleague('annotator:set-local', { name: 'Lee' }));
    expect(lee.localAnnotator).toEqual({ id: 'lee', name: 'Lee' });
    expect(valueOf<WorkspaceView>(await wb.dispatch('workspace:get', {})).localAnnotator?.id).toBe('dana');
  });
});

describe('analysts whose ids are names of Object.prototype members', () => {
  it.each(['Constructor', '__proto__', 'toString', 'hasOwnProperty'])(
    'lets an analyst named "%s" tag, and tracks their status and counts under their own id',
    async (name) => {
      const view = valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name }));
      const layer = view.localAnnotator!.id;
      const report = valueOf<ImportReport>(
        await wb.dispatch('documents:import', {
          files: [{ name: 'a.txt', dataBase64: base64('Erdogan spoke.') }],
        }),
      );
      const docId = report.imported[0]!.id;
      const applied = valueOf<ApplyResult>(
        await wb.dispatch('annotations:apply', { docId, layer, ops: [addSpan('s1', 'actor', 0, 7)] }),
      );
      expect(Object.hasOwn(applied.summary.status, layer)).toBe(true);
      expect(applied.summary.status[layer]).toBe('in-progress');
      expect(applied.summary.spanCounts[layer]).toEqual({ actor: 1 });
      await wb.dispatch('document:set-status', { docId, annotator: layer, status: 'done' });
      const doc = valueOf<DocumentRecord>(await wb.dispatch('document:get', { docId }));
      expect(Object.keys(doc.layers)).toEqual([layer]);
      expect(doc.status[layer]).toBe('done');
    },
  );
});

describe('importing', () => {
  it('recognises the same text imported twice by its sha256, even with other line endings', async () => {
    await setUp('Line one.\nLine two.\n');
    const again = valueOf<ImportReport>(
      await wb.dispatch('documents:import', {
        files: [{ name: 'copy.txt', dataBase64: base64('Line one.\r\nLine two.\r\n') }],
      }),
    );
    expect(again.imported).toHaveLength(0);
    expect(again.duplicates).toMatchObject([{ file: 'copy.txt', existingTitle: 'report' }]);
  });

  it('imports nothing from a JSONL file with one bad line and names that line', async () => {
    const jsonl = ['{"text":"First article."}', '{"text":"Second article."}', '{"title":"no text"}'].join(
      '\n',
    );
    const report = valueOf<ImportReport>(
      await wb.dispatch('documents:import', { files: [{ name: 'corpus.jsonl', dataBase64: base64(jsonl) }] }),
    );
    expect(report.imported).toHaveLength(0);
    expect(report.rejected).toMatchObject([{ file: 'corpus.jsonl', line: 3 }]);
    expect(valueOf<WorkspaceView>(await wb.dispatch('workspace:get', {})).documents).toHaveLength(0);
  });

  it('refuses a binary file with a clear message', async () => {
    const bytes = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x00, 0x00, 0x01, 0x02]).toString('base64');
    const report = valueOf<ImportReport>(
      await wb.dispatch('documents:import', { files: [{ name: 'photo.txt', dataBase64: bytes }] }),
    );
    expect(report.rejected[0]?.message).toMatch(/binary/i);
  });

  it('keeps only the base name of an imported file', async () => {
    const report = valueOf<ImportReport>(
      await wb.dispatch('documents:import', {
        files: [{ name: '../../secret/notes.txt', dataBase64: base64('Text.') }],
      }),
    );
    expect(report.imported[0]?.title).toBe('notes');
  });
});
