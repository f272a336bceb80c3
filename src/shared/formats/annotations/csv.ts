// CSV codec (shared layer, pure; an export for spreadsheets, its parser exists for tests): `spans.csv`, one
// row per span, and `frames.csv`, one row per span that relations point at (claims in the default schema)
// with, per relation type, the text of the spans pointing at it. Offsets are code points (start_cp, end_cp).
// Written with papaparse; a cell starting with = + - @ tab or CR gets a leading apostrophe so no spreadsheet
// runs it as a formula (a cell that already starts with apostrophes before one gets one more, so parse undoes it).
import Papa from 'papaparse';
import type { Layer, Span } from '../../model';
import { CodePointIndex } from '../../text/code-points';
import type { AnnotationCodec, ExportBundle, ExportDocument, ExportOutput, OutputFile } from './bundle';
import { readCsvSpans } from './csv-read';
import { verifyBundle } from './export-checks';
import { readmeFile } from './readme';

/** Cells a spreadsheet could run as a formula, and cells that already look escaped (so escaping is reversible). */
export const FORMULA_START = /^'*[=+\-@\t\r]/;
export const ATTRIBUTE_COLUMN = 'attr:';
const SPAN_COLUMNS = [
  'document_id',
  'document_title',
  'layer',
  'span_id',
  'label',
  'start_cp',
  'end_cp',
  'quote',
  'note',
];

function csv(fields: string[], rows: unknown[][]): string {
  // A byte-order mark so spreadsheet programs read the file as UTF-8 (Python: encoding="utf-8-sig").
  return `\uFEFF${Papa.unparse({ fields, data: rows }, { escapeFormulae: FORMULA_START, newline: '\r\n' })}\r\n`;
}

function layersOf(doc: ExportDocument): [string, Layer][] {
  return Object.entries(doc.layers);
}

/** Attribute ids in schema order, then any other id the exported spans use. */
function attributeIds(bundle: ExportBundle, spans: Iterable<Span>): string[] {
  const ids = new Set(bundle.schema.labels.flatMap((l) => l.attributes.map((a) => a.id)));
  for (const span of spans) for (const id of Object.keys(span.attributes)) ids.add(id);
  return [...ids];
}

const attributeCells = (span: Span, ids: string[]) =>
  ids.map((id) => (Object.hasOwn(span.attributes, id) ? span.attributes[id] : ''));

function spansFile(bundle: ExportBundle): OutputFile {
  const all = bundle.documents.flatMap((doc) => layersOf(doc).flatMap(([, layer]) => layer.spans));
  const ids = attributeIds(bundle, all);
  const rows = bundle.documents.flatMap((doc) => {
    const index = new CodePointIndex(doc.text);
    return layersOf(doc).flatMap(([layerId, layer]) =>
      layer.spans.map((s) => [
        ...[
          doc.id,
          doc.title,
          layerId,
          s.id,
          s.label,
          index.toCodePoints(s.start),
          index.toCodePoints(s.end),
        ],
        ...[s.quote, s.note, ...attributeCells(s, ids)],
      ]),
    );
  });
  return {
    path: 'spans.csv',
    content: csv([...SPAN_COLUMNS, ...ids.map((id) => `${ATTRIBUTE_COLUMN}${id}`)], rows),
  };
}

/** The text a frame shows for a span pointing at it: its canonical actor when set, else its quote. */
const sourceText = (span: Span) =>
  Object.hasOwn(span.attributes, 'actor') && span.attributes['actor'] !== ''
    ? span.attributes['actor']!
    : span.quote;

interface Frame {
  doc: ExportDocument;
  layerId: string;
  span: Span;
  index: CodePointIndex;
  /** Relation type → texts of the spans pointing at this one with it. */
  sources: Map<string, string[]>;
}

