// The first half of an annotated import on the worker thread (src/main, job table): the files unzipped,
// decoded and parsed, refused by file and line when they cannot be read. The package stays JSON (a string
// crosses threads as one copy); the main thread gets only its digest, to find each document's place.
import { WorkbenchError } from '@shared/api';
import { codecs, type ImportableFormat } from '@shared/formats/annotations';
import type { Annotator } from '@shared/model';
import { sha256Hex } from '../../store/validation';
import { decodeInputFiles, type IncomingBytes } from './input-files';
import { refusalOf, type WireRefusal } from './plan-wire';

/** What the main thread needs of a parsed package to find each document's place and name the layers. */
export interface PackageDigest {
  documents: { sha256: string | null; id?: string; file: string }[];
  /** The layer ids the files give, in order of appearance ('' for a format without layers). */
  layers: string[];
  annotators?: Annotator[];
}

export type ReadOutcome = { ok: true; digest: PackageDigest; parsed: string } | WireRefusal;

/** Reads the files of an import into a package: kept as JSON (a string crosses threads as one copy). */
export function readAnnotations(input: { format: ImportableFormat; files: IncomingBytes[] }): ReadOutcome {
  try {
    const outcome = codecs[input.format].parse(decodeInputFiles(input.files));
    if (!outcome.ok) {
      const where = outcome.line === undefined ? outcome.file : `${outcome.file}, line ${outcome.line}`;
      const message = outcome.message.replace(/^line \d+: /, '');
      throw new WorkbenchError('import-rejected', `${where}: ${message}. Nothing was imported.`, {
        file: outcome.file,
        line: outcome.line,
      });
    }
    const parsed = outcome.value;
    const digest: PackageDigest = {
      documents: parsed.documents.map((doc) => ({
        sha256: doc.text === undefined ? null : sha256Hex(doc.text),
        ...(doc.id === undefined ? {} : { id: doc.id }),
        file: doc.source.file,
      })),
      layers: [...new Set(parsed.documents.flatMap((d) => d.layers.map((l) => l.layer ?? '')))],
      ...(parsed.annotators === undefined ? {} : { annotators: parsed.annotators }),
    };
    return { ok: true, digest, parsed: JSON.stringify(parsed) };
  } catch (error) {
    return refusalOf(error);
  }
}
