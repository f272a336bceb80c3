// The README.txt written into multi-file exports (shared layer, pure): the format, the unit of its offsets,
// what the format could not hold and the warnings of this export, in the same words the export dialog and
// the CLI show, so a colleague who only gets the zip still learns what is missing.
import type { AnnotationCodec, ExportBundle, ExportWarning, OffsetUnit, OutputFile } from './bundle';

/** What only the native package keeps; said by every other format that carries spans with their text. */
export const NATIVE_ONLY =
  'Authorship, timestamps, provenance, document status and review comments are not written (use the native package).';

const UNIT_WORDS: Record<OffsetUnit, string> = {
  'code-points':
    "Unicode code points (what Python's str indexes: text[start:end] is the quote). start is inclusive, end exclusive.",
  'utf16-code-units':
    "UTF-16 code units (what JavaScript's String indexes). start is inclusive, end exclusive.",
  tokens: 'none: annotations are token tags (one token per line), there are no character offsets.',
};

/** One line per warning, naming the document when the warning is about one. */
export function warningLines(warnings: readonly ExportWarning[]): string[] {
  return warnings.map((w) => (w.document === undefined ? `- ${w.message}` : `- ${w.document}: ${w.message}`));
}

export function readmeFile(
  codec: Pick<AnnotationCodec, 'title' | 'offsetUnit' | 'limitations'>,
  bundle: ExportBundle,
  warnings: readonly ExportWarning[],
  layout: readonly string[],
): OutputFile {
  const lines = [
    `Tagwright export: ${codec.title}`,
    `Exported ${bundle.exportedAt} by ${bundle.exportedBy}; ${bundle.documents.length} document(s).`,
    '',
    'Offsets',
    `  ${UNIT_WORDS[codec.offsetUnit]}`,
    '',
    'Files',
    ...layout.map((line) => `  ${line}`),
    '',
    'What this format cannot hold',
    ...(codec.limitations.length === 0
      ? ['- nothing: the export is lossless']
      : codec.limitations.map((l) => `- ${l}`)),
    '',
    'Warnings of this export',
    ...(warnings.length === 0 ? ['- none'] : warningLines(warnings)),
    '',
  ];
  return { path: 'README.txt', content: lines.join('\n') };
}
