// JSONL corpus import codec (shared layer, pure): one document per non-blank line, {"text", "id"?, "title"?,
// "meta"?}. All or nothing: the first bad line refuses the whole file with its 1-based line number, so a corpus
// is never half-imported. Other fields of a record are ignored.
import { emptyRecord, setEntry } from '../../model/records';
import { canonicalizeText, firstLoneSurrogate } from '../../text';
import {
  documentTextProblem,
  makeDraft,
  openingWords,
  pickTitle,
  refuse,
  type DecodedFile,
  type DocumentDraft,
  type ImportOutcome,
  type MetaValue,
} from './document-draft';

/** Limits of the document schema's meta record. */
const MAX_META_KEY_CHARS = 200;
const MAX_META_STRING_CHARS = 10_000;

interface JsonlRecord {
  text: string;
  id?: string;
  title?: string;
  meta: Record<string, MetaValue>;
}

type Checked<T> = { ok: true; value: T } | { ok: false; reason: string };

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function parseJson(line: string): Checked<unknown> {
  try {
    return { ok: true, value: JSON.parse(line) as unknown };
  } catch (error) {
    return {
      ok: false,
      reason: `is not valid JSON (${error instanceof Error ? error.message : String(error)})`,
    };
  }
}

function checkMeta(value: unknown): Checked<Record<string, MetaValue>> {
  if (value === undefined) return { ok: true, value: {} };
  if (!isPlainObject(value)) return { ok: false, reason: '"meta" must be an object' };
  const meta = emptyRecord<MetaValue>();
  for (const [key, entry] of Object.entries(value)) {
    if (key.length > MAX_META_KEY_CHARS) {
      return {
        ok: false,
        reason: `"meta" key "${key.slice(0, 40)}…" is longer than ${MAX_META_KEY_CHARS} characters`,
      };
    }
    if (typeof entry !== 'string' && typeof entry !== 'number' && typeof entry !== 'boolean') {
      return { ok: false, reason: `"meta.${key}" must be a string, number or boolean` };
    }
    if (typeof entry === 'string' && entry.length > MAX_META_STRING_CHARS) {
      return { ok: false, reason: `"meta.${key}" is longer than ${MAX_META_STRING_CHARS} characters` };
    }
    setEntry(meta, key, entry);
  }
  return { ok: true, value: meta };
}

function checkRecord(value: unknown): Checked<JsonlRecord> {
  if (!isPlainObject(value)) return { ok: false, reason: 'is not a JSON object' };
  const { text, id, title } = value;
  if (typeof text !== 'string') return { ok: false, reason: 'has no "text" string' };
  if (id !== undefined && typeof id !== 'string') return { ok: false, reason: '"id" must be a string' };
  if (title !== undefined && typeof title !== 'string')
    return { ok: false, reason: '"title" must be a string' };
  const meta = checkMeta(value['meta']);
  if (!meta.ok) return meta;
  const record = { text, id, title, meta: meta.value };
  const lone = loneSurrogateIn(record);
  return lone === null ? { ok: true, value: record } : { ok: false, reason: lone };
}

/**
 * Why a string of the record is not Unicode text, or null. JSON lets "\ud800" stand alone, but such a text
 * cannot be stored as UTF-8: its hash would equal that of the same text with U+FFFD, and its offsets shift.
 */
function loneSurrogateIn(record: JsonlRecord): string | null {
  const fields: [string, unknown][] = [
    ['text', record.text],
    ['id', record.id],
    ['title', record.title],
    ...Object.entries(record.meta).map(([key, value]): [string, unknown] => [`meta.${key}`, value]),
  ];
  for (const [field, value] of fields) {
    if (typeof value !== 'string') continue;
    const at = firstLoneSurrogate(value);
    if (at < 0) continue;
    const unit = value.charCodeAt(at).toString(16).padStart(4, '0');
    return `"${field}" contains a lone surrogate (\\u${unit} at character ${at}), which is not Unicode text; fix the escape in the file`;
  }
  return null;
}

/** One record's draft. A leading U+FEFF in "text" is treated as a BOM, so the draft's offset map stays exact. */
function recordDraft(file: DecodedFile, record: JsonlRecord, line: number): Checked<DocumentDraft> {
  const hadBom = record.text.startsWith('\uFEFF');
  const canonical = canonicalizeText(hadBom ? record.text.slice(1) : record.text);
  const problem = documentTextProblem(canonical.text);
  if (problem !== null) return { ok: false, reason: `"text" ${problem}` };
  // Untitled records are named by their id, else by their opening words, so a list of them stays readable.
  const title = pickTitle(record.title, record.id, openingWords(canonical.text), `${file.stem} #${line}`);
  // Our provenance keys win over same-named keys in the record's own meta.
  const meta = emptyRecord<MetaValue>();
  for (const [key, value] of Object.entries(record.meta)) setEntry(meta, key, value);
  setEntry(meta, 'sourceFile', file.sourceName);
  if (record.id !== undefined) setEntry(meta, 'sourceId', record.id);
  return { ok: true, value: makeDraft(file, 'jsonl', canonical, title, meta, hadBom) };
}

/**
 * Documents from a JSONL file: lines split on '\n' (a trailing '\r' is dropped), blank lines skipped. Each
 * document's import info maps offsets back to its record's "text" string, not to the file.
 */
export function parseJsonlDocuments(file: DecodedFile): ImportOutcome {
  const documents: DocumentDraft[] = [];
  const lines = file.text.split('\n');
  for (let index = 0; index < lines.length; index++) {
    const raw = lines[index] ?? '';
    const line = raw.endsWith('\r') ? raw.slice(0, -1) : raw;
    if (line.trim() === '') continue;
    const number = index + 1;
    const parsed = parseJson(line);
    const record = parsed.ok ? checkRecord(parsed.value) : parsed;
    const draft = record.ok ? recordDraft(file, record.value, number) : record;
    if (!draft.ok) return refuse(`line ${number}: ${draft.reason}`, number);
    documents.push(draft.value);
  }
  if (documents.length === 0) return refuse('the file has no documents (every line is blank)');
  return { ok: true, documents };
}
