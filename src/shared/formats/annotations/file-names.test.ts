import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { safeStem, UniqueNames } from './file-names';

const utf8Bytes = (text: string) => new TextEncoder().encode(text).length;

describe('safe file names', () => {
  it('never lets a title climb out of the export folder', () => {
    expect(safeStem('../../etc/passwd')).toBe('-..-etc-passwd');
    expect(safeStem('..\\..\\win.ini')).toBe('-..-win.ini');
    expect(safeStem('/abs/path')).toBe('-abs-path');
  });

  it('drops leading dots so a title never makes a hidden file', () => {
    expect(safeStem('.hidden')).toBe('hidden');
    expect(safeStem('...')).toBe('document');
  });

  it('prefixes Windows reserved device names, with or without an extension', () => {
    for (const name of ['CON', 'prn', 'Aux', 'NUL', 'COM1', 'lpt9', 'con.txt', 'NUL.tar.gz', 'COM¹']) {
      expect(safeStem(name)).toBe(`_${name}`);
    }
    expect(safeStem('CONTACT')).toBe('CONTACT');
    expect(safeStem('COM10')).toBe('COM10');
  });

  it('removes bidi overrides and marks, so "txt.exe" cannot pose as "exe.txt"', () => {
    expect(safeStem('invoice\u202Etxt.exe')).toBe('invoicetxt.exe');
    expect(safeStem('a\u2066b\u2069c\u200Ed\u200Fe')).toBe('abcde');
  });

  it('replaces characters Windows forbids and control characters', () => {
    expect(safeStem('a:b*c?d"e<f>g|h\u0007i\u0000j')).toBe('a-b-c-d-e-f-g-h-i-j');
  });

  it('keeps names within 80 UTF-8 bytes without cutting a character or a grapheme', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (title) => {
        const name = new UniqueNames().take(title, 'ann');
        expect(utf8Bytes(name)).toBeLessThanOrEqual(80);
        expect(name.endsWith('.ann')).toBe(true);
        expect(/\p{Cs}/u.test(name)).toBe(false); // no lone surrogate: no character was cut
      }),
    );
    const arabic = 'تقرير '.repeat(20);
    const name = new UniqueNames().take(arabic, 'txt');
    expect(utf8Bytes(name)).toBeLessThanOrEqual(80);
    expect(arabic.startsWith(name.slice(0, -4))).toBe(true);
  });

  it('makes names unique without regard to case', () => {
    const names = new UniqueNames();
    names.reserve('README.txt');
    expect(['Report', 'report', 'REPORT', 'readme'].map((t) => names.take(t, 'txt'))).toEqual([
      'Report.txt',
      'report-2.txt',
      'REPORT-3.txt',
      'readme-2.txt',
    ]);
  });

  it('keeps titles in any script, normalised to NFC for the name only', () => {
    expect(safeStem('تقرير 😀 Güler')).toBe('تقرير 😀 Güler');
    expect(safeStem('Gu\u0308ler')).toBe('Güler');
  });
});
