import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { canonicalizeText, canonicalToOriginal, originalToCanonical } from './canonical';

describe('canonicalizeText', () => {
  it('leaves LF text unchanged with an empty map', () => {
    expect(canonicalizeText('a\nb\n')).toEqual({ text: 'a\nb\n', lineEndings: 'lf', crlfAt: [], crAt: [] });
  });

  it('reports no line endings for a single line', () => {
    expect(canonicalizeText('one line')).toEqual({
      text: 'one line',
      lineEndings: 'none',
      crlfAt: [],
      crAt: [],
    });
  });

  it('turns CRLF into LF and records the canonical offset of each new LF', () => {
    expect(canonicalizeText('ab\r\ncd\r\n')).toEqual({
      text: 'ab\ncd\n',
      lineEndings: 'crlf',
      crlfAt: [2, 5],
      crAt: [],
    });
  });

  it('turns a lone CR into LF and records it separately', () => {
    expect(canonicalizeText('ab\rcd\r')).toEqual({
      text: 'ab\ncd\n',
      lineEndings: 'cr',
      crlfAt: [],
      crAt: [2, 5],
    });
  });

  it('calls a file with more than one kind of line ending mixed', () => {
    expect(canonicalizeText('a\r\nb\rc\nd')).toEqual({
      text: 'a\nb\nc\nd',
      lineEndings: 'mixed',
      crlfAt: [1],
      crAt: [3],
    });
  });

  it('treats CR CR LF as a lone CR followed by a CRLF', () => {
    expect(canonicalizeText('a\r\r\nb')).toEqual({
      text: 'a\n\nb',
      lineEndings: 'mixed',
      crlfAt: [2],
      crAt: [1],
    });
  });

  it('never normalises Unicode (NFD stays NFD)', () => {
    const nfd = 'Gu\u0308ler\r\n';
    expect(canonicalizeText(nfd).text).toBe('Gu\u0308ler\n');
  });

  it('handles a 10 MB CRLF text in linear time', () => {
    const line = 'Erdogan said the meeting is possible.\r\n';
    const big = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
    const startedAt = Date.now();
    const result = canonicalizeText(big);
    expect(Date.now() - startedAt).toBeLessThan(3000);
    expect(result.crlfAt.length).toBe(big.length / line.length);
    expect(result.text.length).toBe(big.length - result.crlfAt.length);
  });
});

describe('offset map', () => {
  it('a CRLF file keeps a map back to its original offsets', () => {
    const original = '\uFEFFone\r\ntwo\r\nthree';
    const canonical = canonicalizeText(original.slice(1));
    const map = { hadBom: true, crlfAt: canonical.crlfAt };
    const start = canonical.text.indexOf('three');
    expect(canonicalToOriginal(start, map)).toBe(original.indexOf('three'));
    expect(originalToCanonical(original.indexOf('three'), map)).toBe(start);
  });

  it('maps the end of a line to just before its CR', () => {
    const canonical = canonicalizeText('ab\r\ncd');
    const map = { hadBom: false, crlfAt: canonical.crlfAt };
    expect(canonicalToOriginal(2, map)).toBe(2);
    expect(canonicalToOriginal(3, map)).toBe(4);
  });

  it('clamps an original offset between CR and LF to the end of the line', () => {
    const map = { hadBom: false, crlfAt: [2] };
    expect(originalToCanonical(3, map)).toBe(2);
  });

  it('maps the offset before the BOM to the start of the canonical text', () => {
    expect(originalToCanonical(0, { hadBom: true, crlfAt: [] })).toBe(0);
    expect(canonicalToOriginal(0, { hadBom: true, crlfAt: [] })).toBe(1);
  });

  it('treats lone CRs as one-to-one', () => {
    const canonical = canonicalizeText('a\rb\rc');
    const map = { hadBom: false, crlfAt: canonical.crlfAt };
    for (let offset = 0; offset <= canonical.text.length; offset++)
      expect(canonicalToOriginal(offset, map)).toBe(offset);
  });

  it('refuses negative and fractional offsets', () => {
    expect(() => canonicalToOriginal(-1, { hadBom: false, crlfAt: [] })).toThrow(RangeError);
    expect(() => originalToCanonical(1.5, { hadBom: false, crlfAt: [] })).toThrow(RangeError);
  });

  const textWithLineEndings = fc.string({
    unit: fc.constantFrom('a', 'é', ' ', '\r', '\n', '\r\n', '😀', 'e\u0301'),
    maxLength: 40,
  });

  it('round-trips every canonical offset through the original and back', () => {
    fc.assert(
      fc.property(textWithLineEndings, fc.boolean(), (decoded, hadBom) => {
        const canonical = canonicalizeText(decoded);
        const map = { hadBom, crlfAt: canonical.crlfAt };
        for (let offset = 0; offset <= canonical.text.length; offset++) {
          expect(originalToCanonical(canonicalToOriginal(offset, map), map)).toBe(offset);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('maps every canonical range to an original range with the same text up to line endings', () => {
    fc.assert(
      fc.property(textWithLineEndings, fc.boolean(), (decoded, hadBom) => {
        const original = (hadBom ? '\uFEFF' : '') + decoded;
        const canonical = canonicalizeText(decoded);
        const map = { hadBom, crlfAt: canonical.crlfAt };
        const { text } = canonical;
        for (let start = 0; start <= text.length; start++) {
          for (let end = start; end <= text.length; end++) {
            const slice = original.slice(canonicalToOriginal(start, map), canonicalToOriginal(end, map));
            expect(slice.replace(/\r\n?/g, '\n')).toBe(text.slice(start, end));
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('maps original offsets monotonically and onto every canonical offset', () => {
    fc.assert(
      fc.property(textWithLineEndings, fc.boolean(), (decoded, hadBom) => {
        const original = (hadBom ? '\uFEFF' : '') + decoded;
        const canonical = canonicalizeText(decoded);
        const map = { hadBom, crlfAt: canonical.crlfAt };
        const images = [];
        for (let offset = 0; offset <= original.length; offset++)
          images.push(originalToCanonical(offset, map));
        for (let i = 1; i < images.length; i++) expect(images[i]).toBeGreaterThanOrEqual(images[i - 1] ?? 0);
        expect(new Set(images).size).toBe(canonical.text.length + 1);
      }),
      { numRuns: 300 },
    );
  });

  it('records offsets that point at the replacing LF', () => {
    fc.assert(
      fc.property(textWithLineEndings, (decoded) => {
        const { text, crlfAt, crAt } = canonicalizeText(decoded);
        for (const at of [...crlfAt, ...crAt]) expect(text[at]).toBe('\n');
        expect(text.includes('\r')).toBe(false);
        expect(crlfAt.length).toBe(decoded.split('\r\n').length - 1);
      }),
    );
  });
});
