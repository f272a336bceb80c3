// Canonical text and the map back to the original file's offsets (shared layer, pure).
// Canonical text = decoded UTF-8 without BOM, with CRLF and lone CR turned into LF; never NFC/NFD-normalised.
// The map keeps exports able to target the original file: only CRLF changes lengths (a lone CR is 1:1).
import type { lineEndingStyles } from '../model';

export type LineEndingStyle = (typeof lineEndingStyles)[number];

export interface CanonicalText {
  text: string;
  lineEndings: LineEndingStyle;
  /** Canonical offsets of each '\n' that replaced a CRLF (ascending). */
  crlfAt: number[];
  /** Canonical offsets of each '\n' that replaced a lone CR (ascending). */
  crAt: number[];
}

/** What is needed to map offsets: whether the original started with a BOM and where CRLFs were collapsed. */
export interface OffsetMap {
  readonly hadBom: boolean;
  readonly crlfAt: readonly number[];
}

/** Turns CRLF and lone CR into LF in one linear pass, recording where each replacement happened. */
export function canonicalizeText(decoded: string): CanonicalText {
  const crlfAt: number[] = [];
  const crAt: number[] = [];
  let removed = 0;
  const text = decoded.replace(/\r\n?/g, (match: string, offset: number) => {
    const canonical = offset - removed;
    if (match.length === 2) {
      crlfAt.push(canonical);
      removed++;
    } else {
      crAt.push(canonical);
    }
    return '\n';
  });
  const lf = countChar(decoded, '\n') - crlfAt.length;
  return { text, lineEndings: lineEndingStyle(lf, crlfAt.length, crAt.length), crlfAt, crAt };
}

function countChar(text: string, char: string): number {
  let count = 0;
  for (let i = text.indexOf(char); i >= 0; i = text.indexOf(char, i + 1)) count++;
  return count;
}

function lineEndingStyle(lf: number, crlf: number, cr: number): LineEndingStyle {
  const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
  if (kinds === 0) return 'none';
  if (kinds > 1) return 'mixed';
  return lf > 0 ? 'lf' : crlf > 0 ? 'crlf' : 'cr';
}

/** Number of entries of the ascending array `values` for which `below(value, index)` holds (a prefix). */
function countPrefix(values: readonly number[], below: (value: number, index: number) => boolean): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(values[mid] ?? 0, mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function checkOffset(offset: number): void {
  if (!Number.isInteger(offset) || offset < 0)
    throw new RangeError(`offset ${offset} is not a valid text offset`);
}

/**
 * Maps a canonical offset to a UTF-16 offset in the decoded original string (which includes the BOM character
 * if the file had one). Offset of a collapsed '\n' maps to its '\r', so span ends stay before the line break.
 */
export function canonicalToOriginal(offset: number, map: OffsetMap): number {
  checkOffset(offset);
  const crlfsBefore = countPrefix(map.crlfAt, (at) => at < offset);
  return offset + crlfsBefore + (map.hadBom ? 1 : 0);
}

/**
 * Inverse of canonicalToOriginal. Original offsets with no canonical twin are clamped down: 0 (before the BOM)
 * maps to 0, and an offset between the '\r' and '\n' of a CRLF maps to the canonical '\n' (the line's end).
 */
export function originalToCanonical(offset: number, map: OffsetMap): number {
  checkOffset(offset);
  const withoutBom = map.hadBom ? Math.max(0, offset - 1) : offset;
  // The '\r' of the i-th CRLF stands at original offset crlfAt[i] + i; count those strictly before the offset.
  const crsBefore = countPrefix(map.crlfAt, (at, index) => at + index < withoutBom);
  return withoutBom - crsBefore;
}
