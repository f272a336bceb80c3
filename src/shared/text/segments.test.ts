import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { readFileSync } from 'node:fs';
import { snapToGraphemes, snapToWords, wordAt } from './segments';
import { splitsSurrogatePair } from './surrogates';

const sample = readFileSync(new URL('../../../data/astana-22-turkey-syria.txt', import.meta.url), 'utf8');
const family = '\u{1F469}\u200D\u{1F469}\u200D\u{1F467}'; // 👩‍👩‍👧, 8 code units
const flags = '\u{1F1F9}\u{1F1F7}\u{1F1F8}\u{1F1FE}'; // 🇹🇷🇸🇾
const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });

/** Every grapheme boundary of `text`, from segmenting all of it (the reference the windows must agree with). */
function graphemeBoundaries(text: string): Set<number> {
  const boundaries = new Set([text.length]);
  for (const { index } of graphemeSegmenter.segment(text)) boundaries.add(index);
  return boundaries;
}

/** Selects `phrase` (the n-th occurrence) in the sample, shifted inward by `trimStart`/`trimEnd` units. */
function select(phrase: string, trimStart = 0, trimEnd = 0): [number, number] {
  const at = sample.indexOf(phrase);
  if (at < 0) throw new Error(`"${phrase}" is not in the sample`);
  return [at + trimStart, at + phrase.length - trimEnd];
}

function quoted(text: string, range: { start: number; end: number } | null): string | null {
  return range === null ? null : text.slice(range.start, range.end);
}

describe('snapToGraphemes', () => {
  it('never splits an emoji ZWJ sequence', () => {
    const text = `a${family}b`;
    expect(snapToGraphemes(text, 3, 5)).toEqual({ start: 1, end: 9 });
  });

  it('keeps two adjacent flags apart but never halves one', () => {
    const text = `x${flags}y`;
    expect(snapToGraphemes(text, 5, 9)).toEqual({ start: 5, end: 9 });
    expect(snapToGraphemes(text, 3, 7)).toEqual({ start: 1, end: 9 });
  });

  it('keeps a combining accent with its letter', () => {
    const text = 'Gu\u0308ler'; // ü as u + COMBINING DIAERESIS
    expect(snapToGraphemes(text, 0, 2)).toEqual({ start: 0, end: 3 });
    expect(snapToGraphemes(text, 2, 5)).toEqual({ start: 1, end: 5 });
  });

  it('keeps Arabic harakat with their letters', () => {
    const text = 'بِسْمِ اللَّهِ';
    expect(snapToGraphemes(text, 1, 3)).toEqual({ start: 0, end: 4 });
  });

  it('never splits a surrogate pair', () => {
    const text = 'a\u{1D400}b';
    expect(snapToGraphemes(text, 2, 2)).toEqual({ start: 1, end: 3 });
  });

  it('keeps an empty range on a boundary empty', () => {
    expect(snapToGraphemes('abc', 1, 1)).toEqual({ start: 1, end: 1 });
  });

  it('clamps offsets outside the text and orders a backwards selection', () => {
    expect(snapToGraphemes('abc', 5, -2)).toEqual({ start: 0, end: 3 });
  });

  const cluster = fc.constantFrom(
    'a',
    ' ',
    '\n',
    'e\u0301',
    'ş',
    family,
    '\u{1F1F9}\u{1F1F7}',
    '\u{1F44D}\u{1F3FD}',
    'بِ',
    'ق',
    '\u{1D400}',
    'ก',
    'ำ',
    '\u0915\u094D\u0937',
    '\u200D',
  );
  const trickyText = fc.string({ unit: cluster, maxLength: 60 });
  const longTrickyText = fc.string({ unit: cluster, minLength: 200, maxLength: 900 });

  function checkSnap(text: string, a: number, b: number): void {
    const boundaries = graphemeBoundaries(text);
    const snapped = snapToGraphemes(text, a, b);
    expect(snapped.start).toBeLessThanOrEqual(Math.min(a, b));
    expect(snapped.end).toBeGreaterThanOrEqual(Math.max(a, b));
    expect(boundaries.has(snapped.start) && boundaries.has(snapped.end)).toBe(true);
    expect(splitsSurrogatePair(text, snapped.start) || splitsSurrogatePair(text, snapped.end)).toBe(false);
  }

  it('always returns grapheme boundaries that contain the original range', () => {
    fc.assert(
      fc.property(trickyText, fc.nat(), fc.nat(), (text, x, y) => {
        const limit = text.length + 1;
        checkSnap(text, x % limit, y % limit);
      }),
      { numRuns: 1000 },
    );
  });

  it('agrees with whole-text segmentation far from the start of a long text', () => {
    fc.assert(
      fc.property(longTrickyText, fc.nat(), fc.nat(), (text, x, y) => {
        const limit = text.length + 1;
        checkSnap(text, x % limit, y % limit);
      }),
      { numRuns: 200 },
    );
  });
});

