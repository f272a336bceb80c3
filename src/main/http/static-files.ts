// Serves the built renderer's files for the browser-mode host and Electron's app:// (src/main). Only files
// inside the renderer folder are served (no traversal, no directory listings); anything else is a 404.
import { readFile, stat } from 'node:fs/promises';
import { join, normalize, sep } from 'node:path';
import { contentTypeFor } from '../security-headers';

export interface StaticFile {
  body: Buffer;
  contentType: string;
}

export async function readStaticFile(rootDir: string, urlPath: string): Promise<StaticFile | null> {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  const relative = decoded === '/' ? 'index.html' : decoded.replace(/^\/+/, '');
  if (relative.includes('\0')) return null;
  const root = normalize(rootDir + sep);
  const full = normalize(join(root, relative));
  if (!full.startsWith(root)) return null;
  try {
    if (!(await stat(full)).isFile()) return null;
    return { body: await readFile(full), contentType: contentTypeFor(full) };
  } catch {
    return null;
  }
}

/** Attributes written onto index.html's <html> element as it is served (the user's theme and text size). */
export type PageAttributes = () => Readonly<Record<string, string>>;

const escapeAttribute = (value: string) =>
  value.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');

/**
 * The page with `attributes` on its <html> element, so its first paint already has the user's theme: no
 * flash of the light theme before the scripts run. Other files pass through untouched.
 */
export function withPageAttributes(file: StaticFile, attributes: PageAttributes | undefined): StaticFile {
  if (attributes === undefined || !file.contentType.startsWith('text/html')) return file;
  const written = Object.entries(attributes())
    .filter(([name]) => /^data-[a-z-]+$/.test(name))
    .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
    .join('');
  const html = file.body.toString('utf8').replace(/<html\b/, `<html${written}`);
  return { ...file, body: Buffer.from(html, 'utf8') };
}
