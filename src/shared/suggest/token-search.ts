// Small lookups over the analysed tokens, shared by the suggester's passes (shared layer, pure).
import type { Analysis, Token } from './analysis';

/** Index of the first token that starts at or after `offset` (tokens.length when there is none). */
export function tokenAtOrAfter(tokens: readonly Token[], offset: number): number {
  let low = 0;
  let high = tokens.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (tokens[mid]!.start < offset) low = mid + 1;
    else high = mid;
  }
  return low;
}

const TRAILING = /[\s.,;:!?"“”«»'’]+$/u;
const LEADING = /^[\s"“«']+/u;

/**
 * Shrinks [start, end) to the words inside: no whitespace, no final punctuation and no quotation marks at
 * either edge (the guidelines leave them out of claims and conditions). Null when nothing is left.
 */
export function trimRange(text: string, start: number, end: number): [number, number] | null {
  const slice = text.slice(start, end);
  const head = LEADING.exec(slice)?.[0].length ?? 0;
  const tail = TRAILING.exec(slice.slice(head))?.[0].length ?? 0;
  const from = start + head;
  const to = end - tail;
  return to > from ? [from, to] : null;
}

/** The sentence indices whose text the English model may read. */
export function readableSentences(analysis: Analysis, readable: (text: string) => boolean): number[] {
  const indices: number[] = [];
  analysis.sentences.forEach((s, i) => {
    if (readable(analysis.text.slice(s.start, s.end))) indices.push(i);
  });
  return indices;
}

/** Calls `visit` with each token index of the given sentences and that sentence's first and last index. */
export function forEachToken(
  analysis: Analysis,
  sentences: readonly number[],
  visit: (i: number, first: number, last: number) => void,
): void {
  for (const index of sentences) {
    const { first, last } = analysis.sentences[index]!;
    for (let i = first; i <= last; i++) visit(i, first, last);
  }
}
