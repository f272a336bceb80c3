// The page's own assets: the icon it names exists among the files Vite copies into the build, so the browser
// gets it instead of a 404 for /favicon.ico, and it is an SVG the CSP allows ('self').
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';

const rendererDir = new URL('./renderer/', import.meta.url);

describe('the page', () => {
  it('names an icon that the build ships', () => {
    const html = readFileSync(new URL('index.html', rendererDir), 'utf8');
    const href = /<link rel="icon" type="image\/svg\+xml" href="\.\/([^"]+)"/.exec(html)?.[1];
    expect(href).toBeDefined();
    const icon = new URL(`public/${href}`, rendererDir);
    expect(existsSync(icon)).toBe(true);
    expect(readFileSync(icon, 'utf8')).toMatch(/^<svg [^>]*xmlns="http:\/\/www\.w3\.org\/2000\/svg"/);
  });
});
