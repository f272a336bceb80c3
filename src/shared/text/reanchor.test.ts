import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { anchorOf } from './anchor';
import { reanchor } from './reanchor';
import { splitsSurrogatePair } from './surrogates';
import { unicodeText } from './test-support/unicode-text';

/** A quote that cannot occur by chance in the generated texts: '§' is removed from them. */
const quoteArbitrary = unicodeText({ maxPieces: 4 }).map((inner) => `§${inner}§`);
const noMarker = unicodeText().map((text) => text.replaceAll('§', ''));

describe('reanchor', () => {
  it('keeps a span whose quote is still at its old offsets', () => {
    const text = 'The minister said the talks would resume.';
    expect(reanchor(text, { quote: 'the talks', start: 18 })).toEqual({
      start: 18,
      end: 27,
      method: 'exact',
    });
  });

  it('places a quote exactly in a text edited elsewhere', () => {
    fc.assert(
      fc.property(
        noMarker,
        quoteArbitrary,
        noMarker,
        noMarker,
        noMarker,
        (before, quote, after, added, tail) => {
          const original = before + quote + after;
          const start = before.length;
          const anchor = anchorOf(original, start, start + quote.length);
          // Text is inserted before the quote and appended after it: the old offsets no longer hold.
          const edited = added + '\n' + before + quote + after + tail;
          const found = reanchor(edited, { ...anchor, start, end: start + quote.length });
          const expectedStart = added.length + 1 + before.length;
          expect(found).not.toBeNull();
          expect(found!.start).toBe(expectedStart);
          expect(found!.end).toBe(expectedStart + quote.length);
          expect(edited.slice(found!.start, found!.end)).toBe(quote);
        },
      ),
    );
  });

  it('chooses between repeated quotes by their context rather than by the position hint', () => {
    const text = 'Ankara said yes. Then Damascus said yes. Ankara said no.';
    const second = text.indexOf('yes', 20);
    const found = reanchor(text, { quote: 'yes', prefix: 'Damascus said ', suffix: '. Ankara', start: 0 });
    expect(found).toEqual({ start: second, end: second + 3, method: 'context' });
  });

  it('finds a quote that was changed slightly, within the error budget', () => {
    const text = 'Officials said the border crossing will reopen on Monday.';
    const found = reanchor(text, { quote: 'the border crosing will re-open', start: 3 });
    expect(found?.method).toBe('fuzzy');
    expect(text.slice(found!.start, found!.end)).toMatch(/^the border crossing will reopen/);
  });

  it('gives up on a quote too different from anything in the text', () => {
    const text = 'Officials said the border crossing will reopen on Monday.';
    expect(reanchor(text, { quote: 'an entirely unrelated sentence', start: 0 })).toBeNull();
    expect(reanchor(text, { quote: '', start: 0 })).toBeNull();
  });

  it('never returns a range that splits a surrogate pair', () => {
    fc.assert(
      fc.property(unicodeText(), unicodeText({ maxPieces: 3 }), fc.nat(), (text, quote, hint) => {
        const found = reanchor(text, { quote, start: hint % (text.length + 1) }, { maxErrorRatio: 0.5 });
        if (found === null) return;
        expect(found.end).toBeGreaterThan(found.start);
        expect(splitsSurrogatePair(text, found.start)).toBe(false);
        expect(splitsSurrogatePair(text, found.end)).toBe(false);
      }),
    );
  });

  it('does not match half of an emoji even when the quote is that half', () => {
    expect(reanchor('a😀b', { quote: '\uDE00b', start: 2 })).toBeNull();
  });
});
