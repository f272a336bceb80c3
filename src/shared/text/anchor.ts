// Quote + context anchors for spans and the range checks every span must pass (shared layer, pure).
// A span stores its exact quote plus up to CONTEXT_CHARS of prefix/suffix so it can be re-anchored when a
// colleague's text differs, and exports verify quotes before writing (docs/architecture.md, offsets).
import { CONTEXT_CHARS } from '../model/limits';
import { splitsSurrogatePair } from './surrogates';

export interface Anchor {
  quote: string;
  prefix: string;
  suffix: string;
}

/**
 * The quote and its context. Context is at most CONTEXT_CHARS UTF-16 units each side and shrinks by one
 * rather than cut a surrogate pair. Does not validate the range (slice semantics): call checkRange first.
 */
export function anchorOf(text: string, start: number, end: number): Anchor {
  let prefixStart = Math.max(0, start - CONTEXT_CHARS);
  if (splitsSurrogatePair(text, prefixStart)) prefixStart++;
  let suffixEnd = Math.min(text.length, end + CONTEXT_CHARS);
  if (splitsSurrogatePair(text, suffixEnd)) suffixEnd--;
  return {
    quote: text.slice(start, end),
    prefix: text.slice(prefixStart, Math.max(prefixStart, start)),
    suffix: text.slice(Math.min(end, suffixEnd), suffixEnd),
  };
}

/** Null when [start, end) is a valid non-empty span range over `text`; otherwise what is wrong with it. */
export function checkRange(text: string, start: number, end: number): string | null {
  if (!Number.isInteger(start) || !Number.isInteger(end)) {
    return `span offsets must be whole numbers (start ${start}, end ${end})`;
  }
  if (start < 0) return `span start ${start} is before the start of the text`;
  if (end > text.length) return `span end ${end} is past the end of the text (length ${text.length})`;
  if (start > end) return `span start ${start} is after its end ${end}`;
  if (start === end) return `span is empty (start and end are both ${start})`;
  if (splitsSurrogatePair(text, start))
    return `span start ${start} splits a surrogate pair (one emoji or symbol)`;
  if (splitsSurrogatePair(text, end)) return `span end ${end} splits a surrogate pair (one emoji or symbol)`;
  return null;
}

/** True when the span's offsets lie inside `text` and select exactly its stored quote. */
export function quoteMatches(text: string, span: { start: number; end: number; quote: string }): boolean {
  const { start, end, quote } = span;
  if (!Number.isInteger(start) || !Number.isInteger(end)) return false;
  if (start < 0 || end > text.length || start > end) return false;
  return end - start === quote.length && text.startsWith(quote, start);
}
