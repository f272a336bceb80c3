// Documents, spans, relations and layers: the core of the data model (shared layer, pure).
// Offsets are UTF-16 code units over the canonical text, start inclusive, end exclusive (docs/architecture.md).
import { z } from 'zod';
import {
  annotatorIdSchema,
  docIdSchema,
  idString,
  layerIdSchema,
  relationIdSchema,
  spanIdSchema,
} from './ids';

/** Largest canonical text we accept for one document (UTF-16 code units). */
export const MAX_DOCUMENT_CHARS = 10 * 1024 * 1024;
export const MAX_SPANS_PER_LAYER = 200_000;
export const CONTEXT_CHARS = 32;

const isoDate = z.string().datetime({ offset: true });

export const lineEndingStyles = ['lf', 'crlf', 'cr', 'mixed', 'none'] as const;

/** How the original file differed from the canonical text, so exports can target the original offsets. */
export const importInfoSchema = z.object({
  sourceName: z.string().max(1000),
  format: z.enum(['txt', 'md', 'html', 'jsonl', 'sample']),
  encoding: z.literal('utf-8'),
  hadBom: z.boolean(),
  lineEndings: z.enum(lineEndingStyles),
  /** Canonical offsets (UTF-16) at which a removed '\r' stood before the '\n' (CRLF) or was replaced by '\n' (CR). */
  crlfAt: z.array(z.number().int().nonnegative()),
  crAt: z.array(z.number().int().nonnegative()),
  importedAt: isoDate,
});

export const metaSchema = z.record(
  z.string().max(200),
  z.union([z.string().max(10_000), z.number(), z.boolean()]),
);

export const spanSchema = z.object({
  id: spanIdSchema,
  label: idString,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  quote: z.string(),
  prefix: z.string().max(CONTEXT_CHARS),
  suffix: z.string().max(CONTEXT_CHARS),
  attributes: z.record(idString, z.string().max(200)).default({}),
  note: z.string().max(10_000).default(''),
  createdBy: annotatorIdSchema,
  createdAt: isoDate,
  updatedAt: isoDate,
});

export const relationSchema = z.object({
  id: relationIdSchema,
  type: idString,
  from: spanIdSchema,
  to: spanIdSchema,
  note: z.string().max(10_000).default(''),
  createdBy: annotatorIdSchema,
  createdAt: isoDate,
});

export const layerSchema = z.object({
  spans: z.array(spanSchema).max(MAX_SPANS_PER_LAYER),
  relations: z.array(relationSchema).max(MAX_SPANS_PER_LAYER),
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
  status: z.record(idString, documentStatusSchema),
  layers: z.record(layerIdSchema, layerSchema),
  /** Incremented on every saved change; lets the index detect that it is stale. */
  revision: z.number().int().nonnegative(),
});

export type ImportInfo = z.infer<typeof importInfoSchema>;
export type DocumentMeta = z.infer<typeof metaSchema>;
export type Span = z.infer<typeof spanSchema>;
export type Relation = z.infer<typeof relationSchema>;
export type Layer = z.infer<typeof layerSchema>;
export type DocumentStatus = z.infer<typeof documentStatusSchema>;
export type DocumentRecord = z.infer<typeof documentRecordSchema>;
