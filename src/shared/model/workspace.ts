// The workspace index (workspace.json): schema version, label schema, annotators and a derived document index.
// The document files are the truth; the index is rebuilt from them whenever it disagrees (shared layer, pure).
import { z } from 'zod';
import { annotatorIdSchema, docIdSchema, idString } from './ids';
import { documentStatusSchema, metaValueSchema } from './document';
import { labelSchemaSchema } from './label-schema';
import { ownRecord } from './records';

/** 2: the local analyst moved out of the workspace, into each user's preferences. */
export const WORKSPACE_SCHEMA_VERSION = 2;

export const annotatorSchema = z.object({
  id: annotatorIdSchema,
  name: z.string().min(1).max(80),
});

/** Summary of one document as the document list shows it. */
export const documentSummarySchema = z.object({
  id: docIdSchema,
  title: z.string(),
  sha256: z.string(),
  chars: z.number().int().nonnegative(),
  status: ownRecord(idString, documentStatusSchema),
  /** spanCounts[layer][label] = number of spans. */
  spanCounts: ownRecord(idString, ownRecord(idString, z.number().int().nonnegative())),
  revision: z.number().int().nonnegative(),
  importedAt: z.string(),
  /** Which import request brought the document (documents imported together share it). */
  batch: z.string().optional(),
  /** The document's metadata, shortened (see summaryMeta), so the list can show, filter and sort by it. */
  meta: ownRecord(z.string(), metaValueSchema).optional(),
});

export const workspaceFileSchema = z.object({
  schemaVersion: z.literal(WORKSPACE_SCHEMA_VERSION),
  createdAt: z.string(),
  labelSchema: labelSchemaSchema,
  annotators: z.array(annotatorSchema).max(1000),
  documents: z.array(documentSummarySchema),
});

export type Annotator = z.infer<typeof annotatorSchema>;
export type DocumentSummary = z.infer<typeof documentSummarySchema>;
export type WorkspaceFile = z.infer<typeof workspaceFileSchema>;
