// The agreement report over a corpus (shared layer, pure): for each pair of layers and across all of them,
// every figure per label, per document and over the corpus. Input is validated first, so bad input raises
// AgreementInputError before anything is computed. The lead's compare view, CLI and export all read this.
import { addMultiCounts, countMulti, emptyMultiCounts, multiScope } from './multi-figures';
import { addPairCounts, countPair, emptyPairCounts, pairScope } from './pair-figures';
import { prepareCorpus, type PreparedCorpus } from './prepared-documents';
import { recordOf } from './records';
import type { AgreementOptions, AgreementReport, MultiReport, PairReport, PairScope } from './report-types';
import type { AgreementDocument } from './types';

function pairReport(corpus: PreparedCorpus, first: number, second: number): PairReport {
  const { labels, relationTypes } = corpus;
  const total = emptyPairCounts(labels, relationTypes);
  const perDocument: [string, PairScope][] = [];
  for (const document of corpus.documents) {
    const a = document.layers[first];
    const b = document.layers[second];
    if (a === undefined || b === undefined) continue;
    const counts = countPair(document, a, b, labels, relationTypes);
    perDocument.push([document.id, pairScope(counts)]);
    addPairCounts(total, counts);
  }
  return {
    a: corpus.layers[first] ?? '',
    b: corpus.layers[second] ?? '',
    corpus: pairScope(total),
    documents: recordOf(perDocument),
  };
}

function multiReport(corpus: PreparedCorpus): MultiReport {
  const layerCount = corpus.layers.length;
  const total = emptyMultiCounts(corpus.labels, layerCount);
  const documents = recordOf(
    corpus.documents.map((document) => {
      const counts = countMulti(document, corpus.labels);
      addMultiCounts(total, counts);
      return [document.id, multiScope(counts, layerCount)] as const;
    }),
  );
  return { layers: [...corpus.layers], corpus: multiScope(total, layerCount), documents };
}

/**
 * Agreement between `layers` (at least two, by id) over `documents`. Pairs are (first, second), (first, third)
 * … in the given order, the first of each pair being the reference A. Labels are those used in any of these
 * layers plus `options.labels`; relation types likewise. Figures that are 0/0 are null.
 */
export function corpusAgreement(
  documents: readonly AgreementDocument[],
  layers: readonly string[],
  options: AgreementOptions = {},
): AgreementReport {
  const corpus = prepareCorpus(documents, layers, options);
  const pairs: PairReport[] = [];
  for (let first = 0; first < layers.length; first++) {
    for (let second = first + 1; second < layers.length; second++)
      pairs.push(pairReport(corpus, first, second));
  }
  return {
    layers: corpus.layers,
    labels: corpus.labels,
    relationTypes: corpus.relationTypes,
    documents: corpus.documents.map((d) => ({
      id: d.id,
      title: d.title,
      characters: d.length,
      tokens: d.tokens.length,
    })),
    pairs,
    all: multiReport(corpus),
  };
}
