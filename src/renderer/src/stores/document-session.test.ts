// A document session: optimistic edits saved in order, undo and redo saved like any change, note typing as
// one undo step and few requests, a failed save reloading the truth, and other windows' changes applied.
import { describe, expect, it, vi } from 'vitest';
import type { AnnotationOp } from '@shared/api';
import type { AnnotatorId, DocId, LayerId, SpanId } from '@shared/model';
import { documentRecord, fakeApi, schema, settle } from '../test-support/fake-api';
import { DocumentSession } from './document-session';
import { createSaveTracker } from './save-tracker';

const TEXT = 'Erdogan said the border stays closed until spring.';
const dana = 'dana' as AnnotatorId;

function open(text = TEXT) {
  const doc = documentRecord('d1', text);
  const backend = fakeApi([doc]);
  const tracker = createSaveTracker();
  const failures: string[] = [];
  const session = new DocumentSession(doc, dana, dana, {
    api: backend.api,
    tracker,
    schema: () => schema,
    onSaved: () => {},
    onSaveFailed: (message) => failures.push(message),
  });
  const quotes = () => session.layer(dana).spans.map((s) => `${s.label}:${s.quote}`);
  return { session, backend, tracker, failures, quotes };
}

const add = (id: string, label: string, start: number, end: number): AnnotationOp => ({
  kind: 'add-span',
  span: { id: id as SpanId, label, start, end },
});

describe('a document session', () => {
  it('shows a change at once and says "saved" only once main answered', async () => {
    const { session, tracker, quotes } = open();
    session.apply([add('a', 'actor', 0, 7)]);
    expect(quotes()).toEqual(['actor:Erdogan']);
    expect(tracker.state.get().kind).toBe('saving');
    await session.whenSaved();
    expect(tracker.state.get().kind).toBe('saved');
  });

  it('saves undo and redo like any change', async () => {
    const { session, backend, quotes } = open();
    session.apply([add('a', 'actor', 0, 7)]);
    session.undo();
    expect(quotes()).toEqual([]);
    session.redo();
    await session.whenSaved();
    expect(backend.store.get('d1')!.layers[dana]!.spans.map((s) => s.quote)).toEqual(['Erdogan']);
    // Undo and redo made while the first save was out travel together as the next batch, in order.
    const sent = backend.calls['annotations:apply'].mock.calls.map(([r]) =>
      (r as { ops: AnnotationOp[] }).ops.map((op) => op.kind),
    );
    expect(sent).toEqual([['add-span'], ['remove-span', 'add-span']]);
  });

  it('turns a typed note into one undo step and sends only what waited while a save was out', async () => {
    const { session, backend } = open();
    session.apply([add('a', 'actor', 0, 7)]);
    let note = '';
    for (const char of 'envoy') {
      note += char;
      session.apply([{ kind: 'update-span', spanId: 'a' as SpanId, changes: { note } }], {
        mergeKey: 'note:a',
      });
    }
    await session.whenSaved();
    expect(backend.store.get('d1')!.layers[dana]!.spans[0]!.note).toBe('envoy');
    expect(backend.calls['annotations:apply'].mock.calls.length).toBeLessThanOrEqual(2);
    session.undo();
    expect(session.layer(dana).span('a')!.note).toBe('');
    expect(session.layer(dana).span('a')).toBeDefined();
  });

  it('reloads the document from disk and says so when a save is refused', async () => {
    const { session, backend, failures, quotes } = open();
    backend.calls['annotations:apply'].mockResolvedValueOnce({
      ok: false,
      error: { code: 'io-error', message: 'disk full (ENOSPC)' },
    });
    session.apply([add('a', 'actor', 0, 7)]);
    await session.whenSaved();
    await vi.waitFor(() => expect(failures).toHaveLength(1));
    expect(failures[0]).toContain('ENOSPC');
    expect(quotes()).toEqual([]);
  });

  it('applies another window’s change without saving it or making it undoable', async () => {
    const { session, backend } = open();
    const changes: string[] = [];
    session.subscribe((change) => changes.push(`${change.origin}:${change.kind}`));
    const span = {
      id: 'r' as SpanId,
      label: 'actor',
      start: 0,
      end: 7,
      quote: 'Erdogan',
      prefix: '',
      suffix: '',
      attributes: {},
      note: '',
      createdBy: dana,
      createdAt: 'x',
      updatedAt: 'x',
    };
    const outcome = session.applyRemote({
      kind: 'annotations-changed',
      docId: 'd1' as DocId,
      layer: dana as LayerId,
      delta: {
        addedSpans: [span],
        removedSpans: [],
        updatedSpans: [],
        addedRelations: [],
        removedRelations: [],
        updatedRelations: [],
      },
      revision: 1,
      summary: {} as never,
      by: dana,
    });
    await settle();
    expect(outcome).toBe('applied');
    expect(session.layer(dana).span('r')?.quote).toBe('Erdogan');
    expect(changes).toEqual(['remote:delta']);
    expect(session.canUndo).toBe(false);
    expect(backend.calls['annotations:apply']).not.toHaveBeenCalled();
  });

  it('asks for a reload when another window’s change skips a revision', () => {
    const { session } = open();
    const empty = {
      addedSpans: [],
      removedSpans: [],
      updatedSpans: [],
      addedRelations: [],
      removedRelations: [],
      updatedRelations: [],
    };
    const event = {
      kind: 'annotations-changed' as const,
      docId: 'd1' as DocId,
      layer: dana as LayerId,
      delta: empty,
      summary: {} as never,
      by: dana,
    };
    expect(session.applyRemote({ ...event, revision: 3 })).toBe('stale');
  });

  it('deselects a span that is deleted, and keeps relations in step with their spans', () => {
    const { session } = open();
    session.apply([
      add('a', 'actor', 0, 7),
      add('c', 'claim', 8, 50),
      {
        kind: 'add-relation',
        relation: { id: 'r1' as never, type: 'says', from: 'a' as SpanId, to: 'c' as SpanId },
      },
    ]);
    session.focus({ layer: dana, spanId: 'a' as SpanId });
    session.apply([{ kind: 'remove-span', spanId: 'a' as SpanId }]);
    expect(session.focused.get()).toBeNull();
    expect(session.layer(dana).relations).toEqual([]);
    session.undo();
    expect(session.layer(dana).relations.map((r) => r.id)).toEqual(['r1']);
  });
});
