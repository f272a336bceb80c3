// Serves the built renderer's files for the browser-mode host (src/main). Only files inside the renderer
// folder are served (no traversal, no directory listings); anything else is a 404.
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
