import { describe, expect, it } from 'vitest';
import { makeDocument, testSchema } from './test-support/bundles';
import { assertRoundTrip, failureOf, parsedOrThrow } from './test-support/round-trip';
import { w3cCodec } from './w3c';

const input = (text: string) => [{ name: 'annotations.jsonld', text, hadBom: false }];

describe('W3C Web Annotation codec', () => {
  it('reads back every span, relation, note and attribute it wrote, with ids, over arbitrary Unicode', () => {
    assertRoundTrip(w3cCodec, { ids: true, relationNotes: true }, (bundle, pkg) => {
      expect(pkg.documents.map((d) => [d.id, d.title, d.text])).toEqual(
        bundle.documents.map((d) => [d.id, d.title, d.text]),
      );
    });
  });

  it('writes quote and position selectors, a tagging body and linking annotations', () => {
    const text = '😀 Ankara said yes';
    const span = (id: string, label: string, start: number, end: number, note = '') =>
      ({
        id,
        label,
        start,
        end,
        quote: text.slice(start, end),
        prefix: text.slice(0, start),
        suffix: text.slice(end),
        attributes: {},
        note,
        createdBy: 'ana',
        createdAt: 'c',
        updatedAt: 'u',
      }) as never;
    const relation = {
      id: 'r1',
      type: 'says',
      from: 'a',
      to: 'c',
      note: '',
      createdBy: 'ana',
      createdAt: 'c',
    } as never;
    const doc = makeDocument('d1', 'Talks', text, {
      ana: { spans: [span('a', 'actor', 3, 9, 'who?'), span('c', 'claim', 15, 18)], relations: [relation] },
    });
    const json = JSON.parse(
      w3cCodec.serialize({
        schema: testSchema,
        annotators: [],
        documents: [doc],
        exportedAt: 'now',
        exportedBy: 'Ana',
      }).files[0]!.content,
    );
    expect(json.type).toBe('AnnotationCollection');
    const [actor, , link] = json.first.items;
    expect(actor.target).toEqual({
      source: 'urn:tagwright:doc:d1',
      selector: [
        { type: 'TextQuoteSelector', exact: 'Ankara', prefix: '😀 ', suffix: ' said yes' },
        { type: 'TextPositionSelector', start: 2, end: 8 },
      ],
    });
    expect(actor.body).toEqual([
      { type: 'TextualBody', purpose: 'tagging', value: 'actor' },
      { type: 'TextualBody', purpose: 'commenting', value: 'who?' },
    ]);
    expect(link).toMatchObject({
      motivation: 'linking',
      target: ['urn:tagwright:doc:d1:layer:ana:span:a', 'urn:tagwright:doc:d1:layer:ana:span:c'],
    });
  });

  it('keeps code-point offsets and the quote of annotations whose text is not in the file', () => {
    const annotation = {
      id: 'https://example.org/anno/1',
      type: 'Annotation',
      body: { type: 'TextualBody', purpose: 'tagging', value: 'claim' },
      target: {
        source: 'https://example.org/article',
        selector: [
          { type: 'TextQuoteSelector', exact: 'yes', prefix: 'said ', suffix: '.' },
          { type: 'TextPositionSelector', start: 12, end: 15 },
        ],
      },
    };
    const [doc] = parsedOrThrow(w3cCodec.parse(input(JSON.stringify(annotation)))).documents;
    expect(doc!.offsetUnit).toBe('code-points');
    expect(doc!.text).toBeUndefined();
    expect(doc!.layers[0]!.spans[0]).toMatchObject({
      label: 'claim',
      start: 12,
      end: 15,
      quote: 'yes',
      prefix: 'said ',
      suffix: '.',
    });
  });

  it('names the line of a position that does not select the quoted text', () => {
    const collection = {
      type: 'AnnotationCollection',
      documents: [{ id: 'urn:tagwright:doc:d1', text: 'a😀b' }],
      first: {
        items: [
          {
            id: 'x',
            body: [{ purpose: 'tagging', value: 'claim' }],
            target: {
              source: 'urn:tagwright:doc:d1',
              selector: [
                { type: 'TextQuoteSelector', exact: 'a' },
                { type: 'TextPositionSelector', start: 2, end: 3 },
              ],
            },
          },
        ],
      },
    };
    const json = JSON.stringify(collection, null, 2);
    const failure = failureOf(w3cCodec.parse(input(json)));
    expect(failure.line).toBe(json.split('\n').findIndex((l) => l.includes('TextPositionSelector')));
    expect(failure.message).toMatch(
      /first\.items\[0\]\.target\.selector\[1\] quotes "a" but the text at 2–3 \(code points\) reads "b"/,
    );
  });

  it('refuses a creation time that is no ISO date and time, naming its line, before anything is kept', () => {
    const collection = {
      type: 'AnnotationCollection',
      documents: [{ id: 'urn:tagwright:doc:d1', text: 'ab' }],
      first: {
        items: [
          {
            id: 'x',
            created: '2026-11-27T25:61:00.000Z',
            body: [{ purpose: 'tagging', value: 'claim' }],
            target: {
              source: 'urn:tagwright:doc:d1',
              selector: [{ type: 'TextPositionSelector', start: 0, end: 1 }],
            },
          },
        ],
      },
    };
    const json = JSON.stringify(collection, null, 2);
    const failure = failureOf(w3cCodec.parse(input(json)));
    expect(failure.line).toBe(json.split('\n').findIndex((l) => l.includes('"created"')) + 1);
    expect(failure.message).toMatch(/created is "2026-11-27T25:61:00.000Z", not an ISO 8601 date and time/);
  });
});
