// Semantic checks of a whole document, beyond what its zod schema can say (shared layer, pure): a well-formed
// text, offsets inside the text and not splitting a surrogate pair, quotes and context equal to the text,
// unique ids, relations and comments pointing at records that exist, labels known to the workspace's schema, a
// sane import map and provenance. Run when a document file is loaded and when one is created; never per save.
// The check is a generator that pauses every few hundred records, so main can run it in slices between
// requests (a document may hold 50,000 spans); `documentProblem` runs it to the end in one go.
import { checkRange } from '../text/anchor';
import { firstLoneSurrogate } from '../text/surrogates';
import type { Comment, DocumentRecord, Layer, Provenance, Span } from './document';
import type { LabelSchema } from './label-schema';
import { checkLabel, relationProblem } from './ops';

export interface DocumentCheckOptions {
  /** Hex SHA-256 of the UTF-8 text; the shared layer has no crypto, so main passes it in. */
  sha256?: (text: string) => string;
}

/** Why the field at `path` is wrong, in the store's usual form: `"layers.dana.spans.3.end": …`. */
class Problem extends Error {}

function fail(path: string, message: string): never {
  throw new Problem(`"${path}": ${message}`);
}

/** Records checked between two pauses of `documentProblemSteps`: well under a millisecond of work. */
export const RECORDS_PER_STEP = 500;

/**
 * The first semantic problem of `doc`, or null when it has none. One pass over every span, relation and
 * comment; the message names the exact field, e.g. `"layers.dana.spans.3.end": 223 is past the end of the
 * text (length 222)`.
 */
export function documentProblem(
  doc: DocumentRecord,
  schema: LabelSchema,
  options: DocumentCheckOptions = {},
): string | null {
  return runToEnd(documentProblemSteps(doc, schema, options));
}

/** Drives a sliced computation to its result without pausing. */
export function runToEnd<T>(steps: Generator<void, T>): T {
  for (;;) {
    const step = steps.next();
    if (step.done === true) return step.value;
  }
}

/** `documentProblem` as a generator that yields every RECORDS_PER_STEP records (the caller may pause there). */
export function* documentProblemSteps(
  doc: DocumentRecord,
  schema: LabelSchema,
  options: DocumentCheckOptions = {},
): Generator<void, string | null> {
  try {
    // Imports refuse lone surrogates; one in a stored text is damage, and its UTF-8 hash cannot show it.
    const lone = firstLoneSurrogate(doc.text);
    if (lone >= 0) fail('text', `holds half a surrogate pair at ${lone} (not Unicode text)`);
    if (options.sha256 !== undefined) {
      const actual = options.sha256(doc.text);
      if (actual !== doc.sha256) fail('sha256', `does not match the text (the text hashes to ${actual})`);
    }
    checkLineEndingMap(doc);
    yield;
    const idsByLayer = new Map<string, LayerIds>();
    for (const [layerId, layer] of Object.entries(doc.layers)) {
      idsByLayer.set(layerId, yield* checkLayer(`layers.${layerId}`, layer, doc.text, schema));
    }
    checkComments(doc.comments, idsByLayer);
    for (const [index, rejected] of doc.rejectedSuggestions.entries()) {
      const problem = checkRange(doc.text, rejected.start, rejected.end);
      if (problem !== null) fail(`rejectedSuggestions.${index}`, problem);
    }
    return null;
  } catch (error) {
    if (error instanceof Problem) return error.message;
    throw error;
  }
}

const pauseAfter = (index: number): boolean => index % RECORDS_PER_STEP === RECORDS_PER_STEP - 1;

/** crlfAt and crAt: ascending offsets of '\n' characters of the text, no offset in both. */
function checkLineEndingMap(doc: DocumentRecord): void {
  const crlf = new Set<number>();
  for (const field of ['crlfAt', 'crAt'] as const) {
    let previous = -1;
    for (const [index, offset] of doc.import[field].entries()) {
      const path = `import.${field}.${index}`;
      if (offset <= previous) fail(path, `${offset} is not after the previous offset ${previous}`);
      if (doc.text.charCodeAt(offset) !== 0x0a) fail(path, `${offset} is not the offset of a line break`);
      if (field === 'crlfAt') crlf.add(offset);
      else if (crlf.has(offset)) fail(path, `${offset} is also listed in import.crlfAt`);
      previous = offset;
    }
  }
}

