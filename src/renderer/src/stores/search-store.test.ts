// The search store: hits streamed by main appear before the answer, the answer's list wins, a new search
// cancels the running one (whose late answer is ignored), and next/previous wrap around the hits.
import { describe, expect, it, vi } from 'vitest';
import type { Result, SearchResult, WorkbenchEvent } from '@shared/api';
import type { SearchHit } from '@shared/search';
import type { TagwrightApi } from '../api/client';
import { createSearchStore } from './search-store';
import { createTaskStore } from './task-store';

const hit = (start: number): SearchHit => ({
  docId: 'd1',
  title: 'Doc',
  start,
  end: start + 3,
  before: '',
  match: 'abc',
  after: '',
});

function setUp() {
  const answers: ((result: Result<SearchResult>) => void)[] = [];
  const requests: { taskId: string }[] = [];
  const api = {
    'search:run': vi.fn((request: { taskId: string }) => {
      requests.push(request);
      return new Promise<Result<SearchResult>>((resolve) => answers.push(resolve));
    }),
    'task:cancel': vi.fn(async () => ({ ok: true, value: { cancelled: true } })),
  } as unknown as TagwrightApi;
  const store = createSearchStore(api, createTaskStore(api));
  store.query.set({ ...store.query.get(), pattern: 'abc' });
  return { store, api, answers, requests };
}

const result = (hits: SearchHit[]): Result<SearchResult> => ({
  ok: true,
  value: { hits, documents: 1, documentsWithHits: 1, truncated: false },
});

describe('the search store', () => {
  it('shows streamed hits while running, then the answer’s list', async () => {
    const { store, answers, requests } = setUp();
    const running = store.run('corpus', null);
    await Promise.resolve();
    const event: WorkbenchEvent = { kind: 'search-hits', taskId: requests[0]!.taskId, hits: [hit(0)] };
    store.handleEvent(event);
    store.handleEvent({ ...event, taskId: 'someone-else' });
    expect(store.state.get()).toMatchObject({ status: 'running', hits: [hit(0)] });
    answers[0]!(result([hit(0), hit(10)]));
    await running;
    expect(store.state.get()).toMatchObject({ status: 'done', hits: [hit(0), hit(10)] });
  });

  it('cancels the running search when a new one starts and ignores its late answer', async () => {
    const { store, api, answers, requests } = setUp();
    const first = store.run('corpus', null);
    await Promise.resolve();
    const second = store.run('corpus', null);
    await vi.waitFor(() => expect(requests).toHaveLength(2));
    expect(api['task:cancel']).toHaveBeenCalledWith({ taskId: requests[0]!.taskId });
    answers[1]!(result([hit(5)]));
    await second;
    answers[0]!({ ok: false, error: { code: 'cancelled', message: 'cancelled' } });
    await first;
    expect(store.state.get()).toMatchObject({ status: 'done', hits: [hit(5)] });
  });

  it('steps through the hits with next and previous, wrapping round', async () => {
    const { store, answers } = setUp();
    const running = store.run('corpus', null);
    await Promise.resolve();
    answers[0]!(result([hit(0), hit(10), hit(20)]));
    await running;
    expect([store.next()?.start, store.next()?.start, store.next()?.start, store.next()?.start]).toEqual([
      0, 10, 20, 0,
    ]);
    expect(store.previous()?.start).toBe(20);
  });

  it('refuses to search the open document when none is open', async () => {
    const { store, api } = setUp();
    await store.run('document', null);
    expect(store.state.get()).toMatchObject({ status: 'failed', error: 'Open a document to search in it.' });
    expect(api['search:run']).not.toHaveBeenCalled();
  });
});
