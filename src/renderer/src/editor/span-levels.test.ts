// Nesting levels decide how far below the text each span's underline is drawn.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { affectedRegion, MAX_LEVEL, nestingLevels, type Interval } from './span-levels';

describe('nesting levels', () => {
  it('puts a claim containing a condition containing an actor at levels 2, 1 and 0', () => {
    const levels = nestingLevels([
      { id: 'claim', start: 0, end: 100 },
      { id: 'cond', start: 50, end: 90 },
      { id: 'actor', start: 60, end: 70 },
    ]);
    expect(Object.fromEntries(levels)).toEqual({ claim: 2, cond: 1, actor: 0 });
  });

  it('separates two spans over the same text', () => {
    const levels = nestingLevels([
      { id: 'a', start: 5, end: 9 },
      { id: 'b', start: 5, end: 9 },
    ]);
    expect(new Set(levels.values())).toEqual(new Set([0, 1]));
  });

  it('never gives a span a level below one of the spans it contains, within the cap', () => {
    const interval = fc
      .tuple(fc.integer({ min: 0, max: 60 }), fc.integer({ min: 1, max: 30 }))
      .map(([start, length]) => ({ start, end: start + length }));
    fc.assert(
      fc.property(fc.array(interval, { maxLength: 25 }), (raw) => {
        const spans: Interval[] = raw.map((r, i) => ({ id: `s${String(i).padStart(2, '0')}`, ...r }));
        const levels = nestingLevels(spans);
        for (const outer of spans) {
          for (const inner of spans) {
            const strictlyInside =
              outer !== inner &&
              outer.start <= inner.start &&
              inner.end <= outer.end &&
              outer.end - outer.start > inner.end - inner.start;
            if (strictlyInside) {
              expect(levels.get(outer.id)!).toBeGreaterThanOrEqual(
                Math.min(MAX_LEVEL, levels.get(inner.id)! + 1),
              );
            }
          }
        }
      }),
    );
  });

  it('includes in the affected region every span chained to the change by overlap', () => {
    const all = [
      { id: 'a', start: 0, end: 10 },
      { id: 'b', start: 8, end: 20 },
      { id: 'c', start: 18, end: 30 },
      { id: 'far', start: 40, end: 50 },
    ];
    expect(affectedRegion(all, [{ id: 'x', start: 9, end: 9.5 }]).map((s) => s.id)).toEqual(['a', 'b', 'c']);
  });
});
