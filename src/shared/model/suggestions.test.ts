// Suggestions from a tagged text: its other whole-word occurrences, minus what is tagged already with the
// same label and what the analyst turned down; nothing for a text too short to mean anything.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { LayerId } from './ids';
import { coveredBy, occurrenceSuggestions, rangeSuggestions, suggestionKey, uncovered } from './suggestions';

const text = 'Ankara wants talks. Ankara waits; Ankaras are many. Officials in Ankara said no.';
const tagged = { label: 'actor', quote: 'Ankara', labelName: 'Actor' };
const starts = (all: { start: number }[]) => all.map((s) => s.start);

describe('suggestions from the analyst’s own tags', () => {
  it('offers every other whole-word occurrence with a reason and a stable key', () => {
    const spans = [{ label: 'actor', start: 0, end: 6 }];
    const found = occurrenceSuggestions(tagged, { text, spans, rejected: [], layer: 'dana' });
    expect(starts(found)).toEqual([20, text.lastIndexOf('Ankara')]);
    expect(found[0]).toMatchObject({
      key: suggestionKey('actor', 20, 26),
      quote: 'Ankara',
      reason: '“Ankara” is tagged as Actor elsewhere',
    });
  });

  it('leaves out occurrences covered by a span of the same label, and those turned down', () => {
    const spans = [
      { label: 'actor', start: 0, end: 6 },
      { label: 'actor', start: text.indexOf('Officials'), end: text.length - 9 },
      { label: 'claim', start: 20, end: 32 },
    ];
    const rejected = [{ layer: 'dana' as LayerId, label: 'actor', start: 20, end: 26 }];
    expect(occurrenceSuggestions(tagged, { text, spans, rejected, layer: 'dana' })).toEqual([]);
    const others = [{ layer: 'lee' as LayerId, label: 'actor', start: 20, end: 26 }];
    expect(starts(occurrenceSuggestions(tagged, { text, spans, rejected: others, layer: 'dana' }))).toEqual([
      20,
    ]);
  });

  it('offers nothing for a text of one character or of punctuation only', () => {
    const ctx = { text: 'a b a; c a', spans: [], rejected: [], layer: 'dana' };
    expect(occurrenceSuggestions({ ...tagged, quote: 'a' }, ctx)).toEqual([]);
    expect(occurrenceSuggestions({ ...tagged, quote: ';' }, { ...ctx, text: ';;; ;' })).toEqual([]);
  });

  it('turns found ranges into suggestions of one label, leaving out the tagged and the turned down', () => {
    const ranges = [0, 20, text.lastIndexOf('Ankara')].map((start) => ({
      start,
      end: start + 6,
      quote: 'Ankara',
    }));
    const spans = [{ label: 'actor', start: 0, end: 6 }];
    const rejected = [{ layer: 'dana' as LayerId, label: 'actor', start: 20, end: 26 }];
    const found = rangeSuggestions(ranges, 'actor', 'a search hit', { spans, rejected, layer: 'dana' });
    expect(found).toEqual([
      {
        key: suggestionKey('actor', ranges[2]!.start, ranges[2]!.end),
        label: 'actor',
        start: ranges[2]!.start,
        end: ranges[2]!.end,
        quote: 'Ankara',
        reason: 'a search hit',
      },
    ]);
  });
});

describe('ranges not covered by a span of their label', () => {
  const range = fc
    .record({
      label: fc.constantFrom('actor', 'claim'),
      start: fc.nat(60),
      length: fc.integer({ min: 1, max: 20 }),
    })
    .map(({ label, start, length }) => ({ label, start, end: start + length }));

  it('are exactly those coveredBy finds uncovered, in their order, whatever the order of spans and ranges', () => {
    fc.assert(
      fc.property(fc.array(range, { maxLength: 30 }), fc.array(range, { maxLength: 30 }), (spans, ranges) => {
        expect(uncovered(spans, ranges)).toEqual(ranges.filter((r) => !coveredBy(spans, r)));
      }),
    );
  });
});
