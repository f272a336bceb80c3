import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { zipFiles } from './zip';

describe('zipFiles', () => {
  it('stores every file under its path with its exact UTF-8 text', () => {
    const files = [
      { path: 'README.txt', content: 'Offsets are code points.\n' },
      { path: 'ana/تقرير 😀.txt', content: 'one\u2028two 👩‍👩‍👧\n' },
      { path: '__proto__/constructor.ann', content: 'T1\tclaim 0 3\tone\n' },
    ];
    const entries = unzipSync(zipFiles(files));
    expect(Object.keys(entries).sort()).toEqual(files.map((f) => f.path).sort());
    for (const file of files) expect(strFromU8(entries[file.path]!)).toBe(file.content);
  });

  it('refuses two files with the same path', () => {
    expect(() =>
      zipFiles([
        { path: 'a.txt', content: '1' },
        { path: 'a.txt', content: '2' },
      ]),
    ).toThrow('two files in one export are named a.txt');
  });
});
