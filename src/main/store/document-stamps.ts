// Stamps of the document files (src/main): each file's inode, size, modification and change times, written on
// a clean close beside workspace.json, so the next open can trust the index's summary of a file whose stamp is
// unchanged instead of reading and validating every document (a 1,000-document workspace took a minute).
// A write through the store renames a new file into place (a new inode) and any other write moves the change
// time, so a changed or damaged-on-disk file never matches its stamp and is read at open as before; a file
// that rots without any of these changing is found when it is next read (load names it, as a damaged file).
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import type { DocumentSummary, LabelSchema } from '@shared/model';
import { writeFileAtomically } from './durable-json-file';
import type { FileIO } from './file-io';
import { documentPath, type WorkspaceLayout } from './layout';
import { documentMigrations } from './migrations';

const FORMAT = 'tagwright-document-stamps/1';

export function stampsPath(layout: WorkspaceLayout): string {
  return join(layout.dir, 'document-stamps.json');
}

/**
 * What the stamps were taken under: the document schema version and the label schema the files were checked
 * against. Stamps taken under anything else are ignored, so every file is read and checked again.
 */
function fingerprint(labelSchema: LabelSchema): string {
  const schema = createHash('sha256').update(JSON.stringify(labelSchema)).digest('hex');
  return `${FORMAT}:${documentMigrations.current}:${schema}`;
}

/** The stamp of a file as it is now, or null when it cannot be read (then it is simply not trusted). */
async function stampOf(io: FileIO, path: string): Promise<string | null> {
  try {
    const s = await io.stat(path);
    return s.isFile ? `${s.ino}:${s.size}:${s.mtimeMs}:${s.ctimeMs}` : null;
  } catch {
    return null;
  }
}

/** The stamps of the last clean close by document id; empty when absent, unreadable or taken under another fingerprint. */
export async function readStamps(
  io: FileIO,
  layout: WorkspaceLayout,
  labelSchema: LabelSchema,
): Promise<Map<string, string>> {
  try {
    const raw = JSON.parse((await io.readFile(stampsPath(layout))).toString('utf8')) as unknown;
    if (typeof raw !== 'object' || raw === null) return new Map();
    const { fingerprint: taken, stamps } = raw as { fingerprint?: unknown; stamps?: unknown };
    if (taken !== fingerprint(labelSchema) || typeof stamps !== 'object' || stamps === null) return new Map();
    return new Map(
      Object.entries(stamps as Record<string, unknown>).filter(
        (entry): entry is [string, string] => typeof entry[1] === 'string',
      ),
    );
  } catch {
    return new Map();
  }
}

/**
 * The stamp a document's file must still have for its index entry to be trusted: the file's, and the revision
 * of the entry (so an index restored from a backup never stands for a newer file).
 */
export async function currentStamp(
  io: FileIO,
  layout: WorkspaceLayout,
  summary: Pick<DocumentSummary, 'id' | 'revision'>,
): Promise<string | null> {
  const file = await stampOf(io, documentPath(layout, summary.id));
  return file === null ? null : `${file}@${summary.revision}`;
}

/** Takes the stamps of the given documents (each file whole, its journal folded in) and saves them. */
export async function writeStamps(
  io: FileIO,
  layout: WorkspaceLayout,
  labelSchema: LabelSchema,
  summaries: readonly Pick<DocumentSummary, 'id' | 'revision'>[],
): Promise<void> {
  const stamps = Object.create(null) as Record<string, string>;
  for (const summary of summaries) {
    const stamp = await currentStamp(io, layout, summary);
    if (stamp !== null) stamps[summary.id] = stamp;
  }
  const contents = JSON.stringify({ fingerprint: fingerprint(labelSchema), stamps });
  await writeFileAtomically(io, stampsPath(layout), contents);
}
