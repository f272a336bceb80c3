// Plain-text and Markdown import codecs (shared layer, pure). Plain text is kept verbatim apart from
// canonicalisation (BOM removed, CRLF/CR → LF), so import info maps every offset back to the original file;
// Markdown is converted to the text a reader sees (markdown-to-text.ts), with no map back to the source.
import { canonicalizeText } from '../../text';
import {
  documentTextProblem,
  extractedDocument,
  makeDraft,
  pickTitle,
  refuse,
  type DecodedFile,
  type ImportOutcome,
} from './document-draft';
import { markdownToText } from './markdown-to-text';

/** "astana-22_turkey-syria" → "astana 22 turkey syria". */
export function titleFromStem(stem: string): string {
  return stem.replace(/[-_]+/g, ' ');
}

/** One document from a .txt file, titled after the file name. */
export function parsePlainTextDocument(file: DecodedFile): ImportOutcome {
  const canonical = canonicalizeText(file.text);
  const problem = documentTextProblem(canonical.text);
  if (problem !== null) return refuse(`the text ${problem}`);
  const title = pickTitle(titleFromStem(file.stem), file.sourceName);
  return {
    ok: true,
    documents: [makeDraft(file, 'txt', canonical, title, { sourceFile: file.sourceName })],
  };
}

/**
 * One document from a .md file: the text a reader sees (markup dropped, one line per block, code verbatim),
 * titled by its first heading or else the file name. Like HTML, its offsets do not map back to the .md file.
 */
export function parseMarkdownDocument(file: DecodedFile): ImportOutcome {
  return extractedDocument(file, 'md', markdownToText(file.text));
}
