// Whole-word occurrences: "Damascus" is found where it stands as a word, never inside a longer word, with
// emoji and accented letters around it counted right; every occurrence found is the quote itself.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wholeWordOccurrences } from './occurrences';

describe('whole-word occurrences', () => {
  it('finds a name where it stands as a word, and not inside another word', () => {
    const text = 'Damascus said Damascene traders trust Damascus, not Damascus2.';
    const found = wholeWordOccurrences(text, 'Damascus').map((r) => r.start);
    expect(found).toEqual([0, text.indexOf('Damascus,')]);
  });

  it('treats accented letters and marks as part of a word, and emoji as a word edge', () => {
    const text = 'Güler, Gülerler and 🇹🇷Güler e\u0301Güler';
    const found = wholeWordOccurrences(text, 'Güler').map((r) => r.start);
    expect(found).toEqual([0, text.indexOf('🇹🇷Güler') + '🇹🇷'.length]);
  });

  it('checks only the edges that are word characters in the quote', () => {
    expect(wholeWordOccurrences('(Ankara) Ankara)', 'Ankara)')).toEqual([
      { start: 1, end: 8 },
      { start: 9, end: 16 },
    ]);
  });

  it('stops at the limit', () => {
    expect(wholeWordOccurrences('a a a a', 'a', 2)).toHaveLength(2);
  });

  it('only ever returns ranges that hold the quote, and finds the quote joined by spaces', () => {
    fc.assert(
      fc.property(
        fc.array(fc.constantFrom('Erdogan', 'Ankara', 'x', ' ', '.', 'é'), { maxLength: 30 }),
        (parts) => {
          const text = parts.join('');
          for (const { start, end } of wholeWordOccurrences(text, 'Ankara'))
            expect(text.slice(start, end)).toBe('Ankara');
          const spaced = ` ${text} Ankara `;
          expect(wholeWordOccurrences(spaced, 'Ankara').at(-1)).toEqual({
            start: spaced.length - 7,
            end: spaced.length - 1,
          });
        },
      ),
    );
  });
});
