// Tokens and sentences for CoNLL export (shared layer, pure), from Intl.Segmenter with the fixed 'en' locale
// the rest of the app uses: word segments that hold something besides whitespace are tokens (trimmed of
// whitespace a format character may have glued to them), and a token belongs to the sentence its start is in.
import type { Span } from '../../model';

export interface Token {
  start: number;
  end: number;
  text: string;
}

const words = new Intl.Segmenter('en', { granularity: 'word' });
const sentences = new Intl.Segmenter('en', { granularity: 'sentence' });

/** Sentences of the text, each a list of tokens (UTF-16 offsets); sentences without tokens are left out. */
export function tokenize(text: string): Token[][] {
  const result: Token[][] = [];
  for (const sentence of sentences.segment(text)) {
    const tokens: Token[] = [];
    for (const word of words.segment(sentence.segment)) {
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
