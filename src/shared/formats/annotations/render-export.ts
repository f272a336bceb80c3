// Turns an export bundle into the bytes of one file to hand over (shared layer, pure; main runs it on a worker
// thread): the codec's output as is when it is one file, zipped with its README.txt when it is several. Also
// says what the format cannot hold and what this export left out, in the words the dialog and CLI show.
import { strToU8 } from 'fflate';
import type { AnnotationFormat, ExportBundle, ExportWarning, OutputFile } from './bundle';
import { safeStem } from './file-names';
import { codecs } from './index';
import { zipFiles } from './zip';

export interface RenderedExport {
  fileName: string;
  mimeType: string;
  bytes: Uint8Array;
  /** The files before zipping (the CLI writes a CSV pair side by side). */
  files: OutputFile[];
  multiFile: boolean;
  offsetUnit: string;
  limitations: string[];
  warnings: ExportWarning[];
  documents: number;
  spans: number;
  relations: number;
}

const MIME: Record<string, string> = {
  json: 'application/json',
  jsonl: 'application/jsonl',
  jsonld: 'application/ld+json',
  zip: 'application/zip',
  csv: 'text/csv',
};

/** "astana-22" for one document, else "tagwright-<format>-<date>". */
export function exportBaseName(bundle: ExportBundle, format: AnnotationFormat): string {
  const only = bundle.documents.length === 1 ? bundle.documents[0] : undefined;
  if (only !== undefined) return `${safeStem(only.title, 'document', 60)}-${format}`;
  return `tagwright-${format}-${bundle.exportedAt.slice(0, 10)}`;
}

export function renderExport(bundle: ExportBundle, format: AnnotationFormat): RenderedExport {
  const codec = codecs[format];
  const output = codec.serialize(bundle);
  const base = exportBaseName(bundle, format);
  const single = !codec.multiFile && output.files.length === 1 ? output.files[0] : undefined;
  const extension = single === undefined ? 'zip' : codec.extension;
  const bytes = single === undefined ? zipFiles(output.files) : strToU8(single.content);
  const layers = bundle.documents.flatMap((doc) => Object.values(doc.layers));
  return {
    fileName: `${base}.${extension}`,
    mimeType: MIME[extension] ?? 'application/octet-stream',
    bytes,
    files: output.files,
    multiFile: single === undefined,
    offsetUnit: codec.offsetUnit,
    limitations: [...codec.limitations],
    warnings: output.warnings,
    documents: bundle.documents.length,
    spans: layers.reduce((n, layer) => n + layer.spans.length, 0),
    relations: layers.reduce((n, layer) => n + layer.relations.length, 0),
  };
}
