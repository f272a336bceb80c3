import { describe, expect, it } from 'vitest';
import type { Span } from '../../model';
import type { ExportBundle } from './bundle';
import { codecs } from './index';
import { ExportError, verifyBundle } from './export-checks';
import { makeDocument, testSchema } from './test-support/bundles';

function bundleWith(
  text: string,
  spans: (Omit<Partial<Span>, 'id'> & { id: string })[],
  relations: unknown[] = [],
): ExportBundle {
  const full = spans.map((s) => ({
    prefix: '',
    suffix: '',
    attributes: {},
    note: '',
    createdBy: 'ana',
    createdAt: '',
    updatedAt: '',
    label: 'claim',
    ...s,
  }));
  const doc = makeDocument('d1', 'Talks in Ankara', text, {
    ana: { spans: full as Span[], relations: relations as never[] },
  });
  return { schema: testSchema, annotators: [], documents: [doc], exportedAt: 'now', exportedBy: 'Ana' };
}

describe('export checks', () => {
  it('stop every format before it writes a span whose quote is not the text at its offsets', () => {
    const bundle = bundleWith('The talks resume 😀.', [{ id: 's9', start: 4, end: 9, quote: 'walks' }]);
    for (const codec of Object.values(codecs)) {
      expect(() => codec.serialize(bundle), codec.format).toThrow(ExportError);
    }
    const error = (() => {
      try {
        verifyBundle(bundle);
        return null;
      } catch (thrown) {
        return thrown as ExportError;
      }
    })();
    expect(error).toBeInstanceOf(ExportError);
    expect(error?.message).toBe(
      'Export stopped: in "Talks in Ankara", span s9 (layer ana, 4–9) quotes "walks" but the text there reads "talks"',
    );
    expect(error?.details).toEqual({
      document: 'Talks in Ankara',
      spanId: 's9',
      expected: 'walks',
      actual: 'talks',
    });
  });

  it('refuse a span that splits an emoji even when its quote is that half', () => {
    const bundle = bundleWith('a😀b', [{ id: 's1', start: 1, end: 2, quote: '\uD83D' }]);
    expect(() => verifyBundle(bundle)).toThrow(/span s1 \(layer ana\): span end 2 splits a surrogate pair/);
  });

  it('refuse a span past the end of the text', () => {
    const bundle = bundleWith('abc', [{ id: 's1', start: 1, end: 4, quote: 'bc' }]);
    expect(() => verifyBundle(bundle)).toThrow(
      /span s1 \(layer ana\): span end 4 is past the end of the text \(length 3\)/,
    );
  });

  it('refuse a relation whose end is not a span of its layer', () => {
    const bundle = bundleWith(
      'abc',
      [{ id: 's1', start: 0, end: 1, quote: 'a' }],
      [{ id: 'r1', type: 'says', from: 's1', to: 'gone', note: '' }],
    );
    expect(() => verifyBundle(bundle)).toThrow(
      'relation r1 (layer ana) points at span gone, which is not in that layer',
    );
  });
});
