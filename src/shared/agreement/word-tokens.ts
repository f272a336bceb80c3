// Word tokens of a text, the items of the token-level coefficients (κ, α) (shared layer, pure). Tokens are
// Intl.Segmenter word segments that are word-like (letters, digits, "Syria’s"), with the fixed locale `en`
// so every machine cuts the same tokens; offsets are UTF-16 code units, end exclusive.
import type { TextRange } from '../text/segments';

const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

/**
 * Iterating the segments of one long string costs time quadratic in its length in V8 (a 130 kB text takes
 * seconds), so the text is segmented in chunks of about this many code units, cut only where a word boundary
 * is certain whatever surrounds it.
 */
const CHUNK = 512;

function isAsciiLetterOrDigit(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

/**
 * A cut after a line feed (UAX #29 WB3a always breaks there), or between a space or tab and an ASCII letter
 * or digit (no rule joins them, and no rule on either side looks across a space), gives the same segments
 * on both sides as segmenting the whole text.
 */
function isCertainBoundary(text: string, at: number): boolean {
  const before = text.charCodeAt(at - 1);
  if (before === 10) return true;
  return (before === 32 || before === 9) && isAsciiLetterOrDigit(text.charCodeAt(at));
}

function nextCut(text: string, from: number): number {
  let at = Math.min(text.length, from + CHUNK);
  while (at < text.length && !isCertainBoundary(text, at)) at++;
  return at;
}

/** The word-like segments of `text` in order; punctuation and whitespace are not tokens. */
export function wordTokens(text: string): TextRange[] {
  const tokens: TextRange[] = [];
  for (let from = 0; from < text.length;) {
    const to = nextCut(text, from);
    for (const segment of wordSegmenter.segment(text.slice(from, to))) {
      if (segment.isWordLike !== true) continue;
      const start = from + segment.index;
      tokens.push({ start, end: start + segment.segment.length });
    }
    from = to;
  }
  return tokens;
}
