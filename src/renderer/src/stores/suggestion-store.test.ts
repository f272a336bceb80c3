// Suggestions in the renderer: a tag's other occurrences are offered (never tagged), accepting one is an
// undoable tag of the analyst's layer, a rejected one is remembered and not offered again, a span tagged
// over a suggestion removes it, and the corpus search feeds other documents' suggestions.
import { describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/api';
import type { AnnotatorId, DocId, SpanId } from '@shared/model';
import { documentRecord, fakeApi, schema, settle } from '../test-support/fake-api';
import { DocumentSession } from './document-session';
import { createSaveTracker } from './save-tracker';
import { SuggestionStore } from './suggestion-store';

const TEXT = 'Ankara wants talks. Ankara waits, and Ankara decides.';
const dana = 'dana' as AnnotatorId;

function setUp() {
  const doc = documentRecord('d1', TEXT);
  const backend = fakeApi([doc]);
  const corpus = {
    documents: [
      {
        docId: 'd2',
        title: 'Doc d2',
        suggestions: [{ key: 'actor:0:6', label: 'actor', start: 0, end: 6, quote: 'Ankara', reason: 'r' }],
      },
    ],
    truncated: false,
  };
  const find = vi.fn(async (): Promise<Result<typeof corpus>> => ({ ok: true, value: corpus }));
  const reject = vi.fn(async (): Promise<Result<{ rejected: number }>> => ({
    ok: true,
    value: { rejected: 1 },
  }));
  Object.assign(backend.api, { 'suggestions:find': find, 'suggestions:reject': reject });
  const session = new DocumentSession(doc, dana, dana, {
    api: backend.api,
    tracker: createSaveTracker(),
    schema: () => schema,
    onSaved: () => {},
    onSaveFailed: () => {},
  });
  const store = new SuggestionStore(backend.api);
  const tag = (start: number, end: number) => {
    session.apply([{ kind: 'add-span', span: { id: `t${start}` as SpanId, label: 'actor', start, end } }]);
    return session.layer(dana).span(`t${start}`)!;
  };
  const starts = () => store.list(session.docId).map((s) => s.start);
  return { session, store, tag, starts, find, reject };
}

describe('the suggestion store', () => {
  it('offers a tagged name’s other occurrences here and in the corpus, tagging none of them', async () => {
    const { session, store, tag, starts, find } = setUp();
    await store.learnFrom(session, tag(0, 6), 'Actor');
    expect(starts()).toEqual([20, 38]);
    expect(session.layer(dana).spans).toHaveLength(1);
    expect(find).toHaveBeenCalledWith({ label: 'actor', quote: 'Ankara', exceptDocId: 'd1' });
    expect(store.list('d2' as DocId).map((s) => s.key)).toEqual(['actor:0:6']);
    expect(store.elsewhere.get()).toMatchObject({ quote: 'Ankara', documents: [{ docId: 'd2', count: 1 }] });
  });

  it('accepts a suggestion as one undoable tag, and the current one moves on', async () => {
    const { session, store, tag, starts } = setUp();
    await store.learnFrom(session, tag(0, 6), 'Actor');
    store.step(session.docId, 1, 0);
    expect(store.current.get()?.key).toBe('actor:20:26');
    const span = store.accept(session, 'actor:20:26')!;
    expect(span.quote).toBe('Ankara');
    expect(starts()).toEqual([38]);
    expect(store.current.get()?.key).toBe('actor:38:44');
    session.undo();
    expect(session.layer(dana).span(span.id)).toBeUndefined();
    await session.whenSaved();
  });

  it('remembers a rejected suggestion, tells main, and does not offer it again', async () => {
    const { session, store, tag, starts, reject } = setUp();
    store.attach(session);
    await store.learnFrom(session, tag(0, 6), 'Actor');
    await store.reject(session, 'actor:38:44');
    expect(reject).toHaveBeenCalledWith({ docId: 'd1', label: 'actor', start: 38, end: 44 });
    session.apply([{ kind: 'remove-span', spanId: 't0' as SpanId }]);
    await store.learnFrom(session, tag(20, 26), 'Actor');
    expect(starts()).toEqual([0]);
    await session.whenSaved();
  });

  it('drops a suggestion once the analyst tags over it', async () => {
    const { session, store, tag, starts } = setUp();
    const detach = store.attach(session);
    await store.learnFrom(session, tag(0, 6), 'Actor');
    tag(38, 51);
    expect(starts()).toEqual([20]);
    detach();
    await settle();
    await session.whenSaved();
  });

  it('walks the suggestions from the caret, wrapping around both ways', async () => {
    const { session, store, tag } = setUp();
    await store.learnFrom(session, tag(0, 6), 'Actor');
    expect(store.step(session.docId, 1, 30)?.start).toBe(38);
    expect(store.step(session.docId, 1, 30)?.start).toBe(20);
    expect(store.step(session.docId, -1, 0)?.start).toBe(38);
    expect(store.step('other' as DocId, 1, 0)).toBeNull();
  });

  it('drops, when the document is shown, suggestions offered before that were turned down or tagged', async () => {
    const { session, store, tag, starts } = setUp();
    const offered = [20, 38].map((start) => ({
      key: `actor:${start}:${start + 6}`,
      label: 'actor',
      start,
      end: start + 6,
      quote: 'Ankara',
      reason: 'found by a search',
    }));
    store.offer(session.docId, offered);
    await store.reject(session, 'actor:20:26');
    store.offer(session.docId, offered);
    tag(38, 44);
    expect(starts()).toEqual([20, 38]);
    const detach = store.attach(session);
    expect(starts()).toEqual([]);
    detach();
    await session.whenSaved();
  });
});
