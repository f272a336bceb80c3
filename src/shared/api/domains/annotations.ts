// Contract methods that change annotations: a batch of span and relation operations on one layer, applied
// all-or-nothing by main with the shared operations module (shared layer).
import { z } from 'zod';
import {
  MAX_OPS_PER_REQUEST,
  annotationOpSchema,
  docIdSchema,
  layerIdSchema,
  type DocumentSummary,
  type LayerDelta,
} from '../../model';
import { method } from '../define';

export interface ApplyResult {
  summary: DocumentSummary;
  /** The document's revision after this change; events about later changes carry higher ones. */
  revision: number;
  /** What changed, as stored: quotes and context computed by main from the canonical text. */
  delta: LayerDelta;
}

export const annotationMethods = {
  'annotations:apply': method(
    z
      .object({
        docId: docIdSchema,
        layer: layerIdSchema,
        ops: z.array(annotationOpSchema).min(1).max(MAX_OPS_PER_REQUEST),
      })
      .strict(),
  ).returns<ApplyResult>(),
};
