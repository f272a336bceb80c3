// The document formats the malformed-imports campaign attacks (bench/reliability, Node only), as a table: for
// each format, valid files to mutate and the attacks aimed at its own parser (nesting, backtracking,
// unclosed tags). Annotated formats have their own path and files (annotated-*.ts).
import { generateArticle, generateShortArticles, toJsonl } from '../../lib/corpus';

export interface MalformedFile {
  name: string;
  bytes: Buffer;
  /** What was done to the file, for the report. */
  attack: string;
  /** The file is invalid for sure: accepting it is a failure. Otherwise it may import or be refused. */
  mustRefuse: boolean;
  /** Where the defect is (1-based line); a refusal must name it. */
  line?: number;
  /** A parser stress case (slow on purpose): run with the longer time limit. */
  heavy?: boolean;
}

export interface ImportFormat {
  extension: string;
  /** JSON per line: a broken line must be named. */
  jsonLines: boolean;
  /** Valid files of the format, some larger than 8 KiB so defects can sit past the first 8 KiB. */
  samples(): string[];
  /** Parser stress cases; `quick` asks for smaller ones that still take long on a quadratic parser. */
  attacks(quick: boolean): MalformedFile[];
}

const escapeHtml = (text: string): string =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const article = (bytes: number, seed: number): string => generateArticle(bytes, seed).text;
const heavy = (name: string, attack: string, text: string): MalformedFile => ({
  name,
  bytes: Buffer.from(text),
  attack,
  mustRefuse: false,
  heavy: true,
});

/** "1,600,000": counts as the report prints them. */
const count = (n: number): string => n.toLocaleString('en-US');

/** The quick sample keeps the stress cases big enough to take seconds on a quadratic parser, no more. */
function longLine(name: string, quick: boolean, wrap: (text: string) => string): MalformedFile {
  const words = quick ? 200_000 : 1_600_000;
  return heavy(name, `a single line of ${count(words * 5)} characters`, wrap('word '.repeat(words)));
}

export const IMPORT_FORMATS: readonly ImportFormat[] = [
  {
    extension: 'txt',
    jsonLines: false,
    samples: () => [article(3_000, 1), article(20_000, 2)],
    attacks: (quick) => [longLine('one-long-line.txt', quick, (text) => text)],
  },
  {
    extension: 'md',
    jsonLines: false,
    samples: () => [
      `# Talks in Astana\n\n${article(3_000, 3)}\n\n\`\`\`\n# not a heading\n\`\`\`\n\n- one\n- two\n`,
      `Intro line\n\n## Second heading ##\n\n${article(20_000, 4)}\n`,
    ],
    attacks: (quick) => {
      const spaces = quick ? 20_000 : 100_000;
      return [
        heavy(
          'heading.md',
          `a heading line with ${count(spaces)} spaces (a backtracking regex)`,
          `# a${' '.repeat(spaces)}b\n`,
        ),
        heavy('quotes.md', '100,000 nested block quotes', `${'>'.repeat(100_000)} deep\n`),
      ];
    },
  },
  {
    extension: 'html',
    jsonLines: false,
    samples: () => [
      `<!doctype html><html><head><title>Talks</title><style>p{color:red}</style></head><body><h1>Astana</h1><p>${escapeHtml(article(3_000, 5))}</p><script>var x = "</p>";</script></body></html>`,
      `<html><body>${article(20_000, 6)
        .split('\n')
        .map((p) => `<p>${escapeHtml(p)}</p>`)
        .join('\n')}</body></html>`,
    ],
    attacks: (quick) => {
      const depth = quick ? 60_000 : 150_000;
      const nested = heavy('nested.html', `${count(depth)} nested <div>`, `${'<div>'.repeat(depth)}deep`);
      return quick
        ? [nested]
        : [nested, heavy('unclosed.html', '1,000,000 unclosed <b>', `${'<b>'.repeat(1_000_000)}bold`)];
    },
  },
  {
    extension: 'jsonl',
    jsonLines: true,
    samples: () => [toJsonl(generateShortArticles(4, 7)), toJsonl(generateShortArticles(12, 8, 100))],
    attacks: (quick) => [
      heavy(
        'deep.jsonl',
        'an ignored field nested 100,000 levels',
        `{"text":"deep","other":${'['.repeat(100_000)}${']'.repeat(100_000)}}\n`,
      ),
      longLine('long.jsonl', quick, (text) => `${JSON.stringify({ text })}\n`),
    ],
  },
  // Annotated formats (brat pairs and zips, doccano, Label Studio, JSONL with spans, native, W3C) go through
  // import:preview/import:commit instead: their samples are real exports (annotated-samples.ts), damaged by
  // annotated-mutations.ts and annotated-attacks.ts.
];
