import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { coveredStretches, tokenDecisions } from './token-decisions';
import { span, spansArbitrary } from './test-support/layers';
import { wordTokens } from './word-tokens';

const text = 'Ankara said the border holds.';
const tokens = wordTokens(text); // Ankara, said, the, border, holds

describe('tokenDecisions', () => {
  it('marks the tokens a span covers', () => {
    expect([...tokenDecisions(tokens, [span('s', 'claim', 12, 28)])]).toEqual([0, 0, 1, 1, 1]);
  });

  it('leaves a token a span only partly covers at 0', () => {
    expect([...tokenDecisions(tokens, [span('s', 'actor', 0, 3), span('t', 'actor', 9, 14)])]).toEqual([
      0, 0, 0, 0, 0,
    ]);
  });

  it('counts a token covered by two touching or overlapping spans together', () => {
    const halves = [span('s', 'actor', 0, 3), span('t', 'actor', 3, 6)];
    expect([...tokenDecisions(tokens, halves)]).toEqual([1, 0, 0, 0, 0]);
    const overlapping = [span('s', 'claim', 7, 18), span('t', 'claim', 12, 28)];
    expect([...tokenDecisions(tokens, overlapping)]).toEqual([0, 1, 1, 1, 1]);
  });

  it('gives no decisions for a text without tokens', () => {
    expect(tokenDecisions([], [span('s', 'claim', 0, 1)]).length).toBe(0);
  });

  it('marks exactly the tokens inside the coverage of random spans', () => {
    const ranges = spansArbitrary('s', { length: text.length, labels: ['claim'], maxSpans: 5 });
    fc.assert(
      fc.property(ranges, (spans) => {
        const covered = (at: number): boolean => spans.some((s) => s.start <= at && at < s.end);
        const expected = tokens.map((t) => {
          for (let at = t.start; at < t.end; at++) if (!covered(at)) return 0;
          return 1;
        });
        expect([...tokenDecisions(tokens, spans)]).toEqual(expected);
      }),
    );
  });
});

describe('coveredStretches', () => {
  it('merges overlapping and touching ranges', () => {
    const ranges = [
      { start: 8, end: 9 },
      { start: 0, end: 2 },
      { start: 2, end: 4 },
      { start: 3, end: 5 },
    ];
    expect(coveredStretches(ranges)).toEqual([
      { start: 0, end: 5 },
      { start: 8, end: 9 },
    ]);
  });
});
