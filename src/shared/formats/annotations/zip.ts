// Zipping multi-file exports (shared layer, pure) with fflate, a maintained library, never by hand. Entries
// are UTF-8 text with their safe relative paths; the caller writes the bytes to disk or offers a download.
import { strToU8, zipSync, type Zippable } from 'fflate';
import type { OutputFile } from './bundle';

/** One zip archive holding every file; duplicate paths are a bug in the caller and are refused. */
export function zipFiles(files: readonly OutputFile[]): Uint8Array {
  const entries: Zippable = Object.create(null) as Zippable;
  for (const file of files) {
    if (Object.hasOwn(entries, file.path)) throw new Error(`two files in one export are named ${file.path}`);
    entries[file.path] = strToU8(file.content);
  }
  return zipSync(entries, { level: 6 });
}
