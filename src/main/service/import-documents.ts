// Turns imported files into stored documents (src/main). Every file is parsed completely before anything is
// written, so a malformed file imports nothing; texts already in the workspace (same sha256 of the canonical
// text) are reported as duplicates instead of being stored twice; the documents of one request are written
// as one all-or-nothing batch, in file order, with ids that sort in that order.
import { basename } from 'node:path';
import { monotonicFactory } from 'ulid';
import { WorkbenchError, type ImportReport } from '@shared/api';
import type { DocId, DocumentRecord } from '@shared/model';
import { importFile, refuse, type DocumentDraft, type ImportOutcome } from '@shared/formats/import';
import { pauseIfDue } from '../store/sliced-document';
import { sha256Hex } from '../store/validation';
import type { WorkspaceStore } from '../store/workspace-store';
import { JobCancelledError, JobTimeoutError, type JobRunner } from '../workers/job-runner';
import { cancelledError, type Task } from './tasks';

export { sha256Hex };

export interface IncomingFile {
  name: string;
  bytes: Uint8Array;
}

/** Parses one file into drafts; the default parses on the calling thread (openWorkbench uses a worker). */
export type ParseFile = (name: string, bytes: Uint8Array, signal?: AbortSignal) => Promise<ImportOutcome>;

export interface ImportOptions {
  now?: () => Date;
  parse?: ParseFile;
  /** Progress per file and Cancel: a cancelled import stops before it writes anything. */
  task?: Task;
}

/**
 * Parses on the runner's worker thread, so a slow or hostile file never stalls the main thread. A parse over
 * the budget refuses that file only; a cancelled one (the workbench is closing) fails the request.
 */
export function parseInWorker(runner: JobRunner, budgetMs?: number): ParseFile {
  return async (name, bytes, signal) => {
    try {
      return await runner.run(
        'import-file',
        { name, bytes },
        { ...(budgetMs === undefined ? {} : { budgetMs }), signal },
      );
    } catch (error) {
      if (error instanceof JobTimeoutError) {
        return refuse(
          `reading the file took longer than ${error.budgetMs / 1000} s, so it was stopped; split it into ` +
            'smaller files or check that it is what it claims to be',
        );
      }
      if (error instanceof JobCancelledError) {
        if (signal?.aborted === true) throw cancelledError();
        throw new WorkbenchError('conflict', 'The import was cancelled because Tagwright is closing.');
      }
      return refuse(`the file could not be read (${error instanceof Error ? error.message : String(error)})`);
    }
  };
}

const nextUlid = monotonicFactory();

/**
 * A new document id. Ids made later sort later (a ULID: time, then a counter within the millisecond), so an
 * index rebuilt from the files orders a batch, whose documents share one import time, as it was imported.
 */
export function newDocId(): DocId {
  return `d${nextUlid().toLowerCase()}` as DocId;
}

export async function importDocuments(
  store: WorkspaceStore,
  files: IncomingFile[],
  options: ImportOptions = {},
): Promise<ImportReport> {
  const now = options.now ?? (() => new Date());
  const parse = options.parse ?? (async (name, bytes) => importFile(name, bytes));
  const report: ImportReport = { imported: [], duplicates: [], rejected: [] };
  const seen = new Map<string, { id: string; title: string }>();
  const fresh: DocumentRecord[] = [];
  // Documents imported by one request form one batch, so the list can show and filter them together.
  const batch = now().toISOString();
  for (const [index, file] of files.entries()) {
    options.task?.checkpoint();
    options.task?.progress('Reading files', index, files.length);
    const name = basename(file.name);
    const outcome = await parse(name, file.bytes, options.task?.signal);
    if (!outcome.ok) {
      report.rejected.push({
        file: name,
        message: outcome.message,
        ...(outcome.line ? { line: outcome.line } : {}),
      });
      continue;
    }
    for (const draft of outcome.documents) {
      // A JSONL file may hold thousands of documents: requests are let in between them.
      await pauseIfDue();
      const sha256 = sha256Hex(draft.text);
      const existing = store.findBySha256(sha256) ?? seen.get(sha256);
      if (existing !== undefined) {
        report.duplicates.push({
          file: name,
          title: draft.title,
          existingId: existing.id,
          existingTitle: existing.title,
        });
        continue;
      }
      const record = toRecord(draft, sha256, now().toISOString(), batch);
      seen.set(sha256, { id: record.id, title: record.title });
      fresh.push(record);
    }
  }
  options.task?.progress('Reading files', files.length, files.length);
  options.task?.checkpoint();
  // One batch for the whole request: a failed write leaves none of it on disk or in the list.
  if (fresh.length > 0) report.imported = await store.createDocuments(fresh);
  return report;
}

function toRecord(draft: DocumentDraft, sha256: string, importedAt: string, batch: string): DocumentRecord {
  return {
    schemaVersion: 1,
    id: newDocId(),
    title: draft.title,
    text: draft.text,
    sha256,
    meta: draft.meta,
    import: { ...draft.import, importedAt, batch },
    status: {},
    layers: {},
    comments: [],
    rejectedSuggestions: [],
    reviewRejections: [],
    revision: 0,
  };
}
