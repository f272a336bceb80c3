// Work over many documents (src/main): reading every readable document in index order (damaged files are
// named and skipped: they are refused for reading and writing anyway), and rewriting several documents all or
// nothing — if one write fails, the documents already rewritten are put back as they were before the error
// is reported, as the import commit does (exchange/import-commit.ts).
import { WorkbenchError } from '@shared/api';
import type { DocId, DocumentRecord, DocumentSummary } from '@shared/model';
import type { WorkspaceStore } from '../store/workspace-store';

/** Ids of documents whose file failed to load (listed in the store's problems). */
export function damagedDocumentIds(store: WorkspaceStore): Set<string> {
  const ids = new Set<string>();
  for (const problem of store.problems) {
    const id = /^documents\/([^/]+)\.json$/.exec(problem.file)?.[1];
    if (id !== undefined) ids.add(id);
  }
  return ids;
}

/**
 * Calls `visit` with each readable document of `summaries` (default: all), in index order; returns the titles
 * of the damaged documents it skipped.
 */
export async function forEachDocument(
  store: WorkspaceStore,
  visit: (doc: DocumentRecord) => void,
  summaries: readonly DocumentSummary[] = store.documents(),
): Promise<string[]> {
  const damaged = damagedDocumentIds(store);
  const skipped: string[] = [];
  for (const summary of summaries) {
    if (damaged.has(summary.id)) {
      skipped.push(summary.title);
      continue;
    }
    try {
      visit(await store.readDocument(summary.id as DocId));
    } catch (error) {
      if (!(error instanceof WorkbenchError) || error.code !== 'document-damaged') throw error;
      skipped.push(summary.title);
    }
  }
  return skipped;
}

/** One document to change: `rewrite` mutates the current copy (re-read under the document's write queue). */
export interface DocumentRewrite {
  docId: DocId;
  rewrite: (draft: DocumentRecord) => void;
}

/** The parts of a document a rewrite may change, as they were before it. */
type Restorable = Pick<DocumentRecord, 'layers' | 'comments' | 'rejectedSuggestions' | 'status'>;

export interface Rewritten {
  saved: DocumentRecord[];
  /** Puts every rewritten document back (when a later step of the same change fails). */
  rollBack(): Promise<void>;
}

/**
 * Applies every rewrite, in order, each saved durably; if one fails, every document already rewritten is
 * put back, and the error says that nothing was kept.
 */
export async function rewriteDocuments(
  store: WorkspaceStore,
  rewrites: readonly DocumentRewrite[],
): Promise<Rewritten> {
  const done: { docId: DocId; before: Restorable }[] = [];
  const saved: DocumentRecord[] = [];
  try {
    for (const { docId, rewrite } of rewrites) {
      let before: Restorable | null = null;
      const doc = await store.updateDocument(docId, (draft) => {
        const { layers, comments, rejectedSuggestions, status } = draft;
        before = structuredClone({ layers, comments, rejectedSuggestions, status });
        rewrite(draft);
      });
      if (before !== null) done.push({ docId, before });
      saved.push(doc);
    }
  } catch (error) {
    await restoreDocuments(store, done);
    throw nothingKept(error);
  }
  return { saved, rollBack: () => restoreDocuments(store, done) };
}

/** The error of a failed all-or-nothing change, saying that nothing of it was kept. */
export function nothingKept(error: unknown): unknown {
  if (!(error instanceof WorkbenchError)) return error;
  return new WorkbenchError(error.code, `${error.message} Nothing of the change was kept.`, error.details);
}

/** Puts documents back as they were, newest change first; best effort (the first error already counts). */
async function restoreDocuments(
  store: WorkspaceStore,
  done: readonly { docId: DocId; before: Restorable }[],
): Promise<void> {
  for (const { docId, before } of [...done].reverse()) {
    await store.updateDocument(docId, (draft) => Object.assign(draft, before)).catch(() => undefined);
  }
}
