// Quotations in a text (shared layer, pure): pairs of “…”, "…" and «…» within one paragraph, with the
// content's range. claims.ts decides which quotations are claims; this module only pairs the marks.

export interface Quotation {
  /** Offset of the opening mark and of the closing mark. */
  open: number;
  close: number;
}

const CURLY_OPEN = '“';
const CURLY_CLOSE = '”';

function pairsInParagraph(text: string, from: number, to: number, into: Quotation[]): void {
  let curly = -1;
  let straight = -1;
  let guillemet = -1;
  for (let i = from; i < to; i++) {
    const c = text.charAt(i);
    if (c === CURLY_OPEN) curly = i;
    else if (c === CURLY_CLOSE && curly >= 0) {
      into.push({ open: curly, close: i });
      curly = -1;
    } else if (c === '«') guillemet = i;
    else if (c === '»' && guillemet >= 0) {
      into.push({ open: guillemet, close: i });
      guillemet = -1;
    } else if (c === '"') {
      // Straight quotes cannot tell opening from closing; they alternate within a paragraph.
      if (straight < 0) straight = i;
      else {
        into.push({ open: straight, close: i });
        straight = -1;
      }
    }
  }
}

/** Every balanced quotation, in order of its opening mark. An unclosed mark pairs with nothing. */
export function findQuotations(text: string): Quotation[] {
  const quotations: Quotation[] = [];
  let start = 0;
  while (start <= text.length) {
    const newline = text.indexOf('\n', start);
    const end = newline < 0 ? text.length : newline;
    pairsInParagraph(text, start, end, quotations);
    start = end + 1;
  }
  return quotations.sort((a, b) => a.open - b.open);
}
