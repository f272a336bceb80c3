import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import type { TextRange } from '../text/segments';
import {
  emptyUnitizedTally,
  pooledUnitizedAlpha,
  tallyUnitized,
  unitizedAlpha,
  unitsOf,
  type UnitizedAlpha,
} from './unitized-alpha';
import dkpro from './fixtures/unitized-alpha.json';

const r = (start: number, end: number): TextRange => ({ start, end });

function alphaOf(unitsByCoder: TextRange[][], length: number): UnitizedAlpha {
  return unitizedAlpha(tallyUnitized(unitsByCoder, length, emptyUnitizedTally(unitsByCoder.length)));
}

/** Units given as (offset, length) pairs, shifted so the continuum starts at 0 and stretched by `stretch`. */
function units(pairs: [number, number][], shift = 0, stretch = 1): TextRange[] {
  return pairs.map(([offset, length]) => r((offset - shift) * stretch, (offset - shift + length) * stretch));
}

describe('α_U worked by hand', () => {
  it('is −1/12 for units [0,2) and [1,3) on a continuum of 4 (D_o = 1/8, D_e = 3/26)', () => {
    // D_o: only the two units overlap, δ² = (0−1)² + (2−3)² = 2, both orders: 4 / (2·1·4²) = 1/8.
    // D_e: N = 2 units of length 2, gaps 2, 1, 1. Each unit: (2−1)(16 − 12 + 2)/3 + 2²·(2 − 2 + 1) = 6;
    //      (2/4)·12 / (8·7 − 2 − 2) = 6/52 = 3/26.
    const result = alphaOf([[r(0, 2)], [r(1, 3)]], 4);
    expect(result.observed).toBeCloseTo(1 / 8, 12);
    expect(result.expected).toBeCloseTo(3 / 26, 12);
    expect(result.alpha).toBeCloseTo(-1 / 12, 12);
  });

  it('is 1 for identical units and null when nobody tagged anything or the text is empty', () => {
    expect(alphaOf([[r(2, 5)], [r(2, 5)], [r(2, 5)]], 10).alpha).toBe(1);
    expect(alphaOf([[], []], 10)).toEqual({ observed: 0, expected: 0, alpha: null });
    expect(alphaOf([[], []], 0)).toEqual({ observed: null, expected: null, alpha: null });
  });

  it('charges a unit the other coder left in a gap its length squared', () => {
    // Units [2,5) and nothing, L = 10: δ² = 3² both orders → D_o = 18 / (2·100).
    expect(alphaOf([[r(2, 5)], []], 10).observed).toBeCloseTo(18 / 200, 12);
  });
});

describe('α_U on Krippendorff’s published examples', () => {
  // Content Analysis (2004), p. 254: a continuum from 150 to 450, categories c and k, two observers.
  const cUnits = [
    units(
      [
        [225, 70],
        [370, 30],
      ],
      150,
    ),
    units(
      [
        [220, 80],
        [355, 20],
        [400, 20],
      ],
      150,
    ),
  ];
  const kUnits = [
    units(
      [
        [180, 60],
        [300, 50],
      ],
      150,
    ),
    units(
      [
        [180, 60],
        [300, 50],
      ],
      150,
    ),
  ];

  it('reproduces D_o = .0144, D_e = .0532 and α = .7286 for category c', () => {
    const c = alphaOf(cUnits, 300);
    expect(c.observed).toBeCloseTo(0.0144, 4);
    expect(c.expected).toBeCloseTo(0.0532, 4);
    expect(c.alpha).toBeCloseTo(0.7286, 4);
  });

  it('reproduces α = 1 for category k and .8591 for both categories pooled', () => {
    const k = alphaOf(kUnits, 300);
    expect(k.expected).toBeCloseTo(0.049, 4);
    expect(k.alpha).toBe(1);
    expect(pooledUnitizedAlpha([alphaOf(cUnits, 300), k])).toBeCloseTo(0.8591, 3);
  });

  // "On the reliability of unitizing continuous data" (1995: 57): four pairs of coders on 24 positions.
  const example1995: Record<string, TextRange[][]> = {
    A: [
      units([
        [2, 8],
        [14, 6],
      ]),
      units([
        [4, 4],
        [15, 2],
      ]),
    ],
    B: [
      units([[0, 18]]),
      units([
        [0, 2],
        [2, 1],
        [3, 1],
        [4, 1],
        [5, 1],
        [6, 3],
        [9, 1],
      ]),
    ],
    C: [
      units([
        [2, 6],
        [10, 2],
        [14, 4],
        [20, 2],
      ]),
      units([
        [0, 2],
        [4, 4],
        [10, 4],
        [16, 2],
        [20, 2],
      ]),
    ],
    D: [
      units([
        [0, 2],
        [2, 8],
        [10, 4],
        [14, 6],
        [20, 4],
      ]),
      units([
        [0, 4],
        [4, 4],
        [8, 7],
        [15, 2],
        [17, 7],
      ]),
    ],
  };

  it.each([
    ['A', 0.03125, 0.553],
    ['B', 2.26736, -0.926],
    ['C', 0.027778, 0.679],
    ['D', 0.38715, 0.066],
  ])(
    'reproduces the 1995 example %s: D_o = %f, and α ≈ %f on a fine-grained continuum',
    (name, observed, alpha) => {
      const pair = example1995[name] ?? [];
      expect(alphaOf(pair, 24).observed).toBeCloseTo(observed, 5);
      // The paper treats the 24 positions as a continuum; stretching by 50 000 approaches that limit.
      const stretch = 50_000;
      const fine = pair.map((list) => list.map((u) => r(u.start * stretch, u.end * stretch)));
      expect(Math.abs((alphaOf(fine, 24 * stretch).alpha ?? Number.NaN) - alpha)).toBeLessThan(0.02);
    },
  );
});

