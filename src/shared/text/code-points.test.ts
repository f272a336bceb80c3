import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointIndex, OffsetError } from './code-points';
import { graphemeBoundaries, unicodeText } from './test-support/unicode-text';

/** Code points before a UTF-16 offset, counted the slow, obvious way (what Python's len() would say). */
function codePointsBefore(text: string, utf16: number): number {
  return Array.from(text.slice(0, utf16)).length;
}

/** UTF-16 offsets that do not split a surrogate pair, counted the slow way. */
function codePointBoundaries(text: string): number[] {
  const offsets = [0];
  for (const char of text) offsets.push(offsets[offsets.length - 1]! + char.length);
  return offsets;
}

describe('CodePointIndex', () => {
  it('counts the code points before every boundary exactly as Array.from does', () => {
    fc.assert(
      fc.property(unicodeText(), (text) => {
        const index = new CodePointIndex(text);
        for (const offset of codePointBoundaries(text)) {
          expect(index.toCodePoints(offset)).toBe(codePointsBefore(text, offset));
        }
        expect(index.codePointLength).toBe(Array.from(text).length);
      }),
    );
  });

  it('maps every code-point offset back to the UTF-16 offset it came from', () => {
    fc.assert(
      fc.property(unicodeText(), (text) => {
        const index = new CodePointIndex(text);
        for (const offset of codePointBoundaries(text)) {
          expect(index.toUtf16(index.toCodePoints(offset))).toBe(offset);
        }
      }),
    );
  });

  it('gives slices whose code points equal the UTF-16 slice on grapheme boundaries', () => {
    fc.assert(
      fc.property(unicodeText(), fc.nat(), fc.nat(), (text, a, b) => {
        const boundaries = graphemeBoundaries(text);
        const start = boundaries[a % boundaries.length]!;
        const end = boundaries[b % boundaries.length]!;
        const index = new CodePointIndex(text);
        const [from, to] = [
          index.toCodePoints(Math.min(start, end)),
          index.toCodePoints(Math.max(start, end)),
        ];
        expect(Array.from(text).slice(from, to).join('')).toBe(
          text.slice(Math.min(start, end), Math.max(start, end)),
        );
      }),
    );
  });

  it('refuses an offset between the two halves of an emoji', () => {
    const index = new CodePointIndex('a😀b');
    expect(() => index.toCodePoints(2)).toThrow(OffsetError);
    expect(() => index.toCodePoints(2)).toThrow(/splits a surrogate pair/);
    expect(index.toCodePoints(3)).toBe(2);
  });

  it('refuses offsets outside the text in either unit', () => {
    const index = new CodePointIndex('😀😀');
    expect(() => index.toCodePoints(5)).toThrow(/outside the text/);
    expect(() => index.toCodePoints(-1)).toThrow(/outside the text/);
    expect(() => index.toUtf16(3)).toThrow(/outside the text \(0 to 2 code points\)/);
    expect(() => index.toUtf16(1.5)).toThrow(OffsetError);
    expect(index.toUtf16(2)).toBe(4);
  });

  it('counts a lone surrogate as one code point, as Python does', () => {
    const index = new CodePointIndex('\uD800x\uDC00😀');
    expect(index.toCodePoints(3)).toBe(3);
    expect(index.toCodePoints(5)).toBe(4);
    expect(index.toUtf16(4)).toBe(5);
  });
});
