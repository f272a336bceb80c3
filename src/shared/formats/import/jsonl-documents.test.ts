import { describe, it, expect } from 'vitest';
import { parseJsonlDocuments } from './jsonl-documents';
import type { DecodedFile } from './document-draft';

const file = (text: string): DecodedFile => ({
  sourceName: 'corpus.jsonl',
  stem: 'corpus',
  text,
  hadBom: false,
});
const lines = (...records: string[]): string => records.join('\n');

describe('parseJsonlDocuments', () => {
  it('makes one document per record with its id, title and meta', () => {
    const outcome = parseJsonlDocuments(
      file(
        lines(
          '{"id":"a1","title":"Astana talks","text":"Lavrentiev spoke.","meta":{"outlet":"Enab","year":2024,"paywall":false}}',
          '{"text":"Erdogan urged Assad."}',
        ),
      ),
    );
    expect(outcome).toEqual({
      ok: true,
      documents: [
        {
          title: 'Astana talks',
          text: 'Lavrentiev spoke.',
          meta: { outlet: 'Enab', year: 2024, paywall: false, sourceFile: 'corpus.jsonl', sourceId: 'a1' },
          import: {
            sourceName: 'corpus.jsonl',
            format: 'jsonl',
            encoding: 'utf-8',
            hadBom: false,
            lineEndings: 'none',
            crlfAt: [],
            crAt: [],
          },
        },
        expect.objectContaining({
          title: 'Erdogan urged Assad.',
          text: 'Erdogan urged Assad.',
          meta: { sourceFile: 'corpus.jsonl' },
        }),
      ],
    });
  });

  it('skips blank lines', () => {
    const outcome = parseJsonlDocuments(file('\n{"text":"one"}\n   \n{"text":"two"}\n'));
    expect(outcome.ok && outcome.documents.map((d) => d.text)).toEqual(['one', 'two']);
  });

  it('titles an untitled record by its id, else by the first words of its text', () => {
    const long = 'The   minister said\\nthat the border would stay closed until the spring talks ended';
    const outcome = parseJsonlDocuments(
      file(lines('{"id":"AFP-2024-118","text":"Body."}', `{"text":"${long}"}`, '{"id":" ","text":"Short."}')),
    );
    expect(outcome.ok && outcome.documents.map((d) => d.title)).toEqual([
      'AFP-2024-118',
      'The minister said that the border would stay…',
      'Short.',
    ]);
  });

  it('accepts CRLF line endings between records', () => {
    const outcome = parseJsonlDocuments(file('{"text":"one"}\r\n{"text":"two"}\r\n'));
    expect(outcome.ok && outcome.documents.map((d) => d.text)).toEqual(['one', 'two']);
  });

  it('canonicalises each text with its own line-ending map', () => {
    const outcome = parseJsonlDocuments(file('{"text":"a\\r\\nb\\rc"}'));
    expect(outcome.ok && outcome.documents[0]).toMatchObject({
      text: 'a\nb\nc',
      import: { lineEndings: 'mixed', crlfAt: [1], crAt: [3], hadBom: false },
    });
  });

  it('treats a leading U+FEFF in a text as a BOM so the offset map stays exact', () => {
    const outcome = parseJsonlDocuments(file('{"text":"\\ufeffhello"}'));
    expect(outcome.ok && outcome.documents[0]).toMatchObject({ text: 'hello', import: { hadBom: true } });
  });

  it('refuses the whole file when one line is not valid JSON, naming the line', () => {
    const outcome = parseJsonlDocuments(
      file(lines('{"text":"ok"}', '', '{"text": oops}', '{"text":"fine"}')),
    );
    expect(outcome.ok).toBe(false);
    if (outcome.ok) return;
    expect(outcome.line).toBe(3);
    expect(outcome.message).toMatch(/^line 3: is not valid JSON \(.+\)$/);
    expect(outcome).not.toHaveProperty('documents');
  });

  it.each([
    ['[1,2]', 'line 1: is not a JSON object'],
    ['"text"', 'line 1: is not a JSON object'],
    ['null', 'line 1: is not a JSON object'],
    ['{"body":"x"}', 'line 1: has no "text" string'],
    ['{"text":42}', 'line 1: has no "text" string'],
    ['{"text":""}', 'line 1: "text" is empty'],
    ['{"text":" \\n\\t "}', 'line 1: "text" contains only whitespace'],
    ['{"text":"x","id":7}', 'line 1: "id" must be a string'],
    ['{"text":"x","title":["a"]}', 'line 1: "title" must be a string'],
    ['{"text":"x","meta":[1]}', 'line 1: "meta" must be an object'],
    ['{"text":"x","meta":{"tags":["a"]}}', 'line 1: "meta.tags" must be a string, number or boolean'],
    ['{"text":"x","meta":{"date":null}}', 'line 1: "meta.date" must be a string, number or boolean'],
  ])('refuses %s with a specific reason', (line, message) => {
    expect(parseJsonlDocuments(file(line))).toEqual({ ok: false, line: 1, message });
  });

  it('reports the line number of a bad record after good ones', () => {
    const outcome = parseJsonlDocuments(
      file(lines('{"text":"a"}', '{"text":"b"}', '', '', '{"title":"no text"}')),
    );
    expect(outcome).toEqual({ ok: false, line: 5, message: 'line 5: has no "text" string' });
  });

  it('refuses a file without any documents', () => {
    expect(parseJsonlDocuments(file('\n  \n'))).toEqual({
      ok: false,
      message: 'the file has no documents (every line is blank)',
    });
  });

  it('lets its own provenance keys win over same-named meta keys', () => {
    const outcome = parseJsonlDocuments(
      file('{"id":"x","text":"t","meta":{"sourceFile":"other","sourceId":"y"}}'),
    );
    expect(outcome.ok && outcome.documents[0]?.meta).toEqual({ sourceFile: 'corpus.jsonl', sourceId: 'x' });
  });

  it('keeps a "__proto__" meta key as an ordinary key', () => {
    const outcome = parseJsonlDocuments(file('{"text":"one","meta":{"__proto__":"x","constructor":1}}'));
    const meta = outcome.ok ? outcome.documents[0]?.meta : undefined;
    expect(Object.keys(meta ?? {})).toEqual(['__proto__', 'constructor', 'sourceFile']);
  });

  it('refuses a lone surrogate in any string of a record, naming the line and the field', () => {
    expect(parseJsonlDocuments(file(lines('{"text":"ok"}', '{"text":"a\\ud800b"}')))).toEqual({
      ok: false,
      line: 2,
      message:
        'line 2: "text" contains a lone surrogate (\\ud800 at character 1), which is not Unicode text; ' +
        'fix the escape in the file',
    });
    const inMeta = parseJsonlDocuments(file('{"text":"ok","meta":{"who":"\\udc00"}}'));
    expect(inMeta).toMatchObject({ ok: false, line: 1, message: expect.stringContaining('"meta.who"') });
    const inTitle = parseJsonlDocuments(file('{"text":"ok","title":"x\\udbff"}'));
    expect(inTitle).toMatchObject({ ok: false, message: expect.stringContaining('"title"') });
  });

  it('accepts surrogate pairs written as escapes', () => {
    const outcome = parseJsonlDocuments(file('{"text":"smile \\ud83d\\ude00"}'));
    expect(outcome.ok && outcome.documents[0]?.text).toBe('smile 😀');
  });

  it('falls back to the id when the title is blank', () => {
    const outcome = parseJsonlDocuments(file('{"title":"   ","id":"x7","text":"t"}'));
    expect(outcome.ok && outcome.documents[0]?.title).toBe('x7');
  });
});
