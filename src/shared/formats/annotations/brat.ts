// brat standoff codec (shared layer, pure): per layer a folder, per document `<name>.txt` (exactly the
// canonical text) and `<name>.ann` with T (spans, code-point offsets), R (relations), A (attributes) and
// `#` AnnotatorNotes lines; `annotation.conf` from the schema and README.txt at the top. A span crossing a line
// break is written as fragments `start end;start end` (brat forbids newlines in a fragment) and read back as
// one span when only line breaks separate them. Documents without layers are written at the top level.
import type { Layer } from '../../model';
import { CodePointIndex } from '../../text/code-points';
import type {
  AnnotationCodec,
  ExportBundle,
  ExportDocument,
  ExportOutput,
  ExportWarning,
  OutputFile,
} from './bundle';
import { annotationConf } from './brat-conf';
import { encodeNote, encodeValue, fragmentsOf } from './brat-lines';
import { readBratFiles } from './brat-read';
import { verifyBundle } from './export-checks';
import { UniqueNames } from './file-names';
import { NATIVE_ONLY, readmeFile } from './readme';

function annLines(
  doc: ExportDocument,
  layer: Layer,
  index: CodePointIndex,
  warn: (m: string) => void,
): string[] {
  const lines: string[] = [];
  const bratId = new Map<string, string>();
  let notes = 0;
  const note = (target: string, text: string) => {
    if (text !== '') lines.push(`#${++notes}\tAnnotatorNotes ${target}\t${encodeNote(text)}`);
  };
  let attributes = 0;
  for (const span of layer.spans) {
    const fragments = fragmentsOf(doc.text, span.start, span.end);
    if (fragments.length === 0) {
      warn(`span ${span.id} (${span.label}) holds only line breaks, which brat cannot hold: not written`);
      continue;
    }
    const first = fragments[0]!;
    const last = fragments[fragments.length - 1]!;
    if (first.start !== span.start || last.end !== span.end) {
      warn(
        `span ${span.id} (${span.label}) begins or ends with a line break: written without it, as brat requires`,
      );
    }
    const id = `T${bratId.size + 1}`;
    bratId.set(span.id, id);
    const offsets = fragments
      .map((f) => `${index.toCodePoints(f.start)} ${index.toCodePoints(f.end)}`)
      .join(';');
    const text = fragments.map((f) => doc.text.slice(f.start, f.end)).join(' ');
    lines.push(`${id}\t${span.label} ${offsets}\t${text}`);
    for (const [attribute, value] of Object.entries(span.attributes)) {
      lines.push(`A${++attributes}\t${attribute} ${id}${value === '' ? '' : ` ${encodeValue(value)}`}`);
    }
    note(id, span.note);
  }
  let relations = 0;
  for (const r of layer.relations) {
    const [from, to] = [bratId.get(r.from), bratId.get(r.to)];
    if (from === undefined || to === undefined) {
      warn(`relation ${r.id} (${r.type}) joins a span brat could not hold: not written`);
      continue;
    }
    const id = `R${++relations}`;
    lines.push(`${id}\t${r.type} Arg1:${from} Arg2:${to}`);
    note(id, r.note);
  }
  return lines;
}

/** One stem per document, the same in every layer folder, never README or annotation (reserved at the top). */
function documentStems(bundle: ExportBundle): string[] {
  const names = new UniqueNames();
  names.reserve('README.txt');
  names.reserve('annotation.txt');
  return bundle.documents.map((doc) => names.take(doc.title, 'txt').replace(/\.txt$/, ''));
}

function serialize(bundle: ExportBundle): ExportOutput {
  verifyBundle(bundle);
  const warnings: ExportWarning[] = [];
  const stems = documentStems(bundle);
  const folders = new UniqueNames();
  for (const reserved of ['README.txt', 'annotation.conf']) folders.reserve(reserved);
  const folderOf = new Map<string, string>();
  const files: OutputFile[] = [];
  bundle.documents.forEach((doc, i) => {
    const index = new CodePointIndex(doc.text);
    const layers = Object.entries(doc.layers);
    const targets: [string, Layer][] = layers.length === 0 ? [['', { spans: [], relations: [] }]] : layers;
    for (const [layerId, layer] of targets) {
      if (layerId !== '' && !folderOf.has(layerId)) folderOf.set(layerId, folders.take(layerId, ''));
      const folder = layerId === '' ? '' : `${folderOf.get(layerId)!}/`;
      const warn = (message: string) =>
        warnings.push({ document: doc.title, message: `layer ${layerId}: ${message}` });
      const lines = annLines(doc, layer, index, warn);
      files.push({ path: `${folder}${stems[i]!}.txt`, content: doc.text });
      files.push({ path: `${folder}${stems[i]!}.ann`, content: lines.map((l) => `${l}\n`).join('') });
    }
  });
  const layout = [
    'annotation.conf: entity, relation and attribute types (brat reads it for every folder below)',
    '<layer>/<document>.txt and .ann: one folder per layer (annotator or gold); top-level pairs have no layer',
    'Each .txt is exactly the text its .ann offsets index: UTF-8, no byte-order mark, lines end in LF.',
  ];
  files.unshift({ path: 'annotation.conf', content: annotationConf(bundle) });
  files.unshift(readmeFile(bratCodec, bundle, warnings, layout));
  return { files, warnings };
}

export const bratCodec: AnnotationCodec = {
  format: 'brat',
  title: 'brat standoff (.txt + .ann per document)',
  offsetUnit: 'code-points',
  limitations: [
    'brat has no layers: each layer is a folder of its own.',
    'Our span and relation ids are not kept (brat numbers them T1, R1...).',
    'A line break at the very start or end of a span cannot be written (brat forbids newlines in spans); a span of only line breaks is left out. Each case is a warning.',
    'Attribute values are percent-encoded where they hold "%", whitespace, "|" or ","; notes escape backslash, newline and tab as \\\\, \\n and \\t.',
    'Document ids are not written: the document title is the file name.',
    NATIVE_ONLY,
  ],
  multiFile: true,
  extension: 'zip',
  serialize,
  parse: readBratFiles,
};