describe('agreement with DKPro Statistics (fixtures/UnitizedAlphaFixtures.java)', () => {
  /** Relative closeness to 1e-9 (D_e grows with the squared unit lengths, so absolute digits would mislead). */
  const expectClose = (actual: number | null, expected: number): void => {
    expect(actual).not.toBeNull();
    expect(Math.abs((actual ?? Number.NaN) - expected)).toBeLessThanOrEqual(
      1e-9 * Math.max(1, Math.abs(expected)),
    );
  };

  it('was generated from enough cases to mean something', () => {
    expect(dkpro.cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const testCase of dkpro.cases) {
    it(`matches DKPro on ${testCase.name}`, () => {
      const unitsByCoder = testCase.coders.map((list) => list.map(([start, end]) => r(start ?? 0, end ?? 0)));
      const result = alphaOf(unitsByCoder, testCase.length);
      expectClose(result.observed, testCase.observed);
      expectClose(result.expected, testCase.expected);
      // DKPro answers 0 when D_o = D_e = 0 (nobody tagged anything); α_U is 0/0 there and we report null.
      if (testCase.expected === 0) expect(result.alpha).toBeNull();
      else expectClose(result.alpha, testCase.alpha);
    });
  }
});

describe('unitsOf', () => {
  it('merges overlapping spans of one layer but keeps touching ones apart', () => {
    expect(unitsOf([r(5, 9), r(0, 3), r(2, 4), r(9, 12), r(6, 7)])).toEqual([r(0, 4), r(5, 9), r(9, 12)]);
  });
});

/** D_o's numerator by brute force: δ² for every pair of sections of every ordered pair of coders. */
function bruteForceSquaredDistances(unitsByCoder: TextRange[][], length: number): number {
  const sectionsOf = (list: TextRange[]): { start: number; end: number; unit: boolean }[] => {
    const all: { start: number; end: number; unit: boolean }[] = [];
    let at = 0;
    for (const u of list) {
      if (u.start > at) all.push({ start: at, end: u.start, unit: false });
      all.push({ ...u, unit: true });
      at = u.end;
    }
    if (at < length) all.push({ start: at, end: length, unit: false });
    return all;
  };
  let sum = 0;
  unitsByCoder.forEach((first, i) =>
    unitsByCoder.forEach((second, j) => {
      if (i === j) return;
      for (const g of sectionsOf(first)) {
        for (const h of sectionsOf(second)) {
          const overlap = g.start < h.end && h.start < g.end;
          if (g.unit && h.unit && overlap) sum += (g.start - h.start) ** 2 + (g.end - h.end) ** 2;
          else if (g.unit && !h.unit && h.start <= g.start && g.end <= h.end) sum += (g.end - g.start) ** 2;
          else if (!g.unit && h.unit && g.start <= h.start && h.end <= g.end) sum += (h.end - h.start) ** 2;
        }
      }
    }),
  );
  return sum;
}

describe('α_U properties', () => {
  const length = 40;
  const coderUnits = fc
    .array(fc.tuple(fc.integer({ min: 0, max: length - 1 }), fc.integer({ min: 1, max: 10 })), {
      maxLength: 5,
    })
    .map((pairs) => unitsOf(pairs.map(([start, size]) => r(start, Math.min(length, start + size)))));
  const study = fc.array(coderUnits, { minLength: 2, maxLength: 4 });

  it('sums δ² over exactly the pairs of sections the definition names', () => {
    fc.assert(
      fc.property(study, (unitsByCoder) => {
        const tally = tallyUnitized(unitsByCoder, length, emptyUnitizedTally(unitsByCoder.length));
        expect(tally.squaredDistances).toBe(bruteForceSquaredDistances(unitsByCoder, length));
      }),
    );
  });

  it('gives 1 whenever all coders place the same units (and some unit exists)', () => {
    fc.assert(
      fc.property(coderUnits, fc.integer({ min: 2, max: 4 }), (list, coders) => {
        fc.pre(list.length > 0);
        expect(
          alphaOf(
            Array.from({ length: coders }, () => list),
            length,
          ).alpha,
        ).toBe(1);
      }),
    );
  });

  it('cuts gaps at document boundaries when documents are pooled', () => {
    const pooled = emptyUnitizedTally(2);
    tallyUnitized([[r(2, 5)], []], 10, pooled);
    tallyUnitized([[], [r(0, 4)]], 6, pooled);
    expect(pooled.length).toBe(16);
    expect(pooled.unitLengths.sort()).toEqual([3, 4]);
    expect(pooled.gapLengths.sort((x, y) => x - y)).toEqual([2, 2, 5, 6, 10]);
  });
});
