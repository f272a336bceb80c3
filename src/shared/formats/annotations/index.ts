// The annotation codecs in one table (shared layer, pure), like the import table: the export/import service,
// the export dialog and the CLI look a format up here and call its serialize or parse.
import { bratCodec } from './brat';
import type { AnnotationCodec, AnnotationFormat } from './bundle';
import { conllCodec } from './conll';
import { csvCodec } from './csv';
import { doccanoCodec } from './doccano';
import { jsonlCodec } from './jsonl';
import { labelStudioCodec } from './label-studio';
import { nativeCodec } from './native';
import { w3cCodec } from './w3c';

export const codecs: Record<AnnotationFormat, AnnotationCodec> = {
  native: nativeCodec,
  jsonl: jsonlCodec,
  doccano: doccanoCodec,
  labelstudio: labelStudioCodec,
  brat: bratCodec,
  conll: conllCodec,
  w3c: w3cCodec,
  csv: csvCodec,
};

export * from './bundle';
export { ExportError } from './export-checks';
export { UniqueNames, safeStem } from './file-names';
export { zipFiles } from './zip';
export { warningLines } from './readme';
