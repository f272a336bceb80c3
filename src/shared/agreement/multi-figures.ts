// Figures across all layers of a report over one document, and their sum over the corpus (shared layer, pure):
// Fleiss' κ and Krippendorff's α with every layer as a coder of the per-label token decisions, and α_U with
// every layer as a coder of the label's units. Counts stay tallies until the end, as for pairs.
import type { PreparedDocument } from './prepared-documents';
import { recordOf } from './records';
import type { MultiFigures, MultiScope } from './report-types';
import {
  addHistogram,
  fleissKappa,
  krippendorffAlpha,
  multiObservedAgreement,
  tallyYes,
} from './token-coefficients';
import {
  addUnitizedTally,
  emptyUnitizedTally,
  pooledUnitizedAlpha,
  tallyUnitized,
  unitizedAlpha,
  type UnitizedTally,
} from './unitized-alpha';

interface LabelCounts {
  /** histogram[k] = tokens exactly k layers tag with the label. */
  tokens: number[];
  characters: UnitizedTally;
}

export type MultiCounts = Map<string, LabelCounts>;

export function emptyMultiCounts(labels: readonly string[], layerCount: number): MultiCounts {
  const counts: MultiCounts = new Map();
  for (const label of labels) {
    counts.set(label, {
      tokens: new Array<number>(layerCount + 1).fill(0),
      characters: emptyUnitizedTally(layerCount),
    });
  }
  return counts;
}

/** Counts of all the document's layers, per label. */
export function countMulti(document: PreparedDocument, labels: readonly string[]): MultiCounts {
  const counts: MultiCounts = new Map();
  const { layers } = document;
  for (const label of labels) {
    counts.set(label, {
      tokens: tallyYes(layers.map((layer) => document.decisions(layer, label))),
      characters: tallyUnitized(
        layers.map((layer) => document.units(layer, label)),
        document.length,
        emptyUnitizedTally(layers.length),
      ),
    });
  }
  return counts;
}

export function addMultiCounts(into: MultiCounts, from: MultiCounts): MultiCounts {
  for (const [label, counts] of from) {
    const target = into.get(label);
    if (target === undefined) continue;
    addHistogram(target.tokens, counts.tokens);
    addUnitizedTally(target.characters, counts.characters);
  }
  return into;
}

function figures(histogram: readonly number[], unitized: number | null): MultiFigures {
  return {
    fleissKappa: fleissKappa(histogram),
    krippendorffAlpha: krippendorffAlpha(histogram),
    unitizedAlpha: unitized,
    tokenAgreement: multiObservedAgreement(histogram),
    decisions: histogram.reduce((sum, count) => sum + count, 0),
  };
}

/** The figures from the counts; overall pools the decisions of every label in use, α_U as 1 − ΣD_o / ΣD_e. */
export function multiScope(counts: MultiCounts, layerCount: number): MultiScope {
  const perLabel: [string, MultiFigures][] = [];
  const alphas = [];
  const pooled = new Array<number>(layerCount + 1).fill(0);
  for (const [label, c] of counts) {
    const unitized = unitizedAlpha(c.characters);
    alphas.push(unitized);
    // As for pairs: a label nobody put on any token stays out of the overall figures.
    if (c.tokens.some((count, yes) => yes > 0 && count > 0)) addHistogram(pooled, c.tokens);
    perLabel.push([label, figures(c.tokens, unitized.alpha)]);
  }
  return { overall: figures(pooled, pooledUnitizedAlpha(alphas)), perLabel: recordOf(perLabel) };
}
