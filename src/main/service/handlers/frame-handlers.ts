// Service handlers for who said what across the corpus (src/main): the frames of chosen layers and
// documents, built by the same shared function as the claims table of one document and frames.csv.
import { documentFrames, ownEntry, type FrameRow } from '@shared/model';
import type { ServiceHandlers } from '../dispatch';
import { forEachDocument } from '../corpus';
import type { ServiceContext } from '../service-context';

type FrameHandlers = Pick<ServiceHandlers, 'frames:list'>;

export function frameHandlers(ctx: ServiceContext): FrameHandlers {
  return {
    'frames:list': async ({ layers, docIds }) => {
      const wanted = layers.length > 0 ? layers : [ctx.requireLocal()];
      const schema = ctx.store.workspace().labelSchema;
      const chosen = docIds === undefined ? null : new Set<string>(docIds);
      const summaries = ctx.store.documents().filter((s) => chosen === null || chosen.has(s.id));
      const rows: FrameRow[] = [];
      const skipped = await forEachDocument(
        ctx.store,
        (doc) => {
          for (const layerId of wanted) {
            const layer = ownEntry(doc.layers, layerId);
            if (layer !== undefined) rows.push(...documentFrames(doc, layerId, layer, schema));
          }
        },
        summaries,
      );
      return { rows, skipped };
    },
  };
}
