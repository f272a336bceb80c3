// Finding text (shared layer, pure): a plain, whole-word or regular-expression query, case-sensitive or not,
// compiled to one RegExp, its matches as UTF-16 offsets over the canonical text, and keyword-in-context lines.
// The text is never normalised, so every offset is one the rest of the app can use as it is. An analyst's
// pattern can backtrack for ever (`(a+)+$`): main runs matching over a corpus on a worker with a time budget.
import { isHighSurrogate, isLowSurrogate } from '../text/surrogates';

export const searchModes = ['plain', 'word', 'regex'] as const;
export type SearchMode = (typeof searchModes)[number];

export interface TextQuery {
  pattern: string;
  mode: SearchMode;
  caseSensitive: boolean;
}

export type CompiledQuery = { ok: true; regex: RegExp } | { ok: false; message: string };

export interface TextMatch {
  start: number;
  end: number;
}

/** Letters, combining marks, digits and the underscore: what a "whole word" may not continue into. */
const WORD_CHAR = '[\\p{L}\\p{M}\\p{N}_]';

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/**
 * The query as a global, Unicode-aware RegExp, or why it cannot be one. Case-insensitive matching uses the
 * RegExp `i` flag rather than lower-casing the text: lower-casing changes lengths ("İ" becomes two units)
 * and so would shift every offset after it. `m` lets ^ and $ match at the start and end of each line.
 */
export function compileQuery(query: TextQuery): CompiledQuery {
  if (query.pattern.length === 0) return { ok: false, message: 'Type something to search for.' };
  const flags = `gmu${query.caseSensitive ? '' : 'i'}`;
  const literal = escapeRegExp(query.pattern);
  const source =
    query.mode === 'regex'
      ? query.pattern
      : query.mode === 'word'
        ? `(?<!${WORD_CHAR})${literal}(?!${WORD_CHAR})`
        : literal;
  try {
    return { ok: true, regex: new RegExp(source, flags) };
  } catch (error) {
    const reason = error instanceof Error ? error.message.replace(/^Invalid regular expression: /, '') : '';
    return { ok: false, message: `The pattern is not a valid regular expression (${reason}).` };
  }
}

/**
 * The non-empty matches of `regex` in `text`, in text order, at most `limit` of them. Empty matches (`a*`
 * between two letters) are skipped: they cannot be shown, jumped to or tagged.
 */
export function findMatches(
  text: string,
  regex: RegExp,
  limit: number,
): { matches: TextMatch[]; more: boolean } {
  const matches: TextMatch[] = [];
  const scan = new RegExp(regex.source, regex.flags.includes('g') ? regex.flags : `${regex.flags}g`);
  for (let found = scan.exec(text); found !== null; found = scan.exec(text)) {
    if (found[0].length === 0) {
      // With the u flag, lastIndex must step over a whole surrogate pair, never into the middle of one.
      scan.lastIndex += isHighSurrogate(text.charCodeAt(found.index)) ? 2 : 1;
      continue;
    }
    if (matches.length === limit) return { matches, more: true };
    matches.push({ start: found.index, end: found.index + found[0].length });
  }
  return { matches, more: false };
}

/** True when `regex` matches somewhere in `text` with at least one character. */
export function matchesSomewhere(text: string, regex: RegExp): boolean {
  return findMatches(text, regex, 1).matches.length > 0;
}

export interface KeywordInContext {
  before: string;
  match: string;
  after: string;
}

/** Characters of context shown either side of a hit. */
export const CONTEXT_WIDTH = 48;
/** A longer hit is shown shortened in its line (the whole hit is still what a jump selects). */
const MAX_SHOWN_MATCH = 160;

/**
 * One keyword-in-context line: up to `width` characters either side of [start, end), never cutting a
 * surrogate pair, with line breaks shown as "⏎" so the line reads as one line.
 */
export function keywordInContext(
  text: string,
  start: number,
  end: number,
  width = CONTEXT_WIDTH,
): KeywordInContext {
  let from = Math.max(0, start - width);
  let to = Math.min(text.length, end + width);
  if (from > 0 && isLowSurrogate(text.charCodeAt(from))) from -= 1;
  if (to < text.length && isLowSurrogate(text.charCodeAt(to))) to += 1;
  const oneLine = (part: string) => part.replace(/\n/g, ' ⏎ ');
  let match = text.slice(start, end);
  if (match.length > MAX_SHOWN_MATCH) {
    let cut = MAX_SHOWN_MATCH;
    if (isLowSurrogate(match.charCodeAt(cut))) cut -= 1;
    match = `${match.slice(0, cut)}…`;
  }
  return {
    before: `${from > 0 ? '…' : ''}${oneLine(text.slice(from, start))}`,
    match: oneLine(match),
    after: `${oneLine(text.slice(end, to))}${to < text.length ? '…' : ''}`,
  };
}
