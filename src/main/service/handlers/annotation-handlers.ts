// Service handlers that change annotations (src/main): a batch of ops on the analyst's own layer (or gold), applied
// all-or-nothing and saved durably (one journal append, see src/main/store/live-document.ts), then announced to
// the other windows with the revision it produced.
import { WorkbenchError } from '@shared/api';
import { GOLD_LAYER } from '@shared/model';
import type { ServiceHandlers } from '../dispatch';
import type { ServiceContext } from '../service-context';

type AnnotationHandlers = Pick<ServiceHandlers, 'annotations:apply'>;

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
      const { summary, revision, delta } = await ctx.store.applyAnnotations(docId, {
        layer,
        ops,
        by: annotator,
        at: ctx.now().toISOString(),
        startStatusOf: layer === GOLD_LAYER ? GOLD_LAYER : annotator,
      });
      ctx.events.publish(
        { kind: 'annotations-changed', docId, layer, delta, revision, summary, by: annotator },
        caller.clientId,
      );
      return { summary, revision, delta };
    },
  };
}
