// JSONL codec (shared layer, pure): one document per line with its text, spans and relations of every layer,
// offsets in code points so Python's text[start:end] is the span's "text". U+2028/U+2029 are escaped so
// Python's splitlines() cannot break a record. Lossless for spans (id, label, offsets, attributes, note) and
// relations (id, type, ends, note); authorship, timestamps, provenance, status and comments stay in native.
import { CodePointIndex } from '../../text/code-points';
import type {
  AnnotationCodec,
  ExportBundle,
  ExportOutput,
  InputFile,
  ParsedDocument,
  ParsedLayer,
} from './bundle';
import { verifyBundle } from './export-checks';
import { NATIVE_ONLY } from './readme';
import { LayerCollector } from './layer-collector';
import {
  CodePointReader,
  asArray,
  asObject,
  at,
  emptyPackage,
  failAt,
  field,
  integerAt,
  jsonLine,
  jsonLines,
  documentInfo,
  optionalString,
  parseGuarded,
  stringAt,
  stringRecord,
  type JsonObject,
  type Where,
} from './parse-support';

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const lines = bundle.documents.map((doc) => {
    const index = new CodePointIndex(doc.text);
    const layers = Object.entries(doc.layers);
    const spans = layers.flatMap(([layer, { spans }]) =>
      spans.map((span) => ({
        id: span.id,
        start: index.toCodePoints(span.start),
        end: index.toCodePoints(span.end),
        label: span.label,
        text: span.quote,
        layer,
        attributes: span.attributes,
        note: span.note,
      })),
    );
    const relations = layers.flatMap(([layer, { relations }]) =>
      relations.map((r) => ({ id: r.id, type: r.type, from: r.from, to: r.to, layer, note: r.note })),
    );
    const record = {
      id: doc.id,
      title: doc.title,
      text: doc.text,
      meta: doc.meta,
      offset_unit: 'code-points',
    };
    return jsonLine({ ...record, spans, relations });
  });
  return {
    files: [{ path: 'annotations.jsonl', content: lines.map((l) => `${l}\n`).join('') }],
    warnings: [],
  };
}

function readSpan(value: unknown, where: Where, reader: CodePointReader, layers: LayerCollector): void {
  const span = asObject(value, where);
  const range = reader.range(
    integerAt(span, 'start', where),
    integerAt(span, 'end', where),
    where,
    optionalString(span, 'text', where),
  );
  layers.layer(optionalString(span, 'layer', where)).spans.push({
    id: stringAt(span, 'id', where),
    label: stringAt(span, 'label', where),
    ...range,
    attributes: stringRecord(field(span, 'attributes'), at(where, 'attributes')),
    note: optionalString(span, 'note', where) ?? '',
  });
}

const spanIdsOf = new WeakMap<ParsedLayer, Set<string | undefined>>();

function readRelation(value: unknown, where: Where, layers: LayerCollector): void {
  const relation = asObject(value, where);
  const layer = optionalString(relation, 'layer', where);
  if (!layers.has(layer)) failAt(where, `is in layer "${layer ?? ''}", which has no spans on this line`);
  const target = layers.layer(layer);
  // A line's spans are all read before its relations, so the ids are collected once per layer.
  let ids = spanIdsOf.get(target);
  if (ids === undefined) spanIdsOf.set(target, (ids = new Set(target.spans.map((span) => span.id))));
  const known = ids;
  const end = (key: 'from' | 'to'): string => {
    const id = stringAt(relation, key, where);
    if (!known.has(id))
      failAt(at(where, key), `is "${id}", but its layer has no span with that id on this line`);
    return id;
  };
  target.relations.push({
    id: stringAt(relation, 'id', where),
    type: stringAt(relation, 'type', where),
    from: end('from'),
    to: end('to'),
    note: optionalString(relation, 'note', where) ?? '',
  });
}

function readDocument(file: InputFile, line: number, value: unknown): ParsedDocument {
  const where: Where = { file: file.name, line, segments: [] };
  const record: JsonObject = asObject(value, where);
  const text = stringAt(record, 'text', where);
  const unit = optionalString(record, 'offset_unit', where) ?? 'code-points';
  if (unit !== 'code-points') failAt(at(where, 'offset_unit'), `is "${unit}"; only "code-points" is read`);
  const reader = new CodePointReader(text);
  const layers = new LayerCollector();
  asArray(field(record, 'spans') ?? [], at(where, 'spans')).forEach((span, i) =>
    readSpan(span, at(where, 'spans', i), reader, layers),
  );
  asArray(field(record, 'relations') ?? [], at(where, 'relations')).forEach((relation, i) =>
    readRelation(relation, at(where, 'relations', i), layers),
  );
  return {
    source: { file: file.name, line },
    ...documentInfo(record, where),
    text: reader.text,
    offsetUnit: 'utf16-code-units',
    layers: layers.list(),
  };
}

export const jsonlCodec: AnnotationCodec = {
  format: 'jsonl',
  title: 'JSON Lines (one document per line)',
  offsetUnit: 'code-points',
  limitations: [NATIVE_ONLY],
  multiFile: false,
  extension: 'jsonl',
  serialize,
  parse: (files) =>
    parseGuarded(() => {
      const pkg = emptyPackage('jsonl');
      for (const file of files) {
        for (const { line, value } of jsonLines(file)) pkg.documents.push(readDocument(file, line, value));
      }
      return pkg;
    }),
};
