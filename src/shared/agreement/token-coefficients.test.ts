import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import reference from './fixtures/token-coefficients.json';
import {
  cohenKappa,
  fleissKappa,
  krippendorffAlpha,
  multiObservedAgreement,
  pairObservedAgreement,
  tallyPair,
  tallyYes,
} from './token-coefficients';

const bits = (text: string): Uint8Array => Uint8Array.from(text, (c) => Number(c));

/** Compares to 1e-9, or exactly when the reference is null (0/0). */
function expectClose(actual: number | null, expected: number | null): void {
  if (expected === null) expect(actual).toBeNull();
  else expect(actual).toBeCloseTo(expected, 9);
}

describe('Cohen’s κ, worked by hand', () => {
  it('is −1/3 for two taggings of 8 tokens that share no token (p_o = 1/2, p_e = 5/8)', () => {
    const tally = tallyPair(bits('11000000'), bits('00000110'));
    expect(tally).toEqual({ bothYes: 0, onlyFirst: 2, onlySecond: 2, bothNo: 4 });
    expect(pairObservedAgreement(tally)).toBe(0.5);
    expect(cohenKappa(tally)).toBeCloseTo(-1 / 3, 12);
  });

  it('is 0.36 / 0.46 when one token of ten differs (p_o = 0.9, p_e = 0.3·0.4 + 0.7·0.6)', () => {
    expect(cohenKappa(tallyPair(bits('1110000000'), bits('1111000000')))).toBeCloseTo(0.36 / 0.46, 12);
  });

  it('is null for a label nobody used and for a label on every token (p_e = 1), and with no tokens', () => {
    expect(cohenKappa(tallyPair(bits('0000'), bits('0000')))).toBeNull();
    expect(cohenKappa(tallyPair(bits('111'), bits('111')))).toBeNull();
    expect(cohenKappa(tallyPair(bits(''), bits('')))).toBeNull();
    expect(pairObservedAgreement(tallyPair(bits('0000'), bits('0000')))).toBe(1);
  });
});

describe('Fleiss’ κ and Krippendorff’s α, worked by hand', () => {
  // 8 tokens, 2 coders: 4 tokens one coder tags (k = 1), 4 nobody tags (k = 0).
  const histogram = tallyYes([bits('11000000'), bits('00000110')]);

  it('tallies how many coders tag each token', () => {
    expect(histogram).toEqual([4, 4, 0]);
  });

  it('gives Fleiss’ κ = (1/2 − 5/8) / (1 − 5/8) = −1/3 (P̄ = 1/2, p₁ = 1/4)', () => {
    expect(multiObservedAgreement(histogram)).toBe(0.5);
    expect(fleissKappa(histogram)).toBeCloseTo(-1 / 3, 12);
  });

  it('gives α = 1 − (16 − 1)·4 / (4·12) = −1/4 (o₀₁ = 4, n₁ = 4, n₀ = 12)', () => {
    expect(krippendorffAlpha(histogram)).toBeCloseTo(-0.25, 12);
  });

  it('gives 1 for identical taggings with variation and null without variation', () => {
    const same = [bits('0110'), bits('0110'), bits('0110')];
    expect(fleissKappa(tallyYes(same))).toBe(1);
    expect(krippendorffAlpha(tallyYes(same))).toBe(1);
    const nobody = [bits('000'), bits('000'), bits('000')];
    expect(fleissKappa(tallyYes(nobody))).toBeNull();
    expect(krippendorffAlpha(tallyYes(nobody))).toBeNull();
    expect(krippendorffAlpha([0, 0, 0])).toBeNull();
  });

  it('refuses fewer than two coders', () => {
    expect(() => fleissKappa([3, 1])).toThrow(/at least two coders/);
  });
});

describe('agreement with independent implementations (fixtures/make-fixtures.py)', () => {
  it('was generated from enough cases to mean something', () => {
    expect(reference.cases.length).toBeGreaterThanOrEqual(30);
  });

  for (const testCase of reference.cases) {
    const sequences = testCase.coders.map(bits);
    it(`matches the libraries on ${testCase.name}`, () => {
      const histogram = tallyYes(sequences);
      const [first, second] = sequences;
      if (
        sequences.length === 2 &&
        first !== undefined &&
        second !== undefined &&
        'cohen_kappa' in testCase
      ) {
        expectClose(cohenKappa(tallyPair(first, second)), testCase.cohen_kappa ?? null);
      }
      expectClose(fleissKappa(histogram), testCase.fleiss_kappa);
      // NLTK returns 1 when a single value occurs; we report null there (see docs/review.md).
      expectClose(krippendorffAlpha(histogram), testCase.single_value ? null : testCase.nltk_alpha);
    });
  }
});

describe('coefficient properties', () => {
  const pairOfSequences = fc
    .integer({ min: 1, max: 40 })
    .chain((n) =>
      fc.tuple(
        fc.uint8Array({ min: 0, max: 1, minLength: n, maxLength: n }),
        fc.uint8Array({ min: 0, max: 1, minLength: n, maxLength: n }),
      ),
    );

  it('gives the same κ and α whichever coder comes first', () => {
    fc.assert(
      fc.property(pairOfSequences, ([x, y]) => {
        expect(cohenKappa(tallyPair(x, y))).toBe(cohenKappa(tallyPair(y, x)));
        expect(krippendorffAlpha(tallyYes([x, y]))).toBe(krippendorffAlpha(tallyYes([y, x])));
      }),
    );
  });

  it('gives κ = 1 exactly when the taggings are identical and not constant', () => {
    fc.assert(
      fc.property(pairOfSequences, ([x, y]) => {
        const identical = x.every((v, i) => v === y[i]);
        const constant = x.every((v) => v === x[0]) && y.every((v) => v === y[0]);
        const kappa = cohenKappa(tallyPair(x, y));
        if (identical && constant) expect(kappa).toBeNull();
        else if (identical) expect(kappa).toBe(1);
        else expect(kappa === null || kappa < 1).toBe(true);
      }),
    );
  });
});
