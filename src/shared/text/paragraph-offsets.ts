// Maps canonical text offsets to ProseMirror positions and back (shared layer, pure; the renderer's editor uses
// it). The editor document is doc(paragraph(text)*) with one paragraph per '\n'-separated line (an empty line is
// an empty paragraph), so pos(t) = t + 1 + (number of '\n' before t). Both directions are O(log lines).

export class ParagraphOffsets {
  /** The paragraphs' texts, in order: `text.split('\n')` (never empty: '' gives one empty paragraph). */
  readonly paragraphs: readonly string[];
  /** Text offset at which each paragraph starts. */
  private readonly lineStarts: readonly number[];
  private readonly textLength: number;

  constructor(text: string) {
    const starts = [0];
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
    this.lineStarts = starts;
    this.textLength = text.length;
    this.paragraphs = text.split('\n');
  }

  /** Size of the ProseMirror doc's content: every paragraph adds its text plus an opening and a closing token. */
  get docSize(): number {
    return this.textLength - (this.lineStarts.length - 1) + 2 * this.lineStarts.length;
  }

  /** ProseMirror position of text offset `offset` (0 <= offset <= text length). */
  textToPos(offset: number): number {
    if (!Number.isInteger(offset) || offset < 0 || offset > this.textLength) {
      throw new RangeError(`text offset ${offset} is outside the text (length ${this.textLength})`);
    }
    return offset + 1 + this.paragraphIndexOfOffset(offset);
  }

  /**
   * Text offset of ProseMirror position `pos` (0 <= pos <= docSize). Positions that are not inside a
   * paragraph's content clamp to the nearest text offset: pos 0 (before the first paragraph) gives 0, the
   * position between two paragraphs gives the end of the earlier one (the offset of its '\n'), and docSize
   * (after the last paragraph) gives the text length.
   */
  posToText(pos: number): number {
    const size = this.docSize;
    if (!Number.isInteger(pos) || pos < 0 || pos > size) {
      throw new RangeError(`position ${pos} is outside the document (size ${size})`);
    }
    if (pos === 0) return 0;
    const index = this.paragraphIndexOfPos(pos);
    const lineStart = this.lineStarts[index] ?? 0;
    const contentStart = lineStart + 1 + index;
    const lineEnd = this.lineEnd(index);
    return Math.min(lineStart + (pos - contentStart), lineEnd);
  }

  /** Offset just past paragraph `index`'s text (its '\n', or the text end for the last one). */
  private lineEnd(index: number): number {
    const next = this.lineStarts[index + 1];
    return next === undefined ? this.textLength : next - 1;
  }

  /** Index of the paragraph holding `offset`: the number of '\n' before it. */
  private paragraphIndexOfOffset(offset: number): number {
    return this.lastIndexWhere((start) => start <= offset);
  }

  /** Index of the last paragraph whose content starts at or before `pos` (pos >= 1). */
  private paragraphIndexOfPos(pos: number): number {
    return this.lastIndexWhere((start, index) => start + 1 + index <= pos);
  }

  /** Binary search: the last line index for which `holds` is true (it is true for index 0, monotone). */
  private lastIndexWhere(holds: (lineStart: number, index: number) => boolean): number {
    let lo = 0;
    let hi = this.lineStarts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (holds(this.lineStarts[mid] ?? 0, mid)) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  }
}
