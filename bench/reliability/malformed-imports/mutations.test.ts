// The campaign's own judgement of an import file: what must be refused, and on which line its defect sits.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { seeded } from '../../lib/corpus';
import { IMPORT_FORMATS, type ImportFormat } from './formats';
import { expectationOf, lineAt, malformedFile } from './mutations';

const format = (extension: string): ImportFormat =>
  IMPORT_FORMATS.find((f) => f.extension === extension) as ImportFormat;

describe('what an importer must do with a file', () => {
  it('refuses a NUL byte and names its line', () => {
    expect(expectationOf(format('txt'), Buffer.from('one\ntwo\nth\0ree'))).toEqual({
      mustRefuse: true,
      line: 3,
    });
  });

  it('refuses invalid UTF-8 on the line of the damaged byte', () => {
    const bytes = Buffer.concat([
      Buffer.from('one\ntwo\n'),
      Buffer.from([0xed, 0xa0, 0x80]),
      Buffer.from('\nfour'),
    ]);
    expect(expectationOf(format('md'), bytes, 8)).toEqual({ mustRefuse: true, line: 3 });
  });

  it('refuses the first JSONL line that is not a document, by number', () => {
    const jsonl = ['{"text":"fine"}', '', '{"text":"lone \\ud800"}', '{"text":5}'].join('\n');
    expect(expectationOf(format('jsonl'), Buffer.from(jsonl))).toEqual({ mustRefuse: true, line: 3 });
  });

  it('lets valid text through, with a byte-order mark and CRLF line endings', () => {
    expect(expectationOf(format('txt'), Buffer.from('\ufeffSome text.\r\nMore.'))).toEqual({
      mustRefuse: false,
    });
    expect(expectationOf(format('jsonl'), Buffer.from('{"text":"a","meta":{"k":1}}\r\n'))).toEqual({
      mustRefuse: false,
    });
  });

  it('refuses an empty or blank file without a line', () => {
    expect(expectationOf(format('txt'), Buffer.alloc(0))).toEqual({ mustRefuse: true });
    expect(expectationOf(format('html'), Buffer.from(' \n\t'))).toEqual({ mustRefuse: true });
  });
});

describe('mutated files', () => {
  it('name a line inside the file whenever they name one', () => {
    fc.assert(
      fc.property(fc.integer(), fc.constantFrom(...IMPORT_FORMATS), (seed, fmt) => {
        const sample = fmt.samples()[0] ?? '';
        const file = malformedFile(fmt, sample, seeded(seed), 0);
        if (file.line !== undefined)
          expect(file.line).toBeLessThanOrEqual(lineAt(file.bytes, file.bytes.length));
        expect(file.name).toMatch(/^m0\.\w+$/);
      }),
      { numRuns: 60 },
    );
  });
});
