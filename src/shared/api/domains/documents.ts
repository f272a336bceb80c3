// Contract methods about documents: reading one, importing files, and the analyst's status (shared layer).
import { z } from 'zod';
import {
  MAX_IMPORT_FILE_BYTES,
  MAX_IMPORT_FILES,
  annotatorIdSchema,
  docIdSchema,
  documentStatusSchema,
  type DocumentRecord,
  type DocumentSummary,
} from '../../model';
import { method } from '../define';

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

export const documentMethods = {
  'document:get': method(z.object({ docId: docIdSchema }).strict()).returns<DocumentRecord>(),
  'documents:import': method(
    z.object({ files: z.array(importFileSchema).min(1).max(MAX_IMPORT_FILES) }).strict(),
  ).returns<ImportReport>(),
  'document:set-status': method(
    z.object({ docId: docIdSchema, annotator: annotatorIdSchema, status: documentStatusSchema }).strict(),
  ).returns<DocumentSummary>(),
};
