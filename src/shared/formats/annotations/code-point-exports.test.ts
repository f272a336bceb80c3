// Proof that code-point exports index their own text the way Python does: each export of a document with
// emoji, Arabic, combining marks, CRLF and a BOM in its original file is written to a temp folder and read by
// the Python snippet docs/formats.md gives for that format; every slice must equal the span's quote.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Span } from '../../model';
import { anchorOf } from '../../text/anchor';
import { canonicalizeText } from '../../text/canonical';
import { decodeUtf8Strict } from '../../text/utf8';
import type { AnnotationFormat, ExportBundle, OutputFile } from './bundle';
import { codecs } from './index';
import { makeDocument, makeSpan, testSchema } from './test-support/bundles';

const folder = mkdtempSync(join(tmpdir(), 'tagwright-codecs-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

/** The original file: a BOM, CRLF line ends, a flag, a ZWJ family, Arabic, a combining accent, a ZWSP. */
const originalBytes = new TextEncoder().encode(
  '\uFEFFAnkara 🇹🇷 said:\r\n«سوريا موحدة» 👩‍👩‍👧 agrees\u200B.\r\nCafe\u0301 talks resume.',
);
const decoded = decodeUtf8Strict(originalBytes);
if (!decoded.ok) throw new Error(decoded.message);
const text = canonicalizeText(decoded.text).text;

function spanOf(id: string, label: string, quote: string): Span {
  const start = text.indexOf(quote);
  if (start < 0) throw new Error(`fixture has no "${quote}"`);
  const end = start + quote.length;
  const attributes = { actor: 'الحكومة السورية' };
  return makeSpan(id, label, text, start, end, {
    ...anchorOf(text, start, end),
    attributes,
    note: 'Line one\nline two\u2028',
  });
}

const spans = [
  spanOf('s1', 'actor', 'Ankara'),
  spanOf('s2', 'actor', '🇹🇷'),
  spanOf('s3', 'condition', 'said:\n«سوريا'),
  spanOf('s4', 'claim', 'سوريا موحدة'),
  spanOf('s5', 'actor', '👩‍👩‍👧'),
  spanOf('s6', 'claim', 'agrees\u200B.'),
  spanOf('s7', 'claim', 'Cafe\u0301 talks'),
];
const relations = [
  { id: 'r1', type: 'says', from: 's1', to: 's4', note: '', createdBy: 'ana', createdAt: '' },
];
const bundle: ExportBundle = {
  schema: testSchema,
  annotators: [],
  documents: [
    makeDocument('d1', 'Ankara talks 🇹🇷', text, { ana: { spans, relations: relations as never[] } }),
  ],
  exportedAt: '2026-01-02T03:04:05.000Z',
  exportedBy: 'Ana',
};

/** The Python snippet docs/formats.md gives under the heading of `format`. */
function snippetFor(format: AnnotationFormat): string {
  const docs = readFileSync(join(process.cwd(), 'docs/formats.md'), 'utf8');
  const section = docs.split('\n## ').find((s) => s.includes(`(\`${format}\`,`));
  const code = section === undefined ? null : /```python\n([\s\S]*?)```/.exec(section);
  if (code === null) throw new Error(`docs/formats.md has no Python snippet for ${format}`);
  return code[1]!;
}

function writeAll(files: readonly OutputFile[], into: string): void {
  for (const file of files) {
    mkdirSync(dirname(join(into, file.path)), { recursive: true });
    writeFileSync(join(into, file.path), file.content, 'utf8');
  }
}

/** Runs the snippet; it asserts where the format states quotes and prints each slice as a JSON string. */
function pythonSlices(format: AnnotationFormat, args: string[]): string[] {
  const output = execFileSync('python3', ['-c', snippetFor(format), ...args], { encoding: 'utf8' });
  return output
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as string);
}

function exported(format: AnnotationFormat): string {
  const into = join(folder, format);
  writeAll(codecs[format].serialize(bundle).files, into);
  return into;
}

const quotes = spans.map((s) => s.quote).sort();

describe('code-point exports read by Python', () => {
  it('the fixture really has a BOM and CRLF in its original file, and code points differ from UTF-16', () => {
    expect(decoded.hadBom).toBe(true);
    expect(decoded.text).toContain('\r\n');
    expect(Array.from(text).length).toBeLessThan(text.length);
  });

  it.each(['jsonl', 'doccano', 'labelstudio', 'w3c'] as const)(
    '%s: text[start:end] is every quote',
    (format) => {
      const into = exported(format);
      const [file] = codecs[format].serialize(bundle).files;
      expect(pythonSlices(format, [join(into, file!.path)]).sort()).toEqual(quotes);
    },
  );

  it('brat: slicing the .txt by each fragment gives the quote, fragments joined by a space', () => {
    const into = exported('brat');
    expect(readFileSync(join(into, 'ana/Ankara talks 🇹🇷.txt'), 'utf8')).toBe(text);
    const expected = spans
      .map((s) =>
        s.quote
          .split('\n')
          .filter((f) => f !== '')
          .join(' '),
      )
      .sort();
    expect(pythonSlices('brat', [join(into, 'ana/Ankara talks 🇹🇷.ann')]).sort()).toEqual(expected);
  });

  it('csv: slicing the canonical text by start_cp and end_cp gives every quote', () => {
    const into = exported('csv');
    writeFileSync(join(into, 'text.txt'), text, 'utf8');
    expect(pythonSlices('csv', [join(into, 'spans.csv'), join(into, 'text.txt')]).sort()).toEqual(quotes);
  });

  it('jsonl: a text and note with U+2028 and U+2029 stay on one line for splitlines()', () => {
    const odd = makeDocument('d2', 'Separators', 'one\u2028two\u2029three', {});
    const content = codecs.jsonl.serialize({ ...bundle, documents: [...bundle.documents, odd] }).files[0]!
      .content;
    const path = join(folder, 'separators.jsonl');
    writeFileSync(path, content, 'utf8');
    const script =
      'import json, sys\nlines = open(sys.argv[1], encoding="utf-8").read().splitlines()\nprint(json.dumps([json.loads(l)["text"] for l in lines]))';
    const texts = JSON.parse(execFileSync('python3', ['-c', script, path], { encoding: 'utf8' })) as string[];
    expect(texts).toEqual([text, 'one\u2028two\u2029three']);
  });
});
