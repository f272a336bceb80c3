import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CodePointIndex } from '../../text/code-points';
import type { ExportBundle } from './bundle';
import { csvCodec } from './csv';
import { bundleArbitrary, makeDocument, makeSpan as span, testSchema } from './test-support/bundles';
import { roundTrip } from './test-support/round-trip';

const fileOf = (bundle: ExportBundle, path: string) =>
  csvCodec.serialize(bundle).files.find((f) => f.path === path)!.content;

describe('CSV codec', () => {
  it('reads back every span row: ids, labels, code-point offsets, quotes, notes and attributes', () => {
    fc.assert(
      fc.property(bundleArbitrary(), (bundle) => {
        const expected = bundle.documents.flatMap((doc) => {
          const index = new CodePointIndex(doc.text);
          return Object.entries(doc.layers).flatMap(([layer, { spans }]) =>
            spans.map((s) => [
              doc.id,
              layer,
              s.id,
              s.label,
              index.toCodePoints(s.start),
              index.toCodePoints(s.end),
              s.quote,
              s.note,
              Object.entries(s.attributes)
                .filter(([, v]) => v !== '')
                .sort(),
            ]),
          );
        });
        const actual = roundTrip(csvCodec, bundle).documents.flatMap((doc) =>
          doc.layers.flatMap((l) =>
            l.spans.map((s) => [
              doc.id,
              l.layer,
              s.id,
              s.label,
              s.start,
              s.end,
              s.quote,
              s.note,
              Object.entries(s.attributes).sort(),
            ]),
          ),
        );
        expect(actual).toEqual(expected);
      }),
    );
  });

  it('escapes cells a spreadsheet would run as formulas, and only those', () => {
    const text = '=HYPERLINK("http://x") +1 -2 @SUM safe';
    const spans = [
      span('f1', 'claim', text, 0, 22, { note: '@cmd', attributes: { certainty: '+high' } }),
      span('f2', 'claim', text, 23, 25, { note: "'=already quoted" }),
      span('f3', 'claim', text, 34, 38, { note: 'plain - text' }),
    ];
    const bundle = {
      schema: testSchema,
      annotators: [],
      documents: [makeDocument('d1', '-Title', text, { ana: { spans, relations: [] } })],
      exportedAt: 'now',
      exportedBy: 'Ana',
    };
    const content = fileOf(bundle, 'spans.csv');
    expect(content).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(content).toContain(`"'@cmd"`);
    expect(content).toContain(`"'+high"`);
    expect(content).toContain(`"'-Title"`);
    expect(content).toContain(`"''=already quoted"`);
    expect(content).toContain(',plain - text,');
    expect(
      content
        .split('\r\n')
        .slice(1)
        .every((line) => !/(^|,)[=+\-@]/.test(line)),
    ).toBe(true);
    const parsed = roundTrip(csvCodec, bundle).documents[0]!;
    expect(parsed.title).toBe('-Title');
    expect(parsed.layers[0]!.spans.map((s) => [s.quote, s.note])).toEqual([
      ['=HYPERLINK("http://x")', '@cmd'],
      ['+1', "'=already quoted"],
      ['safe', 'plain - text'],
    ]);
  });

  it('writes a frame per claim with its actors (canonical name when set) and conditions', () => {
    const text = 'If talks go well, Ankara and Damascus say the border opens.';
    const spans = [
      span('k', 'condition', text, 0, 16),
      span('a1', 'actor', text, 18, 24, { attributes: { actor: 'Türkiye' } }),
      span('a2', 'actor', text, 29, 37),
      span('c', 'claim', text, 42, 58, { note: 'main claim', attributes: { certainty: 'high' } }),
    ];
    const rel = (id: string, type: string, from: string) => ({
      id,
      type,
      from,
      to: 'c',
      note: '',
      createdBy: 'ana',
      createdAt: '',
    });
    const doc = makeDocument('d1', 'Talks', text, {
      ana: {
        spans,
        relations: [
          rel('r1', 'says', 'a1'),
          rel('r2', 'says', 'a2'),
          rel('r3', 'conditions', 'k'),
        ] as never[],
      },
    });
    const frames = fileOf(
      { schema: testSchema, annotators: [], documents: [doc], exportedAt: 'now', exportedBy: 'Ana' },
      'frames.csv',
    );
    expect(frames).toBe(
      '\uFEFFdocument_id,document_title,document_date,layer,span_id,label,quote,start_cp,end_cp,says,conditions,attr:certainty,note\r\n' +
        'd1,Talks,2025-06-01,ana,c,claim,the border opens,42,58,Türkiye | Damascus,If talks go well,high,main claim\r\n',
    );
  });
});
