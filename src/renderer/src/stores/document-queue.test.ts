// The document queue: filtering by status, words in the title or metadata and import batch; sorting by title,
// a label's count or a metadata field (ties keep import order); the next unfinished document; progress.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRecord, setEntry, type DocumentStatus, type DocumentSummary } from '@shared/model';
import {
  defaultQueueView,
  importBatches,
  isUnfinished,
  nextUnfinished,
  progressByAnalyst,
  queueDocuments,
  statusOf,
} from './document-queue';

/** A summary whose status, counts and metadata are keyed by the analyst id given (user data). */
function doc(
  id: string,
  title: string,
  extra: { status?: DocumentStatus; actors?: number; meta?: Record<string, string>; batch?: string } = {},
  layer = 'dana',
): DocumentSummary {
  const status = emptyRecord<DocumentStatus>();
  if (extra.status !== undefined) setEntry(status, layer, extra.status);
  const counts = emptyRecord<Record<string, number>>();
  setEntry(counts, layer, { actor: extra.actors ?? 0 });
  return {
    id,
    title,
    sha256: id,
    chars: 10,
    status,
    spanCounts: counts,
    revision: 1,
    importedAt: `2026-01-01T00:00:0${id.length % 10}.000Z`,
    batch: extra.batch ?? 'b1',
    meta: extra.meta ?? {},
  } as DocumentSummary;
}

const view = (patch: Partial<typeof defaultQueueView>) => ({ ...defaultQueueView, ...patch });
const titles = (docs: DocumentSummary[]) => docs.map((d) => d.title);

describe('the document queue', () => {
  const docs = [
    doc('a', 'Zagreb wire', { status: 'done', actors: 2, meta: { source: 'Reuters', date: '2026-03-02' } }),
    doc('b', 'Ankara report', {
      status: 'in-progress',
      actors: 5,
      meta: { source: 'AFP', date: '2026-03-01' },
      batch: 'b2',
    }),
    doc('c', 'Baku notes', { actors: 1, meta: { source: 'Reuters', date: '2026-02-28' }, batch: 'b2' }),
  ];

  it('filters by status, unfinished, words in the title or metadata, and batch', () => {
    expect(titles(queueDocuments(docs, view({ status: 'done' }), 'dana'))).toEqual(['Zagreb wire']);
    expect(titles(queueDocuments(docs, view({ status: 'unfinished' }), 'dana'))).toEqual([
      'Ankara report',
      'Baku notes',
    ]);
    expect(titles(queueDocuments(docs, view({ text: 'reuters baku' }), 'dana'))).toEqual(['Baku notes']);
    expect(titles(queueDocuments(docs, view({ batch: 'b2' }), 'dana'))).toEqual([
      'Ankara report',
      'Baku notes',
    ]);
  });

  it('sorts by title, by a label count and by a metadata field, either way', () => {
    expect(titles(queueDocuments(docs, view({ sort: 'title' }), 'dana'))).toEqual([
      'Ankara report',
      'Baku notes',
      'Zagreb wire',
    ]);
    expect(titles(queueDocuments(docs, view({ sort: 'label:actor', descending: true }), 'dana'))).toEqual([
      'Ankara report',
      'Zagreb wire',
      'Baku notes',
    ]);
    expect(titles(queueDocuments(docs, view({ sort: 'meta:date' }), 'dana'))).toEqual([
      'Baku notes',
      'Ankara report',
      'Zagreb wire',
    ]);
  });

  it('reads the status of an analyst whose id is "constructor" as an ordinary id', () => {
    const odd = [doc('a', 'One', { status: 'done' }, 'constructor'), doc('b', 'Two', {}, 'constructor')];
    expect(titles(queueDocuments(odd, view({ status: 'new' }), 'constructor'))).toEqual(['Two']);
    expect(statusOf(odd[1]!, 'toString')).toBe('new');
  });

  it('counts each analyst’s progress and the documents of each batch', () => {
    const annotators = [
      { id: 'dana', name: 'Dana' },
      { id: 'lee', name: 'Lee' },
    ] as never;
    expect(progressByAnalyst(docs, annotators).map((p) => [p.done, p.inProgress, p.total])).toEqual([
      [1, 1, 3],
      [0, 0, 3],
    ]);
    expect(importBatches(docs)).toEqual([
      { batch: 'b1', count: 1 },
      { batch: 'b2', count: 2 },
    ]);
  });

  it('opens the first unfinished document after the open one, wrapping round, never the open one', () => {
    const statuses = fc.constantFrom<DocumentStatus>('new', 'in-progress', 'done', 'skipped');
    fc.assert(
      fc.property(fc.array(statuses, { minLength: 1, maxLength: 12 }), fc.nat(), (list, seed) => {
        const ordered = list.map((status, i) => doc(`d${i}`, `T${i}`, { status }));
        const open = seed % ordered.length;
        const next = nextUnfinished(ordered, `d${open}`, 'dana');
        const expected = [...ordered.slice(open + 1), ...ordered.slice(0, open)].find((d) =>
          isUnfinished(statusOf(d, 'dana')),
        );
        expect(next?.id).toBe(expected?.id);
      }),
    );
  });
});
