// Reading annotation files (shared layer, pure): a thrown FileProblem becomes a ParseFailure naming the file
// and line, so a codec's parser reads top to bottom and stops at the first error with nothing imported. JSON
// errors get a line from jsonc-parser (JSON.parse does not always say where); offsets given in code points are
// converted to UTF-16 with the text's own table and checked against the quote the file states.
import {
  findNodeAtLocation,
  parse as parseLenient,
  parseTree,
  printParseErrorCode,
  type Node,
  type ParseError,
} from 'jsonc-parser';
import { canonicalizeText, originalToCanonical } from '../../text/canonical';
import { CodePointIndex, OffsetError } from '../../text/code-points';
import { firstLoneSurrogate } from '../../text/surrogates';
import { isoDate } from '../../model/document';
import { isValidId } from '../../model/ids';
import type { AnnotationFormat, InputFile, ParsedPackage, ParseOutcome } from './bundle';

export class FileProblem extends Error {
  constructor(
    readonly file: string,
    message: string,
    readonly line?: number,
  ) {
    super(message);
    this.name = 'FileProblem';
  }
}

/**
 * A name the file gives that becomes an id of the workspace (a label, relation type or attribute) must be
 * one; otherwise the file is refused by line and name, never renamed behind the analyst's back.
 */
export function requireId(file: string, line: number, what: string, name: string): void {
  if (isValidId(name)) return;
  const message = `the ${what} "${name}" is not an id (${ID_RULE})`;
  throw new FileProblem(file, `line ${line}: ${message}`, line);
}

/** `requireId` in a JSON file: the refusal names the line and path of the value holding the name. */
export function requireIdAt(where: Where, what: string, name: string): void {
  if (!isValidId(name)) failAt(where, `holds the ${what} "${name}", which is not an id (${ID_RULE})`);
}

const ID_RULE = '1-64 characters of A-Z, a-z, 0-9, _ or -';

/** Runs a parser; a FileProblem it throws becomes the failure of the whole input. */
export function parseGuarded(body: () => ParsedPackage): ParseOutcome {
  try {
    return { ok: true, value: body() };
  } catch (error) {
    if (!(error instanceof FileProblem)) throw error;
    const failure = { ok: false as const, file: error.file, message: error.message };
    return error.line === undefined ? failure : { ...failure, line: error.line };
  }
}

export function emptyPackage(format: AnnotationFormat): ParsedPackage {
  return { format, documents: [], warnings: [] };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** No annotation format nests deeper than a dozen levels; a file past this is refused, not walked. */
export const MAX_JSON_DEPTH = 256;

/** Where the text first opens more than `max` nested arrays or objects (-1: never), in one linear pass. */
export function offsetPastDepth(text: string, max: number): number {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // a backslash escapes the next character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x5b || c === 0x7b) {
      if (++depth > max) return i;
    } else if (c === 0x5d || c === 0x7d) depth--;
  }
  return -1;
}

/**
 * Parses JSON; on a syntax error, throws a FileProblem with the line and what was expected there. Nesting past
 * MAX_JSON_DEPTH is refused with its line before anything walks the value (a recursive walk would overflow).
 */
export function readJson(file: InputFile, text = file.text, firstLine = 1): unknown {
  const tooDeep = offsetPastDepth(text, MAX_JSON_DEPTH);
  if (tooDeep >= 0) {
    const line = firstLine + lineOf(text, tooDeep) - 1;
    throw new FileProblem(
      file.name,
      `line ${line}: nested more than ${MAX_JSON_DEPTH} levels deep (no annotation format needs that)`,
      line,
    );
  }
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    const errors: ParseError[] = [];
    parseLenient(text, errors, { disallowComments: true, allowTrailingComma: false });
    const first = errors[0];
    const line = first === undefined ? firstLine : firstLine + lineOf(text, first.offset) - 1;
    const reason =
      first === undefined
        ? error instanceof Error
          ? error.message
          : String(error)
        : `${printParseErrorCode(first.error)} at column ${first.offset - text.lastIndexOf('\n', first.offset - 1)}`;
    throw new FileProblem(file.name, `line ${line}: not valid JSON (${reason})`, line);
  }
  refuseLoneSurrogates(file, text, firstLine, value);
  return value;
}

