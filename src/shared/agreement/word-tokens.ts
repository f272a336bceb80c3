// Word tokens of a text, the items of the token-level coefficients (κ, α) (shared layer, pure). Tokens are
// Intl.Segmenter word segments that are word-like (letters, digits, "Syria’s"), with the fixed locale `en`
// so every machine cuts the same tokens; offsets are UTF-16 code units, end exclusive.
import type { TextRange } from '../text/segments';

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/** The word-like segments of `text` in order; punctuation and whitespace are not tokens. */
export function wordTokens(text: string): TextRange[] {
  const tokens: TextRange[] = [];
  for (const segment of wordSegmenter.segment(text)) {
    if (segment.isWordLike === true)
      tokens.push({ start: segment.index, end: segment.index + segment.segment.length });
  }
  return tokens;
}
