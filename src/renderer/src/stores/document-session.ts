// One open document in the renderer (src/renderer/stores): its text, every layer as an indexed copy, which
// layer the analyst may edit, the selected span, undo history and the save queue. The session is the source
// of truth; changes flow one way, session → change listeners (the editor) → decorations, and each change
// carries its origin: `load` and `remote` never reach disk or the undo history, `local` ones do.
import type { AnnotationOp, ApiError, ApplyResult, WorkbenchEvent } from '@shared/api';
import {
  LayerIndex,
  OpError,
  applyOps,
  type AnnotatorId,
  type DocumentRecord,
  type LabelSchema,
  type LayerDelta,
  type LayerId,
  type Span,
  type SpanId,
} from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable, type Observable } from './observable';
import { SaveQueue } from './save-queue';
import type { SaveTracker } from './save-tracker';
import { UndoHistory } from './undo-history';

export interface FocusedSpan {
  layer: LayerId;
  spanId: SpanId;
}

export type SessionChange =
  | { origin: 'load'; kind: 'reset' }
  | { origin: 'local' | 'remote'; kind: 'delta'; layer: LayerId; delta: LayerDelta }
  | { origin: 'local'; kind: 'focus'; focused: FocusedSpan | null; scroll: boolean };

export interface SessionDeps {
  api: TagwrightApi;
  tracker: SaveTracker;
  schema: () => LabelSchema;
  /** Called when a save failed: the session has reloaded from disk; tell the analyst. */
  onSaveFailed: (message: string) => void;
  onSaved: (result: ApplyResult) => void;
}

export interface ApplyOptions {
  /** Consecutive changes with the same key merge into one undo step (typing a note). */
  mergeKey?: string;
}

export class DocumentSession {
  readonly docId: DocumentRecord['id'];
  /** Bumped on every change, so React can re-render what reads the layers. */
  readonly version: Observable<number> = observable(0);
  readonly focused: Observable<FocusedSpan | null> = observable<FocusedSpan | null>(null);
  private doc: DocumentRecord;
  private layers = new Map<LayerId, LayerIndex>();
  private readonly history = new UndoHistory();
  private readonly saves: SaveQueue;
  private readonly listeners = new Set<(change: SessionChange) => void>();
  private revision: number;

  constructor(
    doc: DocumentRecord,
    /** The analyst's own layer, the only one this session edits (null: read-only session). */
    readonly editableLayer: LayerId | null,
    readonly annotator: AnnotatorId,
    private readonly deps: SessionDeps,
  ) {
    this.docId = doc.id;
    this.doc = doc;
    this.revision = doc.revision;
    this.indexLayers(doc);
    this.saves = new SaveQueue(deps.api, doc.id, deps.tracker, {
      onSaved: (result) => this.reconcile(result),
      onFailed: (error) => void this.recoverFrom(error),
    });
  }

  get text(): string {
    return this.doc.text;
  }

  get record(): DocumentRecord {
    return this.doc;
  }

  /** Layer ids present in the document, plus the editable one (which may still be empty). */
  layerIds(): LayerId[] {
    return [...this.layers.keys()];
  }

  layer(id: LayerId): LayerIndex {
    let layer = this.layers.get(id);
    if (layer === undefined) this.layers.set(id, (layer = new LayerIndex()));
    return layer;
  }

  span(focus: FocusedSpan | null): Span | undefined {
    return focus === null ? undefined : this.layers.get(focus.layer)?.span(focus.spanId);
  }

