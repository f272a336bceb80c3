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

  it('cuts the same tokens as segmenting the whole text at once, across chunk boundaries', () => {
    const segmenter = new Intl.Segmenter('en', { granularity: 'word' });
    const whole = (text: string): { start: number; end: number }[] =>
      [...segmenter.segment(text)]
        .filter((s) => s.isWordLike === true)
        .map((s) => ({ start: s.index, end: s.index + s.segment.length }));
    const piece = fc.constantFrom(
      'Syria’s',
      'U.S.',
      '3.5',
      'a',
      'border',
      '\n',
      ' ',
      '  ',
      '\t',
      ',',
      '—',
      '\u{1F1F9}\u{1F1F7}',
      'é',
      'e\u0301',
      '日本語',
      '\u200D',
    );
    fc.assert(
      fc.property(fc.array(piece, { minLength: 100, maxLength: 600 }), (pieces) => {
        const text = pieces.join('');
        expect(wordTokens(text)).toEqual(whole(text));
      }),
      { numRuns: 40 },
    );
  });

  it('tokenises a text many chunks long', () => {
    const text = 'The border holds, said Ankara.\n'.repeat(5000);
    const tokens = wordTokens(text);
    expect(tokens.length).toBe(25_000);
    expect(tokens[tokens.length - 1]).toEqual({ start: text.length - 8, end: text.length - 2 });
  });
});
