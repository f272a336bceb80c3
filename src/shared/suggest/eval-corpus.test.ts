import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { EvalCorpusError, parseEvalCorpus } from './eval-corpus';

const FILE = 'data/eval/corpus.json';
const corpusJson = (): unknown =>
  JSON.parse(readFileSync(new URL(`../../../${FILE}`, import.meta.url), 'utf8'));

describe('the evaluation corpus', () => {
  it('has every quote equal to its text slice and every relation between existing spans', () => {
    const corpus = parseEvalCorpus(corpusJson(), FILE);
    expect(corpus.documents.length).toBeGreaterThanOrEqual(3);
    for (const doc of corpus.documents) {
      const byId = new Map(doc.spans.map((s) => [s.id, s]));
      for (const span of doc.spans) expect(doc.text.slice(span.start, span.end)).toBe(span.quote);
      for (const relation of doc.relations) {
        expect(byId.has(relation.from), `${doc.id} ${relation.id}`).toBe(true);
        expect(byId.has(relation.to), `${doc.id} ${relation.id}`).toBe(true);
      }
    }
  });

  it('keeps its text canonical: no carriage returns and no byte order mark', () => {
    for (const doc of parseEvalCorpus(corpusJson(), FILE).documents) {
      expect(doc.text.includes('\r')).toBe(false);
      expect(doc.text.startsWith('\uFEFF')).toBe(false);
    }
  });
});

describe('the evaluation corpus reader', () => {
  it('rejects a quote that does not match the text, naming the file, document and span', () => {
    const bad = { documents: [{ id: 'd', title: 't', text: 'Ankara said so.', relations: [] as unknown[] }] };
    const spans = [{ id: 'a1', label: 'actor', start: 0, end: 6, quote: 'Ankarb' }];
    expect(() => parseEvalCorpus({ documents: [{ ...bad.documents[0], spans }] }, 'x.json')).toThrow(
      /x\.json, document 'd', span 'a1': quote "Ankarb" but the text says "Ankara"/,
    );
  });

  it('rejects a relation whose span does not exist or has the wrong label', () => {
    const doc = {
      id: 'd',
      title: 't',
      text: 'Ankara said so.',
      spans: [{ id: 'a1', label: 'actor', start: 0, end: 6, quote: 'Ankara' }],
    };
    const missing = [{ id: 'r1', type: 'says', from: 'a1', to: 'c9' }];
    expect(() => parseEvalCorpus({ documents: [{ ...doc, relations: missing }] }, 'x.json')).toThrow(
      /relation 'r1': to span 'c9' does not exist/,
    );
    const wrong = [{ id: 'r1', type: 'conditions', from: 'a1', to: 'a1' }];
    expect(() => parseEvalCorpus({ documents: [{ ...doc, relations: wrong }] }, 'x.json')).toThrow(
      EvalCorpusError,
    );
  });

  it('treats ids such as __proto__ and constructor as ordinary ids', () => {
    const doc = {
      id: '__proto__',
      title: 't',
      text: 'Ankara said so.',
      spans: [
        { id: 'constructor', label: 'actor', start: 0, end: 6, quote: 'Ankara' },
        { id: '__proto__', label: 'claim', start: 12, end: 14, quote: 'so' },
      ],
      relations: [{ id: 'toString', type: 'says', from: 'constructor', to: '__proto__' }],
    };
    expect(parseEvalCorpus({ documents: [doc] }, 'x.json').documents[0]!.spans).toHaveLength(2);
  });
});
