import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpusAgreement } from './corpus-agreement';
import type { PairFigures } from './report-types';
import { document, layer, span, spansArbitrary } from './test-support/layers';
import { alice, bob, sampleText as text } from './test-support/sample';
import { AgreementInputError } from './types';

/** A third analyst who tags exactly what alice tags, without relations. */
const carol = layer([span('c1', 'actor', 0, 6), span('c2', 'claim', 12, 28)]);

function pairFigures(report: ReturnType<typeof corpusAgreement>, label?: string): PairFigures | undefined {
  const scope = report.pairs[0]?.corpus;
  return label === undefined ? scope?.overall : scope?.perLabel[label];
}

describe('corpusAgreement, one pair worked by hand', () => {
  const report = corpusAgreement([document('d1', text, { alice, bob })], ['alice', 'bob']);

  it('names the layers, labels, relation types and documents it covers', () => {
    expect(report.layers).toEqual(['alice', 'bob']);
    expect(report.labels).toEqual(['actor', 'claim']);
    expect(report.relationTypes).toEqual(['says']);
    expect(report.documents).toEqual([{ id: 'd1', title: 'Title of d1', characters: 29, tokens: 5 }]);
    expect(report.pairs.map((p) => [p.a, p.b])).toEqual([['alice', 'bob']]);
  });

  it('gives span P/R/F1 per label and summed over labels', () => {
    expect(pairFigures(report, 'claim')?.spanExact).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(pairFigures(report)?.spanExact).toMatchObject({ tp: 1, fp: 1, fn: 1, f1: 0.5 });
    expect(pairFigures(report)?.spanOverlap).toMatchObject({ tp: 2, fp: 0, fn: 0, f1: 1 });
  });

  it('gives κ = 8/13 and α = 16/25 for claim (alice tags 3 tokens, bob 2 of them)', () => {
    // p_o = 4/5, p_e = (3/5)(2/5) + (2/5)(3/5) = 12/25; α: o₀₁ = 1, n₁ = n₀ = 5, 1 − 9·1/25.
    const claim = pairFigures(report, 'claim');
    expect(claim?.cohenKappa).toBeCloseTo(8 / 13, 12);
    expect(claim?.krippendorffAlpha).toBeCloseTo(16 / 25, 12);
    expect(claim?.tokenAgreement).toBeCloseTo(4 / 5, 12);
    expect(claim?.decisions).toBe(5);
    expect(pairFigures(report, 'actor')).toMatchObject({
      cohenKappa: 1,
      krippendorffAlpha: 1,
      unitizedAlpha: 1,
    });
  });

  it('pools both labels’ token decisions for the overall κ (18/23) and α (72/91)', () => {
    // 10 decisions: 3 both yes, 1 alice only, 6 both no; p_o = .9, p_e = .4·.3 + .6·.7 = .54.
    const overall = pairFigures(report);
    expect(overall?.cohenKappa).toBeCloseTo(18 / 23, 12);
    expect(overall?.krippendorffAlpha).toBeCloseTo(72 / 91, 12);
    expect(overall?.decisions).toBe(10);
  });

  it('gives α_U = 1 − (16/841)/(9224/85086) for claim (units [12,28) and [16,28) on 29 characters)', () => {
    // D_o = 2·(12−16)² / (2·1·29²) = 16/841. D_e: units 16 and 12; gaps 12, 1 (alice) and 16, 1 (bob):
    // 16 → 7440/3 + 16²·1 = 2736; 12 → 3036/3 + 12²·(1 + 5) = 1876; (2/29)·4612 / (58·57 − 240 − 132).
    const expected = 1 - 16 / 841 / (9224 / 85086);
    expect(pairFigures(report, 'claim')?.unitizedAlpha).toBeCloseTo(expected, 12);
  });

  it('matches relations only when both ends match exactly', () => {
    expect(report.pairs[0]?.corpus.relations.overall).toMatchObject({ tp: 0, fp: 1, fn: 1 });
    expect(report.pairs[0]?.corpus.relations.perType['says']).toMatchObject({ tp: 0, fp: 1, fn: 1 });
  });

  it('gives the same figures for the document as for a corpus of that one document', () => {
    expect(report.pairs[0]?.documents['d1']).toEqual(report.pairs[0]?.corpus);
  });
});

