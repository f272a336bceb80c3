// Test support (shared layer, tests only): fast-check arbitraries for texts that break naive offset code:
// astral characters, ZWJ emoji sequences, flags, combining marks, Arabic, zero-width characters, line and
// paragraph separators, and CRLF turned canonical (CRLF → LF) as an import would.
import fc from 'fast-check';
import { canonicalizeText } from '../canonical';

/** Pieces chosen to stress offsets, segmentation, JSON, CSV and brat escaping. */
export const trickyPieces = [
  'claim',
  ' ',
  '  ',
  '\n',
  '\r\n',
  '\t',
  '😀',
  '𝔸',
  '👩‍👩‍👧',
  '🇸🇾',
  '🇫🇷',
  'e\u0301',
  'a\u0308\u0323',
  'سوريا',
  'مرحبا بالعالم',
  '\u200B',
  '\u200D',
  '\uFEFF',
  '\u2028',
  '\u2029',
  '"',
  ',',
  ';',
  '\\',
  '%',
  '=SUM(A1)',
  '-1',
  '@x',
  'Güler',
  '.',
] as const;

/** A canonical text (no CR, never normalised) made of tricky pieces and arbitrary graphemes. */
export function unicodeText(options: { minLength?: number; maxPieces?: number } = {}): fc.Arbitrary<string> {
  const piece = fc.oneof(
    { weight: 3, arbitrary: fc.constantFrom(...trickyPieces) },
    { weight: 1, arbitrary: fc.string({ unit: 'grapheme', maxLength: 3 }) },
  );
  return fc
    .array(piece, { minLength: options.minLength ?? 1, maxLength: options.maxPieces ?? 24 })
    .map((pieces) => canonicalizeText(pieces.join('')).text);
}

/** Free text for notes and attribute values: tricky pieces plus arbitrary strings, possibly empty. */
export function unicodeNote(maxPieces = 6): fc.Arbitrary<string> {
  const piece = fc.oneof(fc.constantFrom(...trickyPieces), fc.string({ unit: 'grapheme', maxLength: 4 }));
  return fc.array(piece, { maxLength: maxPieces }).map((pieces) => pieces.join(''));
}

const graphemes = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Every grapheme-cluster boundary of `text`, 0 and text.length included (UTF-16 offsets). */
export function graphemeBoundaries(text: string): number[] {
  const boundaries = [...graphemes.segment(text)].map((segment) => segment.index);
  boundaries.push(text.length);
  return boundaries;
}