  subscribe(listener: (change: SessionChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * Applies local ops to the editable layer at once, records them for undo and queues the save. Returns the
   * delta, or null when nothing can be edited; throws OpError when the ops do not apply (nothing changed).
   */
  apply(ops: readonly AnnotationOp[], options: ApplyOptions = {}): LayerDelta | null {
    const result = this.applyLocal(ops);
    if (result === null) return null;
    this.history.record({ redo: [...ops], undo: result.inverse, ...options });
    return result.delta;
  }

  undo(): boolean {
    return this.replay('undo');
  }

  redo(): boolean {
    return this.replay('redo');
  }

  /** Ends a run of merged edits (the note field lost focus): the next edit is its own undo step. */
  sealHistory(): void {
    this.history.seal();
  }

  get canUndo(): boolean {
    return this.editableLayer !== null && this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.editableLayer !== null && this.history.canRedo;
  }

  focus(next: FocusedSpan | null, scroll = true): void {
    const current = this.focused.get();
    const same = current?.layer === next?.layer && current?.spanId === next?.spanId;
    if (!same) this.focused.set(next);
    if (!same || (scroll && next !== null))
      this.emit({ origin: 'local', kind: 'focus', focused: next, scroll });
  }

  /** The page is unloading: send every queued change now (see SaveQueue.flushNow). */
  flushNow(): void {
    this.saves.flushNow();
  }

  /** Resolves when every change made so far has been answered by main. */
  whenSaved(): Promise<void> {
    return this.saves.idle();
  }

  /** Applies a change another window made (an event from main); never saved or undoable here. */
  applyRemote(event: Extract<WorkbenchEvent, { kind: 'annotations-changed' }>): 'applied' | 'stale' {
    const layer = this.layer(event.layer);
    const { delta } = event;
    for (const id of delta.removedRelations) layer.deleteRelation(id);
    for (const id of delta.removedSpans) layer.deleteSpan(id);
    for (const span of [...delta.addedSpans, ...delta.updatedSpans]) layer.replaceSpan(span);
    for (const relation of [...delta.addedRelations, ...delta.updatedRelations])
      layer.replaceRelation(relation);
    const expected = this.revision + 1;
    this.revision = Math.max(this.revision, event.revision);
    this.dropFocusIfGone();
    this.emit({ origin: 'remote', kind: 'delta', layer: event.layer, delta });
    // A gap means an event was missed (the stream reconnected): the caller reloads the document.
    return event.revision > expected && !this.saves.pending ? 'stale' : 'applied';
  }

  /** Replaces everything with a fresh copy from disk (after a failed save or a missed event). */
  reset(doc: DocumentRecord): void {
    this.doc = doc;
    this.revision = doc.revision;
    this.layers = new Map();
    this.indexLayers(doc);
    this.dropFocusIfGone();
    this.emit({ origin: 'load', kind: 'reset' });
  }

  private indexLayers(doc: DocumentRecord): void {
    for (const [id, layer] of Object.entries(doc.layers))
      this.layers.set(id as LayerId, new LayerIndex(layer));
    if (this.editableLayer !== null) this.layer(this.editableLayer);
  }

  private applyLocal(ops: readonly AnnotationOp[]) {
    if (this.editableLayer === null || ops.length === 0) return null;
    const layerId = this.editableLayer;
    const ctx = {
      text: this.doc.text,
      schema: this.deps.schema(),
      annotator: this.annotator,
      now: new Date().toISOString(),
    };
    const result = applyOps(this.layer(layerId), ops, ctx);
    this.dropFocusIfGone();
    this.emit({ origin: 'local', kind: 'delta', layer: layerId, delta: result.delta });
    this.saves.enqueue(layerId, ops);
    return result;
  }

  private replay(kind: 'undo' | 'redo'): boolean {
    const entry = kind === 'undo' ? this.history.takeUndo() : this.history.takeRedo();
    if (entry === undefined) return false;
    try {
      this.applyLocal(kind === 'undo' ? entry.undo : entry.redo);
    } catch (error) {
      if (!(error instanceof OpError)) throw error;
      this.history.restore(kind);
      this.deps.onSaveFailed(`Cannot ${kind}: the annotations changed since (${error.message})`);
    }
    return true;
  }

  /**
   * Main answered a save. Its copies of the spans are not taken over: quotes and context come from the same
   * function over the same text, and the local copy may already hold newer edits (a note still being typed).
   */
  private reconcile(result: ApplyResult): void {
    this.revision = Math.max(this.revision, result.revision);
    this.deps.onSaved(result);
  }

  private async recoverFrom(error: ApiError): Promise<void> {
    const fresh = await this.deps.api['document:get']({ docId: this.docId });
    if (fresh.ok) this.reset(fresh.value);
    this.deps.onSaveFailed(
      `A change could not be saved; the document was reloaded from disk. (${error.message})`,
    );
  }

  private dropFocusIfGone(): void {
    const focused = this.focused.get();
    if (focused !== null && this.span(focused) === undefined) {
      this.focused.set(null);
      this.emit({ origin: 'local', kind: 'focus', focused: null, scroll: false });
    }
  }

  private emit(change: SessionChange): void {
    this.bump();
    for (const listener of [...this.listeners]) listener(change);
  }

  private bump(): void {
    this.version.update((v) => v + 1);
  }
}
