// Label Studio JSON codec (shared layer, pure): a JSON array of tasks, one per document, `data.text` holding
// the text; one annotation per layer (`completed_by` names it) whose `result` has a `labels` region per span
// (value.start/end in code points, as Label Studio counts since it fixed emoji offsets), the span's note as
// the region's `meta.text`, each attribute as a per-region `textarea` result named `attr_<id>`, and each
// relation as a `relation` result. Label Studio relations have no id and no text: their notes are reported.
import type { Layer } from '../../model';
import { CodePointIndex } from '../../text/code-points';
import type {
  AnnotationCodec,
  ExportBundle,
  ExportDocument,
  ExportOutput,
  ExportWarning,
  ParsedDocument,
  ParsedLayer,
  ParsedSpan,
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
  documentInfo,
  optionalString,
  parseGuarded,
  readJsonFile,
  requireIdAt,
  stringAt,
  type JsonObject,
  type Where,
} from './parse-support';

const ATTRIBUTE_PREFIX = 'attr_';

function annotationOf(index: CodePointIndex, layer: string, { spans, relations }: Layer) {
  const result: unknown[] = [];
  for (const span of spans) {
    const start = index.toCodePoints(span.start);
    const end = index.toCodePoints(span.end);
    // Plain literals in the order the file writes their keys (no spread temporaries); a note adds `meta` last.
    const value = { start, end, text: span.quote, labels: [span.label] };
    const region = { id: span.id, from_name: 'label', to_name: 'text', type: 'labels', value };
    result.push(span.note === '' ? region : { ...region, meta: { text: [span.note] } });
    for (const [attribute, text] of Object.entries(span.attributes)) {
      const from_name = `${ATTRIBUTE_PREFIX}${attribute}`;
      result.push({
        id: span.id,
        from_name,
        to_name: 'text',
        type: 'textarea',
        value: { start, end, text: [text] },
      });
    }
  }
  for (const r of relations) {
    result.push({ type: 'relation', from_id: r.from, to_id: r.to, direction: 'right', labels: [r.type] });
  }
  return { completed_by: layer, result };
}

function taskOf(doc: ExportDocument, warnings: ExportWarning[]): unknown {
  const index = new CodePointIndex(doc.text);
  const annotations = Object.entries(doc.layers).map(([layer, content]) => {
    const notes = content.relations.filter((r) => r.note !== '').length;
    if (notes > 0) {
      warnings.push({
        document: doc.title,
        message: `${notes} relation note(s) of layer ${layer} not written: Label Studio relations carry no text`,
      });
    }
    return annotationOf(index, layer, content);
  });
  return { data: { text: doc.text, document_id: doc.id, title: doc.title, meta: doc.meta }, annotations };
}

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const warnings: ExportWarning[] = [];
  const tasks = bundle.documents.map((doc) => taskOf(doc, warnings));
  return { files: [{ path: 'label-studio.json', content: `${JSON.stringify(tasks, null, 2)}\n` }], warnings };
}

function readRegion(item: JsonObject, where: Where, reader: CodePointReader, layer: ParsedLayer): void {
  const value = asObject(field(item, 'value'), at(where, 'value'));
  const inValue = at(where, 'value');
  const range = reader.range(
    integerAt(value, 'start', inValue),
    integerAt(value, 'end', inValue),
    inValue,
    optionalString(value, 'text', inValue),
  );
  const labels = asArray(field(value, 'labels'), at(inValue, 'labels'));
  const id = idAt(item, 'id', where);
  const meta = field(item, 'meta');
  const notes =
    meta === undefined
      ? []
      : asArray(field(asObject(meta, at(where, 'meta')), 'text') ?? [], at(where, 'meta', 'text'));
  labels.forEach((label, i) => {
    if (typeof label !== 'string') failAt(at(inValue, 'labels', i), 'must be a string');
    requireIdAt(at(inValue, 'labels', i), 'label', label);
    const note = notes.filter((n): n is string => typeof n === 'string').join('\n');
    layer.spans.push({
      id: i === 0 ? id : `${id}-${label}`,
      label,
      ...range,
      attributes: Object.create(null) as Record<string, string>,
      note,
    });
  });
}

