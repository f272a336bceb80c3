// CSV codec (shared layer, pure; an export for spreadsheets, its parser exists for tests): `spans.csv`, one
// row per span, and `frames.csv`, one row per span that relations point at (claims in the default schema)
// with, per relation type, the text of the spans pointing at it. Offsets are code points (start_cp, end_cp).
// Written with papaparse; a cell starting with = + - @ tab or CR gets a leading apostrophe so no spreadsheet
// runs it as a formula (a cell that already starts with apostrophes before one gets one more, so parse undoes it).
import Papa from 'papaparse';
import { documentFrames, endsOf, frameTypes, targetLabels, type FrameRow } from '../../model/frames';
import type { LabelSchema, Layer, Span } from '../../model';
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
function attributeIds(schema: LabelSchema, spans: Iterable<Span>): string[] {
  const ids = new Set(schema.labels.flatMap((l) => l.attributes.map((a) => a.id)));
  for (const span of spans) for (const id of Object.keys(span.attributes)) ids.add(id);
  return [...ids];
}

const attributeCells = (span: Span, ids: string[]) =>
  ids.map((id) => (Object.hasOwn(span.attributes, id) ? span.attributes[id] : ''));

function spansFile(bundle: ExportBundle): OutputFile {
  const all = bundle.documents.flatMap((doc) => layersOf(doc).flatMap(([, layer]) => layer.spans));
  const ids = attributeIds(bundle.schema, all);
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

function frameCells(row: FrameRow, types: string[], ids: string[]): unknown[] {
  const { target } = row;
  return [
    ...[row.docId, row.docTitle, row.docDate, row.layer, target.id, target.label, target.quote],
    ...[row.startCp, row.endCp],
    ...types.map((t) =>
      endsOf(row, t)
        .map((end) => end.name)
        .join(' | '),
    ),
    ...attributeCells(target, ids),
    target.note,
  ];
}

/**
 * The frame table (frames.csv) of `rows`: one row per frame, a column per relation type with the names of
 * the spans pointing at it, the target's attributes and note. The claims table downloads the same file.
 */
export function framesCsv(rows: readonly FrameRow[], schema: LabelSchema): string {
  const targets = targetLabels(schema);
  const types = frameTypes(schema, rows);
  const targetSchema = { ...schema, labels: schema.labels.filter((l) => targets.has(l.id)) };
  const ids = attributeIds(
    targetSchema,
    rows.map((r) => r.target),
  );
  const fields = [...FRAME_COLUMNS, ...types, ...ids.map((id) => `${ATTRIBUTE_COLUMN}${id}`), 'note'];
  return csv(
    fields,
    rows.map((r) => frameCells(r, types, ids)),
  );
}

function framesFile(bundle: ExportBundle): OutputFile {
  const rows = bundle.documents.flatMap((doc) =>
    layersOf(doc).flatMap(([layerId, layer]) => documentFrames(doc, layerId, layer, bundle.schema)),
  );
  return { path: 'frames.csv', content: framesCsv(rows, bundle.schema) };
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
