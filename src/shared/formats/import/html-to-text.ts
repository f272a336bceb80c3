// Extracts readable plain text (and a title) from HTML with htmlparser2's streaming parser, no DOM (shared layer,
// pure). Not offset-preserving: the extracted text becomes the document, so an HTML import has no map back to
// the source file's offsets (see import-file.ts). Nesting is bounded: htmlparser2 keeps its open elements with
// unshift/shift, so its cost grows with the square of the depth (150k nested <div> took 16 s).
import { Parser, type Handler } from 'htmlparser2';
import { formatCount, ImportRefusal } from './document-draft';

/** Deepest element nesting accepted: twice what Chromium's parser builds (512); real pages stay far below. */
export const MAX_HTML_DEPTH = 1000;

/** Elements whose content is never text for the reader. `head` is handled separately (its <title> is read). */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'svg', 'iframe', 'object', 'canvas']);
/** Elements that may sit in <head>; any other element (or visible text) means the body has begun. */
const HEAD_CONTENT = new Set(['title', 'meta', 'link', 'style', 'script', 'noscript', 'base', 'template']);
const BLOCKS = new Set(
  (
    'address article aside blockquote body caption center dd details dialog dir div dl dt fieldset figcaption ' +
    'figure footer form h1 h2 h3 h4 h5 h6 header hgroup hr html legend li listing main menu nav ol option p ' +
    'plaintext pre section summary table tbody tfoot thead tr ul xmp'
  ).split(' '),
);
const CELLS = new Set(['td', 'th']);
const HTML_SPACE_RUN = /[ \t\n\f\r]+/g;
const HTML_SPACE = new Set([' ', '\t', '\n', '\f', '\r']);

/** Accumulates text with HTML's whitespace collapsing and block line breaks (at most one blank line). */
class TextSink {
  private readonly parts: string[] = [];
  private newlines = 0;
  private space = false;
  private empty = true;

  /** A block starts or ends: the next text goes on a new line. */
  blockBoundary(): void {
    this.newlines = Math.max(this.newlines, 1);
    this.space = false;
  }

  /** <br>: one more line break, capped so there is at most one blank line. */
  lineBreak(): void {
    this.newlines = Math.min(this.newlines + 1, 2);
    this.space = false;
  }

  /** Between table cells: a space unless a line break is already owed. */
  softSpace(): void {
    if (this.newlines === 0) this.space = true;
  }

  /** Inline text: every run of HTML whitespace becomes one space, dropped at line starts and ends. */
  inline(data: string): void {
    const collapsed = data.replace(HTML_SPACE_RUN, ' ');
    const lead = collapsed.startsWith(' ') ? 1 : 0;
    const core = collapsed.slice(lead, Math.max(lead, collapsed.length - (collapsed.endsWith(' ') ? 1 : 0)));
    if (lead === 1 && this.newlines === 0) this.space = true;
    if (core !== '') this.verbatim(core);
    if (collapsed.length > lead + core.length && this.newlines === 0) this.space = true;
  }

  /** Text emitted as is (inside <pre>), after any owed separator. */
  verbatim(data: string): void {
    if (data === '') return;
    if (!this.empty) {
      if (this.newlines > 0) this.parts.push('\n'.repeat(this.newlines));
      else if (this.space) this.parts.push(' ');
    }
    this.parts.push(data);
    this.empty = false;
    this.newlines = 0;
    this.space = false;
  }

  /** Everything written, without leading or trailing HTML whitespace. */
  result(): string {
    const text = this.parts.join('');
    let start = 0;
    let end = text.length;
    while (start < end && HTML_SPACE.has(text.charAt(start))) start++;
    while (end > start && HTML_SPACE.has(text.charAt(end - 1))) end--;
    return text.slice(start, end);
  }
}

/** htmlparser2 callbacks: tracks skipped subtrees, <head>, <title>, the first <h1> and <pre>. */
class TextExtractor implements Partial<Handler> {
  readonly sink = new TextSink();
  private skipDepth = 0;
  private inHead = false;
  private inTitle = false;
  private preDepth = 0;
  private preFresh = false;
  private titleParts: string[] | null = null;
  private capturingTitle = false;
  private headingParts: string[] | null = null;
  private inHeading = false;
  /** Open elements, as htmlparser2 counts them (it reports implied and void closes too). */
  private depth = 0;

