// Markdown becomes the text a reader sees: markup dropped, one line per block, code kept verbatim, links as
// their text, tables cell by cell; the title is the first heading. Parsing is linear in the input.
import { describe, expect, it } from 'vitest';
import { markdownToText } from './markdown-to-text';

describe('markdownToText', () => {
  it('drops heading marks and emphasis and puts each block on its own line', () => {
    const md = '# Astana *22* talks\n\nThe minister **said** it\nwill rain.\n\n\n\nSecond paragraph.\n';
    expect(markdownToText(md)).toEqual({
      text: 'Astana 22 talks\nThe minister said it will rain.\nSecond paragraph.',
      title: 'Astana 22 talks',
    });
  });

  it('keeps a link as its text and an image as its description', () => {
    expect(markdownToText('See [the report](https://example.org "r") and ![a map](m.png).').text).toBe(
      'See the report and a map.',
    );
  });

  it('puts list items one per line, nested ones too', () => {
    expect(markdownToText('- one\n- two\n  1. two a\n  2. two b\n- three').text).toBe(
      'one\ntwo\ntwo a\ntwo b\nthree',
    );
  });

  it('keeps a code block as its text, indentation and blank lines included', () => {
    const md = 'Before.\n\n```js\nif (a) {\n\n    b();\n}\n```\n\n    indented code\n\nAfter.';
    expect(markdownToText(md).text).toBe('Before.\nif (a) {\n\n    b();\n}\nindented code\nAfter.');
  });

  it('reads a table cell by cell, one row per line', () => {
    const md = '| Actor | Says |\n| --- | --- |\n| Erdogan | *no* |\n| Assad | yes |';
    expect(markdownToText(md).text).toBe('Actor\tSays\nErdogan\tno\nAssad\tyes');
  });

  it('keeps block quotes, drops rules and raw HTML tags but keeps text between them', () => {
    const md = '> Quoted *line*.\n\n---\n\nText with <b>bold</b> HTML.\n\n<div>\n<p>Block</p>\n</div>';
    expect(markdownToText(md).text).toBe('Quoted line.\nText with bold HTML.\nBlock');
  });

  it('decodes entities and keeps hard line breaks', () => {
    expect(markdownToText('Fish &amp; chips  \nnext line\\\nlast').text).toBe(
      'Fish & chips\nnext line\nlast',
    );
  });

  it('takes a setext heading as the title, and has none without a heading', () => {
    expect(markdownToText('Report\n======\n\nBody.').title).toBe('Report');
    expect(markdownToText('Just text.').title).toBeNull();
  });

  it('never normalises the text (NFD stays NFD)', () => {
    const nfd = 'Cafe\u0301 talks';
    expect(markdownToText(nfd).text).toBe(nfd);
  });

  it('refuses raw HTML nested too deep, naming the line of the Markdown file', () => {
    const md = `# Title\n\nText.\n\n<div>\n${'<div>'.repeat(2000)}`;
    expect(() => markdownToText(md)).toThrow(expect.objectContaining({ line: 6 }));
  });

  it('reads a heading padded with 60,000 spaces in linear time', () => {
    const started = performance.now();
    const result = markdownToText(`# a${' '.repeat(60_000)}b`);
    // The old title regex backtracked for 5.6 s here; a linear parse takes milliseconds.
    expect(performance.now() - started).toBeLessThan(1500);
    expect(result.title?.replace(/ +/g, ' ')).toBe('a b');
  });
});
