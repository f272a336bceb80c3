// Turns Markdown into the plain text a reader sees, with markdown-it's CommonMark parser (shared layer, pure).
// One line per block (paragraphs, headings, list items, quotes), code blocks verbatim, links and images as
// their text, tables one row per line with cells separated by a tab, raw HTML reduced to its text. Like HTML,
// the result is not a substring-preserving view of the file: offsets do not map back to the .md source.
import MarkdownIt, { type Token } from 'markdown-it';
import { ImportRefusal } from './document-draft';
import { htmlToText } from './html-to-text';

// `html: true` so raw HTML comes as tokens we can reduce to text instead of being shown as markup.
// typographer stays off: quotes and dashes are never rewritten (the text is never normalised).
const markdown = new MarkdownIt('commonmark', { html: true }).enable('table');

/** Inline children as text: markup dropped, soft breaks as spaces, hard breaks as line breaks. */
function inlineText(tokens: readonly Token[]): string {
  let text = '';
  for (const token of tokens) {
    if (token.type === 'text' || token.type === 'code_inline') text += token.content;
    else if (token.type === 'softbreak') text += ' ';
    else if (token.type === 'hardbreak') text += '\n';
    else if (token.type === 'image') text += inlineText(token.children ?? []);
    // html_inline (tags) and the open/close tokens of emphasis and links carry no text of their own.
  }
  return text;
}

/** The text of a raw HTML block; a refusal names the line of the .md file, not of the block. */
function htmlBlockText(token: Token): string {
  try {
    return htmlToText(token.content).text;
  } catch (error) {
    if (!(error instanceof ImportRefusal) || error.line === undefined) throw error;
    throw new ImportRefusal(error.message, (token.map?.[0] ?? 0) + error.line);
  }
}

/** Accumulates blocks as lines; table cells of one row share a line. */
class BlockLines {
  private readonly lines: string[] = [];
  private row: string[] | null = null;

  block(text: string): void {
    if (text.trim() !== '') this.lines.push(text);
  }

  startRow(): void {
    this.row = [];
  }

  cell(text: string): void {
    this.row?.push(text.trim());
  }

  endRow(): void {
    if (this.row !== null && this.row.some((cell) => cell !== '')) this.lines.push(this.row.join('\t'));
    this.row = null;
  }

  get inRow(): boolean {
    return this.row !== null;
  }

  result(): string {
    return this.lines.join('\n');
  }
}

/** Readable text of a Markdown document and its first heading (ATX or setext), or null when it has none. */
export function markdownToText(source: string): { text: string; title: string | null } {
  const tokens = markdown.parse(source, {});
  const out = new BlockLines();
  let title: string | null = null;
  let inHeading = false;
  for (const token of tokens) {
    switch (token.type) {
      case 'heading_open':
        inHeading = true;
        break;
      case 'heading_close':
        inHeading = false;
        break;
      case 'tr_open':
        out.startRow();
        break;
      case 'tr_close':
        out.endRow();
        break;
      case 'fence':
      case 'code_block':
        out.block(token.content.replace(/\n$/, ''));
        break;
      case 'html_block':
        out.block(htmlBlockText(token));
        break;
      case 'inline': {
        const text = inlineText(token.children ?? []);
        if (inHeading && title === null && text.trim() !== '') title = text.trim();
        if (out.inRow) out.cell(text);
        else out.block(text.trim());
        break;
      }
    }
  }
  return { text: out.result(), title };
}
