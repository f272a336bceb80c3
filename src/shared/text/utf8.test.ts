import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { decodeUtf8Strict, firstBinaryByte, firstInvalidUtf8Byte, lineOfByte, looksBinary } from './utf8';

const bytes = (...values: number[]): Uint8Array => Uint8Array.from(values);
const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const concat = (...parts: Uint8Array[]): Uint8Array => Uint8Array.from(parts.flatMap((part) => [...part]));

describe('decodeUtf8Strict', () => {
  it('decodes valid UTF-8 and reports no BOM', () => {
    expect(decodeUtf8Strict(utf8('Yaşar Güler 🇹🇷'))).toEqual({
      ok: true,
      text: 'Yaşar Güler 🇹🇷',
      hadBom: false,
    });
  });

  it('removes a leading byte-order mark and reports it', () => {
    expect(decodeUtf8Strict(concat(bytes(0xef, 0xbb, 0xbf), utf8('abc')))).toEqual({
      ok: true,
      text: 'abc',
      hadBom: true,
    });
  });

  it('keeps a U+FEFF that is not at the start', () => {
    const result = decodeUtf8Strict(utf8('a\uFEFFb'));
    expect(result).toEqual({ ok: true, text: 'a\uFEFFb', hadBom: false });
  });

  it('names the offset of the first invalid byte and tells the user what to do', () => {
    const result = decodeUtf8Strict(concat(utf8('a'.repeat(1234)), bytes(0xff), utf8('tail')));
    expect(result).toEqual({
      ok: false,
      byteOffset: 1234,
      line: 1,
      message: 'not valid UTF-8 (first bad byte at offset 1234); save the file as UTF-8 and import it again',
    });
  });

  it('names the line of the first invalid byte, however many lines come before it', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.string({ maxLength: 30 }).map((s) => s.replace(/[\r\n]/g, '')),
          { maxLength: 40 },
        ),
        (lines) => {
          const before = utf8(lines.map((line) => `${line}\n`).join(''));
          const result = decodeUtf8Strict(concat(before, bytes(0xc0, 0x80), utf8('\nafter')));
          expect(result.ok ? null : result.line).toBe(lines.length + 1);
        },
      ),
    );
  });

  it('refuses a Latin-1 file at its first accented letter', () => {
    const latin1 = bytes(...[...'Ya'].map((c) => c.charCodeAt(0)), 0xfe, 0x61, 0x72); // "Yaþar"
    expect(decodeUtf8Strict(latin1)).toMatchObject({ ok: false, byteOffset: 2 });
  });
});

describe('firstInvalidUtf8Byte', () => {
  it('points at the lead byte of a sequence truncated by the end of the file', () => {
    expect(firstInvalidUtf8Byte(concat(utf8('ab'), bytes(0xe2, 0x82)))).toBe(2);
  });

  it('points at overlong encodings, surrogates and code points past U+10FFFF', () => {
    expect(firstInvalidUtf8Byte(bytes(0x41, 0xc0, 0x80))).toBe(1);
    expect(firstInvalidUtf8Byte(bytes(0xe0, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8Byte(bytes(0x41, 0x42, 0xed, 0xa0, 0x80))).toBe(2);
    expect(firstInvalidUtf8Byte(bytes(0xf4, 0x90, 0x80, 0x80))).toBe(0);
    expect(firstInvalidUtf8Byte(bytes(0x41, 0x80))).toBe(1);
  });

  it('agrees with the platform decoder on arbitrary bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 64 }), (input) => {
        let valid = true;
        try {
          new TextDecoder('utf-8', { fatal: true }).decode(input);
        } catch {
          valid = false;
        }
        expect(firstInvalidUtf8Byte(input) === -1).toBe(valid);
      }),
      { numRuns: 2000 },
    );
  });

  it('finds no error in any encoded string and finds one where a byte is broken', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', maxLength: 40 }),
        fc.string({ unit: 'binary', maxLength: 40 }),
        (a, b) => {
          const prefix = utf8(a);
          expect(firstInvalidUtf8Byte(concat(prefix, utf8(b)))).toBe(-1);
          expect(firstInvalidUtf8Byte(concat(prefix, bytes(0xff), utf8(b)))).toBe(prefix.length);
        },
      ),
    );
  });
});

describe('looksBinary', () => {
  it('calls a file with a NUL byte binary', () => {
    expect(looksBinary(concat(utf8('PK'), bytes(3, 4, 0, 0)))).toBe(true);
  });

  it('does not call prose with tabs, form feeds and CRLF line endings binary', () => {
    expect(looksBinary(utf8('Title\r\n\tIndented\fnext page\nYaşar Güler'))).toBe(false);
  });

  it('calls a file dense with other control bytes binary', () => {
    expect(looksBinary(bytes(0x1b, 0x5b, 0x41, 0x07, 0x08, 0x41, 0x42, 0x43))).toBe(true);
  });

  it('tolerates a rare control byte in long text', () => {
    expect(looksBinary(concat(utf8('word '.repeat(100)), bytes(0x1b), utf8('more')))).toBe(false);
  });

  it('finds a NUL byte anywhere in the file, not only in its first 8 KiB', () => {
    fc.assert(
      fc.property(fc.nat(40 * 1024 - 1), (at) => {
        const text = utf8('a'.repeat(40 * 1024));
        text[at] = 0;
        expect(looksBinary(text)).toBe(true);
      }),
      { numRuns: 20 },
    );
  });

  it('does not call a long text binary for one control byte near its end', () => {
    expect(looksBinary(concat(utf8('a'.repeat(8 * 1024 + 3)), bytes(0x1b), utf8('ab')))).toBe(false);
  });

  it('calls a text binary that turns into control bytes after its first 8 KiB', () => {
    const controls = new Uint8Array(64 * 1024).fill(0x1b);
    expect(looksBinary(concat(utf8('word '.repeat(2000)), controls))).toBe(true);
  });

  it('calls UTF-16 text binary (its ASCII letters carry NUL bytes)', () => {
    expect(looksBinary(bytes(0xff, 0xfe, 0x41, 0x00, 0x42, 0x00))).toBe(true);
  });
});

describe('firstBinaryByte', () => {
  it('points at the first NUL byte, wherever it is', () => {
    const text = utf8('line one\nline two\n'.repeat(1000));
    text[12_345] = 0;
    expect(firstBinaryByte(text)).toBe(12_345);
  });

  it('points at the first control byte of the stretch that is dense with them', () => {
    const prose = utf8('word '.repeat(2000));
    expect(firstBinaryByte(concat(prose, new Uint8Array(2000).fill(0x1b)))).toBe(prose.length);
  });

  it('is -1 for text', () => {
    expect(firstBinaryByte(utf8('Title\r\n\tIndented\fnext page'))).toBe(-1);
  });
});

describe('lineOfByte', () => {
  it('counts lines as canonical text has them: LF, CRLF and a lone CR each end one', () => {
    const text = utf8('one\ntwo\r\nthree\rfour');
    expect(lineOfByte(text, 0)).toBe(1);
    expect(lineOfByte(text, text.indexOf(0x74))).toBe(2); // "two"
    expect(lineOfByte(text, utf8('one\ntwo\r\nth').length)).toBe(3);
    expect(lineOfByte(text, text.length - 1)).toBe(4);
  });

  it('puts a line break byte itself on the line it ends', () => {
    expect(lineOfByte(utf8('ab\ncd'), 2)).toBe(1);
    expect(lineOfByte(utf8('ab\r\ncd'), 3)).toBe(1);
  });
});