/** A string of the file holding half a surrogate pair (only a JSON escape can make one): refused with its line. */
function refuseLoneSurrogates(file: InputFile, text: string, firstLine: number, value: unknown): void {
  const lone = firstLoneString(value);
  if (lone === null) return;
  const unit = lone.charCodeAt(firstLoneSurrogate(lone)).toString(16);
  const at = text.toLowerCase().indexOf(`\\u${unit}`);
  const line = firstLine + (at < 0 ? 0 : lineOf(text, at) - 1);
  throw new FileProblem(
    file.name,
    `line ${line}: a string holds a lone surrogate (\\u${unit}), which is not Unicode text; fix the escape`,
    line,
  );
}

function firstLoneString(value: unknown): string | null {
  if (typeof value === 'string') return firstLoneSurrogate(value) >= 0 ? value : null;
  if (typeof value !== 'object' || value === null) return null;
  for (const item of Array.isArray(value) ? value : [...Object.keys(value), ...Object.values(value)]) {
    const found = firstLoneString(item);
    if (found !== null) return found;
  }
  return null;
}

/** Non-blank lines of a JSON Lines file with their 1-based numbers (a trailing CR is dropped). */
export function jsonLines(file: InputFile): { line: number; value: unknown }[] {
  const records: { line: number; value: unknown }[] = [];
  file.text.split('\n').forEach((raw, index) => {
    const text = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (text.trim() !== '') records.push({ line: index + 1, value: readJson(file, text, index + 1) });
  });
  if (records.length === 0) throw new FileProblem(file.name, 'the file has no records (every line is blank)');
  return records;
}

/** JSON text of one JSONL record: U+2028/U+2029 escaped so Python's splitlines() cannot split a record. */
export function jsonLine(value: unknown): string {
  return JSON.stringify(value)
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** Where in a file a value stands, for messages: "line 3: entities[2].end_offset". */
export interface Where {
  file: string;
  /** The line, when known up front (JSON Lines); else `locate` finds it from the path. */
  line?: number;
  segments: readonly (string | number)[];
  locate?: (segments: readonly (string | number)[]) => number | undefined;
}

export function pathText(segments: readonly (string | number)[]): string {
  if (segments.length === 0) return 'the record';
  return segments.map((s, i) => (typeof s === 'number' ? `[${s}]` : i === 0 ? s : `.${s}`)).join('');
}

function problem(where: Where, message: string): FileProblem {
  const line = where.line ?? where.locate?.(where.segments);
  const path = pathText(where.segments);
  return new FileProblem(
    where.file,
    line === undefined ? `${path} ${message}` : `line ${line}: ${path} ${message}`,
    line,
  );
}

export function at(where: Where, ...keys: (string | number)[]): Where {
  return { ...where, segments: [...where.segments, ...keys] };
}

/** A JSON file's root value and a `Where` that finds the line of any path in it (jsonc-parser's tree). */
export function readJsonFile(file: InputFile): { value: unknown; where: Where } {
  const value = readJson(file);
  let tree: Node | undefined;
  const locate = (segments: readonly (string | number)[]): number | undefined => {
    tree ??= parseTree(file.text);
    let node = tree === undefined ? undefined : findNodeAtLocation(tree, [...segments]);
    for (let n = segments.length - 1; node === undefined && n >= 0 && tree !== undefined; n--) {
      node = findNodeAtLocation(tree, segments.slice(0, n)); // a missing key: point at its object
    }
    return node === undefined ? undefined : lineOf(file.text, node.offset);
  };
  return { value, where: { file: file.name, segments: [], locate } };
}

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown, where: Where): JsonObject {
  if (typeof value === 'object' && value !== null && !Array.isArray(value)) return value as JsonObject;
  throw problem(where, 'must be a JSON object');
}

export function asArray(value: unknown, where: Where): unknown[] {
  if (Array.isArray(value)) return value;
  throw problem(where, 'must be a JSON array');
}

export function field(obj: JsonObject, key: string): unknown {
  return Object.hasOwn(obj, key) ? obj[key] : undefined;
}

export function stringAt(obj: JsonObject, key: string, where: Where): string {
  const value = field(obj, key);
  if (typeof value === 'string') return value;
  throw problem(
    at(where, key),
    value === undefined ? 'is missing (a string is required)' : 'must be a string',
  );
}

export function optionalString(obj: JsonObject, key: string, where: Where): string | undefined {
  return field(obj, key) === undefined || field(obj, key) === null ? undefined : stringAt(obj, key, where);
}

