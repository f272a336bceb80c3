// Large valid annotated imports of every importable format (bench/reliability, Node only): one article of a
// few thousand sentences, each tagged actor, claim and a `says` relation, exported by the app's own codecs.
// Nothing is wrong with them; they are here for the probe: no request may wait more than 1 s while one is
// read, placed and committed (CoNLL and CSV are export-only, so they have no import to wait behind).
import { importableFormats, type ImportableFormat } from '@shared/formats/annotations';
import { renderExport } from '@shared/formats/annotations/render-export';
import type { Relation, Span } from '@shared/model';
import {
  makeDocument,
  makeSpan,
  testSchema,
} from '../../../src/shared/formats/annotations/test-support/bundles';
import type { AnnotatedFile } from './annotated-mutations';

const SENTENCE = 'Ali said the talks in Baku went well. ';

/** An article of `sentences` sentences; each gives an actor, a claim and the actor's `says` relation. */
function largeBundle(sentences: number) {
  const text = SENTENCE.repeat(sentences);
  const spans: Span[] = [];
  const relations: Relation[] = [];
  for (let i = 0; i < sentences; i++) {
    const at = i * SENTENCE.length;
    spans.push(makeSpan(`a${i}`, 'actor', text, at, at + 3));
    spans.push(makeSpan(`c${i}`, 'claim', text, at + 9, at + SENTENCE.length - 2));
    const relation = { id: `r${i}`, type: 'says', from: `a${i}`, to: `c${i}`, note: '' };
    relations.push({ ...relation, createdBy: 'ana', createdAt: '2026-01-02T03:04:05.000Z' } as Relation);
  }
  const doc = makeDocument('large', 'Large article', text, { ana: { spans, relations } });
  return {
    ...{ schema: testSchema, annotators: [{ id: 'ana', name: 'Ana' }], documents: [doc] },
    ...{ exportedAt: '2026-01-02T03:04:05.000Z', exportedBy: 'Ana' },
  } as Parameters<typeof renderExport>[0];
}

/**
 * One large valid request per importable format; `quick` keeps them to a few thousand spans. The same text
 * makes every format's spans land in one document as layers of their own, so the full size keeps all of them
 * (six layers of 16,000 spans and 8,000 relations, about 20 MiB) under the 64 MiB a document file may hold,
 * and the W3C file under the 48 MiB a request may carry.
 */
export function largeValidImports(quick: boolean): AnnotatedFile[] {
  const sentences = quick ? 2_500 : 8_000;
  const bundle = largeBundle(sentences);
  return importableFormats.map((format: ImportableFormat) => {
    const rendered = renderExport(bundle, format);
    const name = rendered.fileName;
    return {
      format,
      files: [{ name, bytes: Buffer.from(rendered.bytes) }],
      name,
      attack: `a valid file of ${(sentences * 2).toLocaleString('en-US')} spans`,
      mustRefuse: false,
      hasLines: !name.endsWith('.zip'),
      heavy: true,
    };
  });
}
