// One layer's spans in text order, indexed for the questions the annotation plugin asks on every change
// (src/renderer/editor, pure): which spans overlap a range, the region closed under overlap around one, and
// the span with an id. Alongside the sorted spans it keeps the running maximum of their ends, so the range
// questions cost a binary search plus the spans found, never a scan of a 50,000-span document. A change
// returns a new index (copying an array is cheap); the id map is handed on to it rather than rebuilt.
import { byStart, type RunSpan } from './span-runs';

export class SpanIndex {
  static readonly empty = new SpanIndex([]);

  /** `maxEnd[i]`: the largest end among spans[0..i], non-decreasing, for binary search by end. */
  private readonly maxEnd: Float64Array;

  private constructor(
    readonly spans: readonly RunSpan[],
    /** Spans by id, valid only for the index that owns it: the newest of its line (see `with`). */
    private readonly ids: IdMap | null = null,
  ) {
    this.maxEnd = new Float64Array(spans.length);
    let max = -1;
    for (let i = 0; i < spans.length; i++) this.maxEnd[i] = max = Math.max(max, spans[i]!.end);
  }

  static of(spans: readonly RunSpan[]): SpanIndex {
    const sorted = [...spans].sort(byStart);
    const ids = IdMap.of(sorted);
    const index = new SpanIndex(sorted, ids);
    ids.owner = index;
    return index;
  }

  get size(): number {
    return this.spans.length;
  }

  /** The span with this id: from the id map if this index owns it, else by a scan (an older state). */
  find(id: string): RunSpan | undefined {
    if (this.ids === null) return this.spans.find((span) => span.id === id);
    if (this.ids.owner === this) return this.ids.byId.get(id);
    return this.spans.find((span) => span.id === id);
  }

  /**
   * A new index without `removed` (spans of this index, found by their position in text order) and with
   * `added`: a binary search and an array copy per change, whatever the number of spans.
   */
  with(added: readonly RunSpan[], removed: readonly RunSpan[] = []): SpanIndex {
    const spans = [...this.spans];
    for (const span of removed) {
      const at = insertionPoint(spans, span);
      if (spans[at]?.id === span.id) spans.splice(at, 1);
    }
    for (const span of added) spans.splice(insertionPoint(spans, span), 0, span);
    // The newest index takes the id map over, updated in place: an older index keeps working by scanning.
    const ids = this.ids?.owner === this ? this.ids : IdMap.of(this.spans);
    for (const span of removed) ids.byId.delete(span.id);
    for (const span of added) ids.byId.set(span.id, span);
    const next = new SpanIndex(spans, ids);
    ids.owner = next;
    return next;
  }

  filter(keep: (span: RunSpan) => boolean): SpanIndex {
    return new SpanIndex(this.spans.filter(keep));
  }

  /** Spans overlapping [start, end), in text order. */
  overlapping(start: number, end: number): RunSpan[] {
    const found: RunSpan[] = [];
    for (let i = this.firstEndingAfter(start); i < this.spans.length; i++) {
      const span = this.spans[i]!;
      if (span.start >= end) break;
      if (span.end > start) found.push(span);
    }
    return found;
  }

  /**
   * The smallest range around `changed` that is closed under overlap: every span overlapping it lies inside
   * it, so tracks and runs inside it can be recomputed without touching anything outside it.
   */
  closedRegion(changed: readonly { start: number; end: number }[]): { start: number; end: number } | null {
    if (changed.length === 0) return null;
    let start = Math.min(...changed.map((c) => c.start));
    let end = Math.max(...changed.map((c) => c.end));
    for (let widened = true; widened;) {
      widened = false;
      for (const span of this.overlapping(start, end)) {
        if (span.start < start || span.end > end) {
          start = Math.min(start, span.start);
          end = Math.max(end, span.end);
          widened = true;
        }
      }
    }
    return { start, end };
  }

  /** Index of the first span whose end (or an earlier span's) passes `offset`: nothing before it overlaps. */
  private firstEndingAfter(offset: number): number {
    let lo = 0;
    let hi = this.spans.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.maxEnd[mid]! > offset) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  }
}

/** Where `span` is (or would go) in `spans`, which are in text order: the first index not before it. */
function insertionPoint(spans: readonly RunSpan[], span: RunSpan): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (byStart(spans[mid]!, span) < 0) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** A map of spans by id shared along a line of indexes, current for its owner only. */
class IdMap {
  owner: SpanIndex | null = null;

  private constructor(readonly byId: Map<string, RunSpan>) {}

  static of(spans: readonly RunSpan[]): IdMap {
    return new IdMap(new Map(spans.map((span) => [span.id, span])));
  }
}
