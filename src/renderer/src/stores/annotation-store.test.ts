// The renderer's annotation store: optimistic local changes, "saved" only after main answered, undo/redo
// that is saved like any change, and a failed save that reloads the truth from disk.
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { AnnotationOp } from '@shared/api';
import type { AnnotatorId, DocId, DocumentRecord, LayerId, Span } from '@shared/model';

const apply = vi.fn();
const get = vi.fn();
vi.mock('../api/client', () => ({
  api: {
    'annotations:apply': (request: unknown) => apply(request),
    'document:get': (request: unknown) => get(request),
  },
}));

const store = await import('./annotation-store');
const { workspaceStore } = await import('./workspace-store');
const labelSchema = {
  labels: ['claim', 'condition', 'actor'].map((id) => ({
    id,
    name: id,
    color: '#000000',
    lineStyle: 'solid' as const,
    guideline: '',
    attributes: [],
  })),
  relationTypes: [],
};
workspaceStore.phase.set({
  kind: 'ready',
  view: { path: '/w', labelSchema, annotators: [], localAnnotator: null, documents: [], problems: [] },
});
const { saveState } = await import('./save-queue');

const TEXT = 'Erdogan said the border stays closed until spring.';
const doc: DocumentRecord = {
  schemaVersion: 1,
  id: 'd1' as DocId,
  title: 'Report',
  text: TEXT,
  sha256: 'a'.repeat(64),
  meta: {},
  import: {
    sourceName: 'r.txt',
    format: 'txt',
    encoding: 'utf-8',
    hadBom: false,
    lineEndings: 'lf',
    crlfAt: [],
    crAt: [],
    importedAt: '2026-01-01T00:00:00Z',
  },
  status: {},
  layers: {},
  comments: [],
  rejectedSuggestions: [],
  revision: 0,
};

function answerApplyOk() {
  apply.mockImplementation(async ({ ops }: { ops: AnnotationOp[] }) => ({
    ok: true,
    value: { summary: { id: 'd1', spanCounts: {}, status: {} }, spans: [] as Span[], ops },
  }));
}

const spans = () => store.currentDocument()!.spans.map((s) => `${s.label}:${s.quote}`);
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(async () => {
  apply.mockReset();
  get.mockReset();
  get.mockResolvedValue({ ok: true, value: doc });
  answerApplyOk();
  await store.openDocument('d1' as DocId, 'dana' as AnnotatorId);
});

describe('annotation store', () => {
  it('shows a new span at once and reports "saved" only after main answered', async () => {
    let release: () => void = () => {};
    apply.mockImplementation(
      () =>
        new Promise(
          (resolve) => (release = () => resolve({ ok: true, value: { summary: { id: 'd1' }, spans: [] } })),
        ),
    );
    store.createSpan('actor', 0, 7);
    expect(spans()).toEqual(['actor:Erdogan']);
    expect(saveState.get().kind).toBe('saving');
    await settle();
    expect(saveState.get().kind).toBe('saving');
    release();
    await settle();
    expect(saveState.get().kind).toBe('saved');
    expect(apply).toHaveBeenCalledWith({
      docId: 'd1',
      layer: 'dana' as LayerId,
      ops: [{ kind: 'add-span', span: expect.objectContaining({ label: 'actor', start: 0, end: 7 }) }],
    });
  });

  it('undo and redo are sent to main like any other change', async () => {
    const created = store.createSpan('claim', 13, 36)!;
    expect(store.undo()).toBe(true);
    expect(spans()).toEqual([]);
    expect(store.redo()).toBe(true);
    expect(spans()).toEqual(['claim:the border stays closed']);
    await settle();
    const sent = apply.mock.calls.map(([request]) => (request as { ops: AnnotationOp[] }).ops[0]!.kind);
    expect(sent).toEqual(['add-span', 'remove-span', 'add-span']);
    expect(store.currentDocument()!.spans[0]!.id).toBe(created.id);
  });

  it('a failed save shows the error and reloads the document from disk', async () => {
    apply.mockResolvedValue({ ok: false, error: { code: 'io-error', message: 'disk full (ENOSPC)' } });
    store.createSpan('actor', 0, 7);
    await settle();
    await settle();
    expect(saveState.get()).toEqual({ kind: 'error', message: 'disk full (ENOSPC)' });
    expect(get).toHaveBeenCalledTimes(2);
    expect(spans()).toEqual([]);
  });

  it('moves the focus through spans in text order and wraps around', () => {
    store.createSpan('claim', 13, 36);
    store.createSpan('actor', 0, 7);
    store.focusSpan(null);
    store.focusNeighbour(1);
    expect(store.currentDocument()!.focusedId).toBe(store.currentDocument()!.spans[0]!.id);
    store.focusNeighbour(1);
    store.focusNeighbour(1);
    expect(store.currentDocument()!.focusedId).toBe(store.currentDocument()!.spans[0]!.id);
    store.focusNeighbour(-1);
    expect(store.currentDocument()!.focusedId).toBe(store.currentDocument()!.spans[1]!.id);
  });
});
