// Applies annotation operations to the renderer's copy of a layer (src/renderer/stores), mirroring what main
// does on save, and computes each operation's inverse for undo. Pure functions over immutable arrays.
import type { AnnotationOp, SpanDraft } from '@shared/api';
import type { AnnotatorId, Span, SpanId } from '@shared/model';
import { anchorOf } from '@shared/text';

export interface LocalContext {
  text: string;
  annotator: AnnotatorId;
  now: string;
}

/** What changed, for the editor: spans added, removed (by id) and updated. */
export interface SpanDelta {
  added: Span[];
  removed: SpanId[];
  updated: Span[];
}

export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export function spanFromDraft(draft: SpanDraft, ctx: LocalContext): Span {
  return {
    id: draft.id,
    label: draft.label,
    start: draft.start,
    end: draft.end,
    ...anchorOf(ctx.text, draft.start, draft.end),
    attributes: draft.attributes ?? {},
    note: draft.note ?? '',
    createdBy: ctx.annotator,
    createdAt: draft.createdAt ?? ctx.now,
    updatedAt: ctx.now,
  };
}

export function draftOf(span: Span): SpanDraft {
  return {
    id: span.id,
    label: span.label,
    start: span.start,
    end: span.end,
    note: span.note,
    attributes: span.attributes,
    createdAt: span.createdAt,
  };
}

/** Applies `ops`; returns the new sorted spans, the delta, and the ops that undo them (in order). */
export function applyLocal(
  spans: readonly Span[],
  ops: readonly AnnotationOp[],
  ctx: LocalContext,
): { spans: Span[]; delta: SpanDelta; inverse: AnnotationOp[] } {
  const byId = new Map(spans.map((s) => [s.id, s]));
  const delta: SpanDelta = { added: [], removed: [], updated: [] };
  const inverse: AnnotationOp[] = [];
  for (const op of ops) {
    if (op.kind === 'add-span') {
      const span = spanFromDraft(op.span, ctx);
      byId.set(span.id, span);
      delta.added.push(span);
      inverse.unshift({ kind: 'remove-span', spanId: span.id });
    } else if (op.kind === 'remove-span') {
      const span = byId.get(op.spanId);
      if (span === undefined) continue;
      byId.delete(op.spanId);
      delta.removed.push(op.spanId);
      inverse.unshift({ kind: 'add-span', span: draftOf(span) });
    } else {
      const span = byId.get(op.spanId);
      if (span === undefined) continue;
      const before = { label: span.label, note: span.note, attributes: span.attributes };
      const changed: Span = { ...span, ...op.changes, updatedAt: ctx.now };
      byId.set(span.id, changed);
      delta.updated.push(changed);
      const undoChanges = Object.fromEntries(
        Object.keys(op.changes).map((key) => [key, before[key as keyof typeof before]]),
      );
      inverse.unshift({ kind: 'update-span', spanId: span.id, changes: undoChanges });
    }
  }
  return { spans: [...byId.values()].sort(compareSpans), delta, inverse };
}
