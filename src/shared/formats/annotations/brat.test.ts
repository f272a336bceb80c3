import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Span } from '../../model';
import { bratCodec } from './brat';
import type { ExportBundle } from './bundle';
import {
  bundleArbitrary,
  heldByBundle,
  heldByPackage,
  makeSpan as span,
  oneDocumentBundle,
  testSchema,
} from './test-support/bundles';
import { asInputs, failureOf, parsedOrThrow, roundTrip } from './test-support/round-trip';

/** The bundle as brat can hold it: no line break at a span's edge, no span of only line breaks. */
function bratHoldable(bundle: ExportBundle): ExportBundle {
  const documents = bundle.documents.map((doc) => {
    const layers = Object.create(null) as typeof doc.layers;
    for (const [id, layer] of Object.entries(doc.layers)) {
      const spans: Span[] = [];
      for (const span of layer.spans) {
        let [start, end] = [span.start, span.end];
        while (start < end && doc.text[start] === '\n') start++;
        while (end > start && doc.text[end - 1] === '\n') end--;
        if (start < end) spans.push({ ...span, start, end, quote: doc.text.slice(start, end) });
      }
      const kept = new Set(spans.map((s) => s.id));
      const relations = layer.relations.filter((r) => kept.has(r.from) && kept.has(r.to));
      layers[id as keyof typeof layers] = { spans, relations };
    }
    return { ...doc, layers };
  });
  return { ...bundle, documents };
}

const fileOf = (bundle: ExportBundle, path: string) =>
  bratCodec.serialize(bundle).files.find((f) => f.path === path)?.content;

