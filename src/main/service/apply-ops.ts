// Applies a batch of annotation operations to a draft document in main (src/main), for changes that rewrite
// whole documents (actors renamed across the corpus, suggestions written as a layer): every op is checked
// against the label schema and the canonical text through the shared operations module, and the first bad op
// refuses the whole batch. A single save of an analyst's ops goes through the store's journal instead.
import { WorkbenchError, type AnnotationOp } from '@shared/api';
import {
  LayerIndex,
  OpError,
  applyOps,
  ownEntry,
  setEntry,
  type AnnotatorId,
  type DocumentRecord,
  type LabelSchema,
  type LayerDelta,
  type LayerId,
} from '@shared/model';

export interface ApplyContext {
  schema: LabelSchema;
  annotator: AnnotatorId;
  now: string;
}

/** Applies `ops` to `doc.layers[layer]` (created if absent); returns the net change. */
export function applyOpsToDocument(
  doc: DocumentRecord,
  layerId: LayerId,
  ops: readonly AnnotationOp[],
  ctx: ApplyContext,
): LayerDelta {
  const index = new LayerIndex(ownEntry(doc.layers, layerId));
  try {
    const { delta } = applyOps(index, ops, { ...ctx, text: doc.text });
    setEntry(doc.layers, layerId, index.toLayer());
    return delta;
  } catch (error) {
    if (error instanceof OpError) throw new WorkbenchError(error.code, error.message);
    throw error;
  }
}
