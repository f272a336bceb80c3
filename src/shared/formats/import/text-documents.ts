// Plain-text and Markdown import codecs (shared layer, pure). Both keep the text verbatim apart from
// canonicalisation (BOM removed, CRLF/CR → LF), so import info maps every offset back to the original file;
// Markdown is not rendered, its first ATX heading only supplies the title.
import { canonicalizeText } from '../../text';
import {
  documentTextProblem,
  makeDraft,
  pickTitle,
  refuse,
  type DecodedFile,
  type ImportOutcome,
} from './document-draft';

/** "astana-22_turkey-syria" → "astana 22 turkey syria". */
export function titleFromStem(stem: string): string {
  return stem.replace(/[-_]+/g, ' ');
}

const ATX_HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/** Text of the first ATX heading ("# Title", "## Title ##") outside fenced code blocks, or null. */
export function firstMarkdownHeading(markdown: string): string | null {
  let fence: string | null = null;
  let from = 0;
  while (from <= markdown.length) {
    const newline = markdown.indexOf('\n', from);
    const line = markdown.slice(from, newline < 0 ? markdown.length : newline);
    const fenceMatch = FENCE.exec(line);
    if (fenceMatch !== null) {
      const marker = fenceMatch[1] ?? '';
      if (fence === null) fence = marker;
      else if (marker[0] === fence[0] && marker.length >= fence.length) fence = null;
    } else if (fence === null) {
      const heading = ATX_HEADING.exec(line)?.[1]?.trim();
      if (heading !== undefined && heading !== '') return heading;
    }
    if (newline < 0) break;
    from = newline + 1;
  }
  return null;
}

function parseVerbatim(
  file: DecodedFile,
  format: 'txt' | 'md',
  titleOf: (text: string) => string,
): ImportOutcome {
  const canonical = canonicalizeText(file.text);
  const problem = documentTextProblem(canonical.text);
  if (problem !== null) return refuse(`the text ${problem}`);
  const title = titleOf(canonical.text);
  return {
    ok: true,
    documents: [makeDraft(file, format, canonical, title, { sourceFile: file.sourceName })],
  };
}

/** One document from a .txt file, titled after the file name. */
export function parsePlainTextDocument(file: DecodedFile): ImportOutcome {
  return parseVerbatim(file, 'txt', () => pickTitle(titleFromStem(file.stem), file.sourceName));
}

/** One document from a .md file, kept verbatim, titled by its first heading or else the file name. */
export function parseMarkdownDocument(file: DecodedFile): ImportOutcome {
  return parseVerbatim(file, 'md', (text) =>
    pickTitle(firstMarkdownHeading(text), file.stem, file.sourceName),
  );
}