/** Per-region textarea or choices results whose control is named attr_<id> become the region's attribute. */
function readAttribute(item: JsonObject, where: Where, regions: Map<string, ParsedSpan>): void {
  const control = optionalString(item, 'from_name', where) ?? '';
  if (!control.startsWith(ATTRIBUTE_PREFIX)) return;
  const id = idAt(item, 'id', where);
  const span = regions.get(id);
  if (span === undefined) failAt(at(where, 'id'), `is ${id}, which is no labelled region of this annotation`);
  const value = asObject(field(item, 'value'), at(where, 'value'));
  const values = asArray(field(value, 'text') ?? field(value, 'choices') ?? [], at(where, 'value', 'text'));
  span.attributes[control.slice(ATTRIBUTE_PREFIX.length)] = values
    .filter((v) => typeof v === 'string')
    .join('\n');
}

function readRelation(
  item: JsonObject,
  where: Where,
  regions: Map<string, ParsedSpan>,
  layer: ParsedLayer,
  index: number,
): void {
  const [from, to] = (['from_id', 'to_id'] as const).map((key) => {
    const id = idAt(item, key, where);
    if (!regions.has(id)) failAt(at(where, key), `is ${id}, which is no labelled region of this annotation`);
    return id;
  });
  const labels = asArray(field(item, 'labels') ?? [], at(where, 'labels'));
  const type = labels.find((l): l is string => typeof l === 'string') ?? 'related';
  requireIdAt(at(where, 'labels', labels.indexOf(type)), 'relation type', type);
  const direction = optionalString(item, 'direction', where);
  const [a, b] = direction === 'left' ? [to!, from!] : [from!, to!];
  layer.relations.push({ id: `${a}-${type}-${b}-${index}`, type, from: a, to: b, note: '' });
}

function readAnnotation(value: unknown, where: Where, reader: CodePointReader, layers: LayerCollector): void {
  const annotation = asObject(value, where);
  const by = field(annotation, 'completed_by');
  const layerId = typeof by === 'string' || typeof by === 'number' ? String(by) : undefined;
  const layer = layers.layer(layerId);
  const result = asArray(field(annotation, 'result') ?? [], at(where, 'result')).map((item, i) => ({
    item: asObject(item, at(where, 'result', i)),
    here: at(where, 'result', i),
  }));
  for (const { item, here } of result)
    if (field(item, 'type') === 'labels') readRegion(item, here, reader, layer);
  // Regions by id, so attributes and relations find theirs in O(1) however large the annotation.
  const regions = new Map(layer.spans.map((span) => [span.id ?? '', span]));
  for (const { item, here } of result)
    if (field(item, 'type') !== 'labels' && field(item, 'type') !== 'relation')
      readAttribute(item, here, regions);
  result.forEach(
    ({ item, here }, i) => field(item, 'type') === 'relation' && readRelation(item, here, regions, layer, i),
  );
}

function readTask(value: unknown, where: Where, file: string): ParsedDocument {
  const task = asObject(value, where);
  const data = asObject(field(task, 'data'), at(where, 'data'));
  const text = stringAt(data, 'text', at(where, 'data'));
  const reader = new CodePointReader(text);
  const layers = new LayerCollector();
  asArray(field(task, 'annotations') ?? [], at(where, 'annotations')).forEach((annotation, i) =>
    readAnnotation(annotation, at(where, 'annotations', i), reader, layers),
  );
  const doc: ParsedDocument = {
    source: { file },
    ...documentInfo(data, at(where, 'data'), 'document_id'),
    text: reader.text,
    offsetUnit: 'utf16-code-units',
    layers: layers.list(),
  };
  if (doc.id === undefined && field(task, 'id') !== undefined) doc.id = idAt(task, 'id', where);
  return doc;
}

export const labelStudioCodec: AnnotationCodec = {
  format: 'labelstudio',
  title: 'Label Studio JSON (tasks with annotations)',
  offsetUnit: 'code-points',
  limitations: [
    'Label Studio has no layers: each layer is an annotation of the task, named in "completed_by".',
    'Relations have no id and no text in Label Studio: relation notes are not written (each export says how many).',
    'Attributes are per-region textarea results named attr_<attribute id>; add matching TextArea tags (perRegion) to the labelling config to see them.',
    NATIVE_ONLY,
  ],
  multiFile: false,
  extension: 'json',
  serialize,
  parse: (files) =>
    parseGuarded(() => {
      const pkg = emptyPackage('labelstudio');
      for (const file of files) {
        const { value, where } = readJsonFile(file);
        const tasks = Array.isArray(value) ? value : [value];
        tasks.forEach((task, i) =>
          pkg.documents.push(readTask(task, Array.isArray(value) ? at(where, i) : where, file.name)),
        );
      }
      return pkg;
    }),
};
