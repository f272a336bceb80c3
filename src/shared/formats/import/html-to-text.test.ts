import { describe, it, expect } from 'vitest';
import { htmlToText } from './html-to-text';

const textOf = (html: string): string => htmlToText(html).text;

describe('htmlToText', () => {
  it('drops scripts, styles and other non-text elements', () => {
    const html =
      '<p>Before</p><script>var x = "<p>no</p>";</script><style>p { color: red }</style>' +
      '<noscript>Enable JS</noscript><template><p>tpl</p></template><svg><text>chart</text><title>t</title></svg>' +
      '<iframe src="x">frame</iframe><p>After</p>';
    expect(textOf(html)).toBe('Before\nAfter');
  });

  it('decodes named and numeric entities', () => {
    expect(textOf('<p>Tom &amp; Jerry &lt;3 caf&eacute; &#x1F600; &#8220;quoted&#8221;</p>')).toBe(
      'Tom & Jerry <3 café \u{1F600} “quoted”',
    );
  });

  it('keeps a non-breaking space as U+00A0 rather than collapsing it', () => {
    expect(textOf('<p>10&nbsp;km</p>')).toBe('10\u00A0km');
  });

  it('puts each block element on its own line and collapses inline whitespace', () => {
    const html = `<h1>  Title\n  here </h1>
      <div>First   <b>bold</b>\t<i>para</i></div>
      <ul><li>one</li><li>two</li></ul>
      <blockquote>quote</blockquote>`;
    expect(textOf(html)).toBe('Title here\nFirst bold para\none\ntwo\nquote');
  });

  it('does not add spaces between adjacent inline elements', () => {
    expect(textOf('<p>Erdo<b>gan</b>’s <a href="#">visit</a>.</p>')).toBe('Erdogan’s visit.');
  });

  it('turns <br> into a line break and allows at most one blank line in a row', () => {
    expect(textOf('<p>a<br>b<br><br>c<br><br><br><br>d</p>')).toBe('a\nb\n\nc\n\nd');
  });

  it('does not add a line for a <br> at the end of a block', () => {
    expect(textOf('<div>a<br></div><div>b</div>')).toBe('a\nb');
  });

  it('closes unclosed paragraphs and list items like a browser', () => {
    expect(textOf('<p>one<p>two<ul><li>x<li>y</ul>')).toBe('one\ntwo\nx\ny');
  });

  it('keeps whitespace inside <pre> verbatim, minus the newline right after the tag', () => {
    expect(textOf('<p>code:</p><pre>\n  line 1\n    line 2</pre><p>end</p>')).toBe(
      'code:\n  line 1\n    line 2\nend',
    );
  });

  it('puts table rows on lines and separates cells with a space', () => {
    expect(
      textOf('<table><tr><th>Who</th><th>Said</th></tr><tr><td>Erdogan</td><td>yes</td></tr></table>'),
    ).toBe('Who Said\nErdogan yes');
  });

  it('trims the whole text', () => {
    expect(textOf('\n\n   <p>  body  </p>  \n')).toBe('body');
  });

  it('reads the title from <title> and drops the rest of <head>', () => {
    const html =
      '<html><head><meta charset="utf-8"><title> Astana &amp; after </title><style>x{}</style></head>' +
      '<body><h1>Heading</h1><p>Text</p></body></html>';
    expect(htmlToText(html)).toEqual({ title: 'Astana & after', text: 'Heading\nText' });
  });

  it('falls back to the first <h1> for the title', () => {
    expect(htmlToText('<h1>First <em>one</em></h1><h1>Second</h1><p>x</p>').title).toBe('First one');
  });

  it('has no title when there is neither <title> nor <h1>', () => {
    expect(htmlToText('<p>just text</p>').title).toBeNull();
  });

  it('starts the body when a head is left open', () => {
    expect(textOf('<head><title>T</title><p>visible</p>')).toBe('visible');
  });

  it('ignores comments and doctype', () => {
    expect(textOf('<!DOCTYPE html><!-- hidden --><p>shown</p>')).toBe('shown');
  });

  it('gives empty text for markup without readable text', () => {
    expect(textOf('<html><head><script>x()</script></head><body> <br> </body></html>')).toBe('');
  });
});
