// Flat runs and overlap tracks: every span keeps its own line over its whole extent, overlapping spans never
// share a track, and the runs cover exactly the characters some span covers.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { assignTracks, computeRuns, type RunSpan } from './span-runs';

const TEXT = 'Damascus insists that Turkey withdraw its forces as a precondition for a meeting.';
const span = (id: string, quote: string, label = 'claim'): RunSpan => {
  const start = TEXT.indexOf(quote);
  return { id, label, start, end: start + quote.length };
};

describe('tracks', () => {
  it('gives two partly overlapping spans different tracks, so both lines show in the shared words', () => {
    const claim = span('claim', 'Turkey withdraw its forces as a precondition');
    const condition = span('cond', 'as a precondition for a meeting', 'condition');
    const tracks = assignTracks([claim, condition]);
    expect(tracks.get('claim')).not.toBe(tracks.get('cond'));
    const shared = computeRuns([claim, condition], tracks).find(
      (run) => TEXT.slice(run.start, run.end) === 'as a precondition',
    );
    expect(shared?.covering.map((c) => c.id)).toEqual(['claim', 'cond']);
  });

  it('lets spans that do not overlap share the lowest track', () => {
    const tracks = assignTracks([span('a', 'Damascus'), span('b', 'Turkey')]);
    expect([tracks.get('a'), tracks.get('b')]).toEqual([0, 0]);
  });

  it('never puts two overlapping spans on one track, and every run lists exactly the spans covering it', () => {
    const spans = fc.array(
      fc
        .tuple(fc.nat({ max: 70 }), fc.integer({ min: 1, max: 15 }))
        .map(([start, length]) => ({ start, end: start + length })),
      { maxLength: 25 },
    );
    fc.assert(
      fc.property(spans, (ranges) => {
        const all = ranges.map((r, i) => ({ id: `s${i}`, label: 'claim', ...r }));
        const tracks = assignTracks(all);
        for (const a of all)
          for (const b of all)
            if (a !== b && a.start < b.end && b.start < a.end)
              expect(tracks.get(a.id)).not.toBe(tracks.get(b.id));
        for (const run of computeRuns(all, tracks)) {
          const expected = all
            .filter((s) => s.start <= run.start && run.end <= s.end)
            .map((s) => s.id)
            .sort();
          expect(run.covering.map((c) => c.id).sort()).toEqual(expected);
          expect(
            all.some(
              (s) => s.start < run.end && run.start < s.end && !(s.start <= run.start && run.end <= s.end),
            ),
          ).toBe(false);
        }
      }),
    );
  });
});
