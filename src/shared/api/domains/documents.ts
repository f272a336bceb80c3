// Contract methods about documents: reading one, importing files (with progress and Cancel), the analyst's
// status, renaming, metadata, and deleting into the workspace's trash and restoring from it (shared layer).
import { z } from 'zod';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  annotatorIdSchema,
  docIdSchema,
  documentStatusSchema,
  metaSchema,
  type DocumentRecord,
  type DocumentSummary,
} from '../../model';
import { method } from '../define';
import { taskIdSchema } from './tasks';

const base64Limit = Math.ceil(MAX_IMPORT_FILE_BYTES / 3) * 4;

export const importFileSchema = z
  .object({
    name: z.string().min(1).max(1000),
    /** File content, base64-encoded (works over both IPC and HTTP). */
    dataBase64: z.string().max(base64Limit, 'file is larger than 32 MiB'),
  })
  .strict();

export type ImportFile = z.infer<typeof importFileSchema>;

export interface ImportReport {
  imported: DocumentSummary[];
  duplicates: { file: string; title: string; existingId: string; existingTitle: string }[];
  rejected: { file: string; message: string; line?: number }[];
}

/** A document in the trash: enough to list it and restore it. */
export interface TrashedDocument {
  id: string;
  title: string;
  chars: number;
  deletedAt: string;
  deletedBy: string;
}

const titleSchema = z.string().trim().min(1, 'the title is empty').max(500);

export const documentMethods = {
  'document:get': method(z.object({ docId: docIdSchema }).strict()).returns<DocumentRecord>(),
  'documents:import': method(
    z
      .object({
        files: z.array(importFileSchema).min(1).max(MAX_IMPORT_FILES),
        taskId: taskIdSchema.optional(),
      })
      .strict(),
  ).returns<ImportReport>(),
  'document:set-status': method(
    z.object({ docId: docIdSchema, annotator: annotatorIdSchema, status: documentStatusSchema }).strict(),
  ).returns<DocumentSummary>(),
  'document:rename': method(
    z.object({ docId: docIdSchema, title: titleSchema }).strict(),
  ).returns<DocumentSummary>(),
  /** Replaces the document's metadata (source, date, url…); the text and annotations stay as they are. */
  'document:set-meta': method(
    z.object({ docId: docIdSchema, meta: metaSchema }).strict(),
  ).returns<DocumentRecord>(),
  /** Moves the document to the workspace's trash/ folder; `document:restore` brings it back. */
  'document:delete': method(z.object({ docId: docIdSchema }).strict()).returns<TrashedDocument>(),
  'document:restore': method(z.object({ docId: docIdSchema }).strict()).returns<DocumentSummary>(),
  'trash:list': method(z.object({}).strict()).returns<TrashedDocument[]>(),
};
