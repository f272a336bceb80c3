// One open document in the renderer (src/renderer/stores): its text, every layer as an indexed copy, which
// layer the analyst may edit, the selected span, undo history and the save queue. The session is the source
// of truth; changes flow one way, session → change listeners (the editor) → decorations, and each change
// carries its origin: `load` and `remote` never reach disk or the undo history, `local` ones do.
import type { AnnotationOp, ApiError, ApplyResult, WorkbenchEvent } from '@shared/api';
import {
  GOLD_LAYER,
  LayerIndex,
  OpError,
  applyOps,
  type AnnotatorId,
  type Comment,
  type DocumentRecord,
  type LabelSchema,
  type LayerDelta,
  type LayerId,
  type ReviewRejection,
  type Span,
  type SpanId,
} from '@shared/model';
import type { TagwrightApi } from '../api/client';
import { observable, type Observable } from './observable';
import { SaveQueue } from './save-queue';
import type { SaveTracker } from './save-tracker';
import { UndoHistory, type HistoryEntry, type RejectionChange } from './undo-history';

function invert(change: RejectionChange): RejectionChange {
  return { reject: change.unreject, unreject: change.reject, reason: change.reason };
}

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
  /** The layer to change: the analyst's own (default) or gold while adjudicating. */
  layer?: LayerId;
  /** Proposals rejected (or taken back) in the same undoable step. */
  rejections?: RejectionChange;
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
    const layer = options.layer ?? this.editableLayer;
    if (layer === null || !this.canEdit(layer)) return null;
    const result = this.applyLocal(layer, ops);
    if (result === null) return null;
    if (options.rejections !== undefined) this.changeRejections(options.rejections);
    const entry: HistoryEntry = { layer, redo: [...ops], undo: result.inverse };
    if (options.mergeKey !== undefined) entry.mergeKey = options.mergeKey;
    if (options.rejections !== undefined) {
      entry.redoRejections = options.rejections;
      entry.undoRejections = invert(options.rejections);
    }
    this.history.record(entry);
    return result.delta;
  }

  /** Rejects proposals (or takes rejections back) as one undoable step, without touching any layer. */
  decide(change: RejectionChange): void {
    if (this.editableLayer === null) return;
    this.changeRejections(change);
    this.history.record({
      layer: GOLD_LAYER,
      redo: [],
      undo: [],
      redoRejections: change,
      undoRejections: invert(change),
    });
    this.bump();
  }

  /** Proposals rejected while adjudicating (layer + span id keys, see shared/review/adjudication). */
  get rejections(): readonly ReviewRejection[] {
    return this.doc.reviewRejections;
  }

  /** The review thread on one span or relation of a layer. */
  commentsOn(layer: LayerId, kind: 'span' | 'relation', id: string): Comment[] {
    return this.doc.comments.filter(
      (c) => c.target.layer === layer && c.target.kind === kind && c.target.id === id,
    );
  }

  /** Adds a comment (saved at once; comments are not part of undo). Resolves with an error message or null. */
  async addComment(target: Comment['target'], text: string): Promise<string | null> {
    await this.saves.idle();
    const result = await this.deps.api['comments:add']({ docId: this.docId, target, text });
    if (!result.ok) return result.error.message;
    this.doc = { ...this.doc, comments: result.value };
    this.bump();
    return null;
  }

  async removeComment(commentId: string): Promise<string | null> {
    const result = await this.deps.api['comments:remove']({ docId: this.docId, commentId });
    if (!result.ok) return result.error.message;
    this.doc = { ...this.doc, comments: result.value };
    this.bump();
    return null;
  }

  /** The analyst edits their own layer, and gold while adjudicating; other analysts' layers never. */
  canEdit(layer: LayerId): boolean {
    return this.editableLayer !== null && (layer === this.editableLayer || layer === GOLD_LAYER);
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

  private applyLocal(layerId: LayerId, ops: readonly AnnotationOp[]) {
    if (ops.length === 0) return null;
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
      this.applyLocal(entry.layer, kind === 'undo' ? entry.undo : entry.redo);
      const rejections = kind === 'undo' ? entry.undoRejections : entry.redoRejections;
      if (rejections !== undefined) this.changeRejections(rejections);
      this.bump();
    } catch (error) {
      if (!(error instanceof OpError)) throw error;
      this.history.restore(kind);
      this.deps.onSaveFailed(`Cannot ${kind}: the annotations changed since (${error.message})`);
    }
    return true;
  }

  /** Changes the rejections here at once and sends them after the saves queued before (order is kept). */
  private changeRejections(change: RejectionChange): void {
    const me = this.annotator;
    const now = new Date().toISOString();
    const drop = new Set([...change.reject, ...change.unreject].map((p) => `${p.layer}\u0000${p.id}`));
    this.doc = {
      ...this.doc,
      reviewRejections: [
        ...this.doc.reviewRejections.filter((r) => !drop.has(`${r.layer}\u0000${r.id}`)),
        ...change.reject.map((p) => ({ ...p, decidedBy: me, decidedAt: now, reason: change.reason })),
      ],
    };
    this.saves.enqueueCall(() => this.deps.api['review:decide']({ docId: this.docId, ...change }));
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
