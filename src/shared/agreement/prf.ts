// Precision, recall and F1 from match counts (shared layer, pure). Counts add up across labels and documents,
// so corpus figures are micro-averages: sum tp, fp and fn first, then divide once.
import { recordOf, sortedUnique } from './records';
import type { PRF } from './types';

function ratio(numerator: number, denominator: number): number | null {
  return denominator === 0 ? null : numerator / denominator;
}

/** P = tp/(tp+fp), R = tp/(tp+fn), F1 = 2tp/(2tp+fp+fn); each null when its denominator is 0. */
export function prf(tp: number, fp: number, fn: number): PRF {
  return {
    tp,
    fp,
    fn,
    precision: ratio(tp, tp + fp),
    recall: ratio(tp, tp + fn),
    f1: ratio(2 * tp, 2 * tp + fp + fn),
  };
}

/** The micro-average of several PRFs: their counts summed, the ratios recomputed. */
export function sumPrf(parts: Iterable<PRF>): PRF {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const part of parts) {
    tp += part.tp;
    fp += part.fp;
    fn += part.fn;
  }
  return prf(tp, fp, fn);
}

/**
 * PRF per key (label or relation type) from the keys of the true positives, false positives and false
 * negatives; `alwaysKeys` adds keys with no items (a label nobody used). Keys come out in code-unit order in
 * a null-prototype record.
 */
export function prfByKey(
  truePositives: Iterable<string>,
  falsePositives: Iterable<string>,
  falseNegatives: Iterable<string>,
  alwaysKeys: Iterable<string> = [],
): Record<string, PRF> {
  const counts = new Map<string, [number, number, number]>();
  const tally = (keys: Iterable<string>, field: 0 | 1 | 2): void => {
    for (const key of keys) {
      const entry = counts.get(key) ?? [0, 0, 0];
      entry[field] += 1;
      counts.set(key, entry);
    }
  };
  for (const key of alwaysKeys) counts.set(key, [0, 0, 0]);
  tally(truePositives, 0);
  tally(falsePositives, 1);
  tally(falseNegatives, 2);
  return recordOf(
    sortedUnique(counts.keys()).map((key) => {
      const [tp, fp, fn] = counts.get(key) ?? [0, 0, 0];
      return [key, prf(tp, fp, fn)] as const;
    }),
  );
}
