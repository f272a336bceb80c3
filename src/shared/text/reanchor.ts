// Re-anchoring a span on a text that may differ from the one it was made on, Hypothesis-style (shared layer,
// pure): the exact quote at the position hint; else every exact occurrence of the quote, scored by how much of
// the stored prefix and suffix surround it and how near it is to the hint; else an approximate match
// (Myers' bit-parallel search from approx-string-match, as the Hypothesis client uses) within an error budget
// proportional to the quote's length. Callers report a span as orphaned when this returns null.
import search from 'approx-string-match';
import { splitsSurrogatePair } from './surrogates';

export interface AnchorSelector {
  quote: string;
  prefix?: string;
  suffix?: string;
  /** Where the span was (UTF-16 offsets over the old text): only a hint. */
  start?: number;
  end?: number;
}

export type ReanchorMethod = 'exact' | 'context' | 'fuzzy';

export interface Reanchored {
  start: number;
  end: number;
  method: ReanchorMethod;
}

export interface ReanchorOptions {
  /** Largest share of the quote's length that may differ in a fuzzy match (default 0.2). */
  maxErrorRatio?: number;
}

/** Weights of the score parts: context decides between occurrences, distance only breaks near-ties. */
const QUOTE_WEIGHT = 50;
const CONTEXT_WEIGHT = 20;
const POSITION_WEIGHT = 2;
/** More errors than this make the search slow and the match meaningless. */
const MAX_ERRORS = 256;

export function reanchor(
  text: string,
  selector: AnchorSelector,
  options: ReanchorOptions = {},
): Reanchored | null {
  const { quote } = selector;
  if (quote.length === 0) return null;
  const hint = selector.start;
  if (hint !== undefined && text.startsWith(quote, hint) && isWholeRange(text, hint, hint + quote.length)) {
    return { start: hint, end: hint + quote.length, method: 'exact' };
  }
  const exact = bestCandidate(text, selector, exactOccurrences(text, quote));
  if (exact !== null) return { start: exact.start, end: exact.end, method: 'context' };
  const ratio = options.maxErrorRatio ?? 0.2;
  const maxErrors = Math.min(MAX_ERRORS, Math.floor(quote.length * ratio));
  if (maxErrors < 1) return null;
  const fuzzy = search(text, quote, maxErrors).map((match) => widenToCodePoints(text, match));
  const best = bestCandidate(text, selector, fuzzy);
  return best === null ? null : { start: best.start, end: best.end, method: 'fuzzy' };
}

interface Candidate {
  start: number;
  end: number;
  errors: number;
}

function exactOccurrences(text: string, quote: string): Candidate[] {
  const found: Candidate[] = [];
  for (let at = text.indexOf(quote); at >= 0; at = text.indexOf(quote, at + 1)) {
    if (isWholeRange(text, at, at + quote.length))
      found.push({ start: at, end: at + quote.length, errors: 0 });
  }
  return found;
}

function isWholeRange(text: string, start: number, end: number): boolean {
  return end > start && !splitsSurrogatePair(text, start) && !splitsSurrogatePair(text, end);
}

/** An approximate match may end between the halves of a pair: widen it to whole code points. */
function widenToCodePoints(text: string, match: Candidate): Candidate {
  const start = splitsSurrogatePair(text, match.start) ? match.start - 1 : match.start;
  const end = splitsSurrogatePair(text, match.end) ? match.end + 1 : match.end;
  return { start, end, errors: match.errors };
}

function bestCandidate(text: string, selector: AnchorSelector, candidates: Candidate[]): Candidate | null {
  let best: Candidate | null = null;
  let bestScore = -Infinity;
  for (const candidate of candidates) {
    if (candidate.end <= candidate.start) continue;
    const score = scoreOf(text, selector, candidate);
    if (score > bestScore) [best, bestScore] = [candidate, score];
  }
  return best;
}

function scoreOf(text: string, selector: AnchorSelector, candidate: Candidate): number {
  const quoteScore = 1 - candidate.errors / selector.quote.length;
  const prefix = selector.prefix ?? '';
  const suffix = selector.suffix ?? '';
  const prefixScore = prefix === '' ? 1 : matchingBefore(text, candidate.start, prefix) / prefix.length;
  const suffixScore = suffix === '' ? 1 : matchingAfter(text, candidate.end, suffix) / suffix.length;
  const hint = selector.start ?? candidate.start;
  const positionScore = 1 - Math.abs(candidate.start - hint) / Math.max(1, text.length);
  return (
    QUOTE_WEIGHT * quoteScore + CONTEXT_WEIGHT * (prefixScore + suffixScore) + POSITION_WEIGHT * positionScore
  );
}

/** How many characters just before `at` in `text` equal the end of `prefix` (no copy of the text). */
function matchingBefore(text: string, at: number, prefix: string): number {
  let n = 0;
  while (
    n < at &&
    n < prefix.length &&
    text.charCodeAt(at - 1 - n) === prefix.charCodeAt(prefix.length - 1 - n)
  )
    n++;
  return n;
}

/** How many characters from `at` in `text` equal the start of `suffix`. */
function matchingAfter(text: string, at: number, suffix: string): number {
  let n = 0;
  while (at + n < text.length && n < suffix.length && text.charCodeAt(at + n) === suffix.charCodeAt(n)) n++;
  return n;
}
