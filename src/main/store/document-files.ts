// Document files on disk: the adapter for `documents/<docId>.json` and the one-read-per-file scan on open
// (src/main). The scan sorts files into loaded documents, damaged ones (with a precise reason) and temp files
// left behind by a writer that crashed mid-write.
import { join } from 'node:path';
import { isValidId, type DocumentRecord } from '@shared/model';
import { DurableJsonFile, JsonFileError, TEMP_FILE_PATTERN, readJsonFile } from './durable-json-file';
import { errnoCode, type FileIO } from './file-io';
import { documentPath, type WorkspaceLayout } from './layout';
import { documentMigrations, needsMigration, NewerSchemaError } from './migrations';
import { decodeDocument, type DocumentCheck } from './validation';

/** What reading a document file needs: where, how large it may be, and its semantic check. */
export interface DocumentFileContext {
  io: FileIO;
  layout: WorkspaceLayout;
  maxBytes: number;
  check: DocumentCheck;
}

export function documentAdapter(
  ctx: DocumentFileContext,
  id: string,
): DurableJsonFile<DocumentRecord | null> {
  return new DurableJsonFile<DocumentRecord | null>(documentPath(ctx.layout, id), {
    io: ctx.io,
    maxBytes: ctx.maxBytes,
    decode: (raw) => decodeDocument(raw, id, ctx.check),
  });
}

export interface LoadedDocument {
  id: string;
  doc: DocumentRecord;
  /** The file is an older schema version; it was migrated in memory and should be rewritten (after a backup). */
  migrated: boolean;
}

export interface DamagedDocument {
  id: string;
  path: string;
  reason: string;
  /** True when the file is intact but written by a newer Tagwright. */
  newer: boolean;
}

export interface DocumentScan {
  loaded: LoadedDocument[];
  damaged: DamagedDocument[];
  tempFiles: string[];
}

const READ_CONCURRENCY = 8;

/** Reads every `documents/<id>.json` once. A missing documents folder is an empty workspace. */
export async function scanDocuments(ctx: DocumentFileContext): Promise<DocumentScan> {
  const { io, layout } = ctx;
  let names: string[];
  try {
    names = await io.readdir(layout.documentsDir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { loaded: [], damaged: [], tempFiles: [] };
    throw error;
  }
  const scan: DocumentScan = { loaded: [], damaged: [], tempFiles: [] };
  const ids: string[] = [];
  for (const name of names.sort()) {
    if (TEMP_FILE_PATTERN.test(name)) scan.tempFiles.push(join(layout.documentsDir, name));
    else if (name.endsWith('.json') && isValidId(name.slice(0, -5))) ids.push(name.slice(0, -5));
  }
  const results = new Array<LoadedDocument | DamagedDocument>(ids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      results[index] = await loadOne(ctx, ids[index] as string);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
  for (const result of results) {
    if ('doc' in result) scan.loaded.push(result);
    else scan.damaged.push(result);
  }
  return scan;
}

async function loadOne(ctx: DocumentFileContext, id: string): Promise<LoadedDocument | DamagedDocument> {
  const path = documentPath(ctx.layout, id);
  try {
    const raw = await readJsonFile(ctx.io, path, ctx.maxBytes);
    if (raw === null)
      return { id, path, reason: 'the file disappeared while the workspace was opening', newer: false };
    return { id, doc: decodeDocument(raw, id, ctx.check), migrated: needsMigration(raw, documentMigrations) };
  } catch (error) {
    return describeLoadFailure(id, path, error);
  }
}

export function describeLoadFailure(id: string, path: string, error: unknown): DamagedDocument {
  const cause = error instanceof JsonFileError ? error.cause : error;
  if (cause instanceof NewerSchemaError) {
    return { id, path, reason: `written by a newer Tagwright (${cause.message})`, newer: true };
  }
  const reason =
    error instanceof JsonFileError ? error.reason : error instanceof Error ? error.message : String(error);
  return { id, path, reason, newer: false };
}
