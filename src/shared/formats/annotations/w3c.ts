// W3C Web Annotation codec (shared layer, pure): a JSON-LD AnnotationCollection whose first page holds one
// annotation per span (target: the document's URN with a TextQuoteSelector and a TextPositionSelector in code
// points, as the Web Annotation model requires; a `tagging` body with the label, a `commenting` body with the
// note, attributes in a `tagwright:attributes` JSON extension) and one `linking` annotation per relation whose
// targets are the two span annotations. The texts ride in a `tagwright:documents` extension on the collection.
import type { Layer } from '../../model';
import { CodePointIndex } from '../../text/code-points';
import type { AnnotationCodec, ExportBundle, ExportDocument, ExportOutput } from './bundle';
import { verifyBundle } from './export-checks';
import { readW3cFile } from './w3c-read';

export const CONTEXT = [
  'http://www.w3.org/ns/anno.jsonld',
  {
    tagwright: 'urn:tagwright:ns#',
    documents: { '@id': 'tagwright:documents', '@type': '@json' },
    attributes: { '@id': 'tagwright:attributes', '@type': '@json' },
  },
];

export const urn = {
  document: (doc: string) => `urn:tagwright:doc:${doc}`,
  layer: (layer: string) => `urn:tagwright:layer:${layer}`,
  span: (doc: string, layer: string, span: string) => `urn:tagwright:doc:${doc}:layer:${layer}:span:${span}`,
  relation: (doc: string, layer: string, relation: string) =>
    `urn:tagwright:doc:${doc}:layer:${layer}:relation:${relation}`,
};

function textualBody(purpose: string, value: string) {
  return { type: 'TextualBody', purpose, value };
}

function layerAnnotations(
  doc: ExportDocument,
  layerId: string,
  layer: Layer,
  index: CodePointIndex,
): unknown[] {
  const creator = { id: urn.layer(layerId), type: 'Person', nickname: layerId };
  const source = urn.document(doc.id);
  // Plain literals in the order the format writes its keys: spreading literals cost a temporary object each.
  const spans = layer.spans.map((span) => ({
    id: urn.span(doc.id, layerId, span.id),
    type: 'Annotation',
    motivation: 'tagging',
    creator,
    created: span.createdAt,
    modified: span.updatedAt,
    body:
      span.note === ''
        ? [textualBody('tagging', span.label)]
        : [textualBody('tagging', span.label), textualBody('commenting', span.note)],
    target: {
      source,
      selector: [
        { type: 'TextQuoteSelector', exact: span.quote, prefix: span.prefix, suffix: span.suffix },
        {
          type: 'TextPositionSelector',
          start: index.toCodePoints(span.start),
          end: index.toCodePoints(span.end),
        },
      ],
    },
    attributes: span.attributes,
  }));
  const relations = layer.relations.map((r) => ({
    id: urn.relation(doc.id, layerId, r.id),
    type: 'Annotation',
    motivation: 'linking',
    creator,
    created: r.createdAt,
    body:
      r.note === ''
        ? [textualBody('tagging', r.type)]
        : [textualBody('tagging', r.type), textualBody('commenting', r.note)],
    target: [urn.span(doc.id, layerId, r.from), urn.span(doc.id, layerId, r.to)],
  }));
  return [...spans, ...relations];
}

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const items = bundle.documents.flatMap((doc) => {
    const index = new CodePointIndex(doc.text);
    return Object.entries(doc.layers).flatMap(([layerId, layer]) =>
      layerAnnotations(doc, layerId, layer, index),
    );
  });
  const documents = bundle.documents.map((doc) => ({
    id: urn.document(doc.id),
    title: doc.title,
    text: doc.text,
    sha256: doc.sha256,
  }));
  const collection = {
    '@context': CONTEXT,
    ...{
      id: `urn:tagwright:export:${bundle.exportedAt}`,
      type: 'AnnotationCollection',
      label: 'Tagwright export',
    },
    ...{ generated: bundle.exportedAt, total: items.length, documents },
    first: { type: 'AnnotationPage', startIndex: 0, items },
  };
  return {
    files: [{ path: 'annotations.jsonld', content: `${JSON.stringify(collection, null, 2)}\n` }],
    warnings: [],
  };
}

export const w3cCodec: AnnotationCodec = {
  format: 'w3c',
  title: 'W3C Web Annotation (JSON-LD)',
  offsetUnit: 'code-points',
  limitations: [
    'Provenance, document status and review comments are not written (use the native package).',
    'Texts travel in the "tagwright:documents" extension; other Web Annotation tools ignore it and anchor by the quote selectors.',
  ],
  multiFile: false,
  extension: 'jsonld',
  serialize,
  parse: readW3cFile,
};
