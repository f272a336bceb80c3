// Search in the renderer (src/renderer/stores): the query the analyst is writing, the running search (a
// task in main whose hits stream in as events), the hits with their counts, and which hit is current, so
// Enter, F3 and the result list all move through the same list. A new search cancels the one running.
import type { SearchResult, WorkbenchEvent } from '@shared/api';
import type { DocId } from '@shared/model';
import type { SearchHit, SearchQuery } from '@shared/search';
import type { TagwrightApi } from '../api/client';
import { observable } from './observable';
import type { TaskStore } from './task-store';

export type SearchScope = 'document' | 'corpus';

export interface SearchState {
  status: 'idle' | 'running' | 'done' | 'failed' | 'cancelled';
  scope: SearchScope;
  hits: readonly SearchHit[];
  result: SearchResult | null;
  error: string | null;
  /** Index of the current hit, or -1. */
  active: number;
}

export const emptyQuery: SearchQuery = {
  pattern: '',
  mode: 'plain',
  caseSensitive: false,
  target: 'text',
  labels: [],
  layers: [],
  fields: [],
};

const IDLE: SearchState = {
  status: 'idle',
  scope: 'document',
  hits: [],
  result: null,
  error: null,
  active: -1,
};

export function createSearchStore(api: TagwrightApi, tasks: TaskStore) {
  const query = observable<SearchQuery>(emptyQuery);
  const state = observable<SearchState>(IDLE);
  let taskId: string | null = null;

  const patch = (change: Partial<SearchState>) => state.update((current) => ({ ...current, ...change }));

  const step = (by: 1 | -1): SearchHit | undefined => {
    const { hits, active } = state.get();
    if (hits.length === 0) return undefined;
    const next = active < 0 ? (by === 1 ? 0 : hits.length - 1) : (active + by + hits.length) % hits.length;
    patch({ active: next });
    return hits[next];
  };

  return {
    query,
    state,

    async run(scope: SearchScope, openDocId: DocId | null): Promise<void> {
      if (taskId !== null) await tasks.cancel(taskId);
      if (scope === 'document' && openDocId === null) {
        state.set({ ...IDLE, scope, status: 'failed', error: 'Open a document to search in it.' });
        return;
      }
      state.set({ ...IDLE, scope, status: 'running' });
      let mine: string | null = null;
      const outcome = await tasks.run('search', (id) => {
        taskId = mine = id;
        const { labels, layers, fields, ...rest } = query.get();
        return api['search:run']({
          query: { ...rest, labels: [...labels], layers: [...layers], fields: [...fields] },
          scope: scope === 'corpus' ? { kind: 'corpus' } : { kind: 'document', docId: openDocId as DocId },
          taskId: id,
        });
      });
      if (taskId !== mine) return; // a newer search took over
      taskId = null;
      if (outcome.ok) patch({ status: 'done', hits: outcome.value.hits, result: outcome.value });
      else if (outcome.error.code === 'cancelled') patch({ status: 'cancelled' });
      else patch({ status: 'failed', hits: [], error: outcome.error.message });
    },

    async cancel(): Promise<void> {
      if (taskId !== null) await tasks.cancel(taskId);
    },

    clear(): void {
      state.set({ ...IDLE, scope: state.get().scope });
    },

    /** Makes hit `index` the current one and returns it. */
    select(index: number): SearchHit | undefined {
      const hit = state.get().hits[index];
      if (hit !== undefined) patch({ active: index });
      return hit;
    },

    next: () => step(1),
    previous: () => step(-1),

    /** Hits streamed by the running search, shown before it finishes. */
    handleEvent(event: WorkbenchEvent): void {
      if (event.kind !== 'search-hits' || event.taskId !== taskId) return;
      state.update((current) => ({ ...current, hits: [...current.hits, ...event.hits] }));
    },
  };
}

export type SearchStore = ReturnType<typeof createSearchStore>;
