// HTML import codec (shared layer, pure): one document whose text is the page's readable text, titled by
// <title>, else the first <h1>, else the file name. Its offsets do not map back to the HTML source.
import { extractedDocument, type DecodedFile, type ImportOutcome } from './document-draft';
import { htmlToText } from './html-to-text';

/** One document from an .html file. */
export function parseHtmlDocument(file: DecodedFile): ImportOutcome {
  return extractedDocument(file, 'html', htmlToText(file.text));
}
