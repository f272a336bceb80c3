// Review comment threads stay on tags that exist (src/main): a thread goes with the span or relation it is
// on, as a span's relations go with the span. Annotation saves are journal appends that carry no comments,
// so the threads a batch would orphan are removed by a document write before the batch is appended.
import type { AnnotationOp } from '@shared/api';
import { ownEntry, type DocumentRecord, type LayerId } from '@shared/model';

/** Removes the comments on spans or relations of `layerId` that the layer no longer holds. */
export function dropOrphanComments(doc: DocumentRecord, layerId: LayerId): void {
  const layer = ownEntry(doc.layers, layerId);
  const spans = new Set<string>(layer?.spans.map((span) => span.id));
  const relations = new Set<string>(layer?.relations.map((relation) => relation.id));
  doc.comments = doc.comments.filter(
    ({ target }) => target.layer !== layerId || (target.kind === 'span' ? spans : relations).has(target.id),
  );
}

/** Whether `ops` can orphan a comment at all: only removing a span or a relation can. */
export function mayOrphanComments(ops: readonly AnnotationOp[]): boolean {
  return ops.some((op) => op.kind === 'remove-span' || op.kind === 'remove-relation');
}

/** The ids of the comments on tags of `layerId` that `ops` remove (a removed span takes its relations). */
export function commentsOrphanedBy(
  doc: Readonly<DocumentRecord>,
  layerId: LayerId,
  ops: readonly AnnotationOp[],
): Set<string> {
  const spans = new Set<string>(ops.flatMap((op) => (op.kind === 'remove-span' ? [op.spanId] : [])));
  const relations = new Set<string>(
    ops.flatMap((op) => (op.kind === 'remove-relation' ? [op.relationId] : [])),
  );
  for (const relation of ownEntry(doc.layers, layerId)?.relations ?? [])
    if (spans.has(relation.from) || spans.has(relation.to)) relations.add(relation.id);
  return new Set(
    doc.comments
      .filter(
        ({ target }) =>
          target.layer === layerId && (target.kind === 'span' ? spans : relations).has(target.id),
      )
      .map((comment) => comment.id),
  );
}
