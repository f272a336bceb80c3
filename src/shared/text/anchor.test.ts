import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { CONTEXT_CHARS } from '../model';
import { anchorOf, checkRange, quoteMatches } from './anchor';
import { isHighSurrogate, isLowSurrogate } from './surrogates';

const emoji = '\u{1F600}';

describe('anchorOf', () => {
  it('takes the quote and 32 units of context on each side', () => {
    const text = `${'p'.repeat(40)}QUOTE${'s'.repeat(40)}`;
    expect(anchorOf(text, 40, 45)).toEqual({
      quote: 'QUOTE',
      prefix: 'p'.repeat(32),
      suffix: 's'.repeat(32),
    });
  });

  it('takes shorter context at the edges of the text', () => {
    expect(anchorOf('ab QUOTE cd', 3, 8)).toEqual({ quote: 'QUOTE', prefix: 'ab ', suffix: ' cd' });
  });

  it('shrinks the prefix rather than cut a surrogate pair', () => {
    // The quote starts at 34, so 32 units back (offset 2) lands between the halves of the first emoji.
    const text = `x${emoji.repeat(16)}yQ`;
    expect(anchorOf(text, 34, 35).prefix).toBe(`${emoji.repeat(15)}y`);
  });

  it('shrinks the suffix rather than cut a surrogate pair', () => {
    const text = `Q${'y'.repeat(31)}${emoji}z`;
    const anchor = anchorOf(text, 0, 1);
    expect(anchor.suffix).toBe('y'.repeat(31));
  });

  it('never yields context with half a surrogate pair at its outer edge', () => {
    const unit = fc.constantFrom('a', ' ', emoji, '\u{1F1F9}\u{1F1F7}', 'é');
    fc.assert(
      fc.property(fc.string({ unit, maxLength: 60 }), fc.nat(), fc.nat(), (text, x, y) => {
        const [start, end] = [x % (text.length + 1), y % (text.length + 1)].sort((a, b) => a - b) as [
          number,
          number,
        ];
        const { quote, prefix, suffix } = anchorOf(text, start, end);
        expect(quote).toBe(text.slice(start, end));
        expect(prefix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
        expect(suffix.length).toBeLessThanOrEqual(CONTEXT_CHARS);
        expect(text.slice(start - prefix.length, start)).toBe(prefix);
        expect(text.slice(end, end + suffix.length)).toBe(suffix);
        expect(prefix.length > 0 && isLowSurrogate(prefix.charCodeAt(0))).toBe(false);
        expect(suffix.length > 0 && isHighSurrogate(suffix.charCodeAt(suffix.length - 1))).toBe(false);
        expect(prefix.length).toBeGreaterThanOrEqual(Math.min(start, CONTEXT_CHARS - 1));
      }),
    );
  });
});

describe('checkRange', () => {
  const text = `ab${emoji}cd`; // a b \uD83D \uDE00 c d

  it('accepts a valid range', () => {
    expect(checkRange(text, 0, 6)).toBeNull();
    expect(checkRange(text, 2, 4)).toBeNull();
  });

  it('names a range that starts before the text', () => {
    expect(checkRange(text, -1, 2)).toBe('span start -1 is before the start of the text');
  });

  it('names a range that ends past the text', () => {
    expect(checkRange(text, 0, 7)).toBe('span end 7 is past the end of the text (length 6)');
  });

  it('names an empty range', () => {
    expect(checkRange(text, 2, 2)).toBe('span is empty (start and end are both 2)');
  });

  it('names a reversed range', () => {
    expect(checkRange(text, 4, 2)).toBe('span start 4 is after its end 2');
  });

  it('names fractional offsets', () => {
    expect(checkRange(text, 0.5, 2)).toBe('span offsets must be whole numbers (start 0.5, end 2)');
  });

  it('names a start that splits a surrogate pair', () => {
    expect(checkRange(text, 3, 5)).toBe('span start 3 splits a surrogate pair (one emoji or symbol)');
  });

  it('names an end that splits a surrogate pair', () => {
    expect(checkRange(text, 0, 3)).toBe('span end 3 splits a surrogate pair (one emoji or symbol)');
  });
});

describe('quoteMatches', () => {
  it('accepts a span whose offsets select its quote', () => {
    expect(quoteMatches('Erdogan said', { start: 0, end: 7, quote: 'Erdogan' })).toBe(true);
  });

  it('rejects a span whose quote differs from the text', () => {
    expect(quoteMatches('Erdoğan said', { start: 0, end: 7, quote: 'Erdogan' })).toBe(false);
  });

  it('rejects a span whose offsets run past the text', () => {
    expect(quoteMatches('Erdogan', { start: 3, end: 10, quote: 'ogan' })).toBe(false);
  });

  it('rejects an NFC quote over NFD text (text is never normalised)', () => {
    expect(quoteMatches('Gu\u0308ler', { start: 0, end: 5, quote: 'Güler' })).toBe(false);
  });
});
