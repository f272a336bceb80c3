// Searching documents: text hits in document order with their context, and annotation hits found by label,
// layer, quote, note, attribute value or a linked span, with layer ids that are ordinary user data.
import { describe, expect, it } from 'vitest';
import { emptyRecord, setEntry, type Layer, type Relation, type Span } from '../model';
import { queryProblem, searchDocuments, type SearchQuery, type SearchableDocument } from './search-documents';

const TEXT = 'Erdogan said the border stays closed. Assad said nothing. Erdogan left.';

function span(id: string, label: string, quote: string, extra: Partial<Span> = {}): Span {
  const start = TEXT.indexOf(quote);
  return {
    id,
    label,
    start,
    end: start + quote.length,
    quote,
    prefix: '',
    suffix: '',
    attributes: {},
    note: '',
    createdBy: 'dana',
    createdAt: '2026-01-01T00:00:00.000Z',
    updatedAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  } as Span;
}

const says = (id: string, from: string, to: string) =>
  ({
    id,
    type: 'says',
    from,
    to,
    note: '',
    createdBy: 'dana',
    createdAt: '2026-01-01T00:00:00.000Z',
  }) as Relation;

const layer: Layer = {
  spans: [
    span('a1', 'actor', 'Erdogan'),
    span('c1', 'claim', 'the border stays closed', { note: 'check the Turkish original' }),
    span('a2', 'actor', 'Assad', { attributes: { role: 'president' } as Span['attributes'] }),
  ],
  relations: [says('r1', 'a1', 'c1')],
};

const doc = (id: string, layers: Record<string, Layer> = {}): SearchableDocument => ({
  id,
  title: `Doc ${id}`,
  text: TEXT,
  layers,
});

const base: SearchQuery = {
  pattern: '',
  mode: 'plain',
  caseSensitive: false,
  target: 'text',
  labels: [],
  layers: [],
  fields: [],
};

function hitsOf(query: Partial<SearchQuery>, docs: SearchableDocument[], limit = 100) {
  const outcome = searchDocuments({ ...base, ...query }, docs, limit);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome;
}

describe('searching documents', () => {
  it('lists text hits document by document with their context', () => {
    const { hits, more, searched } = hitsOf({ pattern: 'erdogan' }, [doc('d1'), doc('d2')]);
    expect(hits.map((h) => [h.docId, h.start])).toEqual([
      ['d1', 0],
      ['d1', 58],
      ['d2', 0],
      ['d2', 58],
    ]);
    expect(hits[1]).toMatchObject({ match: 'Erdogan', after: ' left.', title: 'Doc d1' });
    expect([more, searched]).toEqual([false, 2]);
  });

  it('stops at the limit and says how many documents it searched', () => {
    const outcome = hitsOf({ pattern: 'said' }, [doc('d1'), doc('d2'), doc('d3')], 3);
    expect(outcome.hits).toHaveLength(3);
    expect([outcome.more, outcome.searched]).toEqual([true, 2]);
  });

  it('finds the spans of a label when no pattern is given', () => {
    const { hits } = hitsOf({ target: 'annotations', labels: ['actor'] }, [doc('d1', { dana: layer })]);
    expect(hits.map((h) => [h.span?.id, h.match, h.span?.field])).toEqual([
      ['a1', 'Erdogan', 'filters'],
      ['a2', 'Assad', 'filters'],
    ]);
  });

  it('matches annotations by note, attribute value and the quote of a linked actor', () => {
    const docs = [doc('d1', { dana: layer })];
    const field = (pattern: string, fields: SearchQuery['fields']) =>
      hitsOf({ target: 'annotations', pattern, fields }, docs).hits.map(
        (h) => `${h.span?.id}:${h.span?.field}`,
      );
    expect(field('turkish', ['note'])).toEqual(['c1:note']);
    expect(field('president', ['attributes'])).toEqual(['a2:attributes']);
    // "Claims Erdogan made": the claim is found through the actor linked to it by a relation.
    expect(field('erdogan', ['linked'])).toEqual(['c1:linked']);
    expect(field('erdogan', [])).toEqual(['a1:quote', 'c1:linked']);
  });

  it('keeps to the chosen layers, whose ids are ordinary user data', () => {
    const layers = emptyRecord<Layer>();
    for (const id of ['constructor', '__proto__', 'dana']) setEntry(layers, id, layer);
    const docs = [doc('d1', layers)];
    const { hits } = hitsOf(
      { target: 'annotations', labels: ['claim'], layers: ['constructor', 'toString'] },
      docs,
    );
    expect(hits.map((h) => h.span?.layer)).toEqual(['constructor']);
    const proto = hitsOf({ target: 'annotations', labels: ['claim'], layers: ['__proto__'] }, docs).hits;
    expect(proto.map((h) => h.span?.layer)).toEqual(['__proto__']);
  });

  it('refuses a bad pattern before searching, and an empty one for text', () => {
    expect(queryProblem({ ...base, pattern: '[', mode: 'regex' })).toMatch(/not a valid regular expression/);
    expect(queryProblem({ ...base, pattern: '' })).toBe('Type something to search for.');
    expect(queryProblem({ ...base, target: 'annotations' })).toBeNull();
    expect(searchDocuments({ ...base, pattern: '(', mode: 'regex' }, [doc('d1')], 10).ok).toBe(false);
  });
});
