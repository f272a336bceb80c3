// The one typed contract between the renderer and main (shared layer). Preload, the ipcMain binding, the HTTP
// host and the renderer client are all derived from this table, so adding a method touches only this file and
// the service. Each method has a runtime request schema (main validates every request) and a response type.
import { z } from 'zod';
import {
  annotatorIdSchema,
  docIdSchema,
  documentStatusSchema,
  idString,
  layerIdSchema,
  spanIdSchema,
  type Annotator,
  type DocumentRecord,
  type DocumentSummary,
  type LabelSchema,
  type Span,
} from '../model';
import type { MethodName } from './methods';

/** Largest single import file (bytes, before base64). */
export const MAX_IMPORT_FILE_BYTES = 32 * 1024 * 1024;
/** Largest number of files in one import request. */
export const MAX_IMPORT_FILES = 200;
/** Largest serialized request body the hosts accept (bytes). */
export const MAX_REQUEST_BYTES = 48 * 1024 * 1024;
export const MAX_OPS_PER_REQUEST = 5000;

const base64Limit = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const importFileSchema = z.object({
  name: z.string().min(1).max(1000),
  /** File content, base64-encoded (works over both IPC and HTTP). */
  dataBase64: z.string().max(base64Limit, 'file is larger than 32 MiB'),
});

export const spanDraftSchema = z.object({
  id: spanIdSchema,
  label: idString,
  start: z.number().int().nonnegative(),
  end: z.number().int().positive(),
  note: z.string().max(10_000).optional(),
  attributes: z.record(idString, z.string().max(200)).optional(),
  /** Kept when a removed span is restored (undo of delete), so its history survives. */
  createdAt: z.string().datetime({ offset: true }).optional(),
});

export const annotationOpSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('add-span'), span: spanDraftSchema }),
  z.object({ kind: z.literal('remove-span'), spanId: spanIdSchema }),
  z.object({
    kind: z.literal('update-span'),
    spanId: spanIdSchema,
    changes: z
      .object({
        label: idString.optional(),
        note: z.string().max(10_000).optional(),
        attributes: z.record(idString, z.string().max(200)).optional(),
      })
      .strict(),
  }),
]);

export type ImportFile = z.infer<typeof importFileSchema>;
export type SpanDraft = z.infer<typeof spanDraftSchema>;
export type AnnotationOp = z.infer<typeof annotationOpSchema>;

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
