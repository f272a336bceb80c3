import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { MAX_IMPORT_FILE_BYTES } from '../../api/contract';
import { MAX_DOCUMENT_CHARS } from '../../model';
import { canonicalToOriginal } from '../../text';
import { fileNameParts, formatBytes, importFile } from './import-file';
import type { DocumentDraft, ImportOutcome } from './document-draft';

const utf8 = (text: string): Uint8Array => new TextEncoder().encode(text);
const samplePath = new URL('../../../../data/astana-22-turkey-syria.txt', import.meta.url);

function onlyDocument(outcome: ImportOutcome): DocumentDraft {
  if (!outcome.ok) throw new Error(`refused: ${outcome.message}`);
  expect(outcome.documents).toHaveLength(1);
  return outcome.documents[0] as DocumentDraft;
}

describe('importFile dispatch', () => {
  it('imports the sample article as plain text titled after its file name', () => {
    const bytes = new Uint8Array(readFileSync(samplePath));
    const draft = onlyDocument(importFile('astana-22-turkey-syria.txt', bytes));
    expect(draft.title).toBe('astana 22 turkey syria');
    expect(draft.text).toBe(new TextDecoder().decode(bytes));
    expect(draft.meta).toEqual({ sourceFile: 'astana-22-turkey-syria.txt' });
    expect(draft.import).toEqual({
      sourceName: 'astana-22-turkey-syria.txt',
      format: 'txt',
      encoding: 'utf-8',
      hadBom: false,
      lineEndings: 'lf',
      crlfAt: [],
      crAt: [],
    });
  });

  it('chooses the format by extension, ignoring case', () => {
    const formatOf = (name: string, text: string): string | undefined => {
      const outcome = importFile(name, utf8(text));
      return outcome.ok ? outcome.documents[0]?.import.format : outcome.message;
    };
    expect(formatOf('a.TXT', 'x')).toBe('txt');
    expect(formatOf('a.text', 'x')).toBe('txt');
    expect(formatOf('a.Markdown', 'x')).toBe('md');
    expect(formatOf('a.md', 'x')).toBe('md');
    expect(formatOf('a.HTM', '<p>x</p>')).toBe('html');
    expect(formatOf('a.html', '<p>x</p>')).toBe('html');
    expect(formatOf('a.NDJSON', '{"text":"x"}')).toBe('jsonl');
    expect(formatOf('a.jsonl', '{"text":"x"}')).toBe('jsonl');
  });

  it('refuses an unsupported file type and says what is supported', () => {
    expect(importFile('report.docx', utf8('x'))).toEqual({
      ok: false,
      message: 'unsupported file type ".docx": Tagwright imports .txt, .md, .html and .jsonl',
    });
  });

  it.each(['constructor', '__proto__', 'toString'])(
    'refuses the extension ".%s" as unsupported, like any unknown one',
    (extension) => {
      expect(importFile(`notes.${extension}`, utf8('Text.'))).toEqual({
        ok: false,
        message: `unsupported file type ".${extension.toLowerCase()}": Tagwright imports .txt, .md, .html and .jsonl`,
      });
    },
  );

  it('refuses a file name without an extension', () => {
    expect(importFile('README', utf8('x'))).toEqual({
      ok: false,
      message: 'the file name has no extension: Tagwright imports .txt, .md, .html and .jsonl',
    });
  });
});

describe('importFile refusals', () => {
  it('refuses a file over the size limit, saying its size and the limit', () => {
    const outcome = importFile('huge.txt', new Uint8Array(MAX_IMPORT_FILE_BYTES + 1024 * 1024));
    expect(outcome).toEqual({ ok: false, message: 'the file is 33 MB; Tagwright imports files up to 32 MB' });
  });

  it('refuses a binary file, naming the line of the first NUL or control byte', () => {
    expect(
      importFile('photo.txt', Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])),
    ).toEqual({
      ok: false,
      message: 'line 3: the file looks binary, not like text (a NUL or control byte at offset 8)',
      line: 3,
    });
  });

  it('names the line of a NUL byte far into a text file', () => {
    const text = utf8('A paragraph of prose.\n'.repeat(1000));
    text[22 * 700 + 5] = 0;
    expect(importFile('report.md', text)).toMatchObject({ ok: false, line: 701 });
  });

  it('tells the user a UTF-16 file must be saved as UTF-8', () => {
    expect(importFile('notes.txt', Uint8Array.from([0xff, 0xfe, 0x41, 0x00]))).toEqual({
      ok: false,
      message: 'the file is UTF-16 text; save it as UTF-8 and import it again',
    });
  });

  it('refuses invalid UTF-8 with the line and offset of the first bad byte', () => {
    const bytes = Uint8Array.from([...utf8('Title\r\nYa'), 0xfe, ...utf8('ar')]);
    expect(importFile('latin1.txt', bytes)).toEqual({
      ok: false,
      message:
        'line 2: not valid UTF-8 (first bad byte at offset 9); save the file as UTF-8 and import it again',
      line: 2,
    });
  });

  it('refuses an empty file', () => {
    expect(importFile('empty.md', new Uint8Array())).toEqual({ ok: false, message: 'the file is empty' });
    expect(importFile('bom-only.txt', Uint8Array.from([0xef, 0xbb, 0xbf]))).toEqual({
      ok: false,
      message: 'the file is empty',
    });
  });

  it('refuses a file of only whitespace', () => {
    expect(importFile('blank.txt', utf8(' \r\n\t\n'))).toEqual({
      ok: false,
      message: 'the file contains only whitespace',
    });
  });

  it('refuses a document longer than the document limit', () => {
    const outcome = importFile('long.txt', new Uint8Array(MAX_DOCUMENT_CHARS + 1).fill(0x61));
    expect(outcome).toEqual({
      ok: false,
      message: 'the text is 10,485,761 characters long; a document may have at most 10,485,760',
    });
  });

  it('refuses HTML without readable text', () => {
    expect(importFile('empty.html', utf8('<html><script>x()</script></html>'))).toEqual({
      ok: false,
      message: 'the HTML has no readable text',
    });
  });

  it('passes the JSONL line number through', () => {
    expect(importFile('c.jsonl', utf8('{"text":"a"}\n{"text":1}'))).toEqual({
      ok: false,
      line: 2,
      message: 'line 2: has no "text" string',
    });
  });
});

