// Whole-word occurrences of a quote in a text (shared layer, pure): where else "Damascus" stands as a word of
// its own, not inside "Damascene". Offsets are UTF-16 code units over the canonical text; the text is never
// normalised, so only the same characters match (case included).
import type { TextRange } from './segments';

/** A letter, mark, digit or connector: a character that would make a match part of a longer word. */
const WORD_CHARACTER = /[\p{L}\p{M}\p{N}\p{Pc}]/u;

function wordCharacterBefore(text: string, offset: number): boolean {
  if (offset <= 0) return false;
  const low = text.charCodeAt(offset - 1);
  const start = low >= 0xdc00 && low <= 0xdfff && offset >= 2 ? offset - 2 : offset - 1;
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(start) ?? 0));
}

function wordCharacterAt(text: string, offset: number): boolean {
  if (offset >= text.length) return false;
  return WORD_CHARACTER.test(String.fromCodePoint(text.codePointAt(offset) ?? 0));
}

/**
 * Every occurrence of `quote` in `text` that neither starts nor ends inside a word, in text order, at most
 * `limit` of them. A quote that starts or ends with a non-word character only needs the other edge checked.
 */
export function wholeWordOccurrences(
  text: string,
  quote: string,
  limit = Number.POSITIVE_INFINITY,
): TextRange[] {
  const found: TextRange[] = [];
  if (quote.length === 0) return found;
  const checkStart = wordCharacterAt(quote, 0);
  const checkEnd = wordCharacterBefore(quote, quote.length);
  for (let at = text.indexOf(quote); at >= 0 && found.length < limit; at = text.indexOf(quote, at + 1)) {
    const end = at + quote.length;
    if (checkStart && wordCharacterBefore(text, at)) continue;
    if (checkEnd && wordCharacterAt(text, end)) continue;
    found.push({ start: at, end });
  }
  return found;
}
