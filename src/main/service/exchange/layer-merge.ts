// Puts an imported layer in the place of a document's existing one and says what changed (src/main). A span
// is the same span when it has the same id (the file's id, or one derived from label and extent for formats
// without ids) or, failing that, the same extent: same extent and label is unchanged, same extent with another
// label is relabelled. So importing the same file twice changes nothing the second time.
import type { Layer, Relation, Span } from '@shared/model';

export interface MergeCounts {
  added: number;
  removed: number;
  relabelled: number;
  updated: number;
}

export interface MergedLayer {
  layer: Layer;
  counts: MergeCounts;
}

const extent = (span: Pick<Span, 'start' | 'end'>) => `${span.start}:${span.end}`;

/** Same content apart from timestamps: an unchanged span keeps its stored record. */
function sameSpan(a: Span, b: Span): boolean {
  return (
    a.label === b.label &&
    a.start === b.start &&
    a.end === b.end &&
    a.note === b.note &&
    JSON.stringify(a.attributes) === JSON.stringify(b.attributes)
  );
}

export function mergeLayer(
  existing: Layer | undefined,
  incoming: { spans: readonly Span[]; relations: readonly Relation[] },
): MergedLayer {
  const old = existing ?? { spans: [], relations: [] };
  const oldById = new Map(old.spans.map((s) => [s.id as string, s]));
  const oldByExtent = new Map<string, Span[]>();
  for (const span of old.spans)
    oldByExtent.set(extent(span), [...(oldByExtent.get(extent(span)) ?? []), span]);
  const claimed = new Set<string>();
  /** Incoming span id → the id it is stored under. */
  const finalId = new Map<string, Span['id']>();
  const counts: MergeCounts = { added: 0, removed: 0, relabelled: 0, updated: 0 };
  const spans: Span[] = [];
  for (const span of incoming.spans) {
    const byId = oldById.get(span.id);
    const free = (oldByExtent.get(extent(span)) ?? []).filter((s) => !claimed.has(s.id));
    const match =
      (byId !== undefined && !claimed.has(byId.id) ? byId : undefined) ??
      free.find((s) => s.label === span.label) ??
      free.find((s) => !incoming.spans.some((other) => other.id === s.id));
    let stored: Span;
    if (match === undefined) {
      counts.added += 1;
      stored = span;
    } else {
      claimed.add(match.id);
      if (sameSpan(match, span)) stored = match;
      else {
        if (match.label !== span.label) counts.relabelled += 1;
        else counts.updated += 1;
        stored = { ...span, id: match.id, createdAt: match.createdAt };
      }
    }
    spans.push(stored);
    finalId.set(span.id, stored.id);
  }
  counts.removed = old.spans.filter((s) => !claimed.has(s.id)).length;
  const oldRelations = new Map(old.relations.map((r) => [`${r.type}|${r.from}|${r.to}`, r]));
  const relations = incoming.relations.map((relation) => {
    const moved = {
      ...relation,
      from: finalId.get(relation.from) ?? relation.from,
      to: finalId.get(relation.to) ?? relation.to,
    };
    const previous = oldRelations.get(`${moved.type}|${moved.from}|${moved.to}`);
    return previous !== undefined && previous.note === moved.note ? previous : moved;
  });
  return { layer: { spans, relations }, counts };
}
