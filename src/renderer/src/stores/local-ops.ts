// Applies annotation operations to the renderer's copy of a layer (src/renderer/stores) through the shared
// operations module, exactly as main does on save, and returns each batch's inverse for undo.
import type { AnnotationOp } from '@shared/api';
import {
  LayerIndex,
  applyOps,
  compareSpans,
  type AnnotatorId,
  type LabelSchema,
  type LayerDelta,
  type Relation,
  type Span,
} from '@shared/model';

export interface LocalContext {
  text: string;
  schema: LabelSchema;
  annotator: AnnotatorId;
  now: string;
}

export { compareSpans };

/** Applies `ops` to copies of the spans and relations; returns them, the delta and the undoing ops. */
export function applyLocal(
  spans: readonly Span[],
  relations: readonly Relation[],
  ops: readonly AnnotationOp[],
  ctx: LocalContext,
): { spans: Span[]; relations: Relation[]; delta: LayerDelta; inverse: AnnotationOp[] } {
  const index = new LayerIndex({ spans: [...spans], relations: [...relations] });
  const { delta, inverse } = applyOps(index, ops, ctx);
  const layer = index.toLayer();
  return { spans: layer.spans, relations: layer.relations, delta, inverse };
}
