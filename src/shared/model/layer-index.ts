// A layer with id indexes, mutated in place by the operations module (shared layer, pure). Spans stay in text
// order (start, then longer first, then id) and relations in creation order; lookups by id and "relations of
// a span" cost O(1), an insert or delete O(log n) to find plus one array splice, never a copy of the layer.
// Inserted spans wait in a buffer until the order is next needed, so a batch of thousands of inserts costs one
// sort and merge instead of one splice of the whole list each (which made big batches quadratic).
import type { Layer, Relation, Span } from './document';
import type { RelationId, SpanId } from './ids';

/** Relation order: by creation time, then id, so undo of a delete puts a relation back where it was. */
export function compareRelations(a: Relation, b: Relation): number {
  return a.createdAt < b.createdAt
    ? -1
    : a.createdAt > b.createdAt
      ? 1
      : a.id < b.id
        ? -1
        : a.id > b.id
          ? 1
          : 0;
}

/** Text order of spans: by start, the longer (outer) first, then by id so the order is total. */
export function compareSpans(a: Span, b: Span): number {
  return a.start - b.start || b.end - a.end || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

export class LayerIndex {
  private spanList: Span[];
  /** Spans inserted since the list was last put in order (their ids are indexed already). */
  private pendingSpans: Span[] = [];
  private readonly relationList: Relation[];
  private readonly spansById = new Map<string, Span>();
  private readonly relationsById = new Map<string, Relation>();
  /** span id → ids of relations that start or end at it. */
  private readonly relationsBySpan = new Map<string, Set<string>>();
  private spanSnapshot: readonly Span[] | null = null;
  private relationSnapshot: readonly Relation[] | null = null;

  /** Indexes a copy of the layer's arrays (the records themselves are shared, never mutated). */
  constructor(layer: Layer = { spans: [], relations: [] }) {
    this.spanList = [...layer.spans].sort(compareSpans);
    this.relationList = [...layer.relations].sort(compareRelations);
    for (const span of this.spanList) this.spansById.set(span.id, span);
    for (const relation of this.relationList) {
      this.relationsById.set(relation.id, relation);
      this.link(relation);
    }
  }

  get spans(): readonly Span[] {
    return this.orderedSpans();
  }

  get relations(): readonly Relation[] {
    return this.relationList;
  }

  /** A copy of the spans that stays the same object until the layer changes (for memoised views). */
  snapshotSpans(): readonly Span[] {
    return (this.spanSnapshot ??= Object.freeze([...this.orderedSpans()]));
  }

  snapshotRelations(): readonly Relation[] {
    return (this.relationSnapshot ??= Object.freeze([...this.relationList]));
  }

  span(id: string): Span | undefined {
    return this.spansById.get(id);
  }

  relation(id: string): Relation | undefined {
    return this.relationsById.get(id);
  }

  /** Relations that start or end at the span. */
  relationsOf(spanId: string): Relation[] {
    const ids = this.relationsBySpan.get(spanId);
    if (ids === undefined) return [];
    return [...ids].map((id) => this.relationsById.get(id)!);
  }

  insertSpan(span: Span): void {
    this.spanSnapshot = null;
    this.pendingSpans.push(span);
    this.spansById.set(span.id, span);
  }

  deleteSpan(id: SpanId): void {
    this.spanSnapshot = null;
    const span = this.spansById.get(id);
    if (span === undefined) return;
    const list = this.orderedSpans();
    list.splice(this.spanPosition(span), 1);
    this.spansById.delete(id);
  }

  /** Replaces the span with the same id (its offsets may differ: it is re-sorted). */
  replaceSpan(span: Span): void {
    this.deleteSpan(span.id);
    this.insertSpan(span);
  }

  insertRelation(relation: Relation): void {
    this.relationSnapshot = null;
    this.relationList.splice(this.relationPosition(relation), 0, relation);
    this.relationsById.set(relation.id, relation);
    this.link(relation);
  }

  deleteRelation(id: RelationId): void {
    this.relationSnapshot = null;
    const relation = this.relationsById.get(id);
    if (relation === undefined) return;
    this.relationList.splice(this.relationPosition(relation), 1);
    this.relationsById.delete(id);
    this.unlink(relation);
  }

  replaceRelation(relation: Relation): void {
    this.relationSnapshot = null;
    const old = this.relationsById.get(relation.id);
    if (old === undefined) return this.insertRelation(relation);
    this.relationList[this.relationPosition(old)] = relation;
    this.relationsById.set(relation.id, relation);
    this.unlink(old);
    this.link(relation);
  }

  /** A plain layer (fresh arrays) for storing or sending. */
  toLayer(): Layer {
    return { spans: [...this.orderedSpans()], relations: [...this.relationList] };
  }

  /** The span list in text order, with the pending inserts merged in (a few by splice, many by a merge). */
  private orderedSpans(): Span[] {
    const pending = this.pendingSpans;
    if (pending.length === 0) return this.spanList;
    this.pendingSpans = [];
    if (pending.length <= 8) {
      for (const span of pending) this.spanList.splice(this.spanPosition(span), 0, span);
      return this.spanList;
    }
    pending.sort(compareSpans);
    const list = this.spanList;
    const merged: Span[] = new Array<Span>(list.length + pending.length);
    let i = 0;
    let j = 0;
    for (let k = 0; k < merged.length; k++) {
      merged[k] =
        j >= pending.length || (i < list.length && compareSpans(list[i]!, pending[j]!) <= 0)
          ? list[i++]!
          : pending[j++]!;
    }
    this.spanList = merged;
    return merged;
  }

  /** Where `span` stands (or would stand) in text order (pending inserts aside). */
  private spanPosition(span: Span): number {
    return lowerBound(this.spanList, span, compareSpans);
  }

  private relationPosition(relation: Relation): number {
    return lowerBound(this.relationList, relation, compareRelations);
  }

  private link(relation: Relation): void {
    for (const end of [relation.from, relation.to]) {
      let ids = this.relationsBySpan.get(end);
      if (ids === undefined) this.relationsBySpan.set(end, (ids = new Set()));
      ids.add(relation.id);
    }
  }

  private unlink(relation: Relation): void {
    for (const end of [relation.from, relation.to]) {
      const ids = this.relationsBySpan.get(end);
      ids?.delete(relation.id);
      if (ids?.size === 0) this.relationsBySpan.delete(end);
    }
  }
}

/** First index whose item is not less than `item` (binary search over a list sorted by `compare`). */
function lowerBound<T>(list: readonly T[], item: T, compare: (a: T, b: T) => number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (compare(list[mid]!, item) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
