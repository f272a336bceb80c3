import { describe, expect, it } from 'vitest';
import type { InputFile, ParsedPackage } from './bundle';
import { ExportError } from './export-checks';
import { jsonlCodec } from './jsonl';
import { makeDocument, testSchema } from './test-support/bundles';
import { assertRoundTrip } from './test-support/round-trip';

function asInput(content: string, name = 'annotations.jsonl'): InputFile {
  return { name, text: content, hadBom: false };
}

function parsed(content: string): ParsedPackage {
  const outcome = jsonlCodec.parse([asInput(content)]);
  if (!outcome.ok) throw new Error(outcome.message);
  return outcome.value;
}

describe('JSONL codec', () => {
  it('reads back every span, relation, note and attribute it wrote, over arbitrary Unicode', () => {
    assertRoundTrip(jsonlCodec, { ids: true, relationNotes: true }, (bundle, pkg) => {
      expect(pkg.documents.map((d) => [d.id, d.title, d.text])).toEqual(
        bundle.documents.map((d) => [d.id, d.title, d.text]),
      );
    });
  });

  it('writes one line per document even when texts and notes hold U+2028 and U+2029', () => {
    const doc = makeDocument('d1', 'Lines', 'one\u2028two\u2029three', {});
    const bundle = {
      schema: testSchema,
      annotators: [],
      documents: [doc, doc],
      exportedAt: '',
      exportedBy: '',
    };
    const content = jsonlCodec.serialize(bundle).files[0]!.content;
    expect(content).not.toMatch(/[\u2028\u2029]/);
    expect(content.split('\n').filter((l) => l !== '')).toHaveLength(2);
    expect(parsed(content).documents[0]!.text).toBe('one\u2028two\u2029three');
  });

  it('stops the export when a span quote does not match its text', () => {
    const doc = makeDocument('d1', 'Talks', 'The talks resume.', {
      ana: {
        spans: [
          {
            ...{ id: 's1', label: 'claim', start: 4, end: 9, quote: 'walks', prefix: '', suffix: '' },
            ...{ attributes: {}, note: '', createdBy: 'ana', createdAt: '', updatedAt: '' },
          } as never,
        ],
        relations: [],
      },
    });
    const bundle = { schema: testSchema, annotators: [], documents: [doc], exportedAt: '', exportedBy: '' };
    expect(() => jsonlCodec.serialize(bundle)).toThrow(ExportError);
    expect(() => jsonlCodec.serialize(bundle)).toThrow(
      /"Talks", span s1 .*quotes "walks" but the text there reads "talks"/,
    );
  });

  it('names the file and line of a record that is not JSON', () => {
    const outcome = jsonlCodec.parse([asInput('{"text":"a","spans":[]}\n\n{"text": oops}\n')]);
    expect(outcome).toMatchObject({ ok: false, file: 'annotations.jsonl', line: 3 });
    expect(outcome.ok ? '' : outcome.message).toMatch(/^line 3: not valid JSON/);
  });

  it('names the line and span whose offsets do not select its text', () => {
    const line = JSON.stringify({
      text: 'a😀b',
      spans: [{ id: 's', label: 'x', start: 1, end: 2, text: 'b' }],
    });
    const outcome = jsonlCodec.parse([asInput(`${line}\n`)]);
    expect(outcome).toMatchObject({ ok: false, line: 1 });
    expect(outcome.ok ? '' : outcome.message).toMatch(
      /spans\[0\] quotes "b" but the text at 1–2 \(code points\) reads "😀"/,
    );
  });

  it('refuses offsets past the end of the text, naming the line', () => {
    const good = JSON.stringify({ text: 'ab', spans: [] });
    const bad = JSON.stringify({ text: 'ab', spans: [{ id: 's', label: 'x', start: 0, end: 3 }] });
    const outcome = jsonlCodec.parse([asInput(`${good}\n${bad}\n`)]);
    expect(outcome).toMatchObject({ ok: false, line: 2 });
    expect(outcome.ok ? '' : outcome.message).toMatch(/outside the text/);
  });

  it('refuses a relation to a span that is not on its line, naming the line and the end', () => {
    const good = JSON.stringify({ text: 'ab', spans: [{ id: 's', label: 'x', start: 0, end: 1 }] });
    const bad = JSON.stringify({
      text: 'ab',
      spans: [{ id: 's', label: 'x', start: 0, end: 1 }],
      relations: [{ id: 'r', type: 'says', from: 's', to: 'gone' }],
    });
    const outcome = jsonlCodec.parse([asInput(`${good}\n${bad}\n`)]);
    expect(outcome).toMatchObject({ ok: false, line: 2 });
    expect(outcome.ok ? '' : outcome.message).toMatch(/relations\[0\].*"gone".*no span/);
  });
});
