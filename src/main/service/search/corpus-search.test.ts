// Search through the service: hits over the corpus or one document stream to the asking window with
// progress, a bad pattern is refused up front, a pattern that backtracks for ever is stopped by the time
// budget, and Cancel stops a running search.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ImportReport, SearchResult, WorkbenchEvent, WorkspaceView } from '@shared/api';
import { base64, tempWorkbench, valueOf } from '../test-support';

let wb: Awaited<ReturnType<typeof tempWorkbench>>;
const events: WorkbenchEvent[] = [];
const caller = { clientId: 'window-1' };

beforeEach(async () => {
  wb = await tempWorkbench(false, { searchBudgetMs: 400 });
  events.length = 0;
  wb.events.subscribe(caller.clientId, (event) => events.push(event));
});
afterEach(async () => wb.cleanup());

async function importTexts(texts: Record<string, string>): Promise<string[]> {
  valueOf<WorkspaceView>(await wb.dispatch('annotator:set-local', { name: 'Dana' }));
  const files = Object.entries(texts).map(([name, text]) => ({ name, dataBase64: base64(text) }));
  const report = valueOf<ImportReport>(await wb.dispatch('documents:import', { files }));
  return report.imported.map((summary) => summary.id);
}

const query = (pattern: string, extra: Record<string, unknown> = {}) => ({
  pattern,
  mode: 'plain',
  caseSensitive: false,
  target: 'text',
  labels: [],
  layers: [],
  fields: [],
  ...extra,
});

describe('searching through the service', () => {
  it('finds hits across the corpus, streams them to the window and reports progress', async () => {
    await importTexts({
      'a.txt': 'Erdogan spoke. Erdogan left.',
      'b.txt': 'Nobody here.',
      'c.txt': 'erdogan again',
    });
    const result = valueOf<SearchResult>(
      await wb.dispatch(
        'search:run',
        { query: query('Erdogan'), scope: { kind: 'corpus' }, taskId: 'search-0001' },
        caller,
      ),
    );
    expect(result.hits.map((h) => h.match)).toEqual(['Erdogan', 'Erdogan', 'erdogan']);
    expect([result.documents, result.documentsWithHits, result.truncated]).toEqual([3, 2, false]);
    const streamed = events.flatMap((e) => (e.kind === 'search-hits' ? e.hits : []));
    expect(streamed).toEqual(result.hits);
    expect(events.some((e) => e.kind === 'progress' && e.done === 3 && e.total === 3)).toBe(true);
  });

  it('searches only the open document when asked to', async () => {
    const [, second] = await importTexts({ 'a.txt': 'Erdogan spoke.', 'b.txt': 'Erdogan and Erdogan.' });
    const result = valueOf<SearchResult>(
      await wb.dispatch(
        'search:run',
        {
          query: query('erdogan', { mode: 'word' }),
          scope: { kind: 'document', docId: second },
          taskId: 'search-0002',
        },
        caller,
      ),
    );
    expect(result.hits.map((h) => [h.docId, h.start])).toEqual([
      [second, 0],
      [second, 12],
    ]);
  });

  it('refuses a broken regular expression before reading any document', async () => {
    await importTexts({ 'a.txt': 'text' });
    const result = await wb.dispatch(
      'search:run',
      { query: query('(a', { mode: 'regex' }), scope: { kind: 'corpus' }, taskId: 'search-0003' },
      caller,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(/not a valid regular expression/);
  });

  it('stops a pattern that backtracks for ever within the time budget and says why', async () => {
    await importTexts({ 'slow.txt': `${'a'.repeat(40)}!` });
    const started = Date.now();
    const result = await wb.dispatch(
      'search:run',
      { query: query('^(a+)+$', { mode: 'regex' }), scope: { kind: 'corpus' }, taskId: 'search-0004' },
      caller,
    );
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid-request' } });
    if (!result.ok) expect(result.error.message).toMatch(/longer than 0.4 s on “slow”.*simplify/);
    expect(Date.now() - started).toBeLessThan(10_000);
    // The worker thread was replaced: the next search works.
    const next = await wb.dispatch(
      'search:run',
      { query: query('a'), scope: { kind: 'corpus' }, taskId: 'search-0005' },
      caller,
    );
    expect(next.ok).toBe(true);
  });

  it('cancels a running search', async () => {
    await wb.cleanup();
    wb = await tempWorkbench(false, { searchBudgetMs: 60_000 });
    await importTexts({ 'slow.txt': `${'a'.repeat(40)}!` });
    const running = wb.dispatch(
      'search:run',
      { query: query('^(a+)+$', { mode: 'regex' }), scope: { kind: 'corpus' }, taskId: 'search-0006' },
      caller,
    );
    // The task is registered as soon as the request is dispatched, so Cancel can name it at once.
    expect(valueOf(await wb.dispatch('task:cancel', { taskId: 'search-0006' }))).toEqual({ cancelled: true });
    await expect(running).resolves.toMatchObject({ ok: false, error: { code: 'cancelled' } });
  });
});
