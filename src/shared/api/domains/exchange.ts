// Contract methods that move annotations in and out of the workspace (shared layer): exporting a selection
// of documents, layers and labels to one of the annotation formats, previewing and committing an import of
// annotated files into a layer, and cancelling long work (which then leaves nothing half-written).
import { z } from 'zod';
import { annotationFormats, importableFormats, type ExportWarning } from '../../formats/annotations/bundle';
import {
  MAX_IMPORT_FILES,
  docIdSchema,
  documentStatusSchema,
  idString,
  type DocumentSummary,
  type LabelSchema,
} from '../../model';
import { method } from '../define';
import { importFileSchema } from './documents';
import { taskIdSchema } from './tasks';

export { taskIdSchema };

export const documentSelectionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('all') }).strict(),
  z.object({ kind: z.literal('ids'), ids: z.array(docIdSchema).min(1).max(100_000) }).strict(),
  z.object({ kind: z.literal('status'), statuses: z.array(documentStatusSchema).min(1).max(4) }).strict(),
]);

export const exportRequestSchema = z
  .object({
    format: z.enum(annotationFormats),
    /** Layers to export; empty means every layer. */
    layers: z.array(idString).max(1000),
    /** Labels to export; empty means every label. */
    labels: z.array(idString).max(200),
    documents: documentSelectionSchema,
    /** download: the bytes come back (browser mode); save-dialog: main asks where and writes the file. */
    destination: z.enum(['download', 'save-dialog']),
    taskId: taskIdSchema,
  })
  .strict();

export type ExportRequest = z.infer<typeof exportRequestSchema>;
export type DocumentSelection = z.infer<typeof documentSelectionSchema>;

export interface ExportResult {
  fileName: string;
  mimeType: string;
  /** The file itself, for a download (absent when main saved it, or when the analyst cancelled the dialog). */
  dataBase64?: string;
  /** Where main saved it (save-dialog); null when the analyst closed the dialog without choosing. */
  savedTo?: string | null;
  documents: number;
  spans: number;
  relations: number;
  offsetUnit: string;
  /** What the format cannot hold at all, and what this export had to leave out. */
  limitations: string[];
  warnings: ExportWarning[];
}

export const importAnnotationsRequestSchema = z
  .object({
    format: z.enum(importableFormats),
    /** The layer (analyst name or id) the annotations go into; created, with an analyst, if absent. */
    layer: z.string().trim().min(1).max(80),
    files: z.array(importFileSchema).min(1).max(MAX_IMPORT_FILES),
    taskId: taskIdSchema.optional(),
  })
  .strict();

export type ImportAnnotationsRequest = z.infer<typeof importAnnotationsRequestSchema>;

/** What an import does (or did) to one document's layer. */
export interface ImportedDocument {
  title: string;
  /** How the file's document was found: same text (sha256), re-anchored on a changed text, or new. */
  match: 'sha256' | 'reanchored' | 'new';
  docId: string | null;
  layer: string;
  spans: number;
  relations: number;
  added: number;
  removed: number;
  relabelled: number;
  updated: number;
  /** Spans that could not be placed on the workspace's text (re-anchoring failed), with their quotes. */
  unplaced: { label: string; quote: string; reason: string }[];
}

export interface ImportAnnotationsReport {
  format: string;
  /** True for import:preview (nothing was written). */
  preview: boolean;
  documents: ImportedDocument[];
  /** Layers the file brought, as they will be (were) named in the workspace. */
  layers: string[];
  /** Labels and relation types the schema gained to hold the file's annotations. */
  schemaAdditions: string[];
  warnings: string[];
  totals: { added: number; removed: number; relabelled: number; updated: number; unplaced: number };
  summaries: DocumentSummary[];
  labelSchema?: LabelSchema;
}

/** What the export dialog says about each format (from the codecs table, so it never disagrees with it). */
export interface FormatInfo {
  format: string;
  title: string;
  offsetUnit: string;
  limitations: string[];
  multiFile: boolean;
  importable: boolean;
}

export const exchangeMethods = {
  'formats:list': method(z.object({}).strict()).returns<FormatInfo[]>(),
  'export:run': method(exportRequestSchema).returns<ExportResult>(),
  'import:preview': method(importAnnotationsRequestSchema).returns<ImportAnnotationsReport>(),
  'import:commit': method(importAnnotationsRequestSchema).returns<ImportAnnotationsReport>(),
  'task:cancel': method(z.object({ taskId: taskIdSchema }).strict()).returns<{ cancelled: boolean }>(),
};
