// Who-said-what frames (shared layer, pure): a frame is a span that relations point at (a claim in the default
// schema) with, per relation type, the spans pointing at it (its actors through "says", its conditions through
// "conditions"). The one definition of "frame": the claims table, the corpus view and the CSV codec's
// frames.csv are all built from these rows, so they can never disagree about what a frame holds.
import { CodePointIndex } from '../text/code-points';
import type { DocumentMeta, Relation, Span } from './document';
import type { LabelSchema } from './label-schema';
import { ownEntry } from './records';

/** The attribute that ties a span to a workspace-wide actor; its value is the actor's canonical name. */
export const CANONICAL_ACTOR = 'actor';

/** A span pointing at a frame's target through one relation. */
export interface FrameEnd {
  relationId: string;
  spanId: string;
  label: string;
  quote: string;
  start: number;
  end: number;
  /** Its canonical actor when one is set, else its quote: what tables and exports show. */
  name: string;
}

/** The spans pointing at a frame's target with one relation type, in the order the relations were made. */
export interface FrameLinks {
  type: string;
  ends: FrameEnd[];
}

/** One frame as the claims table, the corpus view and frames.csv show it. */
export interface FrameRow {
  docId: string;
  docTitle: string;
  /** The document's `date` metadata as written, or '' when it has none. */
  docDate: string;
  layer: string;
  target: Span;
  /** The target's offsets in code points (what exports write). */
  startCp: number;
  endCp: number;
  /** Only relation types with at least one end; see `endsOf`. */
  links: FrameLinks[];
}

/** What frames need of a document. */
export interface FrameDocument {
  id: string;
  title: string;
  text: string;
  meta: DocumentMeta;
}

/** The text shown for a span in a frame: its canonical actor when set, else its quote. */
export function frameName(span: Pick<Span, 'quote' | 'attributes'>): string {
  const actor = ownEntry(span.attributes, CANONICAL_ACTOR);
  return actor === undefined || actor.trim() === '' ? span.quote : actor;
}

/** Labels whose spans are frame targets: every label some relation type may end at. */
export function targetLabels(schema: LabelSchema): Set<string> {
  return new Set(schema.relationTypes.flatMap((t) => t.to));
}

/**
 * The frames of one layer in text order: every span with a target label, and any other span that relations
 * point at. Relations whose source is missing are skipped (the store never holds one, imports might).
 */
export function documentFrames(
  doc: FrameDocument,
  layerId: string,
  layer: { readonly spans: readonly Span[]; readonly relations: readonly Relation[] },
  schema: LabelSchema,
): FrameRow[] {
  const targets = targetLabels(schema);
  const spansById = new Map(layer.spans.map((s) => [s.id as string, s]));
  const incoming = new Map<string, FrameLinks[]>();
  for (const relation of layer.relations) {
    const source = spansById.get(relation.from);
    if (source === undefined) continue;
    let links = incoming.get(relation.to);
    if (links === undefined) incoming.set(relation.to, (links = []));
    let group = links.find((l) => l.type === relation.type);
    if (group === undefined) links.push((group = { type: relation.type, ends: [] }));
    group.ends.push({
      relationId: relation.id,
      spanId: source.id,
      label: source.label,
      quote: source.quote,
      start: source.start,
      end: source.end,
      name: frameName(source),
    });
  }
  const rows: FrameRow[] = [];
  let index: CodePointIndex | null = null;
  const date = ownEntry(doc.meta, 'date');
  for (const span of layer.spans) {
    const links = incoming.get(span.id);
    if (!targets.has(span.label) && links === undefined) continue;
    index ??= new CodePointIndex(doc.text);
    rows.push({
      docId: doc.id,
      docTitle: doc.title,
      docDate: date === undefined ? '' : String(date),
      layer: layerId,
      target: span,
      startCp: index.toCodePoints(span.start),
      endCp: index.toCodePoints(span.end),
      links: links ?? [],
    });
  }
  return rows;
}

/** The ends of `row` linked with relation type `type` (none when it has none). */
export function endsOf(row: FrameRow, type: string): FrameEnd[] {
  return row.links.find((l) => l.type === type)?.ends ?? [];
}

/** Relation type ids in schema order, then any other type the rows use: the columns of a frame table. */
export function frameTypes(schema: LabelSchema, rows: readonly FrameRow[]): string[] {
  const types = schema.relationTypes.map((t) => t.id);
  for (const row of rows) for (const { type } of row.links) if (!types.includes(type)) types.push(type);
  return types;
}

/**
 * The relation types that say who speaks: those starting at a label that carries a canonical actor ("says"
 * in the default schema). A schema without the canonical actor attribute falls back to a type named "says".
 */
export function speakerTypes(schema: LabelSchema): string[] {
  const actorLabels = new Set(
    schema.labels.filter((l) => l.attributes.some((a) => a.id === CANONICAL_ACTOR)).map((l) => l.id),
  );
  const types = schema.relationTypes.filter((t) => t.from.some((label) => actorLabels.has(label)));
  return types.length > 0
    ? types.map((t) => t.id)
    : schema.relationTypes.filter((t) => t.id === 'says').map((t) => t.id);
}

/** The names of a frame's speakers (canonical actor or quote), without repeats, in relation order. */
export function speakersOf(row: FrameRow, speakers: readonly string[]): string[] {
  const names = speakers.flatMap((type) => endsOf(row, type).map((end) => end.name));
  return [...new Set(names)];
}
