// Tokens and sentences for CoNLL export (shared layer, pure), from Intl.Segmenter with the fixed 'en' locale
// the rest of the app uses: word segments that hold something besides whitespace are tokens (trimmed of
// whitespace a format character may have glued to them), and a token belongs to the sentence its start is in.
// V8's segment iterator slows down with the length of the string (iterating 1 MB takes minutes), so the text
// is segmented in windows, each restarting where the previous window's last sure segment ends.
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
 * Characters that end a segmenter's look-ahead: a letter decides every word rule and the sentence rule that
 * skips digits, spaces and emoji after a full stop (UAX #29 SB8) looking for a lower-case letter; a line break
 * ends a paragraph. A boundary is only sure once two of them follow it inside the window.
 */
const DECIDING = /[\p{L}\n\r\u0085\u2028\u2029]/u;

/** The window offset after which a boundary is not yet sure: where the second-to-last deciding character is. */
function sureBefore(part: string): number {
  let seen = 0;
  for (let i = part.length - 1; i >= 0; i--) {
    if (DECIDING.test(part[i]!) && ++seen === 2) return i;
  }
  return -1;
}

/**
 * The segments of `text`, segmented about `window` code units at a time. A boundary near a window's end may
 * move once more text follows (the rules look ahead past emoji, digits and spaces), so a window yields only the
 * segments that end before two deciding characters, and the next window starts where the last of them ends; a
 * window with no such segment is doubled until one ends.
 */
export function* windowedSegments(text: string, segmenter: Intl.Segmenter, window: number): Generator<Piece> {
  let from = 0;
  let size = window;
  while (from < text.length) {
    let to = Math.min(text.length, from + size);
    if (splitsSurrogatePair(text, to)) to++;
    const part = text.slice(from, to);
    const pieces = [...segmenter.segment(part)];
    const limit = to === text.length ? part.length : sureBefore(part);
    const taken = pieces.filter((piece) => piece.index + piece.segment.length <= limit);
    if (taken.length === 0) {
      size *= 2;
      continue;
    }
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