describe('importFile text and offsets', () => {
  it('a CRLF file keeps a map back to its original offsets', () => {
    const original = '\uFEFFLavrentiev spoke.\r\n\r\nErdogan replied.\r\n';
    const draft = onlyDocument(importFile('talks.txt', utf8(original)));
    expect(draft.text).toBe('Lavrentiev spoke.\n\nErdogan replied.\n');
    expect(draft.import).toMatchObject({ hadBom: true, lineEndings: 'crlf', crlfAt: [17, 18, 35], crAt: [] });
    const start = draft.text.indexOf('Erdogan');
    const end = start + 'Erdogan replied.'.length;
    const [from, to] = [canonicalToOriginal(start, draft.import), canonicalToOriginal(end, draft.import)];
    expect(original.slice(from, to)).toBe('Erdogan replied.');
  });

  it('imports Markdown as its readable text, titled by its first heading, with no offset map', () => {
    const markdown = '# Astana *22* talks\r\n\r\nSome **bold** text\r\nand a [link](x).\r\n';
    const draft = onlyDocument(importFile('notes.md', utf8(markdown)));
    expect(draft.title).toBe('Astana 22 talks');
    expect(draft.text).toBe('Astana 22 talks\nSome bold text and a link.');
    expect(draft.import).toMatchObject({ format: 'md', lineEndings: 'none', crlfAt: [], crAt: [] });
  });

  it('titles Markdown without a heading by its file stem', () => {
    expect(onlyDocument(importFile('field-notes.md', utf8('no heading'))).title).toBe('field-notes');
  });

  it('imports HTML as its readable text with no offset map to the source', () => {
    const html =
      '\uFEFF<html><head><title>Astana 22</title></head>\r\n<body><p>One.</p>\r\n<p>Two.</p></body></html>';
    const draft = onlyDocument(importFile('page.html', utf8(html)));
    expect(draft).toMatchObject({
      title: 'Astana 22',
      text: 'One.\nTwo.',
      meta: { sourceFile: 'page.html' },
    });
    expect(draft.import).toMatchObject({ format: 'html', lineEndings: 'none', crlfAt: [], crAt: [] });
  });

  it('refuses HTML nested deeper than it allows, quickly and naming the line', () => {
    const started = performance.now();
    const nested = `<html>\n<body>\n${'<div>'.repeat(150_000)}x${'</div>'.repeat(150_000)}`;
    expect(importFile('deep.html', utf8(nested))).toEqual({
      ok: false,
      line: 3,
      message: 'line 3: the HTML nests elements more than 1,000 deep; Tagwright refuses such pages',
    });
    const unclosed = `<p>${'<b>'.repeat(1_000_000)}`;
    expect(importFile('bold.html', utf8(unclosed))).toMatchObject({ ok: false, line: 1 });
    // Nesting costs htmlparser2 time quadratic in depth: 150k levels took 16 s before the bound.
    expect(performance.now() - started).toBeLessThan(3000);
  });

  it('imports HTML nested as deep as real pages are', () => {
    const html = `${'<div>'.repeat(900)}deep text${'</div>'.repeat(900)}`;
    expect(onlyDocument(importFile('ok.html', utf8(html))).text).toBe('deep text');
  });

  it('titles HTML without <title> or <h1> by its file stem', () => {
    expect(onlyDocument(importFile('web_page.htm', utf8('<p>x</p>'))).title).toBe('web_page');
  });

  it('names the source by its base name when given a path', () => {
    expect(onlyDocument(importFile('C:\\corpus\\day-1.txt', utf8('x'))).meta).toEqual({
      sourceFile: 'day-1.txt',
    });
  });
});

describe('file name helpers', () => {
  it('splits names into base, stem and lower-case extension', () => {
    expect(fileNameParts('dir/Report.Final.TXT')).toEqual({
      base: 'Report.Final.TXT',
      stem: 'Report.Final',
      extension: 'txt',
    });
    expect(fileNameParts('.profile')).toEqual({ base: '.profile', stem: '.profile', extension: '' });
  });

  it('formats sizes as users read them', () => {
    expect(formatBytes(32 * 1024 * 1024)).toBe('32 MB');
    expect(formatBytes(40.5 * 1024 * 1024)).toBe('40.5 MB');
    expect(formatBytes(2048)).toBe('2 KB');
    expect(formatBytes(17)).toBe('17 bytes');
  });
});
