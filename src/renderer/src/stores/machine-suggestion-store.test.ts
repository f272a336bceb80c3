// Machine suggestions in the renderer: what main's suggester proposes is offered (never tagged), nothing is
// asked while suggestions are turned off, all of one label can be accepted in one undoable step with the
// links between them, and accepting a claim whose speaker is tagged links the two.
import { describe, expect, it, vi } from 'vitest';
import type { MachineSuggestions, Result } from '@shared/api';
import { suggestionKey, type AnnotatorId, type DocId, type Suggestion } from '@shared/model';
import { documentRecord, fakeApi, ownSession } from '../test-support/fake-api';
import { createMachineSuggestionStore } from './machine-suggestion-store';
import { SuggestionStore } from './suggestion-store';
import { createTaskStore } from './task-store';

const TEXT = 'Ankara said that talks resume. Damascus said that nothing changes.';
const dana = 'dana' as AnnotatorId;

function proposal(label: string, quote: string, relations: Suggestion['relations'] = []): Suggestion {
  const start = TEXT.indexOf(quote);
  const key = suggestionKey(label, start, start + quote.length);
  return { key, label, start, end: start + quote.length, quote, reason: `machine ${label}`, relations };
}

const ankara = proposal('actor', 'Ankara');
const damascus = proposal('actor', 'Damascus');
const says = (actor: Suggestion, claim: string) => ({
  type: 'says',
  from: actor.key,
  to: proposal('claim', claim).key,
});
const talks = proposal('claim', 'talks resume', [says(ankara, 'talks resume')]);
const nothing = proposal('claim', 'nothing changes', [says(damascus, 'nothing changes')]);

function setUp(enabled = true) {
  const doc = documentRecord('d1', TEXT);
  const backend = fakeApi([doc]);
  const found: MachineSuggestions = {
    documents: [
      {
        docId: 'd1',
        title: 'Doc d1',
        language: 'en',
        suggestions: [
          { ...ankara, relations: [says(ankara, 'talks resume')] },
          talks,
          { ...damascus, relations: [says(damascus, 'nothing changes')] },
          nothing,
        ],
      },
      { docId: 'd2', title: 'Arabic', language: 'unsupported', suggestions: [] },
    ],
    skipped: [],
  };
  const machine = vi.fn(async (): Promise<Result<MachineSuggestions>> => ({ ok: true, value: found }));
  Object.assign(backend.api, { 'suggestions:machine': machine });
  const session = ownSession(doc, backend.api, dana);
  const suggestions = new SuggestionStore(backend.api);
  const store = createMachineSuggestionStore(
    backend.api,
    suggestions,
    createTaskStore(backend.api),
    () => enabled,
  );
  return { session, suggestions, store, machine };
}

describe('machine suggestions in the renderer', () => {
  it('offers what main proposes for the document, tagging nothing, and says what it found', async () => {
    const { session, suggestions, store, machine } = setUp();
    const outcome = await store.run([session.docId]);
    expect(machine).toHaveBeenCalledWith(expect.objectContaining({ documentIds: ['d1'] }));
    expect(store.lastRun.get()).toEqual(outcome.ok ? outcome.value : null);
    expect(outcome).toMatchObject({
      ok: true,
      value: { documents: 2, suggestions: 4, unsupported: ['Arabic'] },
    });
    expect(suggestions.list(session.docId).map((s) => s.quote)).toEqual([
      'Ankara',
      'talks resume',
      'Damascus',
      'nothing changes',
    ]);
    expect(session.layer(dana).spans).toEqual([]);
  });

  it('asks main nothing while suggestions are turned off', async () => {
    const { store, machine } = setUp(false);
    expect(await store.run()).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(machine).not.toHaveBeenCalled();
  });

  it('accepting a claim after its speaker links the two', async () => {
    const { session, suggestions, store } = setUp();
    await store.run([session.docId]);
    const actor = suggestions.accept(session, ankara.key)!;
    const claim = suggestions.accept(session, talks.key)!;
    expect(session.layer(dana).relations).toMatchObject([{ type: 'says', from: actor.id, to: claim.id }]);
    await session.whenSaved();
  });

  it('accepts all actors, then all claims, each as one undo step, links included', async () => {
    const { session, suggestions, store } = setUp();
    await store.run([session.docId]);
    expect(suggestions.acceptAll(session, 'actor')).toBe(2);
    expect(suggestions.acceptAll(session, 'claim')).toBe(2);
    const layer = session.layer(dana);
    expect(layer.spans.map((s) => s.quote).sort()).toEqual([
      'Ankara',
      'Damascus',
      'nothing changes',
      'talks resume',
    ]);
    expect(layer.relations).toHaveLength(2);
    expect(suggestions.list(session.docId)).toEqual([]);
    session.undo();
    expect(session.layer(dana).spans.map((s) => s.label)).toEqual(['actor', 'actor']);
    expect(session.layer(dana).relations).toEqual([]);
    await session.whenSaved();
  });

  it('tags nothing for a label with no suggestions', async () => {
    const { session, suggestions, store } = setUp();
    await store.run([session.docId]);
    expect(suggestions.acceptAll(session, 'condition')).toBe(0);
    expect(session.layer(dana).spans).toEqual([]);
    expect(suggestions.list('d1' as DocId)).toHaveLength(4);
  });
});
