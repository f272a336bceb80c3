// HTML import codec (shared layer, pure): one document whose text is the page's readable text.
// The extracted text is not a substring-preserving view of the file, so import info carries no offset map:
// lineEndings 'none' and empty crlfAt/crAt, which means "canonical offsets do not map to the source file".
import { canonicalizeText } from '../../text';
import {
  documentTextProblem,
  makeDraft,
  pickTitle,
  refuse,
  type DecodedFile,
  type ImportOutcome,
} from './document-draft';
import { htmlToText } from './html-to-text';

/** One document from an .html file, titled by <title>, else the first <h1>, else the file name. */
export function parseHtmlDocument(file: DecodedFile): ImportOutcome {
  const extracted = htmlToText(file.text);
  // Only <pre> content can still hold CR; canonicalise like any text, but keep no map (see above).
  const text = canonicalizeText(extracted.text).text;
  if (text === '') return refuse('the HTML has no readable text');
  const problem = documentTextProblem(text);
  if (problem !== null) return refuse(`the text ${problem}`);
  const canonical = { text, lineEndings: 'none' as const, crlfAt: [], crAt: [] };
  const title = pickTitle(extracted.title, file.stem, file.sourceName);
  return {
    ok: true,
    documents: [makeDraft(file, 'html', canonical, title, { sourceFile: file.sourceName })],
  };
}
