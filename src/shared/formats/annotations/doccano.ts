// doccano JSONL codec (shared layer, pure): one line per document per layer, `entities` with code-point
// `start_offset`/`end_offset` and numeric ids, `relations` with `from_id`/`to_id`/`type`. Our span and relation
// ids, notes and attributes ride in extra fields doccano ignores (span_id, relation_id, note, attributes), and
// the layer in a top-level "layer" field, so a round trip is lossless for them. Also reads doccano's short form
// `"label": [[start, end, "label"], ...]`.
import { CodePointIndex } from '../../text/code-points';
import type {
  AnnotationCodec,
  ExportBundle,
  ExportDocument,
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
  idAt,
  integerAt,
  jsonLine,
  documentInfo,
  jsonLines,
  optionalString,
  parseGuarded,
  stringAt,
  stringRecord,
  type JsonObject,
  type Where,
} from './parse-support';

function documentLines(doc: ExportDocument): string[] {
  const index = new CodePointIndex(doc.text);
  const head = { id: doc.id, title: doc.title, text: doc.text, offset_unit: 'code-points' };
  const layers = Object.entries(doc.layers);
  if (layers.length === 0) return [jsonLine({ ...head, entities: [], relations: [] })];
  return layers.map(([layer, { spans, relations }]) => {
    const numberOf = new Map(spans.map((span, i) => [span.id, i + 1]));
    // Plain literals in the order the lines write their keys: spreading literals cost a temporary object each.
    const entities = spans.map((span, i) => ({
      id: i + 1,
      label: span.label,
      start_offset: index.toCodePoints(span.start),
      end_offset: index.toCodePoints(span.end),
      span_id: span.id,
      note: span.note,
      attributes: span.attributes,
    }));
    const links = relations.map((r, i) => ({
      id: i + 1,
      from_id: numberOf.get(r.from),
      to_id: numberOf.get(r.to),
      type: r.type,
      relation_id: r.id,
      note: r.note,
    }));
    return jsonLine({ ...head, layer, entities, relations: links });
  });
}

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const content = bundle.documents
    .flatMap(documentLines)
    .map((line) => `${line}\n`)
    .join('');
  return { files: [{ path: 'doccano.jsonl', content }], warnings: [] };
}

/** Entities of a line, full form or doccano's short `label` triples; returns entity id → our span id. */
function readEntities(
  record: JsonObject,
  where: Where,
  reader: CodePointReader,
  layer: ParsedLayer,
): Map<string, string> {
  const ids = new Map<string, string>();
  const entities = field(record, 'entities');
  if (entities === undefined && Array.isArray(field(record, 'label'))) {
    asArray(field(record, 'label'), at(where, 'label')).forEach((triple, i) => {
      const here = at(where, 'label', i);
      const [start, end, label] = asArray(triple, here);
      if (typeof start !== 'number' || typeof end !== 'number' || typeof label !== 'string') {
        failAt(here, 'must be [start, end, "label"]');
      }
      layer.spans.push({
        id: `e${i + 1}`,
        label,
        ...reader.range(start, end, here),
        attributes: {},
        note: '',
      });
    });
    return ids;
  }
  asArray(entities ?? [], at(where, 'entities')).forEach((value, i) => {
    const here = at(where, 'entities', i);
    const entity = asObject(value, here);
    const range = reader.range(
      integerAt(entity, 'start_offset', here),
      integerAt(entity, 'end_offset', here),
      here,
    );
    const entityId = field(entity, 'id') === undefined ? `e${i + 1}` : idAt(entity, 'id', here);
    const id = optionalString(entity, 'span_id', here) ?? entityId;
    ids.set(entityId, id);
    layer.spans.push({
      ...{ id, label: stringAt(entity, 'label', here), ...range },
      attributes: stringRecord(field(entity, 'attributes'), at(here, 'attributes')),
      note: optionalString(entity, 'note', here) ?? '',
    });
  });
  return ids;
}

function readRelations(record: JsonObject, where: Where, ids: Map<string, string>, layer: ParsedLayer): void {
  asArray(field(record, 'relations') ?? [], at(where, 'relations')).forEach((value, i) => {
    const here = at(where, 'relations', i);
    const relation = asObject(value, here);
    const [from, to] = (['from_id', 'to_id'] as const).map((key) => {
      const entityId = idAt(relation, key, here);
      const spanId = ids.get(entityId);
      if (spanId === undefined) failAt(at(here, key), `is ${entityId}, which is no entity of this line`);
      return spanId;
    });
    layer.relations.push({
      id:
        optionalString(relation, 'relation_id', here) ??
        (field(relation, 'id') === undefined ? `r${i + 1}` : idAt(relation, 'id', here)),
      ...{ type: stringAt(relation, 'type', here), from: from!, to: to! },
      note: optionalString(relation, 'note', here) ?? '',
    });
  });
}

/** Lines of one document (same id and text) are its layers; a line without an id is a document of its own. */
class DocumentGroups {
  readonly documents: { doc: ParsedDocument; layers: LayerCollector }[] = [];
  private readonly byId = new Map<string, { doc: ParsedDocument; layers: LayerCollector }>();

  documentFor(file: InputFile, line: number, record: JsonObject, where: Where, text: string) {
    const id = field(record, 'id') === undefined ? undefined : idAt(record, 'id', where);
    const known = id === undefined ? undefined : this.byId.get(id);
    if (known !== undefined && known.doc.text === text) return known;
    const doc: ParsedDocument = {
      source: { file: file.name, line },
      ...documentInfo(record, where),
      text,
      offsetUnit: 'utf16-code-units',
      layers: [],
    };
    const group = { doc, layers: new LayerCollector() };
    if (id !== undefined) this.byId.set(id, group);
    this.documents.push(group);
    return group;
  }
}

function readLine(file: InputFile, line: number, value: unknown, groups: DocumentGroups): void {
  const where: Where = { file: file.name, line, segments: [] };
  const record = asObject(value, where);
  const text = stringAt(record, 'text', where);
  const unit = optionalString(record, 'offset_unit', where) ?? 'code-points';
  if (unit !== 'code-points') failAt(at(where, 'offset_unit'), `is "${unit}"; only "code-points" is read`);
  const reader = new CodePointReader(text);
  const group = groups.documentFor(file, line, record, where, reader.text);
  const layer = group.layers.layer(optionalString(record, 'layer', where));
  const ids = readEntities(record, where, reader, layer);
  readRelations(record, where, ids, layer);
}

export const doccanoCodec: AnnotationCodec = {
  format: 'doccano',
  title: 'doccano JSONL (sequence labelling with relations)',
  offsetUnit: 'code-points',
  limitations: [
    'doccano has no layers: each layer of a document is a line of its own, named in an extra "layer" field.',
    'Notes, attributes and our ids travel in extra fields (note, attributes, span_id, relation_id) that doccano itself ignores.',
    NATIVE_ONLY,
  ],
  multiFile: false,
  extension: 'jsonl',
  serialize,
  parse: (files) =>
    parseGuarded(() => {
      const pkg = emptyPackage('doccano');
      for (const file of files) {
        const groups = new DocumentGroups();
        for (const { line, value } of jsonLines(file)) readLine(file, line, value, groups);
        for (const { doc, layers } of groups.documents) pkg.documents.push({ ...doc, layers: layers.list() });
      }
      return pkg;
    }),
};
