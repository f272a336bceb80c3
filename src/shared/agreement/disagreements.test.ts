import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { corpusAgreement } from './corpus-agreement';
import { disagreementsBehind, type Disagreement, type FigureAddress } from './disagreements';
import { document, layer, span, spansArbitrary } from './test-support/layers';
import { alice, bob, sampleText as text } from './test-support/sample';
import { AgreementInputError } from './types';

/** A third analyst who tags "Ankara said" as actor and the claim as alice does. */
const carol = layer([span('c1', 'actor', 0, 11), span('c2', 'claim', 12, 28)]);
const corpus = [
  document('d1', text, { alice, bob, carol }),
  document('d2', 'Nothing here.', { alice: layer([]), bob: layer([]), carol: layer([]) }),
];

const behind = (address: FigureAddress): Disagreement[] => disagreementsBehind(corpus, address);
const brief = (list: Disagreement[]): string[] =>
  list.map((d) =>
    d.kind === 'span'
      ? `${d.documentId} ${d.layer}:${d.span.id} not in ${d.missingFrom}`
      : d.kind === 'relation'
        ? `${d.documentId} ${d.layer}:${d.relation.id} ${d.from.start}-${d.from.end}→${d.to.start}-${d.to.end} not in ${d.missingFrom}`
        : `${d.documentId} ${d.kind} ${d.label} ${d.start}-${d.end} by [${d.taggedBy.join(',')}] not [${d.untaggedBy.join(',')}]`,
  );

describe('disagreementsBehind', () => {
  it('lists the spans each layer has and the other lacks behind exact span F1', () => {
    expect(brief(behind({ metric: 'spanExact', layers: ['alice', 'bob'] }))).toEqual([
      'd1 alice:a2 not in bob',
      'd1 bob:b2 not in alice',
    ]);
    expect(behind({ metric: 'spanOverlap', layers: ['alice', 'bob'] })).toEqual([]);
  });

  it('lists runs of tokens tagged differently behind κ and α, naming who tagged them', () => {
    expect(brief(behind({ metric: 'cohenKappa', layers: ['alice', 'bob'], label: 'claim' }))).toEqual([
      'd1 tokens claim 12-15 by [alice] not [bob]',
    ]);
    expect(brief(behind({ metric: 'fleissKappa', layers: ['alice', 'bob', 'carol'] }))).toEqual([
      'd1 tokens actor 7-11 by [carol] not [alice,bob]',
      'd1 tokens claim 12-15 by [alice,carol] not [bob]',
    ]);
  });

  it('joins consecutive tokens that differ in the same way into one stretch, and only those', () => {
    const wide = layer([span('w', 'claim', 0, 15)]);
    const list = disagreementsBehind([document('d1', text, { wide, bob })], {
      metric: 'krippendorffAlpha',
      layers: ['wide', 'bob'],
      label: 'claim',
    });
    expect(brief(list)).toEqual([
      'd1 tokens claim 0-15 by [wide] not [bob]',
      'd1 tokens claim 16-28 by [bob] not [wide]',
    ]);
  });

  it('lists units not every layer has with the same boundaries behind α_U', () => {
    expect(
      brief(behind({ metric: 'unitizedAlpha', layers: ['alice', 'bob', 'carol'], label: 'claim' })),
    ).toEqual([
      'd1 unit claim 12-28 by [alice,carol] not [bob]',
      'd1 unit claim 16-28 by [bob] not [alice,carol]',
    ]);
  });

  it('lists unmatched relations with their end spans behind relation F1', () => {
    expect(brief(behind({ metric: 'relations', layers: ['alice', 'bob'], relationType: 'says' }))).toEqual([
      'd1 alice:ar 0-6→12-28 not in bob',
      'd1 bob:br 0-6→16-28 not in alice',
    ]);
    expect(behind({ metric: 'relations', layers: ['alice', 'bob'], relationType: 'conditions' })).toEqual([]);
  });

  it('keeps to one document when asked and refuses one it does not have', () => {
    expect(behind({ metric: 'spanExact', layers: ['alice', 'bob'], documentId: 'd2' })).toEqual([]);
    expect(() => behind({ metric: 'spanExact', layers: ['alice', 'bob'], documentId: 'd9' })).toThrow(
      /No document "d9"/,
    );
  });

  it('refuses a pairwise metric for more than two layers, and an unknown metric', () => {
    expect(() => behind({ metric: 'spanExact', layers: ['alice', 'bob', 'carol'] })).toThrow(
      AgreementInputError,
    );
    const unknown = { metric: 'accuracy', layers: ['alice', 'bob'] } as unknown as FigureAddress;
    expect(() => behind(unknown)).toThrow(/Unknown agreement metric "accuracy"/);
  });
});

describe('disagreementsBehind agrees with the report', () => {
  const words = 'one two three four five six seven eight nine ten';
  const layers = fc.tuple(
    spansArbitrary('a', { length: words.length }),
    spansArbitrary('b', { length: words.length }),
  );

  it('lists as many spans as the figure counts false positives and negatives', () => {
    fc.assert(
      fc.property(layers, fc.constantFrom('spanExact' as const, 'spanOverlap' as const), ([a, b], metric) => {
        const documents = [document('d', words, { a: layer(a), b: layer(b) })];
        const figure = corpusAgreement(documents, ['a', 'b']).pairs[0]?.corpus.overall[metric];
        const list = disagreementsBehind(documents, { metric, layers: ['a', 'b'] });
        expect(list.length).toBe((figure?.fp ?? 0) + (figure?.fn ?? 0));
      }),
    );
  });

  it('finds no token or unit disagreements exactly where κ and α_U are 1', () => {
    fc.assert(
      fc.property(layers, fc.constantFrom('claim', 'actor'), ([a, b], label) => {
        const documents = [document('d', words, { a: layer(a), b: layer(b) })];
        const figures = corpusAgreement(documents, ['a', 'b']).pairs[0]?.corpus.perLabel[label];
        const tokens = disagreementsBehind(documents, { metric: 'cohenKappa', layers: ['a', 'b'], label });
        const units = disagreementsBehind(documents, { metric: 'unitizedAlpha', layers: ['a', 'b'], label });
        if (figures?.cohenKappa !== null && figures?.cohenKappa !== undefined) {
          expect(tokens.length === 0).toBe(figures.cohenKappa === 1);
        }
        if (figures?.unitizedAlpha !== null && figures?.unitizedAlpha !== undefined) {
          expect(units.length === 0).toBe(figures.unitizedAlpha === 1);
        }
      }),
    );
  });
});
