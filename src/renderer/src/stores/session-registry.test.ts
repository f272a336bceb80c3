// Opening documents: a late answer for a document the analyst already left never reaches the view, and a
// document's session (with its undo history) survives switching away and back.
import { describe, expect, it } from 'vitest';
import type { DocId, SpanId } from '@shared/model';
import { documentRecord, fakeApi, schema } from '../test-support/fake-api';
import { createSaveTracker } from './save-tracker';
import { SessionRegistry } from './session-registry';

function registry() {
  const backend = fakeApi([documentRecord('a', 'First text here.'), documentRecord('b', 'Second text.')]);
  const sessions = new SessionRegistry(
    backend.api,
    { tracker: createSaveTracker(), schema: () => schema, onSaved: () => {}, onSaveFailed: () => {} },
    () => 'dana' as never,
  );
  return { sessions, backend };
}

describe('the session registry', () => {
  it('shows the document opened last even when an earlier answer arrives after it', async () => {
    const { sessions, backend } = registry();
    let release: () => void = () => {};
    const slow = new Promise<void>((resolve) => (release = resolve));
    const original = backend.calls['document:get'].getMockImplementation()!;
    backend.calls['document:get'].mockImplementationOnce(async (request) => {
      await slow;
      return original(request);
    });
    const first = sessions.open('a' as DocId);
    await sessions.open('b' as DocId);
    release();
    await first;
    expect(sessions.current?.docId).toBe('b');
    expect(sessions.session('a' as DocId)?.record.title).toBe('Doc a');
  });

  it('keeps a document’s undo history when the analyst switches away and back', async () => {
    const { sessions } = registry();
    await sessions.open('a' as DocId);
    sessions.current!.apply([
      { kind: 'add-span', span: { id: 's1' as SpanId, label: 'actor', start: 0, end: 5 } },
    ]);
    await sessions.open('b' as DocId);
    await sessions.open('a' as DocId);
    expect(sessions.current!.canUndo).toBe(true);
    sessions.current!.undo();
    expect(sessions.current!.layer('dana' as never).spans).toEqual([]);
  });
});
