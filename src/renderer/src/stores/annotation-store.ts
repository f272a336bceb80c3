// The renderer's source of truth for the open document's annotations (src/renderer/stores). Changes flow
// one way: store -> change listeners (the editor bridge turns them into transaction metadata). Every change
// carries its origin: `load` never goes back to disk nor into undo history; `local` is saved and undoable.
import type { AnnotationOp } from '@shared/api';
import type {
  AnnotatorId,
  DocId,
  DocumentRecord,
  LayerDelta,
  LayerId,
  Relation,
  Span,
  SpanId,
} from '@shared/model';
import { api } from '../api/client';
import { applyLocal, compareSpans } from './local-ops';
import { observable } from './observable';
import { enqueueSave, whenSaved } from './save-queue';
import { createHistory } from './undo-history';
import { workspaceStore } from './workspace-store';

export interface OpenDocumentState {
  doc: DocumentRecord;
  layer: LayerId;
  annotator: AnnotatorId;
  spans: readonly Span[];
  relations: readonly Relation[];
  focusedId: SpanId | null;
}

export type DocumentPhase =
  | { kind: 'none' }
  | { kind: 'loading'; docId: DocId }
  | { kind: 'failed'; docId: DocId; message: string }
  | { kind: 'ready'; state: OpenDocumentState };

export type AnnotationChange =
  | { origin: 'load'; kind: 'reset'; text: string; spans: readonly Span[] }
  | { origin: 'local' | 'remote'; kind: 'delta'; delta: LayerDelta }
  | { origin: 'local'; kind: 'focus'; spanId: SpanId | null; scroll: boolean };

export const documentPhase = observable<DocumentPhase>({ kind: 'none' });
const changeListeners = new Set<(change: AnnotationChange) => void>();
const history = createHistory();

export function subscribeChanges(listener: (change: AnnotationChange) => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

function emit(change: AnnotationChange): void {
  for (const listener of [...changeListeners]) listener(change);
}

export function currentDocument(): OpenDocumentState | null {
  const phase = documentPhase.get();
  return phase.kind === 'ready' ? phase.state : null;
}

function setState(next: OpenDocumentState): void {
  documentPhase.set({ kind: 'ready', state: next });
}

export async function openDocument(docId: DocId, annotator: AnnotatorId): Promise<void> {
  await whenSaved();
  documentPhase.set({ kind: 'loading', docId });
  const result = await api['document:get']({ docId });
  if (!result.ok) {
    documentPhase.set({ kind: 'failed', docId, message: result.error.message });
    return;
  }
  const doc = result.value;
  const layer = annotator as string as LayerId;
  const stored = Object.hasOwn(doc.layers, layer) ? doc.layers[layer] : undefined;
  const spans = [...(stored?.spans ?? [])].sort(compareSpans);
  history.reset(docId);
  setState({ doc, layer, annotator, spans, relations: stored?.relations ?? [], focusedId: null });
  emit({ origin: 'load', kind: 'reset', text: doc.text, spans });
}

/** Applies local ops optimistically, records them for undo (unless they are an undo/redo) and saves them. */
function applyAndSave(ops: AnnotationOp[], record: 'new' | 'undo' | 'redo'): LayerDelta | null {
  const state = currentDocument();
  if (state === null || ops.length === 0) return null;
  const schema = workspaceStore.labelSchema();
  if (schema === null) return null;
  const ctx = { text: state.doc.text, schema, annotator: state.annotator, now: new Date().toISOString() };
  const { spans, relations, delta, inverse } = applyLocal(state.spans, state.relations, ops, ctx);
  const focusedId =
    state.focusedId !== null && delta.removedSpans.includes(state.focusedId) ? null : state.focusedId;
  setState({ ...state, spans, relations, focusedId });
  emit({ origin: 'local', kind: 'delta', delta });
  history.record(state.doc.id, { redo: ops, undo: inverse }, record);
  const docId = state.doc.id;
  void enqueueSave(docId, state.layer, ops, {
    onSaved: (result) => {
      workspaceStore.applySummary(result.summary);
      reconcileStored(docId, result.spans);
    },
    onFailed: () => void reloadAfterFailure(docId, state.annotator),
  });
  return delta;
}

/** Main computed quote and context; keep its copy so the renderer never drifts from disk. */
function reconcileStored(docId: DocId, stored: Span[]): void {
  const state = currentDocument();
  if (state === null || state.doc.id !== docId || stored.length === 0) return;
  const byId = new Map(stored.map((s) => [s.id, s]));
  setState({ ...state, spans: state.spans.map((s) => byId.get(s.id) ?? s) });
}

async function reloadAfterFailure(docId: DocId, annotator: AnnotatorId): Promise<void> {
  const state = currentDocument();
  if (state === null || state.doc.id !== docId) return;
  const message = 'A change could not be saved; the document was reloaded from disk.';
  await openDocument(docId, annotator);
  workspaceStore.notify({ kind: 'error', message });
}

export function createSpan(label: string, start: number, end: number): Span | null {
  const id = `s${crypto.randomUUID().replace(/-/g, '').slice(0, 16)}` as SpanId;
  const delta = applyAndSave([{ kind: 'add-span', span: { id, label, start, end } }], 'new');
  if (delta === null) return null;
  focusSpan(id, false);
  return delta.addedSpans[0] ?? null;
}

export function deleteSpan(spanId: SpanId): void {
  applyAndSave([{ kind: 'remove-span', spanId }], 'new');
}

export function changeSpan(spanId: SpanId, changes: { label?: string; note?: string }): void {
  applyAndSave([{ kind: 'update-span', spanId, changes }], 'new');
}

export function undo(): boolean {
  const state = currentDocument();
  const entry = state === null ? undefined : history.takeUndo(state.doc.id);
  if (entry === undefined) return false;
  applyAndSave(entry.undo, 'undo');
  return true;
}

export function redo(): boolean {
  const state = currentDocument();
  const entry = state === null ? undefined : history.takeRedo(state.doc.id);
  if (entry === undefined) return false;
  applyAndSave(entry.redo, 'redo');
  return true;
}

export const canUndo = (): boolean => history.canUndo(currentDocument()?.doc.id);
export const canRedo = (): boolean => history.canRedo(currentDocument()?.doc.id);
export const historyVersion = history.version;

export function focusSpan(spanId: SpanId | null, scroll = true): void {
  const state = currentDocument();
  if (state === null) return;
  if (state.focusedId === spanId) {
    // Already selected: choosing it again (e.g. in the list) still brings it into view.
    if (scroll && spanId !== null) emit({ origin: 'local', kind: 'focus', spanId, scroll });
    return;
  }
  setState({ ...state, focusedId: spanId });
  emit({ origin: 'local', kind: 'focus', spanId, scroll });
}

/** Moves the focus to the next (+1) or previous (-1) span in text order, wrapping around. */
export function focusNeighbour(step: 1 | -1, visible: (span: Span) => boolean = () => true): void {
  const state = currentDocument();
  if (state === null) return;
  const spans = state.spans.filter(visible);
  if (spans.length === 0) return;
  const index = spans.findIndex((s) => s.id === state.focusedId);
  const next = index < 0 ? (step === 1 ? 0 : spans.length - 1) : (index + step + spans.length) % spans.length;
  focusSpan(spans[next]?.id ?? null);
}
