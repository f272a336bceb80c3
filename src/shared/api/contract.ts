// The one typed contract between the renderer and main (shared layer). Preload, the ipcMain binding, the HTTP
// host and the renderer client are all derived from this table, so adding a method touches only this file and
// the service. Each method has a runtime request schema (main validates every request) and a response type.
import { z } from 'zod';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  MAX_OPS_PER_REQUEST,
  annotationOpSchema,
  annotatorIdSchema,
  docIdSchema,
  documentStatusSchema,
  layerIdSchema,
  type Annotator,
  type DocumentRecord,
  type DocumentSummary,
  type LabelSchema,
  type Span,
} from '../model';
import type { MethodName } from './methods';

export {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  MAX_OPS_PER_REQUEST,
  MAX_REQUEST_BYTES,
  annotationOpSchema,
  spanDraftSchema,
  type AnnotationOp,
  type SpanDraft,
} from '../model';

const base64Limit = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const importFileSchema = z.object({
  name: z.string().min(1).max(1000),
  /** File content, base64-encoded (works over both IPC and HTTP). */
  dataBase64: z.string().max(base64Limit, 'file is larger than 32 MiB'),
});

export type ImportFile = z.infer<typeof importFileSchema>;

/** A file the store could not load; it was copied to quarantine/ and left untouched in place. */
export interface StoreProblem {
  file: string;
  reason: string;
  quarantinedAs: string;
  lastBackup: string | null;
}

export interface WorkspaceView {
  path: string;
  labelSchema: LabelSchema;
  annotators: Annotator[];
  localAnnotator: Annotator | null;
  documents: DocumentSummary[];
  problems: StoreProblem[];
}

export interface ImportReport {
  imported: DocumentSummary[];
  duplicates: { file: string; title: string; existingId: string; existingTitle: string }[];
  rejected: { file: string; message: string; line?: number }[];
}

export interface ApplyResult {
  summary: DocumentSummary;
  /** The spans as stored (quote and context computed by main), for every added or updated span. */
  spans: Span[];
}

const applyRequestSchema = z
  .object({
    docId: docIdSchema,
    layer: layerIdSchema,
    ops: z.array(annotationOpSchema).min(1).max(MAX_OPS_PER_REQUEST),
  })
  .strict();

const setStatusRequestSchema = z
  .object({ docId: docIdSchema, annotator: annotatorIdSchema, status: documentStatusSchema })
  .strict();

const method = <Req extends z.ZodType, Res>(request: Req) => ({
  request,
  response: undefined as unknown as Res,
});

export const contract = {
  'workspace:get': method<z.ZodObject<Record<string, never>>, WorkspaceView>(z.object({}).strict()),
  'annotator:set-local': method<z.ZodObject<{ name: z.ZodString }>, WorkspaceView>(
    z.object({ name: z.string().trim().min(1, 'name is empty').max(80) }).strict(),
  ),
  'document:get': method<z.ZodObject<{ docId: typeof docIdSchema }>, DocumentRecord>(
    z.object({ docId: docIdSchema }).strict(),
  ),
  'documents:import': method<z.ZodObject<{ files: z.ZodArray<typeof importFileSchema> }>, ImportReport>(
    z.object({ files: z.array(importFileSchema).min(1).max(MAX_IMPORT_FILES) }).strict(),
  ),
  'annotations:apply': method<typeof applyRequestSchema, ApplyResult>(applyRequestSchema),
  'document:set-status': method<typeof setStatusRequestSchema, DocumentSummary>(setStatusRequestSchema),
} satisfies Record<MethodName, { request: z.ZodType; response: unknown }>;

export type Contract = typeof contract;
/** What a caller passes (before validation transforms it). */
export type RequestOf<M extends MethodName> = z.input<Contract[M]['request']>;
/** What main receives after validation. */
export type ValidRequestOf<M extends MethodName> = z.output<Contract[M]['request']>;
export type ResponseOf<M extends MethodName> = Contract[M]['response'];
