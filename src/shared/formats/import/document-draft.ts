// What an importer produces before main stores it: documents without ids, hashes or timestamps (shared layer,
// pure). Also the checks and title helpers every text codec shares, so all formats refuse the same way.
import { MAX_DOCUMENT_CHARS, type ImportInfo } from '../../model';
import { canonicalizeText, type CanonicalText } from '../../text';

/** Formats a document's text can come from (annotation formats bring their text too). */
export type ImportFormat = Exclude<ImportInfo['format'], 'sample'>;
/** Formats that hold only documents, no annotations: the codecs of this folder. */
export type TextImportFormat = 'txt' | 'md' | 'html' | 'jsonl';

export type DraftImportInfo = Omit<ImportInfo, 'importedAt' | 'format'> & { format: ImportFormat };

export type MetaValue = string | number | boolean;

export interface DocumentDraft {
  title: string;
  text: string;
  meta: Record<string, MetaValue>;
  import: DraftImportInfo;
}

export type ImportOutcome =
  { ok: true; documents: DocumentDraft[] } | { ok: false; message: string; line?: number };

/** A file after the format-independent checks: name parts and its strictly decoded text (BOM removed). */
export interface DecodedFile {
  /** File name without folders, e.g. "astana-22.txt". */
  sourceName: string;
  /** File name without its extension, e.g. "astana-22". */
  stem: string;
  text: string;
  hadBom: boolean;
}

/** Longest title the document schema accepts. */
export const MAX_TITLE_CHARS = 500;

/** Thrown by a parser deep inside a codec to refuse the file; importFile prefixes the line and refuses. */
export class ImportRefusal extends Error {
  constructor(
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'ImportRefusal';
  }
}

export function refuse(message: string, line?: number): ImportOutcome {
  return line === undefined ? { ok: false, message } : { ok: false, message, line };
}

/** "12,345,678" whatever the machine's locale, so messages read the same everywhere. */
export function formatCount(n: number): string {
  return String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** Why `text` cannot be a document (empty, whitespace only, too long), or null if it can. */
export function documentTextProblem(text: string): string | null {
  if (text.length === 0) return 'is empty';
  if (!/\S/.test(text)) return 'contains only whitespace';
  if (text.length > MAX_DOCUMENT_CHARS) {
    return `is ${formatCount(text.length)} characters long; a document may have at most ${formatCount(MAX_DOCUMENT_CHARS)}`;
  }
  return null;
}

/** Collapses whitespace, trims and caps a title (never cutting a surrogate pair); '' when nothing is left. */
export function tidyTitle(raw: string): string {
  const collapsed = raw.replace(/\s+/g, ' ').trim();
  if (collapsed.length <= MAX_TITLE_CHARS) return collapsed;
  const last = collapsed.charCodeAt(MAX_TITLE_CHARS - 1);
  const cut = last >= 0xd800 && last <= 0xdbff ? MAX_TITLE_CHARS - 1 : MAX_TITLE_CHARS;
  return collapsed.slice(0, cut).trimEnd();
}

/** How many words of a text make a title when nothing better names it. */
const OPENING_WORDS = 8;

/** The first words of `text` ("The minister said that …"), read from its start only: linear in the title. */
export function openingWords(text: string): string {
  const words = text
    .slice(0, 1000)
    .trim()
    .split(/\s+/, OPENING_WORDS + 1);
  const opening = words.slice(0, OPENING_WORDS).join(' ');
  return words.length > OPENING_WORDS ? `${opening}…` : opening;
}

/** The first candidate that is non-empty once tidied, or "Untitled" when none is. */
export function pickTitle(...candidates: (string | null | undefined)[]): string {
  for (const candidate of candidates) {
    const title = candidate === null || candidate === undefined ? '' : tidyTitle(candidate);
    if (title !== '') return title;
  }
  return 'Untitled';
}

/** A draft whose import info carries the canonical text's line-ending map. */
export function makeDraft(
  file: DecodedFile,
  format: ImportFormat,
  canonical: CanonicalText,
  title: string,
  meta: Record<string, MetaValue>,
  hadBom: boolean = file.hadBom,
): DocumentDraft {
  const { text, lineEndings, crlfAt, crAt } = canonical;
  return {
    title,
    text,
    meta,
    import: { sourceName: file.sourceName, format, encoding: 'utf-8', hadBom, lineEndings, crlfAt, crAt },
  };
}

/**
 * One document from text extracted out of markup (HTML, Markdown), titled by the markup's own title, else the
 * file name. The text is not a substring-preserving view of the file, so its import info carries no offset
 * map: lineEndings 'none' and empty crlfAt/crAt mean "canonical offsets do not map to the source file".
 */
export function extractedDocument(
  file: DecodedFile,
  format: 'html' | 'md',
  extracted: { text: string; title: string | null },
): ImportOutcome {
  // Only verbatim parts (<pre>, code blocks) can still hold CR; canonicalise like any text, keep no map.
  const text = canonicalizeText(extracted.text).text;
  if (text === '') return refuse(`the ${format === 'html' ? 'HTML' : 'Markdown'} has no readable text`);
  const problem = documentTextProblem(text);
  if (problem !== null) return refuse(`the text ${problem}`);
  const canonical = { text, lineEndings: 'none' as const, crlfAt: [], crAt: [] };
  const title = pickTitle(extracted.title, file.stem, file.sourceName);
  return {
    ok: true,
    documents: [makeDraft(file, format, canonical, title, { sourceFile: file.sourceName })],
  };
}
