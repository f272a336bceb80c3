// Documents, spans, relations and layers: the core of the data model (shared layer, pure).
// Offsets are UTF-16 code units over the canonical text, start inclusive, end exclusive (docs/architecture.md).
import { z } from 'zod';
import {
  annotatorIdSchema,
  commentIdSchema,
  docIdSchema,
  idString,
  layerIdSchema,
  relationIdSchema,
  spanIdSchema,
} from './ids';
import {
  CONTEXT_CHARS,
  MAX_ATTRIBUTE_VALUE_CHARS,
  MAX_COMMENT_CHARS,
  MAX_COMMENTS_PER_DOCUMENT,
  MAX_DOCUMENT_CHARS,
  MAX_NOTE_CHARS,
  MAX_RELATIONS_PER_LAYER,
  MAX_SPANS_PER_LAYER,
} from './limits';
import { ownRecord } from './records';

/** An ISO 8601 date and time with its offset, as every stored time is written. */
export const isoDate = z.string().datetime({ offset: true });

export const importFormats = [
  'txt',
  'md',
  'html',
  'jsonl',
  'sample',
  'native',
  'doccano',
  'labelstudio',
  'brat',
  'w3c',
] as const;

export const lineEndingStyles = ['lf', 'crlf', 'cr', 'mixed', 'none'] as const;

/** How the original file differed from the canonical text, so exports can target the original offsets. */
export const importInfoSchema = z.object({
  sourceName: z.string().max(1000),
  /** The file format the text came from; annotation formats bring their text with them. */
  format: z.enum(importFormats),
  encoding: z.literal('utf-8'),
  hadBom: z.boolean(),
  lineEndings: z.enum(lineEndingStyles),
  /** Canonical offsets (UTF-16) at which a removed '\r' stood before the '\n' (CRLF) or was replaced by '\n' (CR). */
  crlfAt: z.array(z.number().int().nonnegative()),
  crAt: z.array(z.number().int().nonnegative()),
  importedAt: isoDate,
  /** Documents imported together share a batch id (one per import request), for filtering the list. */
  batch: z.string().max(100).optional(),
});

export const metaValueSchema = z.union([z.string().max(10_000), z.number(), z.boolean()]);
export const metaSchema = ownRecord(z.string().max(200), metaValueSchema);

/** Attribute values of a span, keyed by the attribute's id in the label schema. */
export const attributeValueSchema = z.string().max(MAX_ATTRIBUTE_VALUE_CHARS);
export const attributesSchema = ownRecord(idString, attributeValueSchema);

/**
 * Where an adjudicated (gold) span or relation came from: the layers that proposed it (with the id it had
 * there), who decided, when, how and why. Absent on an analyst's own annotations.
 */
export const provenanceSchema = z.object({
  sources: z.array(z.object({ layer: layerIdSchema, id: idString })).max(100),
  /** accepted: taken as one layer had it; merged: several layers agreed; edited: changed while adjudicating. */
  decision: z.enum(['accepted', 'merged', 'edited']),
  decidedBy: annotatorIdSchema,
  decidedAt: isoDate,
  reason: z.string().max(MAX_NOTE_CHARS).default(''),
});

export const spanSchema = z.object({
  id: spanIdSchema,
  label: idString,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
  prefix: z.string().max(CONTEXT_CHARS),
  suffix: z.string().max(CONTEXT_CHARS),
  attributes: attributesSchema.default({}),
  note: z.string().max(MAX_NOTE_CHARS).default(''),
  createdBy: annotatorIdSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
  provenance: provenanceSchema.optional(),
});

export const relationSchema = z.object({
  id: relationIdSchema,
  type: idString,
  from: spanIdSchema,
  to: spanIdSchema,
  note: z.string().max(MAX_NOTE_CHARS).default(''),
  createdBy: annotatorIdSchema,
  createdAt: isoDate,
  provenance: provenanceSchema.optional(),
});

/** One analyst's (or the gold) annotations of a document: spans in text order, relations between them. */
export const layerSchema = z.object({
  spans: z.array(spanSchema).max(MAX_SPANS_PER_LAYER),
  relations: z.array(relationSchema).max(MAX_RELATIONS_PER_LAYER),
});

/** A short remark in a thread on one span or relation of one layer (review discussions). */
export const commentSchema = z.object({
  id: commentIdSchema,
  target: z.object({ layer: layerIdSchema, kind: z.enum(['span', 'relation']), id: idString }),
  author: annotatorIdSchema,
  at: isoDate,
  text: z.string().min(1).max(MAX_COMMENT_CHARS),
});

/** A proposal (a span of some layer) the adjudicator turned down while building the gold layer. */
export const reviewRejectionSchema = z.object({
  layer: layerIdSchema,
  id: idString,
  decidedBy: annotatorIdSchema,
  decidedAt: isoDate,
  reason: z.string().max(MAX_NOTE_CHARS).default(''),
});

/** A suggestion the analyst turned down, remembered so it is not offered again. */
export const rejectedSuggestionSchema = z.object({
  layer: layerIdSchema,
  label: idString,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
});

export const documentStatuses = ['new', 'in-progress', 'done', 'skipped'] as const;
export const documentStatusSchema = z.enum(documentStatuses);

/** One document file on disk (documents/<docId>.json). Layers are keyed by layer id. */
export const documentRecordSchema = z.object({
  schemaVersion: z.literal(1),
  id: docIdSchema,
  title: z.string().min(1).max(500),
  text: z.string().max(MAX_DOCUMENT_CHARS),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  meta: metaSchema,
  import: importInfoSchema,
  /** Per-annotator status of this document. */
  status: ownRecord(idString, documentStatusSchema),
  layers: ownRecord(idString, layerSchema),
  /** Review threads on spans and relations of any layer. */
  comments: z.array(commentSchema).max(MAX_COMMENTS_PER_DOCUMENT).default([]),
  rejectedSuggestions: z.array(rejectedSuggestionSchema).max(MAX_SPANS_PER_LAYER).default([]),
  /** Adjudication: proposals rejected for gold (accepted ones are named by gold's provenance). */
  reviewRejections: z.array(reviewRejectionSchema).max(MAX_SPANS_PER_LAYER).default([]),
  /** Incremented on every saved change; lets the index detect that it is stale. */
  revision: z.number().int().nonnegative(),
});

export type ImportInfo = z.infer<typeof importInfoSchema>;
export type DocumentMeta = z.infer<typeof metaSchema>;
export type Span = z.infer<typeof spanSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Provenance = z.infer<typeof provenanceSchema>;
export type Comment = z.infer<typeof commentSchema>;
export type RejectedSuggestion = z.infer<typeof rejectedSuggestionSchema>;
export type ReviewRejection = z.infer<typeof reviewRejectionSchema>;
export type Layer = z.infer<typeof layerSchema>;
export type DocumentStatus = z.infer<typeof documentStatusSchema>;
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
