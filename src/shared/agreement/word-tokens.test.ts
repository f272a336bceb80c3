import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { wordTokens } from './word-tokens';

const quotes = (text: string): string[] => wordTokens(text).map((t) => text.slice(t.start, t.end));

describe('wordTokens', () => {
  it('keeps words and numbers and drops punctuation and spaces', () => {
    expect(quotes('Syria’s army, 3 tanks.')).toEqual(['Syria’s', 'army', '3', 'tanks']);
  });

  it('counts offsets in UTF-16 code units (an emoji before a word takes two)', () => {
    expect(wordTokens('\u{1F44D} ok')).toEqual([{ start: 3, end: 5 }]);
  });

  it('finds no tokens in an empty text or in punctuation only', () => {
    expect(wordTokens('')).toEqual([]);
    expect(wordTokens(' — … !')).toEqual([]);
  });

  it('returns tokens in order, disjoint, non-empty and free of whitespace', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 60 }), (text) => {
        let previousEnd = 0;
        for (const token of wordTokens(text)) {
          expect(token.start).toBeGreaterThanOrEqual(previousEnd);
          expect(token.end).toBeGreaterThan(token.start);
          expect(token.end).toBeLessThanOrEqual(text.length);
          expect(/\s/.test(text.slice(token.start, token.end))).toBe(false);
          previousEnd = token.end;
        }
      }),
    );
  });
});
