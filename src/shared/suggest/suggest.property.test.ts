import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitsSurrogatePair } from '../text/surrogates';
import { isMostlyLatin } from './language';
import { suggest } from './suggest';

/** Pieces of news prose, names, quotation marks, conditions and astral characters, glued at random. */
const piece = fc.constantFrom(
  'Damascus insists that ',
  'Turkish Defense Minister Yaşar Güler said ',
  '“',
  '”',
  '"',
  ', ',
  '. ',
  '\n',
  'Turkey withdraw its forces ',
  'if it remains a single country',
  'without clear conditions ',
  'as a precondition for a meeting ',
  'Erdogan told reporters that ',
  '🇸🇾',
  '👨‍👩‍👧',
  '🕊️',
  '𝒜',
  'e\u0301',
  'قال الوزير ',
  'According to NTV, ',
  'he added',
  ' ',
);
const text = fc.array(piece, { maxLength: 30 }).map((parts) => parts.join(''));

describe('suggest on arbitrary text', () => {
  it('returns spans inside the text, quoting it exactly, never splitting a surrogate pair, with stable keys', () => {
    fc.assert(
      fc.property(text, (t) => {
        const out = suggest({ text: t });
        const keys = new Set<string>();
        for (const span of out.spans) {
          expect(0 <= span.start && span.start < span.end && span.end <= t.length).toBe(true);
          expect(span.quote).toBe(t.slice(span.start, span.end));
          expect(splitsSurrogatePair(t, span.start) || splitsSurrogatePair(t, span.end)).toBe(false);
          expect(span.key).toBe(`${span.label}:${span.start}:${span.end}`);
          expect(keys.has(span.key)).toBe(false);
          keys.add(span.key);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('relates only its own spans: says from an actor to a claim, conditions from a condition inside its claim', () => {
    fc.assert(
      fc.property(text, (t) => {
        const out = suggest({ text: t });
        const byKey = new Map(out.spans.map((s) => [s.key, s]));
        for (const relation of out.relations) {
          const from = byKey.get(relation.from);
          const to = byKey.get(relation.to);
          expect(from).toBeDefined();
          expect(to?.label).toBe('claim');
          expect(from?.label).toBe(relation.type === 'says' ? 'actor' : 'condition');
          if (relation.type === 'conditions')
            expect(from!.start >= to!.start && from!.end <= to!.end).toBe(true);
        }
      }),
      { numRuns: 80 },
    );
  });

  it('gives the same answer every time for the same text', () => {
    fc.assert(
      fc.property(text, (t) => {
        expect(suggest({ text: t })).toEqual(suggest({ text: t }));
      }),
      { numRuns: 30 },
    );
  });
});

describe('the script check', () => {
  it('calls a text Latin exactly when at least half of its letters are Latin', () => {
    const letters = fc.array(fc.constantFrom('a', 'Ž', 'ب', 'Ж', '字', '1', ' ', '🙂'), { maxLength: 40 });
    fc.assert(
      fc.property(letters, (chars) => {
        const latin = chars.filter((c) => c === 'a' || c === 'Ž').length;
        const other = chars.filter((c) => c === 'ب' || c === 'Ж' || c === '字').length;
        expect(isMostlyLatin(chars.join(''))).toBe(latin >= other);
      }),
    );
  });
});
