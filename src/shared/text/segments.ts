// Snapping selections to grapheme clusters and words with Intl.Segmenter (shared layer, pure; used by the
// renderer when the user selects text and by importers). Only a bounded window around each boundary is
// segmented, so a call costs the same on a 1 MB document as on a tweet.
import { splitsSurrogatePair } from './surrogates';

export interface TextRange {
  start: number;
  end: number;
}

interface Piece extends TextRange {
  isWordLike: boolean;
}

/** How far either side of an offset we segment, and how much further we look for a safe window edge. */
const WINDOW = 256;
const EDGE_SCAN = 1024;

const graphemeSegmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const wordSegmenter = new Intl.Segmenter('en', { granularity: 'word' });

const WHITESPACE = /\s/;
/** Whitespace that is neither a format character (U+FEFF, ignored by word rules) nor part of CR LF. */
const PLAIN_SPACE = /[^\S\uFEFF\r]/;
/** A letter or digit that cannot attach to what precedes it (not Grapheme_Extend, not Thai/Lao SARA AM). */
const LETTER_OR_DIGIT = /^(?![\u0E33\u0EB3\p{Grapheme_Extend}])[\p{L}\p{N}]/u;

/**
 * A position where both grapheme and word boundaries are certain whatever comes before or after it: next to a
 * line feed, or between whitespace and a letter or digit. Cutting the window there gives the same segments as
 * segmenting the whole text (regional-indicator pairing, ZWJ sequences and WB6/7 look-arounds stay inside).
 */
function isSafeEdge(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  const before = text.charAt(offset - 1);
  if (before === '\n') return true;
  if (text.charAt(offset) === '\n') return before !== '\r';
  return PLAIN_SPACE.test(before) && LETTER_OR_DIGIT.test(text.slice(offset, offset + 2));
}

/** Window start at or before `from`; falls back to `from` itself (never inside a surrogate pair). */
function windowStart(text: string, from: number): number {
  if (from <= 0) return 0;
  for (let q = from; q >= Math.max(0, from - EDGE_SCAN); q--) if (isSafeEdge(text, q)) return q;
  return splitsSurrogatePair(text, from) ? from - 1 : from;
}

/** Window end at or after `to`; falls back to `to` itself (never inside a surrogate pair). */
function windowEnd(text: string, to: number): number {
  if (to >= text.length) return text.length;
  for (let q = to; q <= Math.min(text.length, to + EDGE_SCAN); q++) if (isSafeEdge(text, q)) return q;
  return splitsSurrogatePair(text, to) ? to + 1 : to;
}

/** The segment that contains the code unit at `offset` (0 <= offset < text.length). */
function pieceAt(text: string, offset: number, segmenter: Intl.Segmenter): Piece {
  const from = windowStart(text, offset - WINDOW);
  const to = windowEnd(text, offset + WINDOW + 1);
  const found = segmenter.segment(text.slice(from, to)).containing(offset - from);
  if (found === undefined) return { start: offset, end: offset + 1, isWordLike: false };
  const start = from + found.index;
  return { start, end: start + found.segment.length, isWordLike: found.isWordLike === true };
}

/** Clamps both offsets into the text and puts them in order (a backwards mouse selection is still a range). */
function normalizeRange(text: string, start: number, end: number): [number, number] {
  const clamp = (n: number): number =>
    Math.min(text.length, Math.max(0, Math.trunc(Number.isNaN(n) ? 0 : n)));
  const a = clamp(start);
  const b = clamp(end);
  return a <= b ? [a, b] : [b, a];
}

function graphemeStartAtOrBefore(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  return pieceAt(text, offset, graphemeSegmenter).start;
}

function graphemeEndAtOrAfter(text: string, offset: number): number {
  if (offset <= 0 || offset >= text.length) return offset;
  const piece = pieceAt(text, offset, graphemeSegmenter);
  return piece.start === offset ? offset : piece.end;
}

/**
 * Widens [start, end) to grapheme-cluster boundaries: start moves down, end moves up, so emoji ZWJ sequences,
 * flags, combining marks and surrogate pairs are never split. Out-of-range offsets are clamped and a reversed
 * range is put in order. An empty range inside a cluster widens to that cluster.
 */
export function snapToGraphemes(text: string, start: number, end: number): TextRange {
  const [s, e] = normalizeRange(text, start, end);
  return { start: graphemeStartAtOrBefore(text, s), end: graphemeEndAtOrAfter(text, e) };
}

/**
 * Turns a rough selection into a tag-worthy range: trims whitespace at both ends, widens an edge that falls
 * inside a word (Intl.Segmenter's isWordLike: accented Latin, Arabic, "Syria’s" with its apostrophe) to that
 * word's edge, then snaps to graphemes. Returns null when nothing but whitespace was selected.
 */
export function snapToWords(text: string, start: number, end: number): TextRange | null {
  let [s, e] = normalizeRange(text, start, end);
  while (s < e && WHITESPACE.test(text.charAt(s))) s++;
  while (e > s && WHITESPACE.test(text.charAt(e - 1))) e--;
  if (s === e) return null;
  const first = pieceAt(text, s, wordSegmenter);
  if (first.isWordLike) s = first.start;
  const last = pieceAt(text, e - 1, wordSegmenter);
  if (last.isWordLike) e = last.end;
  return snapToGraphemes(text, s, e);
}

/** The word containing `offset`, or else the word ending exactly at it (a caret just after a word); or null. */
export function wordAt(text: string, offset: number): TextRange | null {
  const [at] = normalizeRange(text, offset, offset);
  if (at < text.length) {
    const piece = pieceAt(text, at, wordSegmenter);
    if (piece.isWordLike) return { start: piece.start, end: piece.end };
  }
  if (at > 0) {
    const piece = pieceAt(text, at - 1, wordSegmenter);
    if (piece.isWordLike) return { start: piece.start, end: piece.end };
  }
  return null;
}
