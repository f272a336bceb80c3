// A document held open by the store (src/main): the record, a LayerIndex per layer that has been edited, and
// the span counts of its index entry, all updated in place by each save. Applying a batch validates only what
// it touches (the ops module checks ids, bounds, surrogates, labels and relation ends) and never copies or
// re-validates the whole record; the result is the journal entry to append, and an undo if the append fails.
import { WorkbenchError } from '@shared/api/result';
import {
  LayerIndex,
  MAX_RELATIONS_PER_LAYER,
  MAX_SPANS_PER_LAYER,
  OpError,
  applyOps,
  emptyRecord,
  ownEntry,
  setEntry,
  summarizeDocument,
  type AnnotationOp,
  type AnnotatorId,
  type DocumentRecord,
  type DocumentStatus,
  type DocumentSummary,
  type LabelSchema,
  type LayerDelta,
  type LayerId,
} from '@shared/model';
import type { JournalEntry } from './journal-file';

export interface AnnotationChange {
  layer: LayerId;
  ops: readonly AnnotationOp[];
  by: AnnotatorId;
  /** ISO time of the save. */
  at: string;
  /** Whose status goes from "new" to "in-progress" with this save (the layer's owner). */
  startStatusOf?: string;
}

export interface AppliedChange {
  delta: LayerDelta;
  entry: JournalEntry;
  /** Puts the document back as it was before `apply` (the entry could not be saved). */
  revert(): void;
}

export class LiveDocument {
  private readonly indexes = new Map<string, LayerIndex>();
  /** Layers whose index changed since `record.layers` was last rebuilt from it. */
  private readonly stale = new Set<string>();
  private summaryCache: DocumentSummary | null = null;

  constructor(private readonly doc: DocumentRecord) {}

  get revision(): number {
    return this.doc.revision;
  }

  /** The whole record, current; callers must not mutate it (the store hands out clones). */
  get record(): DocumentRecord {
    for (const layerId of this.stale) {
      setEntry(this.doc.layers, layerId, (this.indexes.get(layerId) as LayerIndex).toLayer());
    }
    this.stale.clear();
    return this.doc;
  }

  /**
   * The record as it is now, deep-frozen and shared rather than copied: later saves never change it, because
   * they replace layers (fresh arrays of never-mutated span and relation records), the status record and the
   * revision in the live record, which the snapshot does not share. Freezing skips what is frozen already, so
   * a snapshot after a save costs the changed layers, not the document (a clone costs the whole record).
   */
  snapshot(): Readonly<DocumentRecord> {
    const record = this.record;
    const layers = Object.assign(emptyRecord<DocumentRecord['layers'][string]>(), record.layers);
    const status = Object.assign(emptyRecord<DocumentStatus>(), record.status);
    return deepFreeze({ ...record, layers, status });
  }

  /** The index entry, kept up to date by counting only the spans each save touched. */
  summary(): DocumentSummary {
    this.summaryCache ??= summarizeDocument(this.record);
    return this.summaryCache;
  }

  /** Applies a batch all-or-nothing (WorkbenchError naming the op at fault); bumps the revision. */
  apply(change: AnnotationChange, schema: LabelSchema): AppliedChange {
    const index = this.indexOf(change.layer);
    const before = this.labelsOf(index, touchedSpanIds(change.ops));
    let result;
    try {
      result = applyOps(index, change.ops, {
        text: this.doc.text,
        schema,
        annotator: change.by,
        now: change.at,
      });
    } catch (error) {
      if (error instanceof OpError) throw new WorkbenchError(error.code, error.message);
      throw error;
    }
    const { delta, inverse } = result;
    if (index.spans.length > MAX_SPANS_PER_LAYER || index.relations.length > MAX_RELATIONS_PER_LAYER) {
      applyOps(index, inverse, { text: this.doc.text, schema, annotator: change.by, now: change.at });
      throw new WorkbenchError(
        'invalid-request',
        `A layer holds at most ${MAX_SPANS_PER_LAYER} spans and ${MAX_RELATIONS_PER_LAYER} relations.`,
      );
    }
    const status = this.startStatus(change.startStatusOf);
    const entry: JournalEntry = {
      rev: this.doc.revision + 1,
      at: change.at,
      by: change.by,
      layer: change.layer,
      set: {
        spans: [...delta.addedSpans, ...delta.updatedSpans],
        relations: [...delta.addedRelations, ...delta.updatedRelations],
      },
      del: { spans: delta.removedSpans, relations: delta.removedRelations },
      ...(status ? { status } : {}),
    };
    const previousStatus = status ? this.setStatuses(status) : null;
    this.afterChange(change.layer, before, 1);
    const revert = (): void => {
      const undone = this.labelsOf(index, before.keys());
      applyOps(index, inverse, { text: this.doc.text, schema, annotator: change.by, now: change.at });
      if (previousStatus) this.setStatuses(previousStatus);
      this.afterChange(change.layer, undone, -1);
    };
    return { delta, entry, revert };
  }

