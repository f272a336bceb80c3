// Service handlers that change annotations (src/main): a batch of ops on the analyst's own layer (or gold), applied
// all-or-nothing and saved durably (one journal append, see src/main/store/live-document.ts), then announced to
// the other windows with the revision it produced.
import { WorkbenchError } from '@shared/api';
import { GOLD_LAYER, type Comment, type DocId } from '@shared/model';
import { commentsOrphanedBy, mayOrphanComments } from '../comment-threads';
import type { ServiceHandlers } from '../dispatch';
import type { ServiceContext } from '../service-context';

type AnnotationHandlers = Pick<ServiceHandlers, 'annotations:apply'>;

/** Removes the comments with these ids (a document write, before the batch's journal append); returns them. */
async function dropComments(ctx: ServiceContext, docId: DocId, ids: ReadonlySet<string>): Promise<Comment[]> {
  let removed: Comment[] = [];
  await ctx.store.updateDocument(docId, (draft) => {
    removed = draft.comments.filter((c) => ids.has(c.id));
    draft.comments = draft.comments.filter((c) => !ids.has(c.id));
  });
  return removed;
}

export function annotationHandlers(ctx: ServiceContext): AnnotationHandlers {
  return {
    'annotations:apply': async ({ docId, layer, ops }, caller) => {
      const annotator = ctx.requireLocal();
      // Analysts write their own layer, and adjudicate into gold; other analysts' layers are theirs alone.
      if (layer !== annotator && layer !== GOLD_LAYER) {
        throw new WorkbenchError(
          'conflict',
          `You can only edit your own layer (${annotator}) or gold, not "${layer}".`,
        );
      }
      // Only a removal can orphan a comment; a tag's save must not copy or even look at a 50,000-span document.
      const orphaned = mayOrphanComments(ops)
        ? commentsOrphanedBy(await ctx.store.documentSnapshot(docId), layer, ops)
        : new Set<string>();
      const removed = orphaned.size === 0 ? [] : await dropComments(ctx, docId, orphaned);
      const { summary, revision, delta } = await ctx.store
        .applyAnnotations(docId, {
          layer,
          ops,
          by: annotator,
          at: ctx.now().toISOString(),
          startStatusOf: layer === GOLD_LAYER ? GOLD_LAYER : annotator,
        })
        .catch(async (error: unknown) => {
          // The batch was refused: its threads go back (best effort; the document is sound either way).
          if (removed.length > 0)
            await ctx.store
              .updateDocument(docId, (d) => void d.comments.push(...removed))
              .catch(() => undefined);
          throw error;
        });
      ctx.events.publish(
        { kind: 'annotations-changed', docId, layer, delta, revision, summary, by: annotator },
        caller.clientId,
      );
      return { summary, revision, delta };
    },
  };
}