/** An optional ISO 8601 date and time (with its offset), as the document model stores one. */
export function optionalTimestamp(obj: JsonObject, key: string, where: Where): string | undefined {
  const value = optionalString(obj, key, where);
  if (value !== undefined && !isoDate.safeParse(value).success)
    throw problem(at(where, key), `is "${value.slice(0, 40)}", not an ISO 8601 date and time`);
  return value;
}

/** An id may be written as a string or a whole number (doccano numbers its entities). */
export function idAt(obj: JsonObject, key: string, where: Where): string {
  const value = field(obj, key);
  if (typeof value === 'number' && Number.isInteger(value)) return String(value);
  return stringAt(obj, key, where);
}

export function integerAt(obj: JsonObject, key: string, where: Where): number {
  const value = field(obj, key);
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0) return value;
  throw problem(
    at(where, key),
    value === undefined ? 'is missing (a whole number is required)' : 'must be a whole number ≥ 0',
  );
}

/** A record of strings (attributes), built without a prototype so ids such as "__proto__" stay plain keys. */
export function stringRecord(value: unknown, where: Where): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  if (value === undefined || value === null) return record;
  for (const [key, entry] of Object.entries(asObject(value, where))) {
    if (typeof entry !== 'string') throw problem(at(where, key), 'must be a string');
    record[key] = entry;
  }
  return record;
}

/** Document meta: a record of strings, numbers and booleans (null prototype, as for attributes). */
export function metaRecord(value: unknown, where: Where): Record<string, string | number | boolean> {
  const record = Object.create(null) as Record<string, string | number | boolean>;
  for (const [key, entry] of Object.entries(asObject(value, where))) {
    if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean') {
      throw problem(at(where, key), 'must be a string, number or boolean');
    }
    record[key] = entry;
  }
  return record;
}

/** The id (a string or a whole number), title and meta a record states about its document, where present. */
export function documentInfo(
  record: JsonObject,
  where: Where,
  idKey = 'id',
): { id?: string; title?: string; meta?: Record<string, string | number | boolean> } {
  const info: { id?: string; title?: string; meta?: Record<string, string | number | boolean> } = {};
  if (field(record, idKey) !== undefined && field(record, idKey) !== null)
    info.id = idAt(record, idKey, where);
  const title = optionalString(record, 'title', where);
  if (title !== undefined) info.title = title;
  if (field(record, 'meta') !== undefined) info.meta = metaRecord(field(record, 'meta'), at(where, 'meta'));
  return info;
}

export function failAt(where: Where, message: string): never {
  throw problem(where, message);
}

/**
 * Converts code-point offsets over a file's text to UTF-16 offsets over its canonical text (CRLF and CR → LF,
 * as an import makes it), checking them against the quote the file states. `text` is the canonical text.
 */
export class CodePointReader {
  private readonly index: CodePointIndex;
  readonly text: string;
  private readonly crlfAt: number[];

  constructor(private readonly original: string) {
    this.index = new CodePointIndex(original);
    const canonical = canonicalizeText(original);
    this.text = canonical.text;
    this.crlfAt = canonical.crlfAt;
  }

  /** The file's text between two code-point offsets (no checks: call range() first). */
  originalSlice(start: number, end: number): string {
    return this.original.slice(this.index.toUtf16(start), this.index.toUtf16(end));
  }

  /** Canonical UTF-16 offsets and the text they select; a bad offset or a differing quote is a FileProblem. */
  range(
    start: number,
    end: number,
    where: Where,
    quote?: string,
  ): { start: number; end: number; quote: string } {
    if (end <= start) failAt(where, `has end ${end} not after start ${start}`);
    let utf16: { start: number; end: number };
    try {
      utf16 = { start: this.index.toUtf16(start), end: this.index.toUtf16(end) };
    } catch (error) {
      if (error instanceof OffsetError)
        failAt(where, `has offsets ${start}–${end} (code points): ${error.message}`);
      throw error;
    }
    const actual = this.original.slice(utf16.start, utf16.end);
    if (quote !== undefined && quote !== actual) {
      failAt(where, `quotes "${quote}" but the text at ${start}–${end} (code points) reads "${actual}"`);
    }
    const map = { hadBom: false, crlfAt: this.crlfAt };
    const range = { start: originalToCanonical(utf16.start, map), end: originalToCanonical(utf16.end, map) };
    return { ...range, quote: this.text.slice(range.start, range.end) };
  }
}
