// Chance-corrected agreement over binary decisions (shared layer, pure): Cohen's κ for two coders, Fleiss' κ
// and Krippendorff's α (nominal) for any number. Here an item is a word token, a coder is a layer, and the
// decision is 1 when the layer tags the token with the label in question. All three work from tallies, so
// documents and labels pool by adding tallies. A coefficient that is 0/0 (no items, no variation) is null.

/** Two coders' decisions on the same items, cross-tabulated. */
export interface PairTally {
  bothYes: number;
  onlyFirst: number;
  onlySecond: number;
  bothNo: number;
}

/**
 * For m coders who all decide every item: `itemsWithYes[k]` is the number of items exactly k coders marked 1
 * (k = 0 … m), so m = itemsWithYes.length - 1.
 */
export type YesHistogram = readonly number[];

export function emptyPairTally(): PairTally {
  return { bothYes: 0, onlyFirst: 0, onlySecond: 0, bothNo: 0 };
}

/** Adds tally `from` into `into`. */
export function addPairTally(into: PairTally, from: PairTally): PairTally {
  into.bothYes += from.bothYes;
  into.onlyFirst += from.onlyFirst;
  into.onlySecond += from.onlySecond;
  into.bothNo += from.bothNo;
  return into;
}

/** The same two coders' decisions as a histogram of yes-counts (items with 0, 1 and 2 yes). */
export function pairHistogram(t: PairTally): number[] {
  return [t.bothNo, t.onlyFirst + t.onlySecond, t.bothYes];
}

/** Adds histogram `from` into `into` (same number of coders). */
export function addHistogram(into: number[], from: YesHistogram): number[] {
  from.forEach((count, yes) => {
    into[yes] = (into[yes] ?? 0) + count;
  });
  return into;
}

/** Cross-tabulates two equally long 0/1 sequences into `into` (added to what it holds). */
export function tallyPair(
  first: Uint8Array,
  second: Uint8Array,
  into: PairTally = emptyPairTally(),
): PairTally {
  for (let i = 0; i < first.length; i++) {
    const x = first[i] === 1;
    const y = second[i] === 1;
    if (x && y) into.bothYes++;
    else if (x) into.onlyFirst++;
    else if (y) into.onlySecond++;
    else into.bothNo++;
  }
  return into;
}

/** Adds, for every item, how many of the equally long 0/1 sequences mark it 1 to `into` (length m + 1). */
export function tallyYes(
  sequences: readonly Uint8Array[],
  into: number[] = new Array<number>(sequences.length + 1).fill(0),
): number[] {
  const items = sequences[0]?.length ?? 0;
  for (let i = 0; i < items; i++) {
    let yes = 0;
    for (const sequence of sequences) yes += sequence[i] === 1 ? 1 : 0;
    into[yes] = (into[yes] ?? 0) + 1;
  }
  return into;
}

/** p_o: the share of items both coders decided alike; null with no items. */
export function pairObservedAgreement(t: PairTally): number | null {
  const n = t.bothYes + t.onlyFirst + t.onlySecond + t.bothNo;
  return n === 0 ? null : (t.bothYes + t.bothNo) / n;
}

/**
 * Cohen's κ = (p_o − p_e) / (1 − p_e), with p_o the observed agreement and p_e = p₁(A)·p₁(B) + p₀(A)·p₀(B)
 * the agreement expected from each coder's own rates. Null with no items, and when p_e = 1: both coders gave
 * the same single value to every item (a label nobody used), where κ is 0/0 (scikit-learn returns NaN).
 */
export function cohenKappa(t: PairTally): number | null {
  const n = t.bothYes + t.onlyFirst + t.onlySecond + t.bothNo;
  const firstYes = t.bothYes + t.onlyFirst;
  const secondYes = t.bothYes + t.onlySecond;
  const constantAlike = (firstYes === 0 && secondYes === 0) || (firstYes === n && secondYes === n);
  if (n === 0 || constantAlike) return null;
  // In counts: κ = (n·agree − E) / (n² − E), E = yes₁·yes₂ + no₁·no₂, which avoids dividing twice.
  const expected = firstYes * secondYes + (n - firstYes) * (n - secondYes);
  return (n * (t.bothYes + t.bothNo) - expected) / (n * n - expected);
}

function coders(histogram: YesHistogram): number {
  const m = histogram.length - 1;
  if (m < 2) throw new RangeError(`Agreement needs at least two coders (got ${Math.max(m, 0)})`);
  return m;
}

/** P̄, the mean over items of the share of coder pairs that agree on the item (Fleiss' observed agreement). */
export function multiObservedAgreement(histogram: YesHistogram): number | null {
  const m = coders(histogram);
  let items = 0;
  let agreeing = 0;
  histogram.forEach((count, yes) => {
    items += count;
    agreeing += count * (yes * (yes - 1) + (m - yes) * (m - yes - 1));
  });
  return items === 0 ? null : agreeing / (items * m * (m - 1));
}

/**
 * Fleiss' κ = (P̄ − P̄_e) / (1 − P̄_e): P̄ as above, P̄_e = p₁² + p₀² with p₁ the share of all decisions that are
 * 1. Null with no items or when every decision is the same (P̄_e = 1; statsmodels returns NaN).
 */
export function fleissKappa(histogram: YesHistogram): number | null {
  const m = coders(histogram);
  const observed = multiObservedAgreement(histogram);
  let items = 0;
  let yesDecisions = 0;
  histogram.forEach((count, yes) => {
    items += count;
    yesDecisions += count * yes;
  });
  if (observed === null || yesDecisions === 0 || yesDecisions === items * m) return null;
  const p1 = yesDecisions / (items * m);
  const expected = p1 * p1 + (1 - p1) * (1 - p1);
  return (observed - expected) / (1 - expected);
}

/**
 * Krippendorff's α, nominal, from the coincidence matrix: each item with k yes of m values adds
 * k(m−k)/(m−1) to o₀₁; n₁ and n₀ count all yes and no values, n = n₀ + n₁; then
 * α = 1 − D_o/D_e = 1 − (n − 1)·o₀₁ / (n₀·n₁). Null with no values or no variation (n₀·n₁ = 0), where α is
 * 0/0 (NLTK's AnnotationTask.alpha returns 1 there).
 */
export function krippendorffAlpha(histogram: YesHistogram): number | null {
  const m = coders(histogram);
  let disagreeing = 0;
  let yesValues = 0;
  let noValues = 0;
  histogram.forEach((count, yes) => {
    disagreeing += (count * yes * (m - yes)) / (m - 1);
    yesValues += count * yes;
    noValues += count * (m - yes);
  });
  if (yesValues === 0 || noValues === 0) return null;
  return 1 - ((yesValues + noValues - 1) * disagreeing) / (yesValues * noValues);
}
