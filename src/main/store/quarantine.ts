// Byte-identical copies of files that failed to load, in `quarantine/` (src/main).
// The damaged original is never overwritten or deleted in place; reopening the same damaged file does not pile
// up copies, because an identical earlier copy is reused.
import { basename, dirname, join } from 'node:path';
import { tempPathFor } from './durable-json-file';
import type { FileIO } from './file-io';
import { fileStamp, relativeName, type WorkspaceLayout } from './layout';

/**
 * Copies `file` (inside the workspace) to `quarantine/<same folder>/<name>.<stamp>.json` and returns the copy's
 * path relative to the workspace folder. Throws when the file cannot be read or copied.
 */
export async function quarantineFile(
  io: FileIO,
  layout: WorkspaceLayout,
  file: string,
  now: Date,
): Promise<string> {
  const rel = relativeName(layout, file);
  const folder = dirname(rel) === '.' ? layout.quarantineDir : join(layout.quarantineDir, dirname(rel));
  const stem = basename(rel).replace(/\.json$/, '');
  await io.mkdirp(folder);
  const existing = await findIdenticalCopy(io, folder, stem, file);
  if (existing) return relativeName(layout, existing);
  const target = join(folder, `${stem}.${fileStamp(now)}.json`);
  // Copy under a temp name first, so a copy cut short (full disk) is never mistaken for the real bytes.
  const temp = tempPathFor(target);
  try {
    await io.copyFile(file, temp);
    await io.rename(temp, target);
  } catch (error) {
    await io.unlink(temp).catch(() => undefined);
    throw error;
  }
  await io.fsyncDir(folder);
  return relativeName(layout, target);
}

async function findIdenticalCopy(
  io: FileIO,
  folder: string,
  stem: string,
  file: string,
): Promise<string | null> {
  const candidates = (await io.readdir(folder)).filter(
    (n) => n.startsWith(`${stem}.`) && n.endsWith('.json'),
  );
  if (candidates.length === 0) return null;
  const original = await io.readFile(file);
  for (const name of candidates.sort().reverse()) {
    const path = join(folder, name);
    const stat = await io.stat(path);
    if (stat.size === original.length && (await io.readFile(path)).equals(original)) return path;
  }
  return null;
}
