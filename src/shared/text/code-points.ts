// Converting UTF-16 offsets (the app's unit) to Unicode code points (Python's `str` indices, the unit of brat,
// doccano, JSONL, Label Studio and W3C exports) and back (shared layer, pure). The table of surrogate pairs
// is built once per text in O(n); each conversion is then a binary search, so converting every span of a
// large document costs O(n + k log n) instead of rescanning the text per offset.
import { isHighSurrogate, isLowSurrogate } from './surrogates';

/** Thrown for an offset outside the text or one that falls between the halves of a surrogate pair. */
export class OffsetError extends RangeError {
  constructor(message: string) {
    super(message);
    this.name = 'OffsetError';
  }
}

export class CodePointIndex {
  /** UTF-16 offsets at which a surrogate pair begins, ascending. */
  private readonly pairStarts: number[] = [];
  readonly utf16Length: number;
  readonly codePointLength: number;

  constructor(text: string) {
    for (let i = 0; i + 1 < text.length; i++) {
      if (isHighSurrogate(text.charCodeAt(i)) && isLowSurrogate(text.charCodeAt(i + 1))) {
        this.pairStarts.push(i);
        i++;
      }
    }
    this.utf16Length = text.length;
    this.codePointLength = text.length - this.pairStarts.length;
  }

  /** The code-point offset of a UTF-16 offset; refuses one outside the text or inside a surrogate pair. */
  toCodePoints(utf16: number): number {
    if (!Number.isInteger(utf16) || utf16 < 0 || utf16 > this.utf16Length) {
      throw new OffsetError(`offset ${utf16} is outside the text (0 to ${this.utf16Length} UTF-16 units)`);
    }
    // Pairs that begin before the offset; the last of them must also end at or before it.
    const before = countBelow(this.pairStarts.length, (i) => this.pairStarts[i]! < utf16);
    if (before > 0 && this.pairStarts[before - 1]! + 1 === utf16) {
      throw new OffsetError(`offset ${utf16} splits a surrogate pair (one emoji or symbol)`);
    }
    return utf16 - before;
  }

  /** The UTF-16 offset of a code-point offset; refuses one outside the text. */
  toUtf16(codePoints: number): number {
    if (!Number.isInteger(codePoints) || codePoints < 0 || codePoints > this.codePointLength) {
      throw new OffsetError(
        `offset ${codePoints} is outside the text (0 to ${this.codePointLength} code points)`,
      );
    }
    // The i-th pair begins at code point pairStarts[i] - i; count the pairs that begin before the offset.
    const before = countBelow(this.pairStarts.length, (i) => this.pairStarts[i]! - i < codePoints);
    return codePoints + before;
  }
}

/** The number of leading indices in [0, length) for which `below` holds (it must hold on a prefix). */
function countBelow(length: number, below: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (below(mid)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
