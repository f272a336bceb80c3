// Script check for the suggester (shared layer, pure): the English model must not guess in Arabic, Cyrillic,
// CJK… text, so a text (or a sentence) whose letters are mostly outside the Latin script gets no suggestions.

const LETTER = /\p{L}/gu;
const LATIN_LETTER = /\p{Script=Latin}/gu;

function count(pattern: RegExp, text: string): number {
  pattern.lastIndex = 0;
  let n = 0;
  while (pattern.exec(text) !== null) n++;
  return n;
}

/**
 * True when at least half of the letters in `text` are Latin. A text without letters (numbers, emoji,
 * punctuation) counts as Latin: there is nothing the model would misread, and nothing to suggest either.
 */
export function isMostlyLatin(text: string): boolean {
  const letters = count(LETTER, text);
  if (letters === 0) return true;
  return count(LATIN_LETTER, text) * 2 >= letters;
}
