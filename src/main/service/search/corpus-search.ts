// Search over the open document or the whole corpus (src/main): documents are read one at a time and matched
// in chunks on the worker thread, each chunk within a time budget, so a pattern that backtracks for ever is
// stopped instead of freezing the app. Hits stream to the asking window after every chunk, with progress;
// Cancel stops at once (the running chunk's thread is ended). Nothing is written, so nothing can be half done.
import { MAX_SEARCH_HITS, WorkbenchError, type SearchRequest, type SearchResult } from '@shared/api';
import type { DocId, DocumentRecord } from '@shared/model';
import { queryProblem, type SearchableDocument, type SearchHit } from '@shared/search';
import { JobCancelledError, JobTimeoutError } from '../../workers/job-runner';
import type { Caller } from '../dispatch';
import type { ServiceContext } from '../service-context';
import { cancelledError, type Task } from '../tasks';

/** Text handed to the worker at once: large enough to keep messages few, small enough to show progress. */
const CHUNK_CHARS = 4_000_000;
const CHUNK_DOCUMENTS = 200;

export async function runSearch(
  ctx: ServiceContext,
  request: SearchRequest,
  caller: Caller,
): Promise<SearchResult> {
  const problem = queryProblem(request.query);
  if (problem !== null) throw new WorkbenchError('invalid-request', problem);
  const ids = documentsToSearch(ctx, request);
  return ctx.tasks.run(request.taskId, caller.clientId, async (task) => {
    const hits: SearchHit[] = [];
    let chunk: SearchableDocument[] = [];
    let chars = 0;
    let truncated = false;
    const flush = async (): Promise<void> => {
      const found = await searchChunk(ctx, request, chunk, MAX_SEARCH_HITS - hits.length, task);
      hits.push(...found.hits);
      truncated ||= found.more;
      if (found.hits.length > 0) {
        ctx.events.sendTo(caller.clientId, { kind: 'search-hits', taskId: request.taskId, hits: found.hits });
      }
      chunk = [];
      chars = 0;
    };
    for (const [index, id] of ids.entries()) {
      task.checkpoint();
      task.progress('Searching', index, ids.length);
      const doc = await ctx.store.readDocument(id);
      chunk.push(searchable(doc, request.query.target === 'annotations'));
      chars += doc.text.length;
      if (chars >= CHUNK_CHARS || chunk.length >= CHUNK_DOCUMENTS) await flush();
      if (truncated) break;
    }
    if (chunk.length > 0 && !truncated) await flush();
    task.progress('Searching', ids.length, ids.length);
    return {
      hits,
      documents: ids.length,
      documentsWithHits: new Set(hits.map((hit) => hit.docId)).size,
      truncated,
    };
  });
}

/** The open document, or every document of the corpus whose file is not damaged, in list order. */
function documentsToSearch(ctx: ServiceContext, request: SearchRequest): DocId[] {
  const damaged = new Set(ctx.store.problems.map((p) => /^documents\/([^/]+)\.json$/.exec(p.file)?.[1]));
  const listed = ctx.store.documents().filter((summary) => !damaged.has(summary.id));
  if (request.scope.kind === 'corpus') return listed.map((summary) => summary.id as DocId);
  const { docId } = request.scope;
  if (!listed.some((summary) => summary.id === docId))
    throw new WorkbenchError('not-found', `There is no document "${docId}" to search.`);
  return [docId];
}

/** What the worker needs: the text, and the layers only when annotations are searched. */
function searchable(doc: DocumentRecord, withLayers: boolean): SearchableDocument {
  return { id: doc.id, title: doc.title, text: doc.text, layers: withLayers ? doc.layers : {} };
}

async function searchChunk(
  ctx: ServiceContext,
  request: SearchRequest,
  documents: SearchableDocument[],
  limit: number,
  task: Task,
): Promise<{ hits: SearchHit[]; more: boolean }> {
  try {
    const outcome = await ctx.runJob(
      'search-documents',
      { query: request.query, documents, limit },
      { signal: task.signal, budgetMs: ctx.searchBudgetMs },
    );
    if (!outcome.ok) throw new WorkbenchError('invalid-request', outcome.message);
    return outcome;
  } catch (error) {
    if (error instanceof JobCancelledError) throw cancelledError();
    if (error instanceof JobTimeoutError) throw tooSlow(ctx.searchBudgetMs, documents);
    throw error;
  }
}

function tooSlow(budgetMs: number, documents: readonly SearchableDocument[]): WorkbenchError {
  const first = documents[0]?.title ?? 'the document';
  const others = documents.length > 1 ? ` (or one of ${documents.length - 1} more documents)` : '';
  return new WorkbenchError(
    'invalid-request',
    `The search was stopped: the pattern took longer than ${budgetMs / 1000} s on “${first}”${others}. ` +
      'Repetition inside repetition, such as (a+)+ or (\\w*)*, can take for ever; simplify the pattern.',
  );
}
