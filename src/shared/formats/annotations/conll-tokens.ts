// Tokens and sentences for CoNLL export (shared layer, pure), from Intl.Segmenter with the fixed 'en' locale
// the rest of the app uses: word segments that hold something besides whitespace are tokens (trimmed of
// whitespace a format character may have glued to them), and a token belongs to the sentence its start is in.
// V8's segment iterator slows down with the length of the string (iterating 1 MB takes minutes), so the text
// is segmented in windows, each restarting at the start of the previous window's last, possibly cut, segment.
import type { Span } from '../../model';
import { splitsSurrogatePair } from '../../text/surrogates';

export interface Token {
  start: number;
  end: number;
  text: string;
}

const words = new Intl.Segmenter('en', { granularity: 'word' });
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

export interface Piece {
  index: number;
  segment: string;
}

/**
 * The segments of `text`, segmented about `window` code units at a time. A window's last segment may be cut by
 * the window's end, so it is left to the next window, which starts where it starts; a window holding a single
 * unfinished segment is doubled until the segment ends.
 */
export function* windowedSegments(text: string, segmenter: Intl.Segmenter, window: number): Generator<Piece> {
  let from = 0;
  let size = window;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    if (splitsSurrogatePair(text, to)) to++;
    const pieces = [...segmenter.segment(text.slice(from, to))];
    if (to < text.length && pieces.length < 2) {
      size *= 2;
      continue;
    }
    const taken = to === text.length ? pieces : pieces.slice(0, -1);
    for (const piece of taken) yield { index: from + piece.index, segment: piece.segment };
    const last = taken[taken.length - 1]!;
    from += last.index + last.segment.length;
    size = window;
  }
}

const SENTENCE_WINDOW = 4_000;
const WORD_WINDOW = 2_000;

/** Sentences of the text, each a list of tokens (UTF-16 offsets); sentences without tokens are left out. */
export function tokenize(text: string): Token[][] {
  const result: Token[][] = [];
  for (const sentence of windowedSegments(text, sentences, SENTENCE_WINDOW)) {
    const tokens: Token[] = [];
    for (const word of windowedSegments(sentence.segment, words, WORD_WINDOW)) {
      const lead = word.segment.length - word.segment.trimStart().length;
      const trimmed = word.segment.trim();
      if (trimmed === '') continue;
      const start = sentence.index + word.index + lead;
      // A token line is "token TAG": whitespace left inside a token (rare: U+3000 after a mark) becomes "_".
      tokens.push({ start, end: start + trimmed.length, text: trimmed.replace(/\s/g, '_') });
    }
    if (tokens.length > 0) result.push(tokens);
  }
  return result;
}

/** Indices [first, last] of the tokens that overlap [start, end), or null when it covers none. */
export function tokensOf(
  tokens: readonly Token[],
  span: Pick<Span, 'start' | 'end'>,
): [number, number] | null {
  let lo = 0;
  let hi = tokens.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (tokens[mid]!.end <= span.start) lo = mid + 1;
    else hi = mid;
  }
  let last = lo - 1;
  while (last + 1 < tokens.length && tokens[last + 1]!.start < span.end) last++;
  return last < lo ? null : [lo, last];
}
