// Document files on disk: the adapter for `documents/<docId>.json`, loading a document (its file, then its
// journal replayed on top) and the one-read-per-file scan on open (src/main). The scan sorts files into loaded
// documents, damaged ones (with a precise reason) and temp files left behind by a writer that crashed mid-write.
import { join } from 'node:path';
import { isValidId, type DocumentRecord } from '@shared/model';
import { DurableJsonFile, JsonFileError, TEMP_FILE_PATTERN, readJsonFile } from './durable-json-file';
import { errnoCode, type FileIO } from './file-io';
import { readJournal, type JournalContents } from './journal-file';
import { documentPath, journalPath, type WorkspaceLayout } from './layout';
import { LiveDocument } from './live-document';
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

/** What the store knows of a document's journal file without reading it again. */
export interface JournalState {
  exists: boolean;
  /** Lines in the file (entries already in the document file included) and its size. */
  entries: number;
  bytes: number;
  /** False when the file may end in a torn line: it must be compacted away before anything is appended. */
  clean: boolean;
}

export const NO_JOURNAL: JournalState = Object.freeze({ exists: false, entries: 0, bytes: 0, clean: true });

export interface LoadedDocument {
  id: string;
  /** The document with its journal replayed (`live.record`). */
  doc: DocumentRecord;
  live: LiveDocument;
  journal: JournalState;
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
  /** Documents left unread because their index entry still stands for the file (see document-stamps.ts). */
  trusted: string[];
}

/** Whether a document without a journal may stay unread on open (its file is as it was when last stamped). */
export type TrustFile = (id: string) => Promise<boolean>;

const READ_CONCURRENCY = 8;

/**
 * Reads every `documents/<id>.json` once, except the file names in `skip` (an unfinished batch) and the
 * documents without a journal that `trust` lets stay unread. A missing documents folder is an empty workspace.
 */
export async function scanDocuments(
  ctx: DocumentFileContext,
  skip: ReadonlySet<string> = new Set(),
  trust: TrustFile = async () => false,
): Promise<DocumentScan> {
  const { io, layout } = ctx;
  let names: string[];
  try {
    names = await io.readdir(layout.documentsDir);
  } catch (error) {
    if (errnoCode(error) === 'ENOENT') return { loaded: [], damaged: [], tempFiles: [], trusted: [] };
    throw error;
  }
  const scan: DocumentScan = { loaded: [], damaged: [], tempFiles: [], trusted: [] };
  const ids: string[] = [];
  const journals = new Set<string>();
  for (const name of names.sort().filter((entry) => !skip.has(entry))) {
    if (TEMP_FILE_PATTERN.test(name)) scan.tempFiles.push(join(layout.documentsDir, name));
    else if (name.endsWith('.json') && isValidId(name.slice(0, -5))) ids.push(name.slice(0, -5));
    else if (name.endsWith('.journal')) journals.add(name.slice(0, -8));
  }
  const results = new Array<LoadedDocument | DamagedDocument | string>(ids.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < ids.length) {
      const index = next++;
      const id = ids[index] as string;
      results[index] = !journals.has(id) && (await trust(id)) ? id : await loadOne(ctx, id);
    }
  };
  await Promise.all(Array.from({ length: Math.min(READ_CONCURRENCY, ids.length) }, worker));
  for (const result of results) {
    if (typeof result === 'string') scan.trusted.push(result);
    else if ('doc' in result) scan.loaded.push(result);
    else scan.damaged.push(result);
  }
  return scan;
}

async function loadOne(ctx: DocumentFileContext, id: string): Promise<LoadedDocument | DamagedDocument> {
  const path = documentPath(ctx.layout, id);
  try {
    return (
      (await loadDocument(ctx, id)) ?? {
        id,
        path,
        reason: 'the file disappeared while the workspace was opening',
        newer: false,
      }
    );
  } catch (error) {
    return describeLoadFailure(id, path, error);
  }
}

/**
 * Reads a document file and replays its journal; null when the file does not exist. Throws JsonFileError
 * (naming the journal when the damage is there) or the check's Error when something is wrong.
 */
export async function loadDocument(ctx: DocumentFileContext, id: string): Promise<LoadedDocument | null> {
  const raw = await readJsonFile(ctx.io, documentPath(ctx.layout, id), ctx.maxBytes);
  if (raw === null) return null;
  const live = new LiveDocument(decodeDocument(raw, id, ctx.check));
  const path = journalPath(ctx.layout, id);
  const contents = await readJournal(ctx.io, path, ctx.maxBytes);
  if (contents !== null && replay(live, contents, path) > 0) {
    // The entries were checked when they were saved; the whole document is checked again on load all the same.
    const problem = ctx.check(live.record);
    if (problem !== null) throw new JsonFileError(path, 'invalid-content', `after replay: ${problem}`);
  }
  const journal = contents
    ? { exists: true, entries: contents.entries.length, bytes: contents.bytes, clean: !contents.torn }
    : NO_JOURNAL;
  return { id, doc: live.record, live, journal, migrated: needsMigration(raw, documentMigrations) };
}

/** Applies the entries newer than the document file, which must follow its revision one by one. */
function replay(live: LiveDocument, contents: JournalContents, path: string): number {
  let applied = 0;
  for (const [index, entry] of contents.entries.entries()) {
    if (entry.rev <= live.revision && applied === 0) continue;
    if (entry.rev !== live.revision + 1) {
      throw new JsonFileError(
        path,
        'invalid-content',
        `line ${index + 1}: revision ${entry.rev} does not follow revision ${live.revision}`,
      );
    }
    live.replay(entry);
    applied += 1;
  }
  return applied;
}

/** The damaged file is the one the error names (the journal, when the damage is there), else `path`. */
export function describeLoadFailure(id: string, path: string, error: unknown): DamagedDocument {
  if (error instanceof JsonFileError) path = error.file;
  const cause = error instanceof JsonFileError ? error.cause : error;
  if (cause instanceof NewerSchemaError) {
    return { id, path, reason: `written by a newer Tagwright (${cause.message})`, newer: true };
  }
  const reason =
    error instanceof JsonFileError ? error.reason : error instanceof Error ? error.message : String(error);
  return { id, path, reason, newer: false };
}
