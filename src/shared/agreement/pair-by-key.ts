// One-to-one pairing of two lists by an identity key (shared layer, pure): the basis of exact span matching
// and relation matching. Items with equal keys pair up in list order, so duplicates inside one layer are
// matched at most once each (two identical spans in A against one in B give one match and one miss).

export interface Pairing<T> {
  pairs: { a: T; b: T }[];
  onlyA: T[];
  onlyB: T[];
}

/** Pairs `a` and `b` (each already in a deterministic order) by `key`; the result keeps a's and b's order. */
export function pairByKey<T>(a: readonly T[], b: readonly T[], key: (item: T) => string): Pairing<T> {
  const waiting = new Map<string, number[]>();
  b.forEach((item, index) => {
    const k = key(item);
    const queue = waiting.get(k);
    if (queue === undefined) waiting.set(k, [index]);
    else queue.push(index);
  });
  const takenB = new Uint8Array(b.length);
  const pairs: { a: T; b: T }[] = [];
  const onlyA: T[] = [];
  for (const item of a) {
    const index = waiting.get(key(item))?.shift();
    const partner = index === undefined ? undefined : b[index];
    if (index === undefined || partner === undefined) onlyA.push(item);
    else {
      pairs.push({ a: item, b: partner });
      takenB[index] = 1;
    }
  }
  return { pairs, onlyA, onlyB: b.filter((_, index) => takenB[index] === 0) };
}