  /** Replays a journal entry: sets and deletes records as they were saved (nothing to validate or fail). */
  replay(entry: JournalEntry): void {
    const index = this.indexOf(entry.layer);
    const before = this.labelsOf(index, [...entry.del.spans, ...entry.set.spans.map((s) => s.id)]);
    for (const id of entry.del.relations) index.deleteRelation(id);
    for (const id of entry.del.spans) index.deleteSpan(id);
    for (const span of entry.set.spans) index.replaceSpan(span);
    for (const relation of entry.set.relations) index.replaceRelation(relation);
    if (entry.status) this.setStatuses(entry.status);
    this.afterChange(entry.layer, before, 1);
  }

  private indexOf(layerId: string): LayerIndex {
    let index = this.indexes.get(layerId);
    if (index === undefined) {
      index = new LayerIndex(ownEntry(this.doc.layers, layerId));
      this.indexes.set(layerId, index);
    }
    return index;
  }

  /** The label of each span id as it is now (undefined: no such span). */
  private labelsOf(index: LayerIndex, ids: Iterable<string>): Map<string, string | undefined> {
    const labels = new Map<string, string | undefined>();
    for (const id of ids) labels.set(id, index.span(id)?.label);
    return labels;
  }

  /** Moves the revision by `step`, marks the layer's record stale and the counts of the touched spans. */
  private afterChange(layerId: string, before: ReadonlyMap<string, string | undefined>, step: 1 | -1): void {
    this.doc.revision += step;
    this.stale.add(layerId);
    const summary = this.summaryCache;
    if (summary === null) return;
    const index = this.indexes.get(layerId) as LayerIndex;
    const counts = Object.assign(emptyRecord<number>(), ownEntry(summary.spanCounts, layerId));
    for (const [id, label] of before) {
      const now = index.span(id)?.label;
      if (label === now) continue;
      if (label !== undefined) setEntry(counts, label, (ownEntry(counts, label) ?? 0) - 1);
      if (now !== undefined) setEntry(counts, now, (ownEntry(counts, now) ?? 0) + 1);
    }
    for (const [label, n] of Object.entries(counts)) if (n === 0) delete counts[label];
    const spanCounts = Object.assign(emptyRecord<Record<string, number>>(), summary.spanCounts);
    setEntry(spanCounts, layerId, counts);
    const status = Object.assign(emptyRecord<DocumentStatus>(), this.doc.status);
    this.summaryCache = { ...summary, spanCounts, status, revision: this.doc.revision };
  }

  private startStatus(owner: string | undefined): Record<string, DocumentStatus> | null {
    if (owner === undefined || (ownEntry(this.doc.status, owner) ?? 'new') !== 'new') return null;
    const status = emptyRecord<DocumentStatus>();
    setEntry(status, owner, 'in-progress');
    return status;
  }

  /** Sets the given statuses (undefined: none) and returns what they replace, to put back on revert. */
  private setStatuses(
    statuses: Readonly<Record<string, DocumentStatus | undefined>>,
  ): Record<string, DocumentStatus | undefined> {
    const previous = emptyRecord<DocumentStatus | undefined>();
    for (const [owner, value] of Object.entries(statuses)) {
      setEntry(previous, owner, ownEntry(this.doc.status, owner));
      if (value === undefined) delete this.doc.status[owner];
      else setEntry(this.doc.status, owner, value);
    }
    return previous;
  }
}

/** Freezes `value` and everything under it, skipping what is frozen already (and so what lies under that). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

/** The spans a batch can add, remove or relabel: exactly those its ops name. */
function touchedSpanIds(ops: readonly AnnotationOp[]): string[] {
  return ops.flatMap((op) =>
    op.kind === 'add-span'
      ? [op.span.id]
      : op.kind === 'remove-span' || op.kind === 'update-span'
        ? [op.spanId]
        : [],
  );
}
