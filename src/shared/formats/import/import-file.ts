// The import entry point (shared layer, pure): picks a codec by file extension after the checks every file
// must pass (size, binary content, strict UTF-8, some text). Refusals are data with a message for the user;
// the caller names the file. Main stores the drafts; the renderer may call this to preview an import.
import { MAX_IMPORT_FILE_BYTES } from '../../api/contract';
import { ownEntry } from '../../model/records';
import { decodeUtf8Strict, firstBinaryByte, lineOfByte } from '../../text';
import {
  ImportRefusal,
  refuse,
  type DecodedFile,
  type ImportOutcome,
  type TextImportFormat,
} from './document-draft';
import { parseHtmlDocument } from './html-documents';
import { parseJsonlDocuments } from './jsonl-documents';
import { parseMarkdownDocument, parsePlainTextDocument } from './text-documents';

const FORMAT_BY_EXTENSION: Readonly<Record<string, TextImportFormat>> = {
  txt: 'txt',
  text: 'txt',
  md: 'md',
  markdown: 'md',
  html: 'html',
  htm: 'html',
  jsonl: 'jsonl',
  ndjson: 'jsonl',
};

const CODECS: Readonly<Record<TextImportFormat, (file: DecodedFile) => ImportOutcome>> = {
  txt: parsePlainTextDocument,
  md: parseMarkdownDocument,
  html: parseHtmlDocument,
  jsonl: parseJsonlDocuments,
};

const SUPPORTED = 'Tagwright imports .txt, .md, .html and .jsonl';

/** Splits "dir/Report.Final.TXT" into its base name, stem and lower-case extension (no dot; '' if none). */
export function fileNameParts(fileName: string): { base: string; stem: string; extension: string } {
  const base = fileName.slice(Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\')) + 1);
  const dot = base.lastIndexOf('.');
  // A leading dot (".txt", ".profile") names a hidden file, not an extension, as in Node's path.extname.
  if (dot <= 0) return { base, stem: base, extension: '' };
  return { base, stem: base.slice(0, dot), extension: base.slice(dot + 1).toLowerCase() };
}

/** "32 MB", "40.5 MB", "812 KB", "17 bytes": sizes as users read them (1 MB = 1024 × 1024 bytes). */
export function formatBytes(bytes: number): string {
  const trim = (n: number): string => n.toFixed(1).replace(/\.0$/, '');
  if (bytes >= 1024 * 1024) return `${trim(bytes / (1024 * 1024))} MB`;
  if (bytes >= 1024) return `${trim(bytes / 1024)} KB`;
  return `${bytes} bytes`;
}

/** Why a file of `size` bytes is refused, or null when it is within the import limit. */
export function fileSizeProblem(size: number): string | null {
  if (size <= MAX_IMPORT_FILE_BYTES) return null;
  return `the file is ${formatBytes(size)}; Tagwright imports files up to ${formatBytes(MAX_IMPORT_FILE_BYTES)}`;
}

/** Why a file that looks binary is refused; a UTF-16 file is wrong as a whole, anything else at a line. */
function binaryProblem(bytes: Uint8Array, at: number): { ok: false; message: string; line?: number } {
  const [first, second] = [bytes[0], bytes[1]];
  const utf16 = (first === 0xff && second === 0xfe) || (first === 0xfe && second === 0xff);
  if (utf16) return { ok: false, message: 'the file is UTF-16 text; save it as UTF-8 and import it again' };
  const message = `the file looks binary, not like text (a NUL or control byte at offset ${at})`;
  return { ok: false, message, line: lineOfByte(bytes, at) };
}

/** Checks shared by every format: size, binary content, strict UTF-8 and non-blank text. */
function decodeFile(
  fileName: string,
  bytes: Uint8Array,
): { ok: true; file: DecodedFile } | { ok: false; message: string; line?: number } {
  const tooLarge = fileSizeProblem(bytes.length);
  if (tooLarge !== null) return { ok: false, message: tooLarge };
  if (bytes.length === 0) return { ok: false, message: 'the file is empty' };
  const binaryAt = firstBinaryByte(bytes);
  if (binaryAt >= 0) return binaryProblem(bytes, binaryAt);
  const decoded = decodeUtf8Strict(bytes);
  if (!decoded.ok) return { ok: false, message: decoded.message, line: decoded.line };
  if (decoded.text === '') return { ok: false, message: 'the file is empty' };
  if (!/\S/.test(decoded.text)) return { ok: false, message: 'the file contains only whitespace' };
  const { base, stem } = fileNameParts(fileName);
  return { ok: true, file: { sourceName: base, stem, text: decoded.text, hadBom: decoded.hadBom } };
}

/**
 * Turns one file into document drafts, or refuses it with a message (and for JSONL the 1-based line). The
 * format follows the extension, case-insensitively: .txt/.text, .md/.markdown, .html/.htm, .jsonl/.ndjson.
 */
export function importFile(fileName: string, bytes: Uint8Array): ImportOutcome {
  const { extension } = fileNameParts(fileName);
  // The extension is user data: ".constructor" must not find Object.prototype.constructor.
  const format = ownEntry(FORMAT_BY_EXTENSION, extension);
  if (format === undefined) {
    return refuse(
      extension === ''
        ? `the file name has no extension: ${SUPPORTED}`
        : `unsupported file type ".${extension}": ${SUPPORTED}`,
    );
  }
  const decoded = decodeFile(fileName, bytes);
  if (!decoded.ok) {
    const { message, line } = decoded;
    return line === undefined ? refuse(message) : refuse(`line ${line}: ${message}`, line);
  }
  try {
    return CODECS[format](decoded.file);
  } catch (error: unknown) {
    if (!(error instanceof ImportRefusal)) throw error;
    const { message, line } = error;
    return line === undefined ? refuse(message) : refuse(`line ${line}: ${message}`, line);
    throw error;
  }
}