describe('snapToWords', () => {
  it('widens a partial selection to whole words in "Yaşar Güler"', () => {
    const [start, end] = select('Yaşar Güler', 2, 3);
    expect(quoted(sample, snapToWords(sample, start, end))).toBe('Yaşar Güler');
  });

  it('keeps the apostrophe inside "Syria’s"', () => {
    const [start, end] = select('Syria’s settlement', 1, 14);
    expect(quoted(sample, snapToWords(sample, start, end))).toBe('Syria’s');
  });

  it('treats the hyphen in "al-Assad" as a word boundary', () => {
    const [start, end] = select('Bashar al-Assad', 11, 1);
    expect(quoted(sample, snapToWords(sample, start, end))).toBe('Assad');
    const [from, to] = select('Bashar al-Assad', 4, 3);
    expect(quoted(sample, snapToWords(sample, from, to))).toBe('Bashar al-Assad');
  });

  it('trims whitespace around a selection before snapping', () => {
    const [start, end] = select(' Recep Tayyip Erdogan ');
    expect(quoted(sample, snapToWords(sample, start, end))).toBe('Recep Tayyip Erdogan');
  });

  it('keeps punctuation the user selected and widens the word inside it', () => {
    const [start, end] = select('“Syrian-Turkish relations', 0, 20);
    expect(quoted(sample, snapToWords(sample, start, end))).toBe('“Syrian');
  });

  it('widens a selection ending inside a word to the word end even with quotes around it', () => {
    const [start, end] = select('“there will be no withdrawal of Turkish forces', 1, 3);
    expect(quoted(sample, snapToWords(sample, start, end))).toBe(
      'there will be no withdrawal of Turkish forces',
    );
  });

  it('widens inside Arabic words', () => {
    const text = 'قال الرئيس السوري بشار الأسد';
    const start = text.indexOf('الرئيس') + 2;
    const end = text.indexOf('السوري') + 3;
    expect(quoted(text, snapToWords(text, start, end))).toBe('الرئيس السوري');
  });

  it('returns null for a selection of only whitespace', () => {
    expect(snapToWords('a \n\t b', 1, 5)).toBeNull();
    expect(snapToWords('abc', 1, 1)).toBeNull();
  });

  it('keeps an emoji that is not a word but never splits it', () => {
    const text = `so ${family} happy`;
    expect(quoted(text, snapToWords(text, 4, 6))).toBe(family);
  });

  it('always returns a non-empty grapheme-aligned range covering the trimmed selection', () => {
    const word = fc.constantFrom(
      'Yaşar',
      'Güler',
      'al-Assad',
      'Syria’s',
      'قال',
      'e\u0301te\u0301',
      family,
      '3.5',
    );
    const gap = fc.constantFrom(' ', '  ', '\n', ', ', ' “', '” ');
    const prose = fc.array(fc.tuple(word, gap), { maxLength: 20 }).map((parts) => parts.flat().join(''));
    fc.assert(
      fc.property(prose, fc.nat(), fc.nat(), (text, x, y) => {
        const [a, b] = [x % (text.length + 1), y % (text.length + 1)].sort((p, q) => p - q) as [
          number,
          number,
        ];
        const snapped = snapToWords(text, a, b);
        if (snapped === null) {
          expect(text.slice(a, b).trim()).toBe('');
          return;
        }
        const boundaries = graphemeBoundaries(text);
        expect(boundaries.has(snapped.start) && boundaries.has(snapped.end)).toBe(true);
        expect(snapped.start).toBeLessThan(snapped.end);
        const trimmedStart = a + (text.slice(a, b).length - text.slice(a, b).trimStart().length);
        const trimmedEnd = b - (text.slice(a, b).length - text.slice(a, b).trimEnd().length);
        expect(snapped.start).toBeLessThanOrEqual(trimmedStart);
        expect(snapped.end).toBeGreaterThanOrEqual(trimmedEnd);
      }),
      { numRuns: 500 },
    );
  });

  it('stays fast on a 1 MB text because it segments only a window', () => {
    const big = sample.repeat(Math.ceil(1_000_000 / sample.length));
    const startedAt = Date.now();
    for (let i = 0; i < 2000; i++) {
      const start = (i * 7919) % (big.length - 40);
      snapToWords(big, start, start + 30);
    }
    expect(Date.now() - startedAt).toBeLessThan(2000);
  });

  it('gives the same words deep inside a long text as in the sample itself', () => {
    const big = sample.repeat(200);
    const offset = sample.length * 150;
    const [start, end] = select('Yaşar Güler', 2, 3);
    const snapped = snapToWords(big, offset + start, offset + end);
    expect(quoted(big, snapped)).toBe('Yaşar Güler');
  });
});

describe('wordAt', () => {
  it('finds the word around a caret', () => {
    const at = sample.indexOf('Lavrentiev') + 4;
    expect(quoted(sample, wordAt(sample, at))).toBe('Lavrentiev');
  });

  it('finds the word that ends at a caret', () => {
    const at = sample.indexOf('Lavrentiev,') + 'Lavrentiev'.length;
    expect(quoted(sample, wordAt(sample, at))).toBe('Lavrentiev');
  });

  it('finds an accented word at its last letter', () => {
    const at = sample.indexOf('Güler') + 4;
    expect(quoted(sample, wordAt(sample, at))).toBe('Güler');
  });

  it('agrees with whole-text word segmentation anywhere in a long text', () => {
    const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });
    const piece = fc.constantFrom(
      'Yaşar',
      ' ',
      '\n',
      '.',
      '’',
      '3',
      'e\u0301',
      'قال',
      '\u{1F1F9}',
      family,
      ':',
      '\uFEFF',
    );
    fc.assert(
      fc.property(fc.string({ unit: piece, minLength: 100, maxLength: 600 }), fc.nat(), (text, x) => {
        const at = x % text.length;
        const reference = wordSegmenter.segment(text).containing(at);
        if (reference?.isWordLike !== true) return;
        expect(wordAt(text, at)).toEqual({
          start: reference.index,
          end: reference.index + reference.segment.length,
        });
      }),
      { numRuns: 300 },
    );
  });

  it('returns null between spaces and punctuation', () => {
    expect(wordAt('a  , b', 2)).toBeNull();
    expect(wordAt('', 0)).toBeNull();
  });
});
