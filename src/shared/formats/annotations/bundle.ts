// What annotation codecs read and write (shared layer, pure): an export bundle (the selected documents,
// layers and labels of a workspace) goes out through `serialize`; files come in through `parse` as a parsed
// package that main matches to documents (by SHA-256, else by quote and context) before anything is written.
import type {
  Annotator,
  Comment,
  DocumentMeta,
  DocumentRecord,
  DocumentStatus,
  ImportInfo,
  LabelSchema,
  Provenance,
} from '../../model';

export const annotationFormats = [
  'native',
  'jsonl',
  'doccano',
  'labelstudio',
  'brat',
  'conll',
  'w3c',
  'csv',
] as const;
export type AnnotationFormat = (typeof annotationFormats)[number];

/** Formats an annotated file can be imported from (CoNLL and CSV lose the text, so they are export-only). */
export const importableFormats = ['native', 'jsonl', 'doccano', 'labelstudio', 'brat', 'w3c'] as const;
export type ImportableFormat = (typeof importableFormats)[number];

/** The unit every exported offset is counted in; `tokens` for CoNLL, which has no character offsets. */
export type OffsetUnit = 'utf16-code-units' | 'code-points' | 'tokens';

/** One document as exported: its record with only the chosen layers (and, in them, the chosen labels). */
export type ExportDocument = Pick<
  DocumentRecord,
  'id' | 'title' | 'text' | 'sha256' | 'meta' | 'import' | 'status' | 'layers' | 'comments'
>;

export interface ExportBundle {
  schema: LabelSchema;
  annotators: Annotator[];
  documents: ExportDocument[];
  /** ISO time of the export, written into formats that carry one. */
  exportedAt: string;
  /** The analyst who exported (display name), written into formats that carry one. */
  exportedBy: string;
}

export interface OutputFile {
  /** Relative path inside the output (a single file, or an entry of the zip); always safe (see file-names). */
  path: string;
  content: string;
}

/** Something the format could not hold: reported to the analyst and written into README.txt. */
export interface ExportWarning {
  /** The document concerned, when the warning is about one. */
  document?: string;
  message: string;
}

export interface ExportOutput {
  files: OutputFile[];
  warnings: ExportWarning[];
}

export interface InputFile {
  /**
   * The file's path relative to what the analyst chose (a folder or a zip), '/'-separated, used in messages.
   * Keep the folders of multi-file formats: brat reads the layer from a document's folder and pairs each
   * .ann with the .txt beside it. Single-file formats only use it in messages.
   */
  name: string;
  /** Strictly decoded UTF-8 text, BOM removed (the caller reports a BOM in `hadBom`). */
  text: string;
  hadBom: boolean;
}

export interface ParsedSpan {
  /** The span's id in the file, when the format has one (ours, or the format's own such as "T3"). */
  id?: string;
  label: string;
  /** Offsets in the parsed document's `offsetUnit`, over its `text` when it has one. */
  start: number;
  end: number;
  /** The quoted text and context, when the format carries them (used to verify and to re-anchor). */
  quote?: string;
  prefix?: string;
  suffix?: string;
  attributes: Record<string, string>;
  note: string;
  createdBy?: string;
  createdAt?: string;
  updatedAt?: string;
  provenance?: Provenance;
}

export interface ParsedRelation {
  id?: string;
  type: string;
  /** Ids of the end spans as they appear in the file (matching ParsedSpan.id). */
  from: string;
  to: string;
  note: string;
  createdBy?: string;
  createdAt?: string;
  provenance?: Provenance;
}

export interface ParsedLayer {
  /** The layer id the file gives; undefined when the format has no layers (the import names one). */
  layer?: string;
  spans: ParsedSpan[];
  relations: ParsedRelation[];
}

export interface ParsedDocument {
  /** Where the document came from, for messages: the file and, for line-based formats, the 1-based line. */
  source: { file: string; line?: number };
  /** Our document id, when the file carries one (native, JSONL, W3C). */
  id?: string;
  title?: string;
  /** The canonical text (CRLF → LF, no BOM) when the file carries the text; offsets then index it. */
  text?: string;
  /** SHA-256 (hex) of `text` as the file states it, if it states one. */
  sha256?: string;
  /** Offsets of this document's spans: UTF-16 once the parser could convert them, else as in the file. */
  offsetUnit: 'utf16-code-units' | 'code-points';
  meta?: DocumentMeta;
  import?: ImportInfo;
  status?: Record<string, DocumentStatus>;
  layers: ParsedLayer[];
  comments?: Comment[];
}

export interface ParsedPackage {
  format: AnnotationFormat;
  /** The label schema the file states (native, brat's annotation.conf), if any. */
  schema?: LabelSchema;
  annotators?: Annotator[];
  documents: ParsedDocument[];
  warnings: string[];
}

/** A file that cannot be read as the format: nothing of it is imported. `line` is 1-based when known. */
export interface ParseFailure {
  ok: false;
  file: string;
  line?: number;
  message: string;
}

export type ParseOutcome = { ok: true; value: ParsedPackage } | ParseFailure;

export interface AnnotationCodec {
  format: AnnotationFormat;
  /** Name for people ("brat standoff"). */
  title: string;
  /** Unit of the offsets this format writes. */
  offsetUnit: OffsetUnit;
  /** What this format cannot hold; said in the export dialog, the CLI report and README.txt. */
  limitations: readonly string[];
  /** True when the output is several files (zipped by the caller). */
  multiFile: boolean;
  /** File extension of a single-file output, without the dot ("jsonl"). */
  extension: string;
  serialize(bundle: ExportBundle): ExportOutput;
  parse(files: readonly InputFile[]): ParseOutcome;
}
