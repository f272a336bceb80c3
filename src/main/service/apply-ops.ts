// Applies a batch of annotation operations to a draft document in main (src/main), through the shared
// operations module: every op is checked against the label schema and the canonical text, and the first bad
// op refuses the whole batch (the module rolls it back, and the store saves only drafts that did not throw).
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
