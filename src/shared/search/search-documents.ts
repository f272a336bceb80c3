// Searching documents (shared layer, pure): over their text, or over their annotations by label, layer,
// quote, note, attribute values and linked spans (the actor who says a claim). One function serves the
// worker job of a corpus search in main and the tests; every hit carries its keyword-in-context line.
import type { Layer, Span } from '../model/document';
import { ownEntry } from '../model/records';
import { compileQuery, findMatches, keywordInContext, matchesSomewhere, type TextQuery } from './text-query';

export const searchTargets = ['text', 'annotations'] as const;
export type SearchTarget = (typeof searchTargets)[number];

/** Where an annotation search looks for the pattern. `linked`: the quotes of spans related to the span. */
export const annotationFields = ['quote', 'note', 'attributes', 'linked'] as const;
export type AnnotationField = (typeof annotationFields)[number];

export interface SearchQuery extends TextQuery {
  target: SearchTarget;
  /** Annotation searches: only spans with these labels (empty: any label). */
  labels: readonly string[];
  /** Annotation searches: only spans of these layers (empty: any layer). */
  layers: readonly string[];
  /** Annotation searches: where the pattern must match (empty pattern: every span that passes the filters). */
  fields: readonly AnnotationField[];
}

export interface SearchableDocument {
  id: string;
  title: string;
  text: string;
  /** Only needed for annotation searches. */
  layers: Readonly<Record<string, Layer>>;
}

export interface SearchHit {
  docId: string;
  title: string;
  start: number;
  end: number;
  before: string;
  match: string;
  after: string;
  /** Present on annotation hits: the span that matched, and where. */
  span?: { layer: string; id: string; label: string; field: AnnotationField | 'filters' };
}

export type SearchOutcome =
  { ok: true; hits: SearchHit[]; more: boolean; searched: number } | { ok: false; message: string };

/** Checks a query before any document is read: a bad pattern is refused up front, with the reason. */
export function queryProblem(query: SearchQuery): string | null {
  if (query.target === 'annotations' && query.pattern === '') return null;
  const compiled = compileQuery(query);
  return compiled.ok ? null : compiled.message;
}

/** Hits in every document, in document then text order, at most `limit` of them. */
export function searchDocuments(
  query: SearchQuery,
  documents: readonly SearchableDocument[],
  limit: number,
): SearchOutcome {
  const problem = queryProblem(query);
  if (problem !== null) return { ok: false, message: problem };
  const compiled = query.pattern === '' ? null : compileQuery(query);
  const regex = compiled?.ok === true ? compiled.regex : null;
  const hits: SearchHit[] = [];
  for (const [index, doc] of documents.entries()) {
    const room = limit - hits.length;
    const found =
      query.target === 'text' && regex !== null
        ? textHits(doc, regex, room)
        : annotationHits(doc, query, regex, room);
    hits.push(...found.hits);
    if (found.more) return { ok: true, hits, more: true, searched: index + 1 };
  }
  return { ok: true, hits, more: false, searched: documents.length };
}

function textHits(doc: SearchableDocument, regex: RegExp, room: number) {
  const { matches, more } = findMatches(doc.text, regex, room);
  const hits = matches.map((m) => ({
    docId: doc.id,
    title: doc.title,
    start: m.start,
    end: m.end,
    ...keywordInContext(doc.text, m.start, m.end),
  }));
  return { hits, more };
}

function annotationHits(doc: SearchableDocument, query: SearchQuery, regex: RegExp | null, room: number) {
  const hits: SearchHit[] = [];
  const layerIds = query.layers.length > 0 ? query.layers : Object.keys(doc.layers);
  for (const layerId of layerIds) {
    const layer = ownEntry(doc.layers, layerId);
    if (layer === undefined) continue;
    const byId = new Map(layer.spans.map((s) => [s.id as string, s]));
    for (const span of layer.spans) {
      if (query.labels.length > 0 && !query.labels.includes(span.label)) continue;
      const field = regex === null ? 'filters' : matchingField(span, layer, byId, query.fields, regex);
      if (field === null) continue;
      if (hits.length === room) return { hits, more: true };
      hits.push({
        docId: doc.id,
        title: doc.title,
        start: span.start,
        end: span.end,
        ...keywordInContext(doc.text, span.start, span.end),
        span: { layer: layerId, id: span.id, label: span.label, field },
      });
    }
  }
  return { hits, more: false };
}

/** The first field in which the pattern matches this span, or null. */
function matchingField(
  span: Span,
  layer: Layer,
  byId: ReadonlyMap<string, Span>,
  fields: readonly AnnotationField[],
  regex: RegExp,
): AnnotationField | null {
  const wanted = fields.length > 0 ? fields : annotationFields;
  for (const field of wanted) {
    const texts =
      field === 'quote'
        ? [span.quote]
        : field === 'note'
          ? [span.note]
          : field === 'attributes'
            ? Object.values(span.attributes)
            : linkedQuotes(span, layer, byId);
    if (texts.some((text) => matchesSomewhere(text, regex))) return field;
  }
  return null;
}

/** Quotes of the spans a relation joins to this one, either way round (the actor of a claim, its condition). */
function linkedQuotes(span: Span, layer: Layer, byId: ReadonlyMap<string, Span>): string[] {
  const quotes: string[] = [];
  for (const relation of layer.relations) {
    const other = relation.from === span.id ? relation.to : relation.to === span.id ? relation.from : null;
    const quote = other === null ? undefined : byId.get(other)?.quote;
    if (quote !== undefined) quotes.push(quote);
  }
  return quotes;
}