describe('brat codec', () => {
  it('reads back every span, relation, note and attribute brat can hold, over arbitrary Unicode', () => {
    fc.assert(
      fc.property(bundleArbitrary().map(bratHoldable), (bundle) => {
        const held = { ids: false, relationNotes: true };
        expect(heldByPackage(roundTrip(bratCodec, bundle), held)).toEqual(heldByBundle(bundle, held));
      }),
    );
  });

  it('writes a span across a line break as two fragments and reads it back as one span', () => {
    const text = 'The minister said\nthe talks resume. 😀';
    const bundle = oneDocumentBundle(text, [span('s1', 'claim', text, 13, 27)]);
    expect(fileOf(bundle, 'ana/Talks.ann')).toBe('T1\tclaim 13 17;18 27\tsaid the talks\n');
    const [doc] = parsedOrThrow(bratCodec.parse(asInputs(bratCodec.serialize(bundle).files))).documents;
    expect(doc!.layers[0]!.spans.map((s) => [s.start, s.end, s.quote])).toEqual([
      [13, 27, 'said\nthe talks'],
    ]);
  });

  it('writes attributes with spaces, notes with line breaks and relations so brat lines stay whole', () => {
    const text = 'Ankara said yes';
    const spans = [
      span('a', 'actor', text, 0, 6, {
        attributes: { actor: 'Republic of Türkiye' },
        note: 'line one\nline\ttwo \\ end',
      }),
      span('c', 'claim', text, 12, 15),
    ];
    const relations = [
      { id: 'r', type: 'says', from: 'a', to: 'c', note: 'sure', createdBy: 'ana', createdAt: '' },
    ];
    expect(fileOf(oneDocumentBundle(text, spans, relations), 'ana/Talks.ann')).toBe(
      [
        'T1\tactor 0 6\tAnkara',
        'A1\tactor T1 Republic%20of%20Türkiye',
        '#1\tAnnotatorNotes T1\tline one\\nline\\ttwo \\\\ end',
        'T2\tclaim 12 15\tyes',
        'R1\tsays Arg1:T1 Arg2:T2',
        '#2\tAnnotatorNotes R1\tsure',
        '',
      ].join('\n'),
    );
  });

  it('generates annotation.conf from the schema', () => {
    const conf = fileOf(oneDocumentBundle('x', []), 'annotation.conf')!;
    expect(conf).toContain('[entities]\nclaim\ncondition\nactor\n');
    expect(conf).toContain('says\tArg1:actor, Arg2:claim\nconditions\tArg1:condition, Arg2:claim\n');
    expect(conf).toContain('certainty\tArg:claim, Value:high|low\n');
    expect(conf).toContain('actor\tArg:actor\n');
  });

  it('names files safely and puts the limitations and warnings in README.txt', () => {
    const text = 'a\nb';
    const bundle = oneDocumentBundle(text, [span('s1', 'claim', text, 1, 2)], [], '../CON');
    const output = bratCodec.serialize(bundle);
    expect(output.files.map((f) => f.path)).toEqual([
      'README.txt',
      'annotation.conf',
      'ana/-CON.txt',
      'ana/-CON.ann',
    ]);
    expect(output.warnings).toEqual([
      {
        document: '../CON',
        message: 'layer ana: span s1 (claim) holds only line breaks, which brat cannot hold: not written',
      },
    ]);
    const readme = output.files[0]!.content;
    expect(readme).toContain('Unicode code points');
    expect(readme).toContain('- ../CON: layer ana: span s1 (claim) holds only line breaks');
    expect(readme).toContain('brat has no layers: each layer is a folder of its own.');
  });

  it('names the .ann file and line of a T line whose text differs from the .txt', () => {
    const files = [
      { name: 'ana/doc.txt', text: 'Ankara said yes', hadBom: false },
      { name: 'ana/doc.ann', text: 'T1\tactor 0 6\tAnkara\nT2\tclaim 12 15\tno\n', hadBom: false },
    ];
    const failure = failureOf(bratCodec.parse(files));
    expect(failure).toMatchObject({ file: 'ana/doc.ann', line: 2 });
    expect(failure.message).toBe('line 2: T2 quotes "no" but the text at 12 15 reads "yes"');
  });

  it('refuses a relation to a span the file does not have, naming the line', () => {
    const files = [
      { name: 'doc.txt', text: 'Ankara said yes', hadBom: false },
      { name: 'doc.ann', text: 'T1\tactor 0 6\tAnkara\nR1\tsays Arg1:T1 Arg2:T9\n', hadBom: false },
    ];
    expect(failureOf(bratCodec.parse(files))).toMatchObject({
      file: 'doc.ann',
      line: 2,
      message: 'line 2: T9 is not a T annotation of this file',
    });
  });

  it('reads a truly discontinuous span as one span per piece, with a warning', () => {
    const files = [
      { name: 'doc.txt', text: 'North and South America', hadBom: false },
      { name: 'doc.ann', text: 'T1\tLocation 0 5;16 23\tNorth America\n', hadBom: false },
    ];
    const pkg = parsedOrThrow(bratCodec.parse(files));
    expect(pkg.documents[0]!.layers[0]!.spans.map((s) => [s.id, s.quote])).toEqual([
      ['T1', 'North'],
      ['T1-2', 'America'],
    ]);
    expect(pkg.warnings).toEqual(['doc.ann line 1: T1 is discontinuous; imported as 2 spans']);
  });

  it('reads offsets of a .txt with CRLF line ends onto the canonical text', () => {
    const files = [
      { name: 'doc.txt', text: 'one\r\ntwo 😀 three', hadBom: false },
      { name: 'doc.ann', text: 'T1\tclaim 11 16\tthree\r\n', hadBom: false },
    ];
    const [doc] = parsedOrThrow(bratCodec.parse(files)).documents;
    expect(doc!.text).toBe('one\ntwo 😀 three');
    expect(doc!.layers[0]!.spans.map((s) => [s.start, s.end, s.quote])).toEqual([[11, 16, 'three']]);
  });

  it('reads annotation.conf back into a label schema', () => {
    const files = asInputs(bratCodec.serialize(oneDocumentBundle('x', [])).files);
    const schema = parsedOrThrow(bratCodec.parse(files)).schema!;
    expect(schema.labels.map((l) => [l.id, l.attributes.map((a) => [a.id, a.values])])).toEqual([
      ['claim', [['certainty', ['high', 'low']]]],
      ['condition', []],
      [
        'actor',
        [
          ['actor', []],
          ['__proto__', []],
        ],
      ],
    ]);
    expect(schema.relationTypes).toEqual(testSchema.relationTypes);
  });

  it('refuses an .ann file without its .txt, naming it', () => {
    const failure = failureOf(
      bratCodec.parse([{ name: 'ana/doc.ann', text: 'T1\tclaim 0 1\ta\n', hadBom: false }]),
    );
    expect(failure).toEqual({ ok: false, file: 'ana/doc.ann', message: 'has no ana/doc.txt beside it' });
  });
});