describe('corpusAgreement across three layers', () => {
  const report = corpusAgreement([document('d1', text, { alice, bob, carol })], ['alice', 'bob', 'carol']);

  it('reports every pair in the given order', () => {
    expect(report.pairs.map((p) => `${p.a}/${p.b}`)).toEqual(['alice/bob', 'alice/carol', 'bob/carol']);
  });

  it('gives Fleiss’ κ = 41/56 and α = 3/4 for claim (tokens tagged by 0, 0, 2, 3, 3 layers)', () => {
    // P̄ = (1 + 1 + 1/3 + 1 + 1)/5 = 13/15, p₁ = 8/15, P̄_e = 113/225; α: o₀₁ = 1, n₁ = 8, n₀ = 7.
    const claim = report.all.corpus.perLabel['claim'];
    expect(claim?.fleissKappa).toBeCloseTo(41 / 56, 12);
    expect(claim?.krippendorffAlpha).toBeCloseTo(0.75, 12);
    expect(claim?.tokenAgreement).toBeCloseTo(13 / 15, 12);
    expect(report.all.layers).toEqual(['alice', 'bob', 'carol']);
  });
});

describe('corpusAgreement, degenerate cases', () => {
  it('reports a label nobody used with null figures and leaves the overall figures unchanged', () => {
    const documents = [document('d1', text, { alice, bob })];
    const plain = corpusAgreement(documents, ['alice', 'bob']);
    const withSchema = corpusAgreement(documents, ['alice', 'bob'], { labels: ['condition'] });
    expect(withSchema.labels).toEqual(['actor', 'claim', 'condition']);
    expect(pairFigures(withSchema, 'condition')).toEqual({
      spanExact: { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null },
      spanOverlap: { tp: 0, fp: 0, fn: 0, precision: null, recall: null, f1: null },
      cohenKappa: null,
      krippendorffAlpha: null,
      unitizedAlpha: null,
      tokenAgreement: 1,
      decisions: 5,
    });
    expect(withSchema.all.corpus.perLabel['condition']).toMatchObject({
      fleissKappa: null,
      krippendorffAlpha: null,
    });
    expect(pairFigures(withSchema)).toEqual(pairFigures(plain));
    expect(withSchema.all.corpus.overall).toEqual(plain.all.corpus.overall);
  });

  it('gives 1 everywhere for identical layers and null where nothing could vary', () => {
    const report = corpusAgreement([document('d1', text, { alice, twin: alice })], ['alice', 'twin']);
    expect(pairFigures(report)).toMatchObject({ cohenKappa: 1, krippendorffAlpha: 1, unitizedAlpha: 1 });
    expect(pairFigures(report)?.spanExact.f1).toBe(1);
    expect(report.pairs[0]?.corpus.relations.overall.f1).toBe(1);
  });

  it('gives 0 F1 and negative κ for disjoint layers', () => {
    const left = layer([span('l', 'claim', 0, 11)]);
    const right = layer([span('r', 'claim', 16, 28)]);
    const report = corpusAgreement([document('d1', text, { left, right })], ['left', 'right']);
    const claim = pairFigures(report, 'claim');
    expect(claim?.spanOverlap.f1).toBe(0);
    // Tokens 11000 against 00011: p_o = 1/5, p_e = 13/25 → κ = (5/25 − 13/25)/(12/25) = −2/3.
    expect(claim?.cohenKappa).toBeCloseTo(-2 / 3, 12);
    expect(claim?.unitizedAlpha).toBeLessThan(0);
  });

  it('counts overlapping spans within one layer once for tokens and units but separately for F1', () => {
    const doubled = layer([span('d1', 'claim', 7, 22), span('d2', 'claim', 12, 28)]);
    const whole = layer([span('w', 'claim', 7, 28)]);
    const report = corpusAgreement([document('d1', text, { doubled, whole })], ['doubled', 'whole']);
    const claim = pairFigures(report, 'claim');
    expect(claim?.spanOverlap).toMatchObject({ tp: 1, fn: 1, fp: 0 });
    expect(claim).toMatchObject({ cohenKappa: 1, unitizedAlpha: 1 });
  });

  it('gives null coefficients for an empty document and leaves the corpus figures as they were', () => {
    const empty = document('empty', '', { alice: layer([]), bob: layer([]) });
    const report = corpusAgreement([document('d1', text, { alice, bob }), empty], ['alice', 'bob']);
    const alone = corpusAgreement([document('d1', text, { alice, bob })], ['alice', 'bob']);
    expect(report.pairs[0]?.documents['empty']?.overall).toMatchObject({
      cohenKappa: null,
      krippendorffAlpha: null,
      unitizedAlpha: null,
      tokenAgreement: null,
      decisions: 0,
    });
    expect(report.pairs[0]?.corpus).toEqual(alone.pairs[0]?.corpus);
  });

  it('reports no labels and null figures for a corpus without documents', () => {
    const report = corpusAgreement([], ['alice', 'bob']);
    expect(report.labels).toEqual([]);
    expect(report.pairs[0]?.corpus.overall.cohenKappa).toBeNull();
  });
});

