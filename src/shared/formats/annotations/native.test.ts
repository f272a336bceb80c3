import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Layer } from '../../model';
import type { ExportBundle, ExportDocument, ParsedPackage } from './bundle';
import { nativeCodec } from './native';
import { bundleArbitrary, makeDocument, testSchema } from './test-support/bundles';
import { failureOf, roundTrip } from './test-support/round-trip';

const AT = '2026-01-02T03:04:05.000Z';

/** Adds what only the native package holds: provenance on gold-like spans and review comments. */
function withReviewData(bundle: ExportBundle): ExportBundle {
  const documents = bundle.documents.map((doc): ExportDocument => {
    const layers = Object.create(null) as Record<string, Layer>;
    const comments: ExportDocument['comments'] = [];
    for (const [id, layer] of Object.entries(doc.layers)) {
      const spans = layer.spans.map((span, i) =>
        i === 0
          ? {
              ...span,
              provenance: {
                sources: [{ layer: 'ana', id: span.id }],
                decision: 'accepted' as const,
                decidedBy: 'ana',
                decidedAt: AT,
                reason: 'agreed',
              },
            }
          : span,
      );
      layers[id] = { spans, relations: layer.relations } as Layer;
      const first = spans[0];
      if (first !== undefined)
        comments.push({
          id: `c${comments.length}`,
          target: { layer: id, kind: 'span', id: first.id },
          author: 'ana',
          at: AT,
          text: `About ${first.quote}`,
        } as never);
    }
    return { ...doc, layers: layers as ExportDocument['layers'], comments };
  });
  return { ...bundle, documents };
}

/** The bundle a parsed native package describes, to compare with the one exported. */
function bundleOf(pkg: ParsedPackage, exported: ExportBundle): ExportBundle {
  const documents = pkg.documents.map((doc) => {
    const layers = Object.create(null) as Record<string, unknown>;
    for (const layer of doc.layers) layers[layer.layer!] = { spans: layer.spans, relations: layer.relations };
    const { id, title, text, sha256, meta, import: info, status, comments } = doc;
    return {
      id,
      title,
      text,
      sha256,
      meta,
      import: info,
      status,
      layers,
      comments,
    } as unknown as ExportDocument;
  });
  return { ...exported, schema: pkg.schema!, annotators: pkg.annotators!, documents };
}

describe('native package codec', () => {
  it('reads back the whole bundle: every field, provenance and comment included', () => {
    fc.assert(
      fc.property(bundleArbitrary().map(withReviewData), (bundle) => {
        expect(bundleOf(roundTrip(nativeCodec, bundle), bundle)).toEqual(bundle);
      }),
    );
  });

  it('keeps a layer and an attribute whose ids are "__proto__"', () => {
    const text = 'yes';
    const span = {
      id: 's1',
      label: 'claim',
      start: 0,
      end: 3,
      quote: 'yes',
      prefix: '',
      suffix: '',
      note: '',
      createdBy: 'ana',
      createdAt: AT,
      updatedAt: AT,
      attributes: JSON.parse('{"__proto__": "x"}') as Record<string, string>,
    };
    const layers = JSON.parse('{"__proto__": {"spans": [], "relations": []}}') as Record<string, Layer>;
    layers['__proto__']!.spans.push(span as never);
    const bundle = {
      schema: testSchema,
      annotators: [],
      documents: [makeDocument('d1', 'T', text, layers)],
      exportedAt: AT,
      exportedBy: 'Ana',
    };
    const [layer] = roundTrip(nativeCodec, bundle).documents[0]!.layers;
    expect(layer!.layer).toBe('__proto__');
    expect(Object.entries(layer!.spans[0]!.attributes)).toEqual([['__proto__', 'x']]);
  });

  it('names the line of a span whose quote does not match the text', () => {
    const bundle = {
      schema: testSchema,
      annotators: [],
      documents: [makeDocument('d1', 'T', 'abc', {})],
      exportedAt: AT,
      exportedBy: 'Ana',
    };
    const content = nativeCodec
      .serialize(bundle)
      .files[0]!.content.replace(
        '"layers": {}',
        `"layers": {"ana": {"spans": [${JSON.stringify({ id: 's', label: 'claim', start: 0, end: 1, quote: 'b', prefix: '', suffix: '', attributes: {}, note: '', createdBy: 'ana', createdAt: AT, updatedAt: AT })}], "relations": []}}`,
      );
    const failure = failureOf(nativeCodec.parse([{ name: 'pkg.json', text: content, hadBom: false }]));
    expect(failure.line).toBe(content.split('\n').findIndex((l) => l.includes('"layers"')) + 1);
    expect(failure.message).toMatch(
      /documents\[0\]\.layers\.ana\.spans\[0\]\.quote is "b" but the text at 0–1 reads "a"/,
    );
  });

  it('names the line of a comment on a span that is not in the package', () => {
    const bundle = {
      schema: testSchema,
      annotators: [],
      documents: [makeDocument('d1', 'T', 'abc', {})],
      exportedAt: AT,
      exportedBy: 'Ana',
    };
    const comment = {
      id: 'c1',
      target: { layer: 'ana', kind: 'span', id: 'gone' },
      author: 'ana',
      at: AT,
      text: 'hm',
    };
    const content = nativeCodec
      .serialize(bundle)
      .files[0]!.content.replace(/"comments": \[\]/, `"comments": [\n${JSON.stringify(comment)}]`);
    expect(content).toContain('"gone"');
    const failure = failureOf(nativeCodec.parse([{ name: 'pkg.json', text: content, hadBom: false }]));
    expect(failure.file).toBe('pkg.json');
    expect(failure.line).toBe(content.split('\n').findIndex((l) => l.includes('"gone"')) + 1);
    expect(failure.message).toMatch(
      /comments\[0\]\.target is span gone of layer ana, which is not in this document/,
    );
  });

  it('refuses a file that is not a Tagwright package, saying which field is wrong', () => {
    const failure = failureOf(
      nativeCodec.parse([{ name: 'pkg.json', text: '{\n  "format": "other"\n}', hadBom: false }]),
    );
    expect(failure).toMatchObject({ file: 'pkg.json', line: 2 });
    expect(failure.message).toMatch(/^line 2: format is invalid/);
  });
});
