// The span index answers overlap questions exactly as a scan of every span would, keeps text order through
// any change, and closes a region under overlap: no span crosses its edges, and it is the smallest such range.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SpanIndex } from './span-index';
import { byStart, type RunSpan } from './span-runs';

const TEXT = 'Damascus insists that Turkey withdraw its forces as a precondition for a meeting.';
const quoted = (id: string, quote: string): RunSpan => {
  const start = TEXT.indexOf(quote);
  return { id, label: 'claim', start, end: start + quote.length };
};

const spansArb = fc
  .array(
    fc
      .tuple(fc.nat({ max: 200 }), fc.integer({ min: 1, max: 40 }))
      .map(([start, length]) => ({ start, end: start + length })),
    { maxLength: 40 },
  )
  .map((ranges) => ranges.map((r, i): RunSpan => ({ id: `s${i}`, label: 'claim', ...r })));
const rangeArb = fc
  .tuple(fc.nat({ max: 240 }), fc.nat({ max: 60 }))
  .map(([start, length]) => ({ start, end: start + length }));

describe('the span index', () => {
  it('finds exactly the spans a full scan finds overlapping a range, in text order', () => {
    fc.assert(
      fc.property(spansArb, rangeArb, (spans, { start, end }) => {
        const expected = spans.filter((s) => s.start < end && s.end > start).sort(byStart);
        expect(SpanIndex.of(spans).overlapping(start, end)).toEqual(expected);
      }),
    );
  });

  it('after adding and removing spans equals an index built from the resulting spans', () => {
    fc.assert(
      fc.property(spansArb, spansArb, fc.array(fc.nat({ max: 40 })), (first, second, removed) => {
        const added = second.map((s) => ({ ...s, id: `t${s.id}` }));
        const gone = new Set(removed.map((i) => `s${i}`));
        const index = SpanIndex.of(first);
        const changed = index.with(
          added,
          index.spans.filter((s) => gone.has(s.id)),
        );
        const rebuilt = SpanIndex.of([...first.filter((s) => !gone.has(s.id)), ...added]);
        expect(changed.spans).toEqual(rebuilt.spans);
        expect(changed.overlapping(0, 300)).toEqual(rebuilt.overlapping(0, 300));
      }),
    );
  });

  it('widens a region until no span crosses its edges', () => {
    const index = SpanIndex.of([
      quoted('a', 'Damascus insists'),
      quoted('b', 'insists that Turkey'),
      quoted('c', 'forces'),
    ]);
    expect(index.closedRegion([quoted('x', 'that')])).toEqual({ start: 0, end: TEXT.indexOf('Turkey') + 6 });
  });

  it('closes any region under overlap, and no smaller closed range holds it', () => {
    fc.assert(
      fc.property(spansArb, rangeArb, (spans, changed) => {
        const region = SpanIndex.of(spans).closedRegion([changed])!;
        expect(region.start).toBeLessThanOrEqual(changed.start);
        expect(region.end).toBeGreaterThanOrEqual(changed.end);
        for (const s of spans) {
          if (s.start < region.end && s.end > region.start) {
            expect(s.start).toBeGreaterThanOrEqual(region.start);
            expect(s.end).toBeLessThanOrEqual(region.end);
          }
        }
        // Minimal: each edge beyond the changed range is the edge of a span that overlaps the region.
        if (region.start < changed.start) expect(spans.some((s) => s.start === region.start)).toBe(true);
        if (region.end > changed.end) expect(spans.some((s) => s.end === region.end)).toBe(true);
      }),
    );
  });

  it('finds every span by id through a line of changes, from the newest index and from older ones alike', () => {
    fc.assert(
      fc.property(
        spansArb,
        fc.array(fc.tuple(fc.nat({ max: 40 }), fc.boolean()), { maxLength: 12 }),
        (first, edits) => {
          const indexes = [SpanIndex.of(first)];
          edits.forEach(([n, add], step) => {
            const from = indexes[Math.min(n % 3, indexes.length - 1)]!;
            const victim = from.spans[n % Math.max(1, from.size)];
            const added = add ? [{ id: `e${step}`, label: 'actor', start: n, end: n + 3 }] : [];
            indexes.push(from.with(added, victim === undefined || add ? [] : [victim]));
          });
          const everyId = new Set(indexes.flatMap((index) => index.spans.map((s) => s.id)));
          for (const index of indexes) {
            const own = new Set(index.spans.map((s) => s.id));
            for (const span of index.spans) expect(index.find(span.id)).toBe(span);
            for (const id of everyId) if (!own.has(id)) expect(index.find(id)).toBeUndefined();
          }
        },
      ),
    );
  });

  it('finds a span by an id such as "constructor" or "__proto__"', () => {
    const index = SpanIndex.of([quoted('constructor', 'Damascus'), quoted('__proto__', 'Turkey')]);
    expect(index.find('__proto__')?.start).toBe(TEXT.indexOf('Turkey'));
    expect(index.find('toString')).toBeUndefined();
  });
});