describe('corpusAgreement, bad input', () => {
  it('refuses fewer than two layers and a layer listed twice', () => {
    expect(() => corpusAgreement([], ['alice'])).toThrow(/at least two layers/);
    expect(() => corpusAgreement([], ['alice', 'alice'])).toThrow(/"alice" is listed twice/);
  });

  it('refuses a document without one of the layers unless told to count it as empty', () => {
    const documents = [document('d1', text, { alice })];
    expect(() => corpusAgreement(documents, ['alice', 'bob'])).toThrow(/Document "d1" has no layer "bob"/);
    const report = corpusAgreement(documents, ['alice', 'bob'], { missingLayerIsEmpty: true });
    expect(pairFigures(report)?.spanExact).toMatchObject({ tp: 0, fn: 2, fp: 0 });
  });

  it('refuses a span past the end of the text, naming document, layer and span', () => {
    const long = layer([span('x9', 'claim', 20, 40)]);
    expect(() => corpusAgreement([document('d1', text, { alice, long })], ['alice', 'long'])).toThrow(
      new AgreementInputError(
        'document "d1", layer "long": span "x9" ends at 40, past the end of the text (29)',
      ),
    );
  });

  it('refuses two documents with the same id', () => {
    const d = document('d1', text, { alice, bob });
    expect(() => corpusAgreement([d, d], ['alice', 'bob'])).toThrow(/Document "d1" is listed twice/);
  });
});

describe('corpusAgreement properties', () => {
  const words = 'one two three four five six seven eight nine ten';
  const twoDocuments = fc.tuple(
    spansArbitrary('a', { length: words.length }),
    spansArbitrary('b', { length: words.length }),
    spansArbitrary('c', { length: words.length }),
    spansArbitrary('d', { length: words.length }),
  );

  it('sums span counts over documents for the corpus figure (micro-average)', () => {
    fc.assert(
      fc.property(twoDocuments, ([a1, b1, a2, b2]) => {
        const report = corpusAgreement(
          [
            document('d1', words, { a: layer(a1), b: layer(b1) }),
            document('d2', words, { a: layer(a2), b: layer(b2) }),
          ],
          ['a', 'b'],
        );
        const pair = report.pairs[0];
        for (const mode of ['spanExact', 'spanOverlap'] as const) {
          const perDocument = ['d1', 'd2'].map((id) => pair?.documents[id]?.overall[mode]);
          const corpus = pair?.corpus.overall[mode];
          expect(corpus?.tp).toBe((perDocument[0]?.tp ?? 0) + (perDocument[1]?.tp ?? 0));
          expect(corpus?.fp).toBe((perDocument[0]?.fp ?? 0) + (perDocument[1]?.fp ?? 0));
          expect(corpus?.fn).toBe((perDocument[0]?.fn ?? 0) + (perDocument[1]?.fn ?? 0));
        }
      }),
    );
  });

  it('survives a JSON round trip unchanged (no NaN, Infinity, undefined or Map inside)', () => {
    fc.assert(
      fc.property(twoDocuments, ([a1, b1, a2]) => {
        const documents = [document('d1', words, { a: layer(a1), b: layer(b1), c: layer(a2) })];
        const report = corpusAgreement(documents, ['a', 'b', 'c'], { labels: ['unused'] });
        expect(JSON.parse(JSON.stringify(report))).toEqual(report);
      }),
      { numRuns: 30 },
    );
  });
});
