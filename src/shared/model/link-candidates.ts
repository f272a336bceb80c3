// Which spans a selected span may be linked to, nearest first (shared layer, pure): the relation types of the
// schema decide the allowed ends and the direction (a claim is said by an actor; a condition conditions a
// claim), and links that exist already are left out. The link key and the link picker both read this list.
import type { Relation, Span } from './document';
import { speakerTypes } from './frames';
import type { LabelSchema } from './label-schema';

export interface LinkCandidate {
  type: string;
  /** The new relation's ends: the selected span is one of them, the candidate the other. */
  from: Span;
  to: Span;
  /** The candidate span (the end that is not the selected one). */
  other: Span;
  /** Characters between the two spans (0 when they overlap or one holds the other). */
  distance: number;
  /** Where the candidate stands from the selected span. */
  place: 'before' | 'after' | 'around' | 'inside' | 'overlapping';
}

function placeOf(selected: Span, other: Span): LinkCandidate['place'] {
  if (other.end <= selected.start) return 'before';
  if (other.start >= selected.end) return 'after';
  if (other.start <= selected.start && other.end >= selected.end) return 'around';
  if (other.start >= selected.start && other.end <= selected.end) return 'inside';
  return 'overlapping';
}

function gap(a: Span, b: Span): number {
  return Math.max(0, a.start - b.end, b.start - a.end);
}

/** Every link the schema allows between `selected` and another span of the layer, in no order. */
function* allowedLinks(
  selected: Span,
  spans: readonly Span[],
  relations: readonly Relation[],
  schema: LabelSchema,
): Generator<LinkCandidate> {
  const exists = new Set(relations.map((r) => `${r.type}\u0000${r.from}\u0000${r.to}`));
  for (const type of schema.relationTypes) {
    const asSource = type.from.includes(selected.label);
    const asTarget = type.to.includes(selected.label);
    if (!asSource && !asTarget) continue;
    for (const other of spans) {
      if (other.id === selected.id) continue;
      const ends: [Span, Span][] = [];
      if (asSource && type.to.includes(other.label)) ends.push([selected, other]);
      if (asTarget && type.from.includes(other.label)) ends.push([other, selected]);
      for (const [from, to] of ends) {
        if (exists.has(`${type.id}\u0000${from.id}\u0000${to.id}`)) continue;
        yield {
          type: type.id,
          from,
          to,
          other,
          distance: gap(selected, other),
          place: placeOf(selected, other),
        };
      }
    }
  }
}

/** Every link the schema allows between `selected` and another span of the layer, nearest first. */
export function linkCandidates(
  selected: Span,
  spans: readonly Span[],
  relations: readonly Relation[],
  schema: LabelSchema,
): LinkCandidate[] {
  return [...allowedLinks(selected, spans, relations, schema)].sort(
    (a, b) => a.distance - b.distance || a.other.start - b.other.start,
  );
}

/**
 * True when `linkCandidates` would find any: it stops at the first, so asking whether the link picker can
 * open (on every render of its button) does not cost a list of every span of a 50,000-span layer.
 */
export function hasLinkCandidate(
  selected: Span,
  spans: readonly Span[],
  relations: readonly Relation[],
  schema: LabelSchema,
): boolean {
  return !allowedLinks(selected, spans, relations, schema).next().done;
}

/**
 * The one link the link key makes: for a span that is said (a claim), the nearest speaker before it, else
 * the nearest allowed source; for a span that points at others (a condition, an actor), the span around it,
 * else the nearest one. Null when the schema allows no new link.
 */
export function nearestLink(
  selected: Span,
  spans: readonly Span[],
  relations: readonly Relation[],
  schema: LabelSchema,
): LinkCandidate | null {
  const candidates = linkCandidates(selected, spans, relations, schema);
  const speakers = new Set(speakerTypes(schema));
  const incoming = candidates.filter((c) => c.to.id === selected.id);
  const outgoing = candidates.filter((c) => c.from.id === selected.id);
  const pick = (list: LinkCandidate[], ...tests: ((c: LinkCandidate) => boolean)[]) => {
    for (const test of tests) {
      const hit = list.find(test);
      if (hit !== undefined) return hit;
    }
    return list[0] ?? null;
  };
  if (incoming.length > 0) {
    return pick(
      incoming,
      (c) => speakers.has(c.type) && c.place === 'before',
      (c) => speakers.has(c.type),
      (c) => c.place === 'before' || c.place === 'inside',
    );
  }
  return pick(outgoing, (c) => c.place === 'around');
}