  constructor(private readonly tooDeep: () => never) {}

  onopentag(name: string): void {
    if (++this.depth > MAX_HTML_DEPTH) this.tooDeep();
    if (SKIPPED.has(name)) this.skipDepth++;
    if (this.skipDepth > 0) return;
    if (name === 'title') return this.openTitle();
    if (name === 'head') this.inHead = true;
    else if (this.inHead && !HEAD_CONTENT.has(name)) this.inHead = false;
    if (name === 'br') this.sink.lineBreak();
    if (name === 'pre') {
      this.preDepth++;
      this.preFresh = true;
    }
    if (name === 'h1' && this.headingParts === null) {
      this.inHeading = true;
      this.headingParts = [];
    }
    if (BLOCKS.has(name)) this.sink.blockBoundary();
  }

  /** Title text is never body text; only the first <title> is kept. */
  private openTitle(): void {
    this.inTitle = true;
    this.titleParts ??= [];
    this.capturingTitle = this.titleParts.length === 0;
  }

  onclosetag(name: string): void {
    this.depth = Math.max(0, this.depth - 1);
    if (SKIPPED.has(name)) this.skipDepth = Math.max(0, this.skipDepth - 1);
    if (this.skipDepth > 0 || SKIPPED.has(name)) return;
    if (name === 'title') {
      this.inTitle = false;
      this.capturingTitle = false;
    }
    if (name === 'head') this.inHead = false;
    if (name === 'pre') this.preDepth = Math.max(0, this.preDepth - 1);
    if (name === 'h1') this.inHeading = false;
    if (BLOCKS.has(name)) this.sink.blockBoundary();
    if (CELLS.has(name)) this.sink.softSpace();
  }

  ontext(data: string): void {
    if (this.skipDepth > 0) return;
    if (this.inTitle) {
      if (this.capturingTitle) this.titleParts?.push(data);
      return;
    }
    if (this.inHead) {
      if (!/[^ \t\n\f\r]/.test(data)) return;
      this.inHead = false; // stray visible text: browsers start the body here
    }
    if (this.inHeading) this.headingParts?.push(data);
    if (this.preDepth === 0) return this.sink.inline(data);
    // The HTML parser drops one newline right after <pre>; everything else inside is kept as is.
    this.sink.verbatim(this.preFresh ? data.replace(/^\r?\n/, '') : data);
    this.preFresh = false;
  }

  title(): string | null {
    for (const parts of [this.titleParts, this.headingParts]) {
      const title = (parts ?? []).join('').replace(HTML_SPACE_RUN, ' ').trim();
      if (title !== '') return title;
    }
    return null;
  }
}

/** 1-based line of the UTF-16 offset `index` in `text`. */
function lineAt(text: string, index: number): number {
  let line = 1;
  for (let at = text.indexOf('\n'); at >= 0 && at < index; at = text.indexOf('\n', at + 1)) line++;
  return line;
}

/**
 * Readable text of an HTML document: scripts, styles, <head> and other non-text subtrees dropped, entities
 * decoded, inline whitespace collapsed, one line per block element (<p>, <div>, <li>, <h1>–<h6>, <tr>, <br>…),
 * at most one blank line in a row (outside <pre>), trimmed. `title` is <title>, else the first <h1>, else null.
 * Throws ImportRefusal (naming the line) when elements nest deeper than MAX_HTML_DEPTH.
 */
export function htmlToText(html: string): { text: string; title: string | null } {
  // Throwing from a callback stops htmlparser2 at once; the half-parsed state is discarded.
  const extractor = new TextExtractor(() => {
    const line = lineAt(html, parser.startIndex);
    throw new ImportRefusal(
      `the HTML nests elements more than ${formatCount(MAX_HTML_DEPTH)} deep; Tagwright refuses such pages`,
      line,
    );
  });
  const parser = new Parser(extractor, { decodeEntities: true, lowerCaseTags: true });
  parser.write(html);
  parser.end();
  return { text: extractor.sink.result(), title: extractor.title() };
}
