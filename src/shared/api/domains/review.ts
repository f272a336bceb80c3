// Contract methods of review (shared layer): agreement figures between layers (the same report the CLI prints
// and the UI shows), the disagreements behind any figure, the compare counts per document, rejecting proposals
// while adjudicating into gold, and comment threads on spans and relations.
import { z } from 'zod';
import {
  agreementMetrics,
  type AgreementReport,
  type ComparisonCounts,
  type Disagreement,
} from '../../agreement';
import {
  MAX_COMMENT_CHARS,
  MAX_NOTE_CHARS,
  docIdSchema,
  idString,
  layerIdSchema,
  type Comment,
  type DocumentSummary,
} from '../../model';
import { method } from '../define';
import { taskIdSchema } from './exchange';

const layerPair = z.array(idString).min(2).max(20);

export const figureAddressSchema = z
  .object({
    metric: z.enum(agreementMetrics),
    layers: layerPair,
    label: idString.optional(),
    relationType: idString.optional(),
    documentId: docIdSchema.optional(),
  })
  .strict();

export const proposalSchema = z.object({ layer: layerIdSchema, id: idString }).strict();

export interface CompareSummary {
  a: string;
  b: string;
  documents: {
    docId: string;
    counts: ComparisonCounts;
    /** Items (pairs and lone spans) to decide, and how many of them are settled in gold. */
    items: number;
    settled: number;
    /** Disagreements (items other than matches) not settled yet: what "next disagreement" visits. */
    openDisagreements: number;
  }[];
}

export const reviewMethods = {
  'review:agreement': method(
    z
      .object({ layers: layerPair, labels: z.array(idString).max(200), taskId: taskIdSchema.optional() })
      .strict(),
  ).returns<AgreementReport>(),
  'review:disagreements': method(z.object({ address: figureAddressSchema }).strict()).returns<
    Disagreement[]
  >(),
  'review:compare': method(
    z.object({ a: layerIdSchema, b: layerIdSchema, taskId: taskIdSchema.optional() }).strict(),
  ).returns<CompareSummary>(),
  /** Rejects (or takes back the rejection of) proposals of a document, with an optional reason. */
  'review:decide': method(
    z
      .object({
        docId: docIdSchema,
        reject: z.array(proposalSchema).max(1000),
        unreject: z.array(proposalSchema).max(1000),
        reason: z.string().max(MAX_NOTE_CHARS),
      })
      .strict(),
  ).returns<{ summary: DocumentSummary; revision: number }>(),
  'comments:add': method(
    z
      .object({
        docId: docIdSchema,
        target: z.object({ layer: layerIdSchema, kind: z.enum(['span', 'relation']), id: idString }).strict(),
        text: z.string().trim().min(1, 'the comment is empty').max(MAX_COMMENT_CHARS),
      })
      .strict(),
  ).returns<Comment[]>(),
  'comments:remove': method(z.object({ docId: docIdSchema, commentId: idString }).strict()).returns<
    Comment[]
  >(),
};