/** The index of each span and relation of a layer by id. */
interface LayerIds {
  spans: ReadonlyMap<string, number>;
  relations: ReadonlyMap<string, number>;
}

/** Checks the layer's spans and relations; returns where each id stands. */
function* checkLayer(
  path: string,
  layer: Layer,
  text: string,
  schema: LabelSchema,
): Generator<void, LayerIds> {
  const spans = new Map<string, Span>();
  const spanAt = new Map<string, number>();
  for (const [index, span] of layer.spans.entries()) {
    const at = `${path}.spans.${index}`;
    const twin = spanAt.get(span.id);
    if (twin !== undefined) fail(`${at}.id`, `"${span.id}" is also the id of ${path}.spans.${twin}`);
    spanAt.set(span.id, index);
    spans.set(span.id, span);
    checkSpan(at, span, text, schema);
    if (pauseAfter(index)) yield;
  }
  const relationAt = new Map<string, number>();
  const lookup = { span: (id: string) => spans.get(id) };
  for (const [index, relation] of layer.relations.entries()) {
    const at = `${path}.relations.${index}`;
    const twin = relationAt.get(relation.id);
    if (twin !== undefined) fail(`${at}.id`, `"${relation.id}" is also the id of ${path}.relations.${twin}`);
    relationAt.set(relation.id, index);
    const problem = relationProblem(lookup, schema, relation);
    if (problem !== null) fail(at, problem.message.replace(/\.$/, ''));
    if (relation.provenance !== undefined) checkProvenance(`${at}.provenance`, relation.provenance);
    if (pauseAfter(index)) yield;
  }
  return { spans: spanAt, relations: relationAt };
}

function checkSpan(at: string, span: Span, text: string, schema: LabelSchema): void {
  const { start, end } = span;
  if (end > text.length) fail(`${at}.end`, `${end} is past the end of the text (length ${text.length})`);
  if (start >= end) fail(`${at}.start`, `${start} is not before the span's end ${end}`);
  const range = checkRange(text, start, end);
  if (range !== null) fail(at, range);
  if (text.slice(start, end) !== span.quote) {
    fail(`${at}.quote`, `${JSON.stringify(clip(span.quote))} is not the text at ${start}-${end}`);
  }
  if (!text.endsWith(span.prefix, start)) fail(`${at}.prefix`, 'is not the text just before the span');
  if (!text.startsWith(span.suffix, end)) fail(`${at}.suffix`, 'is not the text just after the span');
  const label = checkLabel(schema, span.label, span.attributes);
  if (label !== null) fail(`${at}.label`, label.replace(/\.$/, ''));
  if (span.provenance !== undefined) checkProvenance(`${at}.provenance`, span.provenance);
}

/** Sources name distinct records; "accepted" takes one source at least and "merged" two. */
function checkProvenance(at: string, provenance: Provenance): void {
  const seen = new Set<string>();
  for (const [index, source] of provenance.sources.entries()) {
    const key = `${source.layer}\u0000${source.id}`;
    if (seen.has(key)) fail(`${at}.sources.${index}`, `${source.layer}/${source.id} is listed twice`);
    seen.add(key);
  }
  const least = provenance.decision === 'merged' ? 2 : provenance.decision === 'accepted' ? 1 : 0;
  if (seen.size < least) {
    fail(`${at}.sources`, `a "${provenance.decision}" decision needs at least ${least} source(s)`);
  }
}

function checkComments(comments: readonly Comment[], idsByLayer: ReadonlyMap<string, LayerIds>): void {
  const seen = new Map<string, number>();
  for (const [index, comment] of comments.entries()) {
    const at = `comments.${index}`;
    const twin = seen.get(comment.id);
    if (twin !== undefined) fail(`${at}.id`, `"${comment.id}" is also the id of comments.${twin}`);
    seen.set(comment.id, index);
    const { layer, kind, id } = comment.target;
    const ids = idsByLayer.get(layer);
    if (ids === undefined) fail(`${at}.target.layer`, `there is no layer "${layer}"`);
    if (!(kind === 'span' ? ids.spans : ids.relations).has(id))
      fail(`${at}.target.id`, `there is no ${kind} "${id}" in layer ${layer}`);
  }
}

function clip(text: string): string {
  return text.length <= 40 ? text : `${text.slice(0, 40)}…`;
}
