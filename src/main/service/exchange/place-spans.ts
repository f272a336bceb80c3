// Places one parsed document's spans and relations on a workspace text (src/main): offsets converted from the
// file's unit to UTF-16 over the file's own text; on the same text (same SHA-256) they stand as they are, on a
// changed text each span is re-anchored by its quote and context (Hypothesis-style), and a span that cannot be
// placed is reported with its quote, never moved silently. Relations follow their ends or are reported.
import type { ParsedDocument, ParsedLayer, ParsedSpan } from '@shared/formats/annotations';
import {
  isValidId,
  type AnnotatorId,
  type Relation,
  type RelationId,
  type Span,
  type SpanId,
} from '@shared/model';
import { CodePointIndex, anchorOf, checkRange, reanchor } from '@shared/text';

export interface Unplaced {
  label: string;
  quote: string;
  reason: string;
}

export interface PlacedLayer {
  spans: Span[];
  relations: Relation[];
  unplaced: Unplaced[];
  /** Relations left out because an end could not be placed. */
  droppedRelations: number;
}

export interface PlacementTarget {
  text: string;
  /** True when the workspace text is the file's text (same SHA-256): offsets stand as they are. */
  sameText: boolean;
  /** The analyst the layer belongs to (createdBy when the file does not say). */
  owner: AnnotatorId;
  now: string;
}

/** A stable id for a span or relation the file gave no usable id (same input, same id). */
function derivedId(prefix: string, ...parts: (string | number)[]): string {
  let hash = 0x811c9dc5;
  for (const char of parts.join('\u0000')) {
    hash ^= char.codePointAt(0)!;
    hash = Math.imul(hash, 0x01000193) >>> 0;
  }
  return `${prefix}${hash.toString(36)}`;
}

/** The span's offsets in UTF-16 over the file's text, or a reason they cannot be. */
function fileOffsets(
  doc: ParsedDocument,
  span: ParsedSpan,
  index: CodePointIndex | null,
): [number, number] | string {
  if (doc.offsetUnit === 'utf16-code-units') return [span.start, span.end];
  if (index === null) return [Number.NaN, Number.NaN];
  try {
    return [index.toUtf16(span.start), index.toUtf16(span.end)];
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export function placeLayer(doc: ParsedDocument, parsed: ParsedLayer, target: PlacementTarget): PlacedLayer {
  const source = doc.text;
  const index = source !== undefined && doc.offsetUnit === 'code-points' ? new CodePointIndex(source) : null;
  const placed: Span[] = [];
  const unplaced: Unplaced[] = [];
  const idOfFileSpan = new Map<string, string>();
  const usedIds = new Set<string>();
  for (const span of parsed.spans) {
    const offsets = fileOffsets(doc, span, index);
    const quote =
      span.quote ?? (source !== undefined && typeof offsets !== 'string' ? source.slice(...offsets) : '');
    const fail = (reason: string) => unplaced.push({ label: span.label, quote, reason });
    if (typeof offsets === 'string') {
      fail(offsets);
      continue;
    }
    let [start, end] = offsets;
    if (!target.sameText) {
      const context =
        source !== undefined && Number.isInteger(start) ? anchorOf(source, start, end) : undefined;
      const found = reanchor(target.text, {
        quote,
        prefix: span.prefix ?? context?.prefix,
        suffix: span.suffix ?? context?.suffix,
        ...(Number.isInteger(start) ? { start, end } : {}),
      });
      if (found === null) {
        fail(`“${quote.slice(0, 60)}” is not in this version of the text`);
        continue;
      }
      [start, end] = [found.start, found.end];
    }
    const problem = checkRange(target.text, start, end);
    if (problem !== null) {
      fail(problem);
      continue;
    }
    let id = span.id !== undefined && isValidId(span.id) ? span.id : derivedId('i', span.label, start, end);
    for (let n = 2; usedIds.has(id); n++) id = `${id.slice(0, 60)}-${n}`;
    usedIds.add(id);
    if (span.id !== undefined) idOfFileSpan.set(span.id, id);
    const createdBy =
      span.createdBy !== undefined && isValidId(span.createdBy) ? span.createdBy : target.owner;
    const record: Span = {
      id: id as SpanId,
      label: span.label,
      start,
      end,
      ...anchorOf(target.text, start, end),
      attributes: { ...span.attributes },
      note: span.note,
      createdBy: createdBy as AnnotatorId,
      createdAt: span.createdAt ?? target.now,
      updatedAt: span.updatedAt ?? target.now,
    };
    if (span.provenance !== undefined) record.provenance = span.provenance;
    placed.push(record);
  }
  const relations: Relation[] = [];
  let droppedRelations = 0;
  for (const relation of parsed.relations) {
    const from = idOfFileSpan.get(relation.from);
    const to = idOfFileSpan.get(relation.to);
    if (from === undefined || to === undefined) {
      droppedRelations += 1;
      continue;
    }
    const id =
      relation.id !== undefined && isValidId(relation.id)
        ? relation.id
        : derivedId('r', relation.type, from, to);
    const createdBy =
      relation.createdBy !== undefined && isValidId(relation.createdBy) ? relation.createdBy : target.owner;
    const record: Relation = {
      id: id as RelationId,
      type: relation.type,
      from: from as SpanId,
      to: to as SpanId,
      note: relation.note,
      createdBy: createdBy as AnnotatorId,
      createdAt: relation.createdAt ?? target.now,
    };
    if (relation.provenance !== undefined) record.provenance = relation.provenance;
    relations.push(record);
  }
  return { spans: placed, relations, unplaced, droppedRelations };
}