/** Every frame of the bundle in text order; relation types the schema lacks are appended to `types`. */
function collectFrames(bundle: ExportBundle, targetLabels: Set<string>, types: string[]): Frame[] {
  const frames: Frame[] = [];
  for (const doc of bundle.documents) {
    const index = new CodePointIndex(doc.text);
    for (const [layerId, layer] of layersOf(doc)) {
      const spansById = new Map(layer.spans.map((s) => [s.id, s]));
      const sourcesOf = new Map<string, Map<string, string[]>>();
      for (const r of layer.relations) {
        if (!types.includes(r.type)) types.push(r.type);
        const source = spansById.get(r.from);
        if (source === undefined) continue;
        if (!sourcesOf.has(r.to)) sourcesOf.set(r.to, new Map());
        const byType = sourcesOf.get(r.to)!;
        byType.set(r.type, [...(byType.get(r.type) ?? []), sourceText(source)]);
      }
      for (const span of layer.spans) {
        if (!targetLabels.has(span.label) && !sourcesOf.has(span.id)) continue;
        frames.push({ doc, layerId, span, index, sources: sourcesOf.get(span.id) ?? new Map() });
      }
    }
  }
  return frames;
}

const FRAME_COLUMNS = [
  'document_id',
  'document_title',
  'document_date',
  'layer',
  'span_id',
  'label',
  'quote',
  'start_cp',
  'end_cp',
];

function frameRow({ doc, layerId, span, index, sources }: Frame, types: string[], ids: string[]): unknown[] {
  const date = Object.hasOwn(doc.meta, 'date') ? String(doc.meta['date']) : '';
  const offsets = [index.toCodePoints(span.start), index.toCodePoints(span.end)];
  return [
    ...[doc.id, doc.title, date, layerId, span.id, span.label, span.quote, ...offsets],
    ...types.map((t) => (sources.get(t) ?? []).join(' | ')),
    ...attributeCells(span, ids),
    span.note,
  ];
}

function framesFile(bundle: ExportBundle): OutputFile {
  const targetLabels = new Set(bundle.schema.relationTypes.flatMap((t) => t.to));
  const types = bundle.schema.relationTypes.map((t) => t.id);
  const frames = collectFrames(bundle, targetLabels, types);
  const targetSchema = {
    ...bundle.schema,
    labels: bundle.schema.labels.filter((l) => targetLabels.has(l.id)),
  };
  const ids = attributeIds(
    { ...bundle, schema: targetSchema },
    frames.map((f) => f.span),
  );
  const fields = [...FRAME_COLUMNS, ...types, ...ids.map((id) => `${ATTRIBUTE_COLUMN}${id}`), 'note'];
  return {
    path: 'frames.csv',
    content: csv(
      fields,
      frames.map((f) => frameRow(f, types, ids)),
    ),
  };
}

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const layout = [
    "spans.csv: one row per span; start_cp and end_cp are code points over the document's canonical text (as imported, without byte-order mark, lines ending in LF); attr:<id> columns hold attributes.",
    'frames.csv: one row per span that relations point at (e.g. a claim), a column per relation type with the text of the spans pointing at it (an actor\'s "actor" attribute when set, else its quote; several joined with " | "), its attributes and note.',
    'Both files are UTF-8 with a byte-order mark and CRLF line ends; a cell starting with = + - @ tab or CR starts with an added apostrophe.',
  ];
  const files = [spansFile(bundle), framesFile(bundle)];
  return { files: [readmeFile(csvCodec, bundle, [], layout), ...files], warnings: [] };
}

export const csvCodec: AnnotationCodec = {
  format: 'csv',
  title: 'CSV for spreadsheets (spans and frames)',
  offsetUnit: 'code-points',
  limitations: [
    'The document texts are not included: offsets and quotes only.',
    'Relations appear only through frames.csv (who points at each claim); relation ids and notes are not written.',
    'An attribute with an empty value reads as no attribute.',
    'Cells starting with = + - @ tab or CR get a leading apostrophe so spreadsheets show them as text.',
  ],
  multiFile: true,
  extension: 'zip',
  serialize,
  parse: readCsvSpans,
};
