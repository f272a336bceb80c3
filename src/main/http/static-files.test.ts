// The served page carries the user's theme and text size on its <html> element (no flash of the light theme),
// escaped, and only as data- attributes; other files pass through byte for byte.
import { describe, expect, it } from 'vitest';
import { withPageAttributes, type StaticFile } from './static-files';

const page: StaticFile = {
  body: Buffer.from('<!doctype html>\n<html lang="en"><body></body></html>'),
  contentType: 'text/html; charset=utf-8',
};

describe('the served page', () => {
  it('writes the theme and text size onto <html>', () => {
    const served = withPageAttributes(page, () => ({ 'data-theme': 'dark', 'data-text-scale': '1.2' }));
    expect(served.body.toString()).toContain('<html data-theme="dark" data-text-scale="1.2" lang="en">');
  });

  it('escapes values and writes nothing but data- attributes', () => {
    const served = withPageAttributes(page, () => ({ 'data-theme': '"><script>', onload: 'alert(1)' }));
    const html = served.body.toString();
    expect(html).toContain('data-theme="&quot;>&lt;script>"');
    expect(html).not.toContain('onload');
  });

  it('leaves other files and a host without preferences untouched', () => {
    const script: StaticFile = { body: Buffer.from('<html'), contentType: 'text/javascript' };
    expect(withPageAttributes(script, () => ({ 'data-theme': 'dark' }))).toBe(script);
    expect(withPageAttributes(page, undefined)).toBe(page);
  });
});
